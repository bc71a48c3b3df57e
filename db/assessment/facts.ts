// What the warning board reads, in a few grouped queries per scope and day: units, outlets,
// organisations, members with their last organisation life, attendance marks and open three-lists
// items (people for data quality: qualityFacts.ts). The rules then run in memory (shared/assessment).
// Loaded once per board: the dual-track scorecard behind the composite light is handed the board's
// units, outlets, organisations and members (ScopeFacts) instead of reading them again.
// A past period's tree is the one that stood then, where record history knows it (pastTree.ts).
import { sql } from 'kysely';
import type { ChannelType } from '../../shared/assessment/dualTrack.js';
import { scopeEnd } from '../../shared/core/scope.js';
import { addMonths } from '../../shared/orglife/periods.js';
import { ancestorPaths } from '../../shared/sync/tables.js';
import type { Db } from '../context.js';
import { firstHeldOn } from '../dues/store.js';
import { atHeldPaths, heldPaths } from '../orglife/heldPaths.js';
import { pastTree } from './pastTree.js';

export interface Unit { id: string; name: string; level: string; path: string }
export interface Place { countyId: string | null; gridId: string | null }

export interface Units {
  byPath: Map<string, Unit>;
  /** Counties and grids under the scope: the board's unit subjects. */
  subjects: Unit[];
  placeOf(path: string): Place;
}

export async function loadUnits(db: Db, scope: string): Promise<Units> {
  return unitsOf((await sql<Unit>`SELECT id, name, level, path FROM org_units WHERE deleted = 0 AND level IN ('county', 'grid')`.execute(db)).rows, scope);
}

function unitsOf(all: readonly Unit[], scope: string): Units {
  const rows = all.map((u) => ({ id: u.id, name: u.name, level: u.level, path: u.path }));
  const byPath = new Map(rows.map((u) => [u.path, u]));
  const cache = new Map<string, Place>();
  return {
    byPath,
    subjects: rows.filter((u) => u.path.startsWith(scope)).sort((a, b) => a.path.localeCompare(b.path)),
    placeOf(path) {
      let p = cache.get(path);
      if (!p) {
        p = { countyId: null, gridId: null };
        for (const a of ancestorPaths(path)) {
          const u = byPath.get(a);
          if (u?.level === 'county') p.countyId = u.id;
          if (u?.level === 'grid') p.gridId = u.id;
        }
        cache.set(path, p);
      }
      return p;
    },
  };
}

export interface OutletFact {
  id: string; name: string; countyId: string; gridId: string | null; scopePath: string; coverageOrgId: string | null; covered: boolean;
  /** Null when unset: the scorecard then weighs it as an own store. */
  channelType: ChannelType | null;
}

export async function loadOutlets(db: Db, scope: string, asOf: string): Promise<OutletFact[]> {
  const r = await sql<{ id: string; name: string; county_id: string; grid_id: string | null; scope_path: string; coverage_org_id: string | null; covered: number; channel_type: ChannelType | null }>`
    SELECT o.id, o.name, o.county_id, o.grid_id, o.scope_path, o.coverage_org_id, (po.id IS NOT NULL) AS covered, o.channel_type
    FROM outlets o LEFT JOIN party_orgs po ON po.id = o.coverage_org_id AND po.deleted = 0
    WHERE o.deleted = 0 AND o.scope_path >= ${scope} AND o.scope_path < ${scopeEnd(scope)}
      AND (o.closed_on IS NULL OR o.closed_on > ${asOf}) AND (o.opened_on IS NULL OR o.opened_on <= ${asOf})`.execute(db);
  return r.rows.map(outletFact);
}

type OutletCols = { id: string; name: string; county_id: string; grid_id: string | null; scope_path: string; coverage_org_id: string | null; covered: number | boolean; channel_type: string | null };
const outletFact = (o: OutletCols): OutletFact => ({
  id: o.id, name: o.name, countyId: o.county_id, gridId: o.grid_id, scopePath: o.scope_path, coverageOrgId: o.coverage_org_id, covered: !!o.covered,
  channelType: o.channel_type as ChannelType | null,
});

export interface OrgFact { id: string; name: string; scopePath: string; secretaryPersonId: string | null }

export async function loadOrgs(db: Db, scope: string): Promise<OrgFact[]> {
  const r = await sql<{ id: string; name: string; scope_path: string; secretary_person_id: string | null }>`
    SELECT id, name, scope_path, secretary_person_id FROM party_orgs WHERE deleted = 0 AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)}
    ORDER BY scope_path, name`.execute(db);
  return r.rows.map((o) => ({ id: o.id, name: o.name, scopePath: o.scope_path, secretaryPersonId: o.secretary_person_id }));
}

