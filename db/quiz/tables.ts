// Row types of the quiz tables (2026_12_05_quiz), joined into the store's DB type by db/schema.ts.
import type { Generated } from 'kysely';
import type { SyncedCols as Synced } from '../syncedColumns.js';

export interface QuizQuestionsTable extends Synced {
  id: string; kind: 'single' | 'multiple' | 'judge'; stem: string; options_json: string; answer: string; explanation: Generated<string>;
  category: string; difficulty: number; level: number; retired_on: string | null; batch: string | null;
}

export interface QuizRunsTable extends Synced {
  id: string; person_id: string; level: number; length: number; status: 'open' | 'passed' | 'failed'; correct: Generated<number>;
  bonus: Generated<number>; day: string; started_at: string; ended_at: string | null; device_id: string;
}

export interface QuizAttemptsTable extends Synced {
  id: string; run_id: string | null; person_id: string; question_id: string; mode: 'level' | 'review'; chosen: string; correct: number;
  points: Generated<number>; day: string; answered_at: string; elapsed_ms: Generated<number>;
}

export interface QuizRewardsTable extends Synced {
  id: string; name: string; name_en: Generated<string>; description: Generated<string>; price: number; stock: number; active: Generated<number>;
}

export interface QuizRedemptionsTable extends Synced {
  id: string; reward_id: string; person_id: string; price: number; status: 'requested' | 'approved' | 'refused';
  requested_at: string; requested_by: string; decided_at: string | null; decided_by: string | null; reason: string | null;
}

export interface QuizReportsTable extends Synced {
  id: string; question_id: string; person_id: string; text: string; reported_by: string;
}

export interface QuizTables {
  quiz_questions: QuizQuestionsTable;
  quiz_runs: QuizRunsTable;
  quiz_attempts: QuizAttemptsTable;
  quiz_rewards: QuizRewardsTable;
  quiz_redemptions: QuizRedemptionsTable;
  quiz_reports: QuizReportsTable;
}
