// One county's facts for the province overview, from the rows its organiser's device would hold: the
// rows under the county's path and the reference data above it (shared/sync/tables.ts isVisible). So a
// county's facts change only when a row under its path, or a setting above it, changes — which is what
// hq/console/totals.ts watches — and they are the figures that county's own board computes.
import { assessmentSettings } from '../../shared/assessment/thresholds.js';
import { isUnder } from '../../shared/core/scope.js';
import { orgLifeSettings } from '../../shared/orglife/settings.js';
import { addDays, periodOf } from '../../shared/orglife/periods.js';
import { ancestorPaths } from '../../shared/sync/tables.js';
import type { HqStore } from '../store.js';
import { loadBoardFacts } from './boardFacts.js';
import { loadLiveOrgs, loadMemberOutlets, loadOutlets, prefetch, type OutletFact, type Prefetched, type Source, type UnitFact } from './facts.js';
import { countyParts, type UnitParts } from './indicators.js';
import { settingRows } from './store.js';
import { milestoneParts, standingParts } from './totalsWork.js';
import { DUAL_TRACK_COLUMNS, dualTrackComposites } from './dualTrack.js';

/** The counts of a county that are not board indicators. */
export interface CountyBase { outlets: number; outletsWithMembers: number; members: number; partyOrgs: number; uncoveredOutlets: number; noInstructorOutlets: number }
/** An outlet with members as the drill-down lists it (its lights follow from the thresholds in force when read). */
export interface OutletTotals { id: string; name: string; members: number; covered: boolean; contacted: boolean; hasInstructor: boolean }
export interface CountyTotals { base: CountyBase; parts: UnitParts; outlets: OutletTotals[] }

/** The settings in force at `path`, nearest scope winning, from the given setting rows. */
export function rawAt(settings: { scopePath: string; key: string; value: unknown; deleted: boolean }[], path: string): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const r of settings.filter((x) => !x.deleted && isUnder(path, x.scopePath)).sort((a, b) => a.scopePath.length - b.scopePath.length)) raw[r.key] = r.value;
  return raw;
}

/** What the rules read of each table of a county (people aside: only members' own rows are read, by id). */
export const COUNTY_COLUMNS: Record<string, string[]> = {
  ...DUAL_TRACK_COLUMNS,
  outlets: ['name', 'county_id', 'coverage_org_id', 'instructor_id', 'opened_on', 'closed_on', ...DUAL_TRACK_COLUMNS.outlets!],
  party_orgs: ['name', 'org_type'],
  members: ['person_id', 'branch_id', 'standing', 'join_date', 'mobility', 'mobility_since', 'lost_contact'],
  activities: ['status', 'held_on', 'org_id', 'type', 'group_id'],
  activity_outlets: ['activity_id', 'outlet_id'],
  attendance: ['activity_id', 'person_id', 'status'],
  rectification_items: ['due_on', 'status', 'done_on', 'created_at'],
  party_org_committee: ['org_id', 'role'],
  party_groups: ['branch_id', 'name'],
  milestone_goals: ['year'],
  milestone_nodes: ['goal_id', 'org_id', 'due_on', 'done_on'],
  dues_bases: ['person_id', 'from_month', 'category', 'base_fen'],
  dues_payments: ['person_id', 'month'],
};
const COUNTY_TABLES = Object.keys(COUNTY_COLUMNS);

export async function computeCountyTotals(store: HqStore, c: UnitFact, asOf: string, pre?: Prefetched): Promise<CountyTotals> {
  const { db } = store;
  // Rows read beforehand for many counties, or on PostgreSQL one query for this county's rows.
  const d: Source = pre ?? (store.dialect === 'pg' ? await prefetch(db, c.path, COUNTY_TABLES) : store.dialect);
  const raw = rawAt(await settingRows(db, ancestorPaths(c.path)), c.path);
  const a = assessmentSettings(raw);
  const month = periodOf(asOf, 'month');
  const [all, liveOrgs, members, facts] = await Promise.all([
    loadOutlets(db, d, c.path, asOf), loadLiveOrgs(db, d, c.path), loadMemberOutlets(db, d, c.path, asOf),
    loadBoardFacts(db, d, c.path, { asOf, monthStart: month.start, contactSince: addDays(asOf, -a.windows.contactDays) }),
  ]);
  const os = all.filter((o) => o.countyId === c.id);
  const withMembers = os.filter((o) => members.has(o.id));
  const covered = (o: OutletFact) => !!o.coverageOrgId && liveOrgs.has(o.coverageOrgId);
  const orgIds = new Set(liveOrgs.keys());
  const [milestones, standing, dualTrack] = await Promise.all([
    milestoneParts(db, d, c.path, orgIds, raw, month, asOf), standingParts(db, d, c.path, orgIds, facts, raw, asOf), dualTrackComposites(db, d, c.path, raw, asOf, orgIds),
  ]);
  const parts = countyParts(facts, {
    orgIds, work: { milestones, standing, dualTrack },
    tallies: withMembers.map((o) => ({ members: members.get(o.id)!, covered: covered(o), contacted: facts.contacted.has(o.id) })),
    itemScopes: () => true,
  }, orgLifeSettings(raw), month, asOf);
  return {
    base: {
      outlets: os.length, outletsWithMembers: withMembers.length, members: withMembers.reduce((n, o) => n + members.get(o.id)!, 0),
      partyOrgs: liveOrgs.size, uncoveredOutlets: withMembers.filter((o) => !covered(o)).length, noInstructorOutlets: os.filter((o) => !o.instructorId).length,
    },
    parts,
    outlets: withMembers.map((o) => ({ id: o.id, name: o.name, members: members.get(o.id)!, covered: covered(o), contacted: facts.contacted.has(o.id), hasInstructor: !!o.instructorId })),
  };
}
