// Row types of the democratic review tables (2026_12_05_evaluation), joined into db/schema.ts's DB.
import type { SyncedCols as Synced } from '../syncedColumns.js';

export interface EvaluationsTable extends Synced {
  id: string; org_id: string; year: number; status: 'open' | 'closed'; activity_id: string | null; summary: string | null;
  closed_by: string | null; closed_at: string | null; created_by: string;
}

export interface EvaluationGradesTable extends Synced {
  id: string; evaluation_id: string; person_id: string; grade: string; note: string | null; graded_by: string;
}

export interface EvaluationTables {
  evaluations: EvaluationsTable;
  evaluation_grades: EvaluationGradesTable;
}
