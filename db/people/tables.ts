// Row types of the registry's records about people (audit of exports and reveals, member history,
// merges, remembered import mappings), joined into the store's DB type by db/schema.ts.
import type { SyncedCols as Synced } from '../syncedColumns.js';

export interface RegistryAuditTable extends Synced {
  id: string;
  kind: 'export' | 'reveal' | 'import';
  subject_id: string | null;
  description: string;
  filter_json: string | null;
  row_count: number;
  full_ids: number;
  file_name: string | null;
  user_name: string;
  role: string;
  device_id: string;
}

export interface MemberHistoryTable extends Synced {
  id: string;
  person_id: string;
  kind: string;
  from_value: string | null;
  to_value: string | null;
  on_date: string;
  reason: string | null;
  recorded_by: string;
}

export interface PersonMergesTable extends Synced {
  id: string;
  survivor_id: string;
  loser_id: string;
  reason: string;
  loser_snapshot_json: string;
  repointed_json: string;
  merged_by: string;
}

// 2026_12_03_import_mappings: roster import's remembered value mapping (local, not synced).
export interface ImportValueMappingsTable { user_name: string; scope_path: string; field: string; value: string; kind: 'existing' | 'blank'; target: string | null; updated_at: string }

export interface RegistryTables {
  registry_audit: RegistryAuditTable;
  member_history: MemberHistoryTable;
  person_merges: PersonMergesTable;
  import_value_mappings: ImportValueMappingsTable;
}