export interface MemberFact { personId: string; name: string; outletId: string | null; branchId: string; joinDate: string; scopePath: string; lastOn: string | null }

/** Members in good standing on `asOf`, with the last day they were present at organisation life by then. */
export async function loadMembers(db: Db, scope: string, asOf: string): Promise<MemberFact[]> {
  const end = scopeEnd(scope);
  const members = await sql<{ person_id: string; name: string; outlet_id: string | null; branch_id: string; join_date: string; scope_path: string }>`
    SELECT m.person_id, p.name, p.outlet_id, m.branch_id, m.join_date, m.scope_path
    FROM members m JOIN people p ON p.id = m.person_id AND p.deleted = 0
    WHERE m.deleted = 0 AND m.standing = 'normal' AND m.join_date <= ${asOf} AND m.scope_path >= ${scope} AND m.scope_path < ${end}`.execute(db);
  const lastOf = await lastPresent(db, scope, asOf, members.rows.map((m) => m.person_id));
  return members.rows.map((m) => memberFact(m, lastOf));
}

type MemberCols = { person_id: string; name: string; outlet_id: string | null; branch_id: string; join_date: string; scope_path: string };
const memberFact = (m: MemberCols, lastOf: Map<string, string>): MemberFact => ({
  personId: m.person_id, name: m.name, outletId: m.outlet_id, branchId: m.branch_id, joinDate: m.join_date, scopePath: m.scope_path, lastOn: lastOf.get(m.person_id) ?? null,
});

/**
 * Months of marks read for everyone; earlier marks are read only for the members not seen in them.
 * At 100 counties (6,931 members) two months leave 214 unseen, looked up by person in 6 ms, and read
 * in 59 ms; seven months leave 191 and take 143 ms to read: members who attend at all attend monthly.
 */
const RECENT_MONTHS = 2;

/**
 * The last day each of `personIds` was present at organisation life in the scope by `asOf`. Years of
 * history make the whole record the board's longest read (2.1M marks at 100 counties over five
 * years, bench/province.bench.ts): the recent months give the last day of nearly everyone, and the
 * few not seen there are looked up by person — the same days as one grouped read of everything.
 */
async function lastPresent(db: Db, scope: string, asOf: string, personIds: readonly string[]): Promise<Map<string, string>> {
  const end = scopeEnd(scope);
  const since = addMonths(asOf, -RECENT_MONTHS);
  const recent = await sql<{ person_id: string; last_on: string }>`
    SELECT t.person_id, max(a.held_on) AS last_on
    FROM activities a JOIN attendance t ON t.activity_id = a.id AND t.deleted = 0 AND t.status = 'present'
    WHERE a.deleted = 0 AND a.status = 'held' AND ${atHeldPaths('a.scope_path', await heldPaths(db, scope))} AND a.held_on <= ${asOf} AND a.held_on >= ${since}
    GROUP BY t.person_id`.execute(db);
  const out = new Map(recent.rows.map((x) => [x.person_id, x.last_on]));
  const unseen = [...new Set(personIds)].filter((id) => !out.has(id));
  for (let i = 0; i < unseen.length; i += 500) {
    const earlier = await sql<{ person_id: string; last_on: string }>`
      SELECT t.person_id, max(a.held_on) AS last_on
      FROM attendance t JOIN activities a ON a.id = t.activity_id
      WHERE t.person_id IN (${sql.join(unseen.slice(i, i + 500))}) AND t.deleted = 0 AND t.status = 'present'
        AND a.deleted = 0 AND a.status = 'held' AND a.scope_path >= ${scope} AND a.scope_path < ${end} AND a.held_on < ${since}
      GROUP BY t.person_id`.execute(db);
    for (const x of earlier.rows) out.set(x.person_id, x.last_on);
  }
  return out;
}

/** What both the board and the scorecard read, as of one day; `recordsFrom`: the scope's first held activity, whatever its day. */
export interface ScopeFacts { asOf: string; units: Units; outlets: OutletFact[]; orgs: OrgFact[]; members: MemberFact[]; recordsFrom: string | null }

export async function loadScopeFacts(db: Db, scope: string, asOf: string): Promise<ScopeFacts> {
  const past = await pastTree(db, scope, asOf);
  if (past) {
    const lastOf = await lastPresent(db, scope, asOf, past.members.map((m) => m.person_id));
    return {
      asOf, units: unitsOf(past.units, scope), outlets: past.outlets.map(outletFact),
      orgs: past.orgs.map((o) => ({ id: o.id, name: o.name, scopePath: o.scope_path, secretaryPersonId: o.secretary_person_id })),
      members: past.members.map((m) => memberFact(m, lastOf)), recordsFrom: await firstHeldOn(db, scope),
    };
  }
  return { asOf, units: await loadUnits(db, scope), outlets: await loadOutlets(db, scope, asOf), orgs: await loadOrgs(db, scope), members: await loadMembers(db, scope, asOf), recordsFrom: await firstHeldOn(db, scope) };
}

