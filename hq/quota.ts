// A per-device daily quota (reference data `sync.quota`: rows and bytes per Beijing day). One
// device — stolen, broken or scripted — cannot fill HQ's database or starve the others. Counting and
// refusing happen in the transaction that takes the data, so a refused batch leaves nothing behind:
// the device keeps it, says why in both languages, and sends it again once the day has turned.
import { sql } from 'kysely';
import { todayInBeijing } from '../shared/core/dates.js';
import type { SyncSettings } from '../shared/sync/settings.js';
import { HqError } from './errors.js';
import type { HqStore } from './store.js';

export const QUOTA_CODE = 'quota_exceeded';

/** Milliseconds until the next Beijing midnight. */
function untilTomorrow(now: number): number {
  const day = 86_400_000;
  const beijing = now + 8 * 3_600_000;
  return day - (beijing % day);
}

/**
 * Adds what the device sends now to its day, or refuses (429) when that would pass the quota. One
 * statement: the day's row grows only where the sum stays within the quota, and a refusal writes
 * nothing, inside a transaction or not (a blob upload charges outside one).
 */
export async function charge(db: HqStore['db'], deviceId: string, quota: SyncSettings['quota'], add: { rows: number; bytes: number }, now: number): Promise<void> {
  const day = todayInBeijing(new Date(now));
  const within = add.rows <= quota.rowsPerDay && add.bytes <= quota.bytesPerDay
    && (await sql`INSERT INTO hq_usage (device_id, day, rows, bytes) VALUES (${deviceId}, ${day}, ${add.rows}, ${add.bytes})
      ON CONFLICT (device_id, day) DO UPDATE SET rows = hq_usage.rows + excluded.rows, bytes = hq_usage.bytes + excluded.bytes
      WHERE hq_usage.rows + excluded.rows <= ${quota.rowsPerDay} AND hq_usage.bytes + excluded.bytes <= ${quota.bytesPerDay}
      RETURNING 1 AS ok`.execute(db)).rows.length > 0;
  if (within) return;
  const mb = (n: number) => Math.max(1, Math.round(n / 1024 / 1024));
  throw new HqError(429, QUOTA_CODE,
    `本设备今日向总部上传的数据已达上限（每天 ${quota.rowsPerDay} 条记录、${mb(quota.bytesPerDay)} MB）。未上传的数据都安全保存在本机，北京时间明天 0 点后会自动继续上传；如确需今天上传，请联系总部管理员提高限额`,
    `This device has reached today's upload limit (${quota.rowsPerDay} records, ${mb(quota.bytesPerDay)} MB a day). Nothing is lost: what waits stays on this device and is sent automatically after midnight Beijing time; ask HQ's administrator to raise the limit if it cannot wait`,
    { retryAfterMs: untilTomorrow(now) });
}
