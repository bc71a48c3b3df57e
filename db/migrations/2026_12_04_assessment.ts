// Frozen once landed. Assessment and warnings (issue 12): the three lists (三单) and the history of
// red/yellow/green lights. Both sync like every record (capture triggers are regenerated on open).
// - rectification_items: a responsibility, problem or rectification item about an organisation,
//   outlet or person, owned by a person, a named user or (an escalation's interview) the county
//   organiser role; verified by someone other than the owner. `source`/`source_ref` say where it
//   came from (a red light, points results, a review) and make automatic openings idempotent.
// - light_history: one colour per subject, indicator and period, so the board shows a trend and
//   "two reds in a row" can be told.
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE rectification_items (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('responsibility','problem','rectification')),
    title TEXT NOT NULL, detail TEXT,
    subject_kind TEXT CHECK (subject_kind IN ('org','outlet','person')), subject_id TEXT,
    owner_person_id TEXT, owner_user TEXT, owner_role TEXT,
    due_on TEXT, evidence TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','done','verified')),
    done_by TEXT, done_on TEXT, verified_by TEXT, verified_on TEXT,
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','warning','points','review')),
    source_ref TEXT, created_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX rectification_items_scope ON rectification_items(scope_path, status)`,
  `CREATE INDEX rectification_items_source ON rectification_items(source_ref)`,
  `CREATE INDEX rectification_items_owner ON rectification_items(owner_person_id)`,
  `CREATE TABLE light_history (
    id TEXT PRIMARY KEY,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('org','outlet','grid','county')),
    subject_id TEXT NOT NULL, indicator TEXT NOT NULL, period TEXT NOT NULL,
    colour TEXT NOT NULL CHECK (colour IN ('green','yellow','red','none')),
    value REAL, computed_at TEXT NOT NULL, ${synced})`,
  `CREATE INDEX light_history_subject ON light_history(subject_id, indicator, period)`,
  `CREATE INDEX light_history_scope ON light_history(scope_path, period)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
