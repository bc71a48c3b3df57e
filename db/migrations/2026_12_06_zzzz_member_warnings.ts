// Frozen once landed. Indexes for the member-warnings list, 待办 and the board's member-standing
// light (db/dues/store.ts), over a county of ~700 members (~17k attendance marks and ~8k dues
// payments a year):
// - attendance_present: each member's last present mark over a scope's held activities (read from
//   the scope's activities, every mark was a lookup into the wide attendance table); it holds exactly
//   the present, live marks with the columns the read needs, so the read stays in the index;
// - dues_payments_paid: the months paid per member in a scope, from the index alone (the read walked
//   every payment of the store by person before).
// Partial indexes are used only when the query repeats their WHERE terms as written (not bound).
// Named "zzzz" to sort after the day's other migrations, which stores may already have run.
// Index only: nothing synced changes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE INDEX attendance_present ON attendance(activity_id, person_id) WHERE deleted = 0 AND status = 'present'`).execute(db);
  await sql.raw(`CREATE INDEX dues_payments_paid ON dues_payments(scope_path, person_id, month) WHERE deleted = 0`).execute(db);
}
