// Frozen once landed. Organisation life and instructor work (issue 5).
// - activities gain `status` (held | planned: a planned record may be future-dated and counts for
//   nothing), `group_id` (a group meeting's Party group) and `instructor_id` (the instructor who
//   made a visit, gave a lecture or talk, or joined a campaign).
// - attachments: photos and files of an activity or visit. The bytes live content-addressed
//   (sha-256) under the profile's files/ folder; this row is the metadata that syncs.
// No backfill of existing rows: an UPDATE here would be captured as this device's own edit.
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `ALTER TABLE activities ADD COLUMN status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held','planned'))`,
  `ALTER TABLE activities ADD COLUMN group_id TEXT`,
  `ALTER TABLE activities ADD COLUMN instructor_id TEXT`,
  `CREATE INDEX activities_instructor ON activities(instructor_id, type, held_on)`,
  `CREATE INDEX activities_type_held ON activities(type, held_on)`,

  `CREATE TABLE attachments (
    id TEXT PRIMARY KEY, activity_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('photo','file')),
    sha256 TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL, file_name TEXT NOT NULL,
    thumb_sha256 TEXT, ${synced})`,
  `CREATE INDEX attachments_activity ON attachments(activity_id)`,
  `CREATE INDEX attachments_sha256 ON attachments(sha256)`,
  `CREATE INDEX attendance_activity_person ON attendance(activity_id, person_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
