// Requests a device could send that its app never would: hand-made writes pushed with the device's
// real credentials, and raw pulls, for tests that attack HQ as an intruder with a device would.
import { clientFor, hello } from '../../db/sync/session.js';
import { encodeHlc } from '../../shared/sync/hlc.js';
import { pullAnswer, pushAnswer, type PullAnswer, type PushAnswer, type WireWrite } from '../../shared/sync/protocol.js';
import type { TestDevice } from './support.js';

export const deviceStamp = (d: TestDevice, ms = Date.now(), counter = 0) => encodeHlc({ ms, counter, node: d.session.deviceId });

/** Pushes `writes` (numbered after what HQ last took from the device) as the device, bypassing its outbox. */
export async function pushForged(d: TestDevice, writes: Omit<WireWrite, 's'>[]): Promise<PushAnswer> {
  const c = clientFor(d.dev);
  const h = await hello(d.dev, c);
  return c.post('/v1/push', { writes: writes.map((w, i) => ({ ...w, s: h.lastSeq + 1 + i })) }, pushAnswer);
}

/** Everything HQ sends the device from `cursor` on, without applying it. */
export async function pullRaw(d: TestDevice, cursor = 0): Promise<PullAnswer['rows']> {
  const c = clientFor(d.dev);
  const rows: PullAnswer['rows'] = [];
  for (let at = cursor, more = true; more; ) {
    const a = await c.post('/v1/pull', { cursor: at, since: cursor }, pullAnswer);
    rows.push(...a.rows);
    at = a.cursor;
    more = a.more;
  }
  return rows;
}

/** The row's scope on the device. */
export const scopeOf = (d: TestDevice, table: string, id: string) =>
  (d.store.raw.prepare(`SELECT scope_path AS p FROM "${table}" WHERE id = ?`).get(id) as { p: string }).p;
