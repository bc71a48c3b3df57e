// Frozen once landed. The knowledge quiz (党建知识闯关赛, issue 14), six synced tables:
// - quiz_questions, quiz_rewards: reference data HQ writes at scope '/' (devices inherit them).
//   A retired question keeps its row (retired_on set): its past attempts still point at it.
// - quiz_runs: one row per run of a level, written by the one device it was played on.
// - quiz_attempts: append-only, one row per answer (level runs and reviews); the review schedule
//   and the points ledger are computed from them, so devices never disagree.
// - quiz_redemptions: a request from a device, decided at HQ (status, decided_*, reason).
// - quiz_reports: a player says a question is wrong; HQ reads them.
// No FOREIGN KEYs between synced tables (sync may deliver a row before the one it points to).
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE quiz_questions (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('single','multiple','judge')),
    stem TEXT NOT NULL, options_json TEXT NOT NULL, answer TEXT NOT NULL, explanation TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL, difficulty INTEGER NOT NULL, level INTEGER NOT NULL,
    retired_on TEXT, batch TEXT, ${synced})`,
  `CREATE INDEX quiz_questions_level ON quiz_questions(level, retired_on)`,

  `CREATE TABLE quiz_runs (
    id TEXT PRIMARY KEY, person_id TEXT NOT NULL, level INTEGER NOT NULL, length INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','passed','failed')), correct INTEGER NOT NULL DEFAULT 0,
    bonus INTEGER NOT NULL DEFAULT 0, day TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT, device_id TEXT NOT NULL, ${synced})`,
  `CREATE INDEX quiz_runs_person ON quiz_runs(person_id, level)`,
  `CREATE INDEX quiz_runs_day ON quiz_runs(day)`,

  `CREATE TABLE quiz_attempts (
    id TEXT PRIMARY KEY, run_id TEXT, person_id TEXT NOT NULL, question_id TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('level','review')), chosen TEXT NOT NULL, correct INTEGER NOT NULL,
    points INTEGER NOT NULL DEFAULT 0, day TEXT NOT NULL, answered_at TEXT NOT NULL, elapsed_ms INTEGER NOT NULL DEFAULT 0, ${synced})`,
  `CREATE INDEX quiz_attempts_person ON quiz_attempts(person_id, day)`,
  `CREATE INDEX quiz_attempts_run ON quiz_attempts(run_id)`,

  `CREATE TABLE quiz_rewards (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
    price INTEGER NOT NULL, stock INTEGER NOT NULL, active INTEGER NOT NULL DEFAULT 1, ${synced})`,

  `CREATE TABLE quiz_redemptions (
    id TEXT PRIMARY KEY, reward_id TEXT NOT NULL, person_id TEXT NOT NULL, price INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested','approved','refused')),
    requested_at TEXT NOT NULL, requested_by TEXT NOT NULL, decided_at TEXT, decided_by TEXT, reason TEXT, ${synced})`,
  `CREATE INDEX quiz_redemptions_person ON quiz_redemptions(person_id)`,

  `CREATE TABLE quiz_reports (
    id TEXT PRIMARY KEY, question_id TEXT NOT NULL, person_id TEXT NOT NULL, text TEXT NOT NULL, reported_by TEXT NOT NULL, ${synced})`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
