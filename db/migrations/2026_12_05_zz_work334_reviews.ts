// Frozen once landed. 复盘复训 (issue 13 item 8), synced:
// - reviews: a review of an organisation or an org unit (county) for a month, quarter or year: the
//   data comparison as prefilled when it was written (data_json), the analysis and the cases.
// - review_findings: its findings, each to the three lists (item_id) or a training need met by a
//   retraining session recorded as an activity with attendance (activity_id).
// No FOREIGN KEYs between synced tables (sync may deliver a row before the one it points to).
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE reviews (
    id TEXT PRIMARY KEY, subject_kind TEXT NOT NULL CHECK (subject_kind IN ('org','unit')), subject_id TEXT NOT NULL, period_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('month','quarter','year')), data_json TEXT NOT NULL, analysis TEXT NOT NULL, cases TEXT NOT NULL,
    created_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX reviews_scope ON reviews(scope_path, period_key)`,
  `CREATE TABLE review_findings (
    id TEXT PRIMARY KEY, review_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('item','training')), text TEXT NOT NULL,
    owner_person_id TEXT, item_id TEXT, activity_id TEXT, ${synced})`,
  `CREATE INDEX review_findings_review ON review_findings(review_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
