// Keeps what a device says of itself in its hello (hq/server.ts), shown on the console's device table.
// A device too old to send a report still has its schema version kept; the rest stays "not reported".
// A relay bundle (hq/relay/relay.ts) carries the same report, dated when the device sealed it: a bundle
// carried in after the device's own later hello never replaces the newer account.
import type { HelloReport } from '../../shared/sync/protocol.js';
import type { HqStore } from '../store.js';

type Db = HqStore['db'];

export async function saveDeviceReport(db: Db, deviceId: string, schemaVersion: string, report: HelloReport | undefined, madeAt?: number): Promise<void> {
  const row = {
    reported_at: new Date(madeAt ?? Date.now()).toISOString(), schema_version: schemaVersion,
    waiting: report ? report.waiting : null, oldest_unsent_at: report?.oldestUnsentAt ?? null,
    last_error_json: report?.lastError ? JSON.stringify(report.lastError) : null,
  };
  await db.insertInto('hq_device_reports').values({ device_id: deviceId, ...row })
    .onConflict((oc) => {
      const update = oc.column('device_id').doUpdateSet(row);
      return madeAt === undefined ? update : update.where('hq_device_reports.reported_at', '<', row.reported_at);
    }).execute();
}

export interface DeviceReport { schemaVersion: string; waiting: number | null; oldestUnsentAt: string | null; lastError: { zh: string; en: string; at: string } | null; reportedAt: string }

export async function deviceReports(db: Db, ids: string[]): Promise<Map<string, DeviceReport>> {
  const out = new Map<string, DeviceReport>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('hq_device_reports').selectAll().where('device_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.device_id, {
      schemaVersion: r.schema_version, waiting: r.waiting === null ? null : Number(r.waiting), oldestUnsentAt: r.oldest_unsent_at,
      lastError: r.last_error_json ? (JSON.parse(r.last_error_json) as DeviceReport['lastError']) : null, reportedAt: r.reported_at,
    });
  }
  return out;
}
