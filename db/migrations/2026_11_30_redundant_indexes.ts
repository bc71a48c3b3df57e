// Frozen once landed. Three indexes that a longer index already serves: every query that could
// use one (an equality or range on its column) can use the other, which starts with the same
// column — people_name by people_name_birth and people_list_name, people_status by
// people_list_status, attendance_activity by attendance_activity_person. Each costs a B-tree
// write on every save and ~10 ms of a first sync's index rebuild, and holds ~1.3 MB per 10 counties.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const name of ['people_name', 'people_status', 'attendance_activity']) await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db);
}
