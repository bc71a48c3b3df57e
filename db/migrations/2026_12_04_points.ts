// Frozen once landed. Member points (党员积分, issue 12 item 1), three synced tables:
// - points_entries: the append-only ledger. An automatic entry carries the record it came from in
//   source_ref and an id derived from it, so deriving again (on any device) never duplicates it.
//   `quarter` is where the entry counts; `moved_from` the deed's own quarter when that was locked.
// - points_publications: one row per branch and quarter (its id derived from both, so two devices
//   publishing offline meet on one row): draft → published → approved (locked), with the frozen
//   snapshot of the ledger and the rules at publication and at approval, and the reopen log.
// - points_objections: raised against a publication, answered before approval.
// No FOREIGN KEYs between synced tables (sync may deliver a row before the one it points to).
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE points_entries (
    id TEXT PRIMARY KEY, person_id TEXT NOT NULL, org_id TEXT NOT NULL,
    quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    occurred_on TEXT NOT NULL, item_key TEXT NOT NULL, points REAL NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('auto','manual')), source_ref TEXT,
    reason TEXT NOT NULL, evidence TEXT, created_by TEXT NOT NULL, moved_from TEXT, ${synced})`,
  `CREATE INDEX points_entries_org_quarter ON points_entries(org_id, quarter)`,
  `CREATE INDEX points_entries_person ON points_entries(person_id, quarter)`,
  `CREATE INDEX points_entries_source ON points_entries(source_ref)`,

  `CREATE TABLE points_publications (
    id TEXT PRIMARY KEY, org_id TEXT NOT NULL, quarter TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('published','approved')),
    published_at TEXT NOT NULL, published_by TEXT NOT NULL, window_ends TEXT NOT NULL,
    approved_by TEXT, approved_at TEXT,
    rules_json TEXT NOT NULL, published_json TEXT NOT NULL, approved_json TEXT, reopened_json TEXT NOT NULL DEFAULT '[]', ${synced})`,
  `CREATE INDEX points_publications_org ON points_publications(org_id, quarter)`,

  `CREATE TABLE points_objections (
    id TEXT PRIMARY KEY, publication_id TEXT NOT NULL, person_id TEXT NOT NULL,
    text TEXT NOT NULL, raised_by TEXT NOT NULL,
    answer TEXT, answered_by TEXT, answered_at TEXT, ${synced})`,
  `CREATE INDEX points_objections_publication ON points_objections(publication_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
