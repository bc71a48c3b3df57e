// The org tree a past period's board judges: units, outlets (with whether their covering
// organisation stood), Party organisations and members as they stood at the end of the period's
// last day, rewound from record history (db/history/asOf.ts). Null when nothing in the tree changed
// since then — the usual case, and always for the running period — or when the period ended before
// this device's history began: then today's queries stand.
import { sql } from 'kysely';
import { scopeEnd } from '../../shared/core/scope.js';
import { beijingDay, changesAfter, endOfBeijingDay, historyStart, hlcFloor, rowsAsOf, type Row } from '../history/asOf.js';
import type { Db } from '../context.js';

/** The tables whose history decides a past tree. */
export const TREE_TABLES = ['org_units', 'outlets', 'party_orgs', 'members', 'people'] as const;

export type UnitRow = Row & { name: string; level: string; path: string; parent_id: string | null };
export type OutletRow = Row & {
  name: string; county_id: string; grid_id: string | null; scope_path: string; coverage_org_id: string | null; channel_type: string | null;
  opened_on: string | null; closed_on: string | null; covered: boolean;
};
export type OrgRow = Row & { name: string; scope_path: string; secretary_person_id: string | null; org_type: string; parent_org_id: string | null };
export type MemberRow = Row & {
  person_id: string; branch_id: string; join_date: string; scope_path: string; standing: string; name: string; outlet_id: string | null; person_deleted: number;
};
type PersonRow = Row & { name: string; outlet_id: string | null };

export interface PastTree { units: UnitRow[]; outlets: OutletRow[]; orgs: OrgRow[]; members: MemberRow[] }

const COLS = {
  org_units: 'id, name, level, path, parent_id, deleted',
  outlets: 'id, name, county_id, grid_id, scope_path, coverage_org_id, channel_type, opened_on, closed_on, deleted',
  party_orgs: 'id, name, scope_path, secretary_person_id, org_type, parent_org_id, deleted',
  people: 'id, name, outlet_id, deleted',
} as const;
type Tbl = keyof typeof COLS;

const byIds = <R extends Row>(db: Db, tbl: Tbl) => async (ids: string[]): Promise<R[]> =>
  (await sql<R>`SELECT ${sql.raw(COLS[tbl])} FROM ${sql.table(tbl)} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db)).rows;

const inScope = (scope: string) => (p: string) => p >= scope && p < scopeEnd(scope);
const alive = (r: Row) => !Number(r.deleted);

export async function pastTree(db: Db, scope: string, asOf: string): Promise<PastTree | null> {
  const at = endOfBeijingDay(asOf);
  // A period that ended before history began keeps today's tree: only part of what changed since is known.
  const start = await historyStart(db);
  if (start === null || start > hlcFloor(at)) return null;
  const any = await sql<{ x: number }>`
    SELECT 1 AS x FROM record_history WHERE tbl IN (${sql.join(TREE_TABLES)}) AND hlc >= ${hlcFloor(at)} LIMIT 1`.execute(db);
  if (!any.rows.length) return null;
  const under = inScope(scope);
  const end = scopeEnd(scope);
  const rewound = async <R extends Row>(tbl: Tbl, today: R[], want?: (id: string) => boolean): Promise<R[]> =>
    (await rowsAsOf(db, tbl, today, at, byIds<R>(db, tbl), want)) ?? today;

  const unitsNow = (await sql<UnitRow>`SELECT ${sql.raw(COLS.org_units)} FROM org_units WHERE deleted = 0 AND level IN ('county', 'grid')`.execute(db)).rows;
  const units = (await rewound('org_units', unitsNow)).filter((u) => alive(u) && (u.level === 'county' || u.level === 'grid'));

  const outletsNow = (await sql<OutletRow>`
    SELECT ${sql.raw(COLS.outlets)} FROM outlets WHERE deleted = 0 AND scope_path >= ${scope} AND scope_path < ${end}`.execute(db)).rows;
  const outlets = (await rewound('outlets', outletsNow)).filter(
    (o) => alive(o) && under(o.scope_path) && (o.closed_on === null || o.closed_on > asOf) && (o.opened_on === null || o.opened_on <= asOf),
  );

  const orgsNow = (await sql<OrgRow>`
    SELECT ${sql.raw(COLS.party_orgs)} FROM party_orgs WHERE deleted = 0 AND scope_path >= ${scope} AND scope_path < ${end}`.execute(db)).rows;
  // A covering organisation may sit outside the scope: fetched too, to know whether it stood then.
  const have = new Set(orgsNow.map((o) => o.id));
  const outside = [...new Set(outlets.map((o) => o.coverage_org_id).filter((id): id is string => !!id && !have.has(id)))];
  const allOrgs = await rewound('party_orgs', [...orgsNow, ...(outside.length ? await byIds<OrgRow>(db, 'party_orgs')(outside) : [])]);
  const standing = new Set(allOrgs.filter(alive).map((o) => o.id));
  for (const o of outlets) o.covered = !!o.coverage_org_id && standing.has(o.coverage_org_id);
  const orgs = allOrgs
    .filter((o) => alive(o) && under(o.scope_path))
    .sort((a, b) => (a.scope_path < b.scope_path ? -1 : a.scope_path > b.scope_path ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  // Members with their person's name and outlet as today (deleted people too: they may have stood
  // then); a person changed since is rewound alone.
  const memberCols = 'm.id, m.person_id, m.branch_id, m.join_date, m.scope_path, m.standing, m.deleted, p.name, p.outlet_id, p.deleted AS person_deleted';
  const membersNow = (await sql<MemberRow>`
    SELECT ${sql.raw(memberCols)} FROM members m JOIN people p ON p.id = m.person_id
    WHERE m.deleted = 0 AND m.scope_path >= ${scope} AND m.scope_path < ${end}`.execute(db)).rows;
  const memberById = async (ids: string[]) => (await sql<MemberRow>`
    SELECT ${sql.raw(memberCols)} FROM members m JOIN people p ON p.id = m.person_id WHERE m.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db)).rows;
  const ms = ((await rowsAsOf(db, 'members', membersNow, at, memberById)) ?? membersNow).filter(
    (m) => alive(m) && m.standing === 'normal' && m.join_date <= asOf && under(m.scope_path),
  );
  const ids = new Set(ms.map((m) => m.person_id));
  const changed = [...new Set((await changesAfter(db, 'people', at)).map((c) => c.row_id).filter((id) => ids.has(id)))];
  const people = new Map<string, PersonRow>();
  if (changed.length) {
    const now = await byIds<PersonRow>(db, 'people')(changed);
    for (const r of (await rowsAsOf(db, 'people', now, at, byIds<PersonRow>(db, 'people'), (id) => ids.has(id))) ?? now) people.set(r.id, r);
  }
  const members = ms.flatMap((m) => {
    const p = people.get(m.person_id);
    if (!p) return Number(m.person_deleted) ? [] : [m];
    return alive(p) ? [{ ...m, name: p.name, outlet_id: p.outlet_id }] : [];
  });
  return { units, outlets, orgs, members };
}

/** The Beijing day this device's record history begins (a board of a period ending before it uses today's tree). */
export async function treeSince(db: Db): Promise<string | null> {
  const start = await historyStart(db);
  return start && beijingDay(start);
}
