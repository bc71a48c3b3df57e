// Row types of the assessment tables (2026_12_04_assessment), kept here so db/schema.ts stays short;
// db/schema.ts's DB extends AssessmentTables. The synced columns are spelled out: this file imports nothing of db/.
import type { Generated } from 'kysely';
import type { SyncedCols } from '../syncedColumns.js';

export interface RectificationItemsTable extends SyncedCols {
  id: string;
  kind: string;
  title: string;
  detail: string | null;
  subject_kind: string | null;
  subject_id: string | null;
  owner_person_id: string | null;
  owner_user: string | null;
  owner_role: string | null;
  due_on: string | null;
  evidence: string | null;
  status: Generated<string>;
  done_by: string | null;
  done_on: string | null;
  verified_by: string | null;
  verified_on: string | null;
  source: Generated<string>;
  source_ref: string | null;
  created_by: string;
  /** The sensitive part (2026_12_06_item_privacy): only the owner and organisers read it. */
  private_title: string | null;
  private_detail: string | null;
}

export interface LightHistoryTable extends SyncedCols {
  id: string;
  subject_kind: string;
  subject_id: string;
  indicator: string;
  period: string;
  colour: string;
  value: number | null;
  computed_at: string;
}

/** The assessment tables as db/schema.ts's DB has them. */
export interface AssessmentTables {
  rectification_items: RectificationItemsTable;
  light_history: LightHistoryTable;
}
