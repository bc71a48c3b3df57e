// After an upgrade: the tables and columns this store did not have before. HQ served their values
// while the older version could not hold them (it skipped them), and the cursor moved past, so a
// normal pull would never bring them. The device compares its synced shape with the one recorded
// at its last sync and re-pulls the grown tables from the start, whole, into a cursor of its own
// (resumable; the sync's own cursor is untouched). Every cell merges by its stamp as in any pull,
// so nothing the device wrote since is overwritten by an older value.
import type Database from 'better-sqlite3';
import { pullAnswer, type PullAnswer } from '../../shared/sync/protocol.js';
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

/** Records the shape this store now has as the one HQ's data was pulled into: nothing to re-pull until the next upgrade. */
function settle(raw: Database.Database, now: StoreShape): void {
  raw.transaction(() => {
    setMetaRaw(raw, TABLES_KEY, null);
    setMetaRaw(raw, CURSOR, null);
    setMetaRaw(raw, SHAPE_KEY, JSON.stringify(now));
    setMetaRaw(raw, SHAPE_OF_KEY, schemaVersion(raw));
  })();
}

/** What a relay bundle asks HQ to re-pull (db/sync/relay/export.ts): the grown tables from the re-pull's own cursor, or nothing. */
export function repullRequest(raw: Database.Database): { tables: string[]; cursor: number } | undefined {
  if (getMetaRaw(raw, SHAPE_OF_KEY) === schemaVersion(raw) && !getMetaRaw(raw, TABLES_KEY)) return undefined;
  const tables = tablesToRepull(raw, storeShape(raw));
  return tables.length ? { tables, cursor: Number(getMetaRaw(raw, CURSOR) ?? 0) } : undefined;
}

/**
 * A relay answer's re-pull (inside the import's transaction): applied only while this store still needs
 * those tables from that cursor (an online sync may have done it meanwhile); finished when HQ had no
 * more, otherwise kept under way for the next bundle. An answer without one settles the shape when the
 * store had nothing to re-pull before it (a relay-only store would otherwise re-pull everything once).
 */
export function applyRelayRepull(raw: Database.Database, needed: { tables: string[]; cursor: number } | undefined, answered: { tables: string[]; cursor: number; chunks: PullAnswer[]; more: boolean } | undefined): number {
  if (!needed) {
    settle(raw, storeShape(raw));
    return 0;
  }
  if (!answered || answered.cursor !== needed.cursor || answered.tables.join() !== needed.tables.join()) return 0;
  setMetaRaw(raw, TABLES_KEY, JSON.stringify(needed.tables));
  if (!answered.chunks.length) return 0; // no room in that answer: the next bundle asks again
  const s = applyChunks(raw, answered.chunks, { cursorKey: CURSOR });
  if (!answered.more) settle(raw, storeShape(raw));
  return s.rows + s.dropped;
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
  settle(dev.raw, now);
  return report;
}
