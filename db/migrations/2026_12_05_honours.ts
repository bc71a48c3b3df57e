// Frozen once landed. Honours and accountability (issue 13 item 7), synced:
// - honours: an honour (kind from reference data honours.kinds) for an organisation, outlet or
//   person, the assessment period and result it rests on, proposed → approved / refused.
// - accountability: 约谈提醒 (talk) and 限期整改 (deadline) records with reason, date, deadline and
//   outcome (sensitive when negative: not sent to instructors' devices is a later step).
// No FOREIGN KEYs between synced tables (sync may deliver a row before the one it points to).
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE honours (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, subject_kind TEXT NOT NULL CHECK (subject_kind IN ('org','outlet','person')), subject_id TEXT NOT NULL,
    basis_period TEXT NOT NULL, basis TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('proposed','approved','refused')),
    proposed_by TEXT NOT NULL, proposed_on TEXT NOT NULL, decided_by TEXT, decided_on TEXT, note TEXT, ${synced})`,
  `CREATE INDEX honours_scope ON honours(scope_path, basis_period)`,
  `CREATE TABLE accountability (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('talk','deadline')), subject_kind TEXT NOT NULL CHECK (subject_kind IN ('org','outlet','person')),
    subject_id TEXT NOT NULL, reason TEXT NOT NULL, held_on TEXT NOT NULL, deadline TEXT,
    outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending','improved','not_improved')), outcome_on TEXT, outcome_note TEXT,
    created_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX accountability_scope ON accountability(scope_path, held_on)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
