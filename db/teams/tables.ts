// Row types of the 334N tables (2026_12_05_work334), kept here so db/schema.ts stays short;
// db/schema.ts's DB extends Work334Tables. The synced columns are spelled out: this file imports nothing of db/.
import type { Generated } from 'kysely';
import type { SyncedCols } from '../syncedColumns.js';
import type { PairingTables } from '../pairing/tables.js';

export interface TeamsTable extends SyncedCols {
  id: string;
  org_id: string;
  kind: string;
  name: string;
  goal: string;
  starts_on: string;
  ends_on: string | null;
  leader_person_id: string | null;
  results: string | null;
  created_by: string;
}

export interface TeamMembersTable extends SyncedCols { id: string; team_id: string; person_id: string }
export interface TeamOutletsTable extends SyncedCols { id: string; team_id: string; outlet_id: string }

export interface PledgesTable extends SyncedCols {
  id: string;
  person_id: string;
  org_id: string;
  year: number;
  pledge: string;
  pledged_on: string;
  evidence: string | null;
  outcome: Generated<string>;
  reviewed_on: string | null;
  reviewed_by: string | null;
  review_note: string | null;
  created_by: string;
}

export interface MilestoneGoalsTable extends SyncedCols {
  id: string;
  org_id: string;
  year: number;
  title: string;
  team_id: string | null;
  owner_person_id: string | null;
  created_by: string;
}

export interface MilestoneNodesTable extends SyncedCols {
  id: string;
  goal_id: string;
  org_id: string;
  period_key: string;
  title: string;
  owner_person_id: string | null;
  standard: string;
  due_on: string;
  done_on: string | null;
  done_by: string | null;
  evidence: string | null;
  item_id: string | null;
}

/** The 334N tables as db/schema.ts's DB has them (pairing's joined here to keep db/schema.ts short). */
export interface Work334Tables extends PairingTables {
  teams: TeamsTable;
  team_members: TeamMembersTable;
  team_outlets: TeamOutletsTable;
  pledges: PledgesTable;
  milestone_goals: MilestoneGoalsTable;
  milestone_nodes: MilestoneNodesTable;
}