export interface AttendanceCount { orgId: string; present: number; absent: number; excused: number }
export interface AbsentMark { orgId: string; personId: string; name: string; title: string; heldOn: string }

/** Attendance marks of activities held in [from, to], per organisation; the absences named. */
export async function loadAttendance(db: Db, scope: string, from: string, to: string): Promise<{ counts: AttendanceCount[]; absent: AbsentMark[] }> {
  const inRange = sql`a.deleted = 0 AND a.status = 'held' AND a.org_id IS NOT NULL AND ${atHeldPaths('a.scope_path', await heldPaths(db, scope))} AND a.held_on >= ${from} AND a.held_on <= ${to}`;
  const counts = await sql<{ org_id: string; present: number; absent: number; excused: number }>`
    SELECT a.org_id, sum(t.status = 'present') AS present, sum(t.status = 'absent') AS absent, sum(t.status = 'excused') AS excused
    FROM activities a JOIN attendance t ON t.activity_id = a.id AND t.deleted = 0 WHERE ${inRange} GROUP BY a.org_id`.execute(db);
  const absent = await sql<{ org_id: string; person_id: string; name: string; title: string; held_on: string }>`
    SELECT a.org_id, t.person_id, p.name, a.title, a.held_on
    FROM activities a JOIN attendance t ON t.activity_id = a.id AND t.deleted = 0 AND t.status = 'absent' JOIN people p ON p.id = t.person_id
    WHERE ${inRange} ORDER BY a.held_on, p.name, a.title, a.id`.execute(db); // ties (one person absent twice a day) in one order, whichever index SQLite walks
  return {
    counts: counts.rows.map((c) => ({ orgId: c.org_id, present: Number(c.present), absent: Number(c.absent), excused: Number(c.excused) })),
    absent: absent.rows.map((x) => ({ orgId: x.org_id, personId: x.person_id, name: x.name, title: x.title, heldOn: x.held_on })),
  };
}

/** Outlets with members that had an activity or visit recorded there in (since, asOf]. */
export async function loadContacted(db: Db, scope: string, since: string, asOf: string): Promise<Set<string>> {
  const r = await sql<{ outlet_id: string }>`
    SELECT DISTINCT ao.outlet_id FROM activities a JOIN activity_outlets ao ON ao.activity_id = a.id AND ao.deleted = 0
    WHERE a.deleted = 0 AND a.status = 'held' AND ${atHeldPaths('a.scope_path', await heldPaths(db, scope))} AND a.held_on > ${since} AND a.held_on <= ${asOf}`.execute(db);
  return new Set(r.rows.map((x) => x.outlet_id));
}

export interface OpenItem {
  id: string; title: string; dueOn: string; subjectKind: string | null; subjectId: string | null; scopePath: string; outletOfPerson: string | null;
}

/** Items not done by `asOf` that had a due date before it (created by then). */
export async function loadOpenItems(db: Db, scope: string, asOf: string): Promise<OpenItem[]> {
  const r = await sql<{ id: string; title: string; due_on: string; subject_kind: string | null; subject_id: string | null; scope_path: string; outlet_id: string | null }>`
    SELECT i.id, i.title, i.due_on, i.subject_kind, i.subject_id, i.scope_path, p.outlet_id
    FROM rectification_items i LEFT JOIN people p ON i.subject_kind = 'person' AND p.id = i.subject_id
    WHERE i.deleted = 0 AND i.due_on IS NOT NULL AND i.due_on < ${asOf} AND substr(i.created_at, 1, 10) <= ${asOf}
      AND (i.status IN ('open', 'in_progress') OR (i.done_on IS NOT NULL AND i.done_on > ${asOf}))
      AND i.scope_path >= ${scope} AND i.scope_path < ${scopeEnd(scope)}`.execute(db);
  return r.rows.map((i) => ({ id: i.id, title: i.title, dueOn: i.due_on, subjectKind: i.subject_kind, subjectId: i.subject_id, scopePath: i.scope_path, outletOfPerson: i.outlet_id }));
}

export async function loadInstructorUnits(db: Db, scope: string): Promise<Map<string, string>> {
  const r = await sql<{ id: string; scope_path: string }>`
    SELECT id, scope_path FROM instructors WHERE deleted = 0 AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)}`.execute(db);
  return new Map(r.rows.map((x) => [x.id, x.scope_path]));
}
