// The devices page: every device in the user's scope with what HQ knows of it, enrolment codes (text
// and QR), revocation (the device wipes its store at its next call) and re-scoping. A device's scope
// decides which rows it holds, so re-scoping revokes it (wipe) and issues a code for the new scope:
// the device enrols again and pulls its new scope whole, never keeping rows it may no longer see.
import QRCode from 'qrcode';
import { isUnder, scopeEnd } from '../../shared/core/scope.js';
import type { DeviceRow, EnrolCodeAnswer } from '../../shared/console/types.js';
import type { Role } from '../../shared/domain/enums.js';
import { createEnrolCode, revokeDevice } from '../auth.js';
import { HqError } from '../errors.js';
import { hqSyncSettings } from '../settings.js';
import type { HqStore } from '../store.js';
import { isTooOld } from '../versions.js';
import { audit } from './audit.js';
import type { ConsoleUser } from './accounts.js';
import { deviceReports } from './reports.js';
import { consoleSettingsOf } from './store.js';

type Db = HqStore['db'];

const DAY = 86_400_000;

export async function listDevices(db: Db, scope: string): Promise<{ devices: DeviceRow[]; silentDays: number }> {
  const { silentDays } = await consoleSettingsOf(db);
  const rows = await db
    .selectFrom('hq_devices')
    .select(['device_id', 'user_name', 'role', 'scope_path', 'name', 'app_version', 'enrolled_at', 'last_seen_at', 'revoked_at'])
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope))
    .orderBy('scope_path').orderBy('user_name')
    .execute();
  const ids = rows.map((r) => r.device_id);
  const rejected = new Map<string, { at: string; reason: string }>();
  if (ids.length) {
    // The newest refused write per device, as HQ answered it.
    const r = await db.selectFrom('hq_writes').select(['device_id', 'received_at', 'answer'])
      .where('device_id', 'in', ids).where('answer', 'like', '%"reason"%').orderBy('received_at', 'desc').limit(2000).execute();
    for (const w of r) {
      if (rejected.has(w.device_id)) continue;
      const a = JSON.parse(w.answer) as { reason?: { zh?: string; en?: string } };
      rejected.set(w.device_id, { at: w.received_at, reason: `${a.reason?.zh ?? ''} / ${a.reason?.en ?? ''}` });
    }
  }
  const reports = await deviceReports(db, ids);
  // The lowest schema HQ syncs with, per scope (a county may set its own): read once per scope, not per device.
  const minSchemas = new Map<string, string>();
  for (const path of new Set(rows.map((r) => r.scope_path))) minSchemas.set(path, (await hqSyncSettings(db, path)).minSchema);
  const now = Date.now();
  return {
    silentDays,
    devices: rows.map((d) => {
      const seen = Date.parse(d.last_seen_at ?? d.enrolled_at);
      const rep = reports.get(d.device_id);
      return {
        deviceId: d.device_id, userName: d.user_name, role: d.role, scopePath: d.scope_path, name: d.name, appVersion: d.app_version,
        schemaVersion: rep?.schemaVersion ?? null,
        tooOld: !d.revoked_at && rep?.schemaVersion != null && isTooOld(rep.schemaVersion, minSchemas.get(d.scope_path)!),
        enrolledAt: d.enrolled_at, lastSeenAt: d.last_seen_at, revokedAt: d.revoked_at,
        silent: !d.revoked_at && now - seen >= silentDays * DAY,
        waiting: rep?.waiting ?? null, oldestUnsentAt: rep?.oldestUnsentAt ?? null, lastError: rep?.lastError ?? null, reportedAt: rep?.reportedAt ?? null,
        lastRejectedAt: rejected.get(d.device_id)?.at ?? null, lastRejectedReason: rejected.get(d.device_id)?.reason ?? null,
      };
    }),
  };
}

const outside = () => new HqError(403, 'outside_scope', '超出您的管理范围', 'Outside your scope');

