// Frozen once landed. A probation extended once by 6–12 months (DOMAIN.md "Members", issue 13 item 2),
// kept on the membership so the conversion due date, 待办 and the board's probation light move with it:
// - members.probation_extended_on: the day the branch decided it;
// - members.probation_extension_months: by how many whole months (limits in reference data dues.*);
// - members.probation_extension_reason: why.
// Null on every existing row: no membership has been extended before this. Named "zz" to sort after
// 2026_12_06_zz_board_speed, which stores may already have run (migrations apply in name order).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`ALTER TABLE members ADD COLUMN probation_extended_on TEXT`).execute(db);
  await sql.raw(`ALTER TABLE members ADD COLUMN probation_extension_months INTEGER`).execute(db);
  await sql.raw(`ALTER TABLE members ADD COLUMN probation_extension_reason TEXT`).execute(db);
}
