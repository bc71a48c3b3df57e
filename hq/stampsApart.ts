// Whether HQ writes rows with their stamps apart (hq/cells.ts). Every HQ process of this version reads
// both forms, but an HQ process of an earlier version beside it (a rolling upgrade on one PostgreSQL)
// would take a stamp index for a stamp: its pulls would fail and its merges would answer a device's
// newer write as superseded. So rows are written the new way only once hq_meta says every process
// reads it: at once on a new database (the migration sets it when HQ holds no row and no device), and
// on a database upgraded in place when an operator runs `npm run hq -- stamps-apart` after the last
// old process has stopped. It is never unset.
import { sql, type Kysely } from 'kysely';
import type { HqDB } from './schema.js';

export const STAMPS_APART_KEY = 'row_stamps_apart';

/** Marks the database: from the next push on, rows are written with their stamps apart. Returns false when it already was. */
export async function allowStampsApart(db: Kysely<HqDB>): Promise<boolean> {
  const r = await sql`INSERT INTO hq_meta (key, value) VALUES (${STAMPS_APART_KEY}, '1') ON CONFLICT (key) DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}
