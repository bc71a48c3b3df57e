// Frozen once landed. The held activities of a scope by day, with their ids: the warning board at an
// HQ administrator's scope reads them six ways (the first day of records, last attendance, outlets
// visited, meetings per month …), each over activities_scope, which holds every activity and so sent
// each read to the table for `deleted` and `status`. On a 100-county province with five years of
// activities (912k), the first held day took ~300 ms through activities_scope and ~40 ms through this
// index; last attendance over seven months ~280 → ~210 ms; outlets visited ~120 → ~95 ms.
// SQLite uses a partial index only for a query that repeats its WHERE term: the readers write
// `deleted = 0 AND status = 'held'` as literals (test/assessment/heldIndex.db.test.ts checks the plans).
// Index only: nothing synced changes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE INDEX activities_held ON activities(scope_path, held_on, id) WHERE deleted = 0 AND status = 'held'`).execute(db);
}
