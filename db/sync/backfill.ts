// After an upgrade: the tables and columns this store did not have before. HQ served their values
// while the older version could not hold them (it skipped them), and the cursor moved past, so a
// normal pull would never bring them. The device compares its synced shape with the one recorded
// at its last sync and re-pulls the grown tables from the start, whole, into a cursor of its own
// (resumable; the sync's own cursor is untouched). Every cell merges by its stamp as in any pull,
// so nothing the device wrote since is overwritten by an older value.
import type Database from 'better-sqlite3';
import { pullAnswer } from '../../shared/sync/protocol.js';
import { grownTables, parseShape, type StoreShape } from '../../shared/sync/shape.js';
import { applyChunks, CURSOR_KEY } from './apply.js';
import { capturedTables, syncedColumns } from './capture.js';
import type { HqClient } from './client.js';
import { getMetaRaw, schemaVersion, setMetaRaw, whenIdle, type Device } from './state.js';

export const SHAPE_KEY = 'sync_shape';
/** The schema version the recorded shape belongs to. */
const SHAPE_OF_KEY = 'sync_shape_schema';
const TABLES_KEY = 'sync_backfill_tables';
const CURSOR = 'sync_backfill_cursor';

export function storeShape(raw: Database.Database): StoreShape {
  const out: StoreShape = {};
  for (const t of capturedTables(raw)) out[t] = syncedColumns(raw, t).sort();
  return out;
}

/** The tables to re-pull now (a backfill under way first), or none. */
function tablesToRepull(raw: Database.Database, now: StoreShape): string[] {
  const under = getMetaRaw(raw, TABLES_KEY);
  if (under) return JSON.parse(under) as string[];
  const seen = parseShape(getMetaRaw(raw, SHAPE_KEY));
  if (seen) return grownTables(seen, now);
  // No shape recorded: a store that never pulled gets everything from its first pull; one that did,
  // under a version from before shapes were kept, may have skipped any table: all are re-pulled, once.
  return Number(getMetaRaw(raw, CURSOR_KEY) ?? 0) > 0 ? Object.keys(now).sort() : [];
}

export interface BackfillReport {
  tables: string[];
  rows: number;
}

/** Runs before the sync's own pull; returns what was re-pulled. */
export async function backfill(dev: Device, c: HqClient, pullLimit?: number): Promise<BackfillReport> {
  await whenIdle(dev.raw);
  // The shape changes only with the schema: same schema as at the last sync, nothing under way → nothing to do.
  const schema = schemaVersion(dev.raw);
  if (getMetaRaw(dev.raw, SHAPE_OF_KEY) === schema && !getMetaRaw(dev.raw, TABLES_KEY)) return { tables: [], rows: 0 };
  const now = storeShape(dev.raw);
  const tables = tablesToRepull(dev.raw, now);
  const report: BackfillReport = { tables, rows: 0 };
  if (tables.length) {
    setMetaRaw(dev.raw, TABLES_KEY, JSON.stringify(tables));
    for (;;) {
      const cursor = Number(getMetaRaw(dev.raw, CURSOR) ?? 0);
      const chunk = await c.post('/v1/pull', { cursor, since: 0, limit: pullLimit, tables }, pullAnswer);
      await whenIdle(dev.raw);
      report.rows += applyChunks(dev.raw, [chunk], { cursorKey: CURSOR }).rows;
      if (!chunk.more) break;
    }
  }
  dev.raw.transaction(() => {
    setMetaRaw(dev.raw, TABLES_KEY, null);
    setMetaRaw(dev.raw, CURSOR, null);
    setMetaRaw(dev.raw, SHAPE_KEY, JSON.stringify(now));
    setMetaRaw(dev.raw, SHAPE_OF_KEY, schema);
  })();
  return report;
}
