// Row types of the pairing tables (2026_12_05_pairing); db/schema.ts's DB extends PairingTables.
import type { Generated } from 'kysely';
import type { SyncedCols } from '../syncedColumns.js';

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

export interface HonoursTable extends SyncedCols {
  id: string; kind: string; subject_kind: string; subject_id: string; basis_period: string; basis: string; status: string;
  proposed_by: string; proposed_on: string; decided_by: string | null; decided_on: string | null; note: string | null;
}
export interface AccountabilityTable extends SyncedCols {
  id: string; kind: string; subject_kind: string; subject_id: string; reason: string; held_on: string; deadline: string | null;
  outcome: Generated<string>; outcome_on: string | null; outcome_note: string | null; created_by: string;
}

export interface ReviewsTable extends SyncedCols {
  id: string; subject_kind: string; subject_id: string; period_key: string; kind: string; data_json: string; analysis: string; cases: string; created_by: string;
}
export interface ReviewFindingsTable extends SyncedCols {
  id: string; review_id: string; kind: string; text: string; owner_person_id: string | null; item_id: string | null; activity_id: string | null;
}

/** Pairing's tables, honours' (2026_12_05_honours) and reviews' (2026_12_05_zz_work334_reviews), as db/schema.ts's DB has them. */
export interface PairingTables {
  reviews: ReviewsTable;
  review_findings: ReviewFindingsTable;
  honours: HonoursTable;
  accountability: AccountabilityTable;
  pairings: PairingsTable;
  pairing_parties: PairingPartiesTable;
  pairing_meetings: PairingMeetingsTable;
}
