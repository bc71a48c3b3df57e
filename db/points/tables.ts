// Row types of the points tables (2026_12_04_points), joined into the store's DB type by db/schema.ts.
import type { Generated } from 'kysely';
import type { SyncedCols as Synced } from '../syncedColumns.js';

export interface PointsEntriesTable extends Synced {
  id: string; person_id: string; org_id: string; quarter: string; occurred_on: string; item_key: string; points: number;
  source: 'auto' | 'manual'; source_ref: string | null; reason: string; evidence: string | null; created_by: string; moved_from: string | null;
}

export interface PointsPublicationsTable extends Synced {
  id: string; org_id: string; quarter: string; status: 'published' | 'approved'; published_at: string; published_by: string; window_ends: string;
  approved_by: string | null; approved_at: string | null; rules_json: string; published_json: string; approved_json: string | null; reopened_json: Generated<string>;
}

export interface PointsObjectionsTable extends Synced {
  id: string; publication_id: string; person_id: string; text: string; raised_by: string; answer: string | null; answered_by: string | null; answered_at: string | null;
}

export interface PointsTables {
  points_entries: PointsEntriesTable;
  points_publications: PointsPublicationsTable;
  points_objections: PointsObjectionsTable;
}
