// Row types of the pairing tables (2026_12_05_pairing); db/schema.ts's DB extends PairingTables.
import type { Generated } from 'kysely';

interface SyncedCols {
  scope_path: string;
  synthetic: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted: Generated<number>;
}

export interface PairingsTable extends SyncedCols {
  id: string;
  org_id: string;
  title: string;
  ratio: string;
  cadence_unit: string;
  cadence_min: number;
  signed_on: string;
  starts_on: string;
  ends_on: string | null;
  terms: string;
  created_by: string;
}

export interface PairingPartiesTable extends SyncedCols { id: string; pairing_id: string; org_id: string | null; outside_name: string | null }
export interface PairingMeetingsTable extends SyncedCols { id: string; pairing_id: string; activity_id: string }

export interface PairingTables {
  pairings: PairingsTable;
  pairing_parties: PairingPartiesTable;
  pairing_meetings: PairingMeetingsTable;
}