/** Roles a console user may hand out: an organiser issues codes within their county, never for HQ. */
function assertMayIssue(u: ConsoleUser, role: Role, scopePath: string): void {
  if (!isUnder(scopePath, u.scopePath)) throw outside();
  if (u.role !== 'hq_admin' && role === 'hq_admin') throw new HqError(403, 'forbidden_role', '县公司组织员不能签发省公司管理员的注册码', 'A county organiser cannot issue codes for HQ administrators');
  if (role === 'hq_admin' && scopePath !== '/') throw new HqError(400, 'bad_scope', '省公司管理员设备的范围须为全省（/）', 'An HQ administrator device covers the whole province (/)');
}

export async function issueCode(store: HqStore, u: ConsoleUser, c: { userName: string; role: Role; scopePath: string; days: number }, ip: string): Promise<EnrolCodeAnswer> {
  assertMayIssue(u, c.role, c.scopePath);
  const code = await createEnrolCode(store, { userName: c.userName, role: c.role, scopePath: c.scopePath, ttlDays: c.days });
  await audit(store.db, { userName: u.userName, action: 'device.code', scopePath: c.scopePath, target: c.userName, after: { role: c.role, scopePath: c.scopePath, days: c.days }, ip });
  const qrDataUrl = await QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  return { code, qrDataUrl, userName: c.userName, role: c.role, scopePath: c.scopePath, expiresInDays: c.days };
}

async function deviceInScope(db: Db, u: ConsoleUser, deviceId: string) {
  const d = await db.selectFrom('hq_devices').select(['device_id', 'user_name', 'role', 'scope_path', 'revoked_at']).where('device_id', '=', deviceId).executeTakeFirst();
  // Another county's device is answered as unknown: its existence is not the organiser's to learn.
  if (!d || !isUnder(d.scope_path, u.scopePath)) throw new HqError(404, 'no_device', '没有这台设备', 'No such device');
  return d;
}

export async function revoke(store: HqStore, u: ConsoleUser, deviceId: string, ip: string): Promise<void> {
  const d = await deviceInScope(store.db, u, deviceId);
  if (d.revoked_at) throw new HqError(409, 'already_revoked', '该设备已停用', 'This device is already revoked');
  await revokeDevice(store, deviceId);
  await audit(store.db, { userName: u.userName, action: 'device.revoke', scopePath: d.scope_path, target: deviceId, before: { revokedAt: null }, after: { revoked: true, wipe: true }, ip });
}

export async function rescope(store: HqStore, u: ConsoleUser, r: { deviceId: string; scopePath: string; days: number }, ip: string): Promise<EnrolCodeAnswer> {
  const d = await deviceInScope(store.db, u, r.deviceId);
  if (d.revoked_at) throw new HqError(409, 'already_revoked', '该设备已停用，请直接签发新的注册码', 'This device is revoked; issue a new code instead');
  if (d.scope_path === r.scopePath) throw new HqError(400, 'same_scope', '新范围与当前范围相同', 'The new scope is the current one');
  assertMayIssue(u, d.role, r.scopePath);
  await revokeDevice(store, d.device_id);
  const code = await createEnrolCode(store, { userName: d.user_name, role: d.role, scopePath: r.scopePath, ttlDays: r.days });
  await audit(store.db, { userName: u.userName, action: 'device.rescope', scopePath: d.scope_path, target: d.device_id, before: { scopePath: d.scope_path }, after: { scopePath: r.scopePath, revoked: true, newCode: true }, ip });
  if (!isUnder(r.scopePath, d.scope_path))
    await audit(store.db, { userName: u.userName, action: 'device.rescope', scopePath: r.scopePath, target: d.device_id, before: { scopePath: d.scope_path }, after: { scopePath: r.scopePath } });
  const qrDataUrl = await QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  return { code, qrDataUrl, userName: d.user_name, role: d.role, scopePath: r.scopePath, expiresInDays: r.days };
}
