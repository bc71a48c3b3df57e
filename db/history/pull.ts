// What other devices changed arrives as rows (db/sync/apply.ts); who changed which field, and
// from what, arrives from HQ's history: after each pull the device fetches the entries of its
// scope it has not seen (HQ masks them for its role) and keeps them beside its own. Its own
// changes it already holds (captured when made), so those are skipped.
import type Database from 'better-sqlite3';
import { historyPullAnswer, HISTORY_PATH, type HistoryPullAnswer } from '../../shared/history/wire.js';
import { encodeWriter, fromWire } from '../../shared/history/writer.js';
import { SyncFailure, type HqClient } from '../sync/client.js';
import { getMetaRaw, setMetaRaw, whenIdle, withoutCapture, type Device } from '../sync/state.js';

export const HISTORY_CURSOR = 'history_hq_cursor';

export function storePulled(raw: Database.Database, ownDevice: string, a: HistoryPullAnswer): number {
  const ins = raw.prepare(`INSERT INTO record_history (tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id, hlc, at, source, hq_seq)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sync', ?) ON CONFLICT (hq_seq) WHERE hq_seq IS NOT NULL DO NOTHING`);
  let n = 0;
  withoutCapture(raw, () =>
    raw.transaction(() => {
      for (const e of a.entries) {
        if (e.d === ownDevice) continue;
        const w = fromWire(e.w ?? null);
        // `at` stays empty: the time shown is when the change was made (its stamp), as for this device's own.
        n += ins.run(e.t, e.r, e.p, e.op, e.c, e.o, e.n, w ? encodeWriter(w) : null, e.d, e.h, null, e.seq).changes;
      }
      // Never backwards: a relay answer made before an online fetch may arrive after it (its entries are kept once, by HQ's number).
      setMetaRaw(raw, HISTORY_CURSOR, String(Math.max(a.cursor, Number(getMetaRaw(raw, HISTORY_CURSOR) ?? 0))));
    })(),
  );
  return n;
}

/** Fetches HQ's history of the device's scope until caught up; returns how many entries it kept. */
export async function pullHistory(dev: Device, c: HqClient, limit?: number): Promise<number> {
  let kept = 0;
  for (let i = 0; i < 10_000; i++) {
    const cursor = Number(getMetaRaw(dev.raw, HISTORY_CURSOR) ?? 0);
    let a: HistoryPullAnswer;
    try {
      a = await c.post(HISTORY_PATH, { cursor, limit }, historyPullAnswer);
    } catch (e) {
      // An HQ from before record history has no such endpoint: the rows still synced; nothing to keep.
      if (e instanceof SyncFailure && e.status === 404) return kept;
      throw e;
    }
    await whenIdle(dev.raw);
    kept += storePulled(dev.raw, dev.session.deviceId, a);
    if (!a.more) break;
  }
  return kept;
}
