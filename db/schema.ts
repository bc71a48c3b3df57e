// Kysely row types of the local store (snake_case, as stored).
import type { Generated } from 'kysely';
import type { SyncedTable } from '../shared/sync/tables.js';
import type { SyncedCols } from './syncedColumns.js';
import type { AssessmentTables } from './assessment/tables.js';
import type { BusinessTables } from './assessment/businessTables.js';
import type { PointsTables } from './points/tables.js';
import type { QuizTables } from './quiz/tables.js';
import type { DuesTables } from './dues/tables.js';
import type { Work334Tables } from './teams/tables.js';
import type { RegistryTables } from './people/tables.js';

export interface OrgUnitsTable extends SyncedCols {
  id: string;
  code: string;
  name: string;
  level: string;
  parent_id: string | null;
  path: string;
  sort: Generated<number>;
}

export interface OrgUnitLinksTable extends SyncedCols {
  id: string;
  unit_id: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface OutletsTable extends SyncedCols {
  id: string;
  code: string;
  name: string;
  channel_type: string;
  county_id: string;
  grid_id: string | null;
  address: string | null;
  staff_count: number;
  coverage_org_id: string | null;
  instructor_id: string | null;
  is_contact_point: number;
  opened_on: string | null;
  closed_on: string | null;
  lat: number | null;
  lng: number | null;
}

export interface PartyOrgsTable extends SyncedCols {
  id: string;
  name: string;
  org_type: string;
  setting_mode: string;
  pairing_ratio: string | null;
  alliance_sector: string | null;
  parent_org_id: string | null;
  unit_id: string;
  secretary_person_id: string | null;
  term_start: string | null;
  term_end: string | null;
}

export interface PartyOrgOutletsTable extends SyncedCols {
  id: string;
  org_id: string;
  outlet_id: string;
}

export interface PartyOrgCommitteeTable extends SyncedCols {
  id: string;
  org_id: string;
  person_id: string;
  role: string;
}

export interface PartyGroupsTable extends SyncedCols {
  id: string;
  branch_id: string;
  name: string;
  kind: string;
  leader_person_id: string | null;
}

export interface PeopleTable extends SyncedCols {
  id: string;
  name: string;
  gender: string | null;
  ethnicity: string | null;
  birth_date: string | null;
  citizen_id: string | null;
  phone: string | null;
  education: string | null;
  outlet_id: string | null;
  post: string | null;
  employment: string | null;
  political_status: string;
  consent_on: string | null;
  notes: string | null;
}

export interface MembersTable extends SyncedCols {
  id: string;
  person_id: string;
  branch_id: string;
  group_id: string | null;
  join_date: string;
  full_date: string | null;
  standing: string;
  mobility: string;
  mobility_destination: string | null;
  mobility_since: string | null;
  mobility_card_no: string | null;
  lost_contact: number;
  lost_contact_since: string | null;
  lost_contact_reason: string | null;
  dues_base_type: string;
  probation_extended_on: string | null;
  probation_extension_months: number | null;
  probation_extension_reason: string | null;
}

export interface RecruitsTable extends SyncedCols {
  id: string;
  person_id: string;
  stage: string;
  applied_on: string | null;
  activist_on: string | null;
  candidate_on: string | null;
  probationary_on: string | null;
  full_on: string | null;
  cancelled_on: string | null;
  cultivator1_id: string | null;
  cultivator2_id: string | null;
  introducer1_id: string | null;
  introducer2_id: string | null;
  training_hours: number;
}

export interface InstructorsTable extends SyncedCols {
  id: string;
  person_id: string | null;
  name: string;
  phone: string | null;
  unit_id: string;
  active: number;
}

export interface InstructorAssignmentsTable extends SyncedCols {
  id: string;
  instructor_id: string;
  outlet_id: string;
  valid_from: string;
  valid_to: string | null;
}

export interface ActivitiesTable extends SyncedCols {
  id: string;
  org_id: string | null;
  type: string;
  title: string;
  held_on: string;
  start_time: string | null;
  duration_min: number | null;
  place: string | null;
  host_person_id: string | null;
  recorder_person_id: string | null;
  lecturer_person_id: string | null;
  topic: string | null;
  agenda: string | null;
  minutes: string | null;
  resolutions_json: string | null;
  reach_count: number | null;
  details_json: string | null;
  recorded_by: string | null;
  device_id: string | null;
  // 2026_11_24_orglife
  status: Generated<string>;
  group_id: string | null;
  instructor_id: string | null;
}

export interface ActivityOutletsTable extends SyncedCols {
  id: string;
  activity_id: string;
  outlet_id: string;
}

export interface AttendanceTable extends SyncedCols {
  id: string;
  activity_id: string;
  person_id: string;
  status: string;
  reason: string | null;
}

export interface AttachmentsTable extends SyncedCols {
  id: string;
  activity_id: string;
  kind: string;
  sha256: string;
  mime: string;
  size: number;
  file_name: string;
  thumb_sha256: string | null;
}

export interface SettingsTable extends SyncedCols {
  id: string;
  key: string;
  value_json: string;
}

// 2026_11_23_registry: local search index (not synced) and the registry's synced records.
export interface PeopleSearchTable {
  rowid: Generated<number>;
  person_id: string;
  name: string;
  scope_path: string;
  political_status: string;
  outlet_id: string | null;
  py_full: string;
  py_initials: string;
  py_given: string;
}

export interface MetaTable { key: string; value: string }

export interface DB extends AssessmentTables, BusinessTables, PointsTables, DuesTables, Work334Tables, QuizTables, RegistryTables {
  meta: MetaTable;
  org_units: OrgUnitsTable;
  org_unit_links: OrgUnitLinksTable;
  outlets: OutletsTable;
  party_orgs: PartyOrgsTable;
  party_org_outlets: PartyOrgOutletsTable;
  party_org_committee: PartyOrgCommitteeTable;
  party_groups: PartyGroupsTable;
  people: PeopleTable;
  members: MembersTable;
  recruits: RecruitsTable;
  instructors: InstructorsTable;
  instructor_assignments: InstructorAssignmentsTable;
  activities: ActivitiesTable;
  activity_outlets: ActivityOutletsTable;
  attendance: AttendanceTable;
  settings: SettingsTable;
  attachments: AttachmentsTable;
  people_search: PeopleSearchTable;
}

/** Fails to compile if a synced table (shared/sync/tables.ts) is missing from the device's schema. */
export type MissingSyncedTable = Exclude<SyncedTable, keyof DB>;
const _everySyncedTableExists: MissingSyncedTable extends never ? true : never = true;
void _everySyncedTableExists;
