// Frozen once landed. Work typed on a device before it enrolled and that the role and scope HQ
// grants would refuse (issue 15: it used to be pushed, refused, marked gone and deleted): its
// waiting changes are moved here, whole (the outbox row as JSON), at enrolment, and the rows stay in
// their tables until the user exports them or lets them go. Named after the day's other migrations
// ("zz") so stores that already ran those accept it in order.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE sync_kept (
    seq INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL, row_id TEXT NOT NULL,
    entry TEXT NOT NULL,
    code TEXT NOT NULL, reason_zh TEXT NOT NULL, reason_en TEXT NOT NULL,
    kept_at TEXT NOT NULL)`).execute(db);
  await sql.raw(`CREATE INDEX sync_kept_row ON sync_kept (tbl, row_id)`).execute(db);
}
