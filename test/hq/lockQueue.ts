// For the tests of pushes queued behind PostgreSQL's writer lock (test/hq/pushClash.test.ts,
// test/hq/pushGate.test.ts): devices of one county written straight into hq_devices, a new outlet in a
// device's name, and how many sessions are waiting on a lock.
import { randomUUID } from 'node:crypto';
import type pgLib from 'pg';
import type { Device } from '../../hq/auth.js';
import type { HqStore } from '../../hq/store.js';
import { encodeHlc } from '../../shared/sync/hlc.js';
import type { WireWrite } from '../../shared/sync/protocol.js';

export const SCOPE = '/hq/hz/hz-hantai/';

export async function countyDevice(store: HqStore, userName: string): Promise<Device> {
  const d: Device = { deviceId: randomUUID(), userName, role: 'county_organiser', scopePath: SCOPE, lastSeq: 0 };
  await store.db.insertInto('hq_devices').values({ device_id: d.deviceId, secret_hash: 'x', user_name: userName, role: d.role, scope_path: SCOPE, name: userName, app_version: '0.1.0', enrolled_at: 't', last_seq: 0 } as never).execute();
  return d;
}

export const outletWrite = (d: Device, s: number, rowId: string, name: string, ms: number): WireWrite => ({
  s, t: 'outlets', r: rowId, p: SCOPE, h: encodeHlc({ ms, counter: 0, node: d.deviceId }),
  c: { code: `C${s}`, name, channel_type: 'social', scope_path: SCOPE, staff_count: 1, created_at: 't', updated_at: 't' },
});

/** Sessions of the current database waiting on a lock (inside a transaction PostgreSQL keeps one view of the activity unless told to take it again). */
export const lockWaiters = async (c: pgLib.Client) => (await c.query('SELECT pg_stat_clear_snapshot()'), Number((await c.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n));
