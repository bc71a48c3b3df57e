// Frozen once landed. The history chain's last link (entry number and hash) kept on HQ's counter row,
// which every push locks first: the push reads it with the lock instead of in a statement of its own
// under the lock (hq/push.ts). NULL: not known, read from hq_history.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await sql.raw(`ALTER TABLE hq_counter ADD COLUMN history_seq BIGINT`).execute(db);
  await sql.raw(`ALTER TABLE hq_counter ADD COLUMN history_hash ${d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT'}`).execute(db);
  await sql`UPDATE hq_counter SET history_seq = (SELECT seq FROM hq_history ORDER BY seq DESC LIMIT 1),
    history_hash = (SELECT hash FROM hq_history ORDER BY seq DESC LIMIT 1)`.execute(db);
}
