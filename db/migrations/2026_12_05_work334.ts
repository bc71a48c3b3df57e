// Frozen once landed. The 334N work of seed 004 and seed 000 §4.2 (issue 13 items 5–6), synced:
// - teams: 岗区队 — vanguard posts, responsibility areas and commando teams of an organisation,
//   with a goal, a period and their results; team_members and team_outlets list who and where.
// - pledges: 承诺践诺 — what a member pledged for a year, the evidence of keeping it and the
//   year-end review (outcome, reviewer, date).
// - milestone_goals / milestone_nodes: a yearly goal of an organisation (optionally a team's),
//   broken into quarterly or monthly nodes, each with owner, completion standard, due date,
//   completion date and evidence; item_id is the rectification item a missed node opened.
// No FOREIGN KEYs between synced tables (sync may deliver a row before the one it points to).
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE teams (
    id TEXT PRIMARY KEY, org_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('vanguard_post','responsibility_area','commando_team')),
    name TEXT NOT NULL, goal TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT,
    leader_person_id TEXT, results TEXT, created_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX teams_scope ON teams(scope_path, starts_on)`,
  `CREATE INDEX teams_org ON teams(org_id)`,
  `CREATE TABLE team_members (id TEXT PRIMARY KEY, team_id TEXT NOT NULL, person_id TEXT NOT NULL, ${synced})`,
  `CREATE INDEX team_members_team ON team_members(team_id)`,
  `CREATE INDEX team_members_person ON team_members(person_id)`,
  `CREATE TABLE team_outlets (id TEXT PRIMARY KEY, team_id TEXT NOT NULL, outlet_id TEXT NOT NULL, ${synced})`,
  `CREATE INDEX team_outlets_team ON team_outlets(team_id)`,

  `CREATE TABLE pledges (
    id TEXT PRIMARY KEY, person_id TEXT NOT NULL, org_id TEXT NOT NULL, year INTEGER NOT NULL,
    pledge TEXT NOT NULL, pledged_on TEXT NOT NULL, evidence TEXT,
    outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending','kept','partly','not_kept')),
    reviewed_on TEXT, reviewed_by TEXT, review_note TEXT, created_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX pledges_scope ON pledges(scope_path, year)`,
  `CREATE INDEX pledges_person ON pledges(person_id, year)`,

  `CREATE TABLE milestone_goals (
    id TEXT PRIMARY KEY, org_id TEXT NOT NULL, year INTEGER NOT NULL, title TEXT NOT NULL,
    team_id TEXT, owner_person_id TEXT, created_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX milestone_goals_scope ON milestone_goals(scope_path, year)`,
  `CREATE TABLE milestone_nodes (
    id TEXT PRIMARY KEY, goal_id TEXT NOT NULL, org_id TEXT NOT NULL, period_key TEXT NOT NULL,
    title TEXT NOT NULL, owner_person_id TEXT, standard TEXT NOT NULL, due_on TEXT NOT NULL,
    done_on TEXT, done_by TEXT, evidence TEXT, item_id TEXT, ${synced})`,
  `CREATE INDEX milestone_nodes_goal ON milestone_nodes(goal_id)`,
  `CREATE INDEX milestone_nodes_scope ON milestone_nodes(scope_path, due_on)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
