// Frozen once landed. A past period's warning board rewinds the org tree through the history written
// after the period (db/history/asOf.ts): one table's changes from an instant on, read by stamp, and the
// first stamp of a table (the day since which a past tree is known).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE INDEX record_history_tbl_hlc ON record_history (tbl, hlc)`).execute(db);
}
