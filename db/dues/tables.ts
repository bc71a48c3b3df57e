// Row types of the dues tables (2026_12_05_dues), joined into the store's DB type by db/schema.ts.
import type { SyncedCols as Synced } from '../syncedColumns.js';
import type { EvaluationTables } from '../evaluation/tables.js';

export interface DuesBasesTable extends Synced {
  id: string; person_id: string; from_month: string; category: string; base_fen: number | null; note: string | null; recorded_by: string;
}

export interface DuesPaymentsTable extends Synced {
  id: string; person_id: string; org_id: string; month: string; amount_fen: number | null; paid_on: string; collector: string; method: string;
  note: string | null; recorded_by: string;
}

/** With the democratic review's tables, so db/schema.ts (at its line limit) joins both in one name. */
export interface DuesTables extends EvaluationTables {
  dues_bases: DuesBasesTable;
  dues_payments: DuesPaymentsTable;
}
