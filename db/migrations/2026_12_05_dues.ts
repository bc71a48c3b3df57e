// Frozen once landed. Party dues (党费, issue 13 item 1), two synced tables:
// - dues_bases: a member's base from a month on (category, after-tax monthly base in fen; null for
//   flat categories, and on devices whose role may not see amounts — shared/sync/privacy.ts).
//   One row per member and month (its id derived from both), so a correction updates that row.
// - dues_payments: the append-only ledger, one line per month paid, with who collected and how.
//   Two devices recording payments for one member add lines; nothing is ever overwritten.
// No FOREIGN KEYs between synced tables (sync may deliver a row before the one it points to).
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE dues_bases (
    id TEXT PRIMARY KEY, person_id TEXT NOT NULL,
    from_month TEXT NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    category TEXT NOT NULL, base_fen INTEGER, note TEXT, recorded_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX dues_bases_person ON dues_bases(person_id, from_month)`,
  `CREATE TABLE dues_payments (
    id TEXT PRIMARY KEY, person_id TEXT NOT NULL, org_id TEXT NOT NULL,
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    amount_fen INTEGER, paid_on TEXT NOT NULL, collector TEXT NOT NULL, method TEXT NOT NULL,
    note TEXT, recorded_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX dues_payments_person ON dues_payments(person_id, month)`,
  `CREATE INDEX dues_payments_scope ON dues_payments(scope_path, month)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
