// Frozen once landed. Democratic review (民主评议党员, issue 13 item 4), two synced tables:
// - evaluations: one yearly review per branch (its id derived from branch and year), open → closed,
//   with the meeting (an activity) it was held in and the summary written for the report.
// - evaluation_grades: one row per member graded (id derived from review and person): 优秀 合格
//   基本合格 不合格. Kept apart from points grades. Negative grades are sensitive
//   (shared/sync/privacy.ts masks them for roles that may not see them).
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE evaluations (
    id TEXT PRIMARY KEY, org_id TEXT NOT NULL, year INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','closed')),
    activity_id TEXT, summary TEXT, closed_by TEXT, closed_at TEXT, created_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX evaluations_org ON evaluations(org_id, year)`,
  `CREATE TABLE evaluation_grades (
    id TEXT PRIMARY KEY, evaluation_id TEXT NOT NULL, person_id TEXT NOT NULL,
    grade TEXT NOT NULL, note TEXT, graded_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX evaluation_grades_evaluation ON evaluation_grades(evaluation_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
