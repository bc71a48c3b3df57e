// In-memory model of one county while it is being generated. Rows are plain objects keyed by
// column; they stay mutable (coverage, instructor, branch …) until the county is flushed.
import type { ChannelType } from '../../shared/domain/enums.js';
import type { County } from './geography.js';
import type { Row } from './insert.js';
import type { PersonFactory } from './people.js';
import type { IdMaker, Rng } from './prng.js';

export interface Gen {
  seed: number;
  today: string;
  /** Years of organisation life before `today` (1 by default). */
  years: number;
  /** Whether the frequent channel-work records (anti-fraud outreach, vanguard service …) are written. */
  channelWork: boolean;
  /** created_at / updated_at of registry rows. */
  stamp: string;
  ids: IdMaker;
  persons: PersonFactory;
  defects: { badCheckDigits: number; duplicatePeople: number; gapMembers: number; uncoveredOutlets: number };
}

export interface Grid {
  id: string;
  path: string;
  name: string;
  town: string;
}

export interface OutletRec {
  id: string;
  type: ChannelType;
  name: string;
  scope: string;
  grid: Grid | null;
  row: Row;
  people: PersonRec[];
  members: MemberRec[];
  org: OrgRec | null;
}

export interface PersonRec {
  id: string;
  row: Row;
  outlet: OutletRec;
  member: MemberRec | null;
  /** A second registration of someone registered elsewhere (injected defect), or its source. */
  duplicate: boolean;
  taken: boolean; // already a recruit or an instructor
}

export interface MemberRec {
  id: string;
  row: Row;
  person: PersonRec;
  probationary: boolean;
  outbound: boolean;
  joinDate: string;
  /** [from, to) with no organisation life (injected defect). */
  gap: { from: string; to: string } | null;
  org: OrgRec | null;
  group: GroupRec | null;
}

export interface GroupRec {
  id: string;
  name: string;
  members: MemberRec[];
}

export interface OrgRec {
  id: string;
  name: string;
  type: 'committee' | 'general_branch' | 'branch' | 'joint_branch' | 'temp_branch';
  mode: string;
  scope: string;
  row: Row;
  outlets: OutletRec[];
  members: MemberRec[];
  secretary: PersonRec | null;
  committee: { person: PersonRec; role: string }[];
  groups: GroupRec[];
  /** Branches and joint branches hold the 三会一课 cadence; committees and general branches do not here. */
  holdsMeetings: boolean;
}

export interface InstructorRec {
  id: string;
  personId: string | null;
  name: string;
  contactPoints: { outlet: OutletRec; since: string }[];
}

export interface CountyModel {
  county: County;
  index: number;
  id: string;
  path: string;
  rng: Rng;
  deviceId: string;
  grids: Grid[];
  outlets: OutletRec[];
  orgs: OrgRec[];
  countyOrg: OrgRec | null;
  instructors: InstructorRec[];
  /** Rows to insert, by table, in insertion order. */
  tables: Map<string, Row[]>;
}

export function emit(m: CountyModel, table: string, row: Row): Row {
  let rows = m.tables.get(table);
  if (!rows) m.tables.set(table, (rows = []));
  rows.push(row);
  return row;
}

/** The synced columns every generated row carries. */
export function synced(scope: string, stamp: string): Row {
  return { scope_path: scope, synthetic: 1, created_at: stamp, updated_at: stamp };
}

/** floor(n·rate) plus one more with the fractional probability: tight rates even for small n. */
export function quota(rng: Rng, n: number, rate: number): number {
  const x = n * rate;
  return Math.floor(x) + (rng.chance(x - Math.floor(x)) ? 1 : 0);
}
