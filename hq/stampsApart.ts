// Whether HQ writes rows with their stamps apart (hq/cells.ts). Every HQ process of this version reads
// both forms, but an HQ process of an earlier version beside it (a rolling upgrade on one PostgreSQL)
// would take a stamp index for a stamp: its pulls would fail and its merges would answer a device's
// newer write as superseded. So rows are written the new way only once hq_meta says every process
// reads it: at once on a new database (the migration sets it when HQ holds no row and no device), and
// on a database upgraded in place when an operator runs `npm run hq -- stamps-apart` after the last
// old process has stopped, which also rewrites the rows stored before. It is never unset.
import { sql, type Kysely } from 'kysely';
import { readCells, storedCells } from './cells.js';
import { insertMany } from './rowset.js';
import type { HqDB } from './schema.js';

export const STAMPS_APART_KEY = 'row_stamps_apart';

/** Marks the database: from the next push on, rows are written with their stamps apart. Returns false when it already was. */
export async function allowStampsApart(db: Kysely<HqDB>): Promise<boolean> {
  const r = await sql`INSERT INTO hq_meta (key, value) VALUES (${STAMPS_APART_KEY}, '1') ON CONFLICT (key) DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** Rows rewritten per transaction: each batch holds the writer lock, so pushes wait for one batch at most. */
export const REWRITE_BATCH = 2000;

type Held = { tbl: string; row_id: string; scope_path: string; cells: string; version: number | string; scope_version: number | string };

/**
 * Rewrites the rows still in the old form in the new one, batch by batch in key order, each batch
 * under the writer lock (no push changes those rows meanwhile). Values, stamps and versions stay as
 * they are, so no device pulls anything again. Only once the database is marked (it refuses before).
 * Returns how many rows it rewrote; `progress` hears the count after each batch.
 */
export async function rewriteOldRows(db: Kysely<HqDB>, progress?: (done: number) => void, batch = REWRITE_BATCH): Promise<number> {
  const marked = await db.selectFrom('hq_meta').select('value').where('key', '=', STAMPS_APART_KEY).executeTakeFirst();
  if (!marked) throw new Error('rows may be rewritten only once every HQ process reads stamps apart (npm run hq -- stamps-apart)');
  let after: [string, string] = ['', ''];
  let done = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      await sql`UPDATE hq_counter SET version = version WHERE id = 1`.execute(trx);
      const r = await sql<Held>`SELECT tbl, row_id, scope_path, cells, version, scope_version FROM hq_rows
        WHERE stamps IS NULL AND (tbl, row_id) > (${after[0]}, ${after[1]}) ORDER BY tbl, row_id LIMIT ${batch}`.execute(trx);
      if (!r.rows.length) return 0;
      await insertMany(trx, 'hq_rows (tbl, row_id, scope_path, cells, stamps, version, scope_version)',
        r.rows.map((x) => [x.tbl, x.row_id, x.scope_path, ...storedCells(readCells(x.cells, null)), x.version, x.scope_version]),
        'ON CONFLICT (tbl, row_id) DO UPDATE SET cells = excluded.cells, stamps = excluded.stamps');
      const last = r.rows.at(-1)!;
      after = [last.tbl, last.row_id];
      return r.rows.length;
    });
    if (!n) return done;
    done += n;
    progress?.(done);
  }
}
