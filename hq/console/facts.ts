// What the province overview reads from HQ's copy (hq_rows: one JSON of cells per row), the columns
// pulled out by the database itself so that a province of 100 counties is a few scans, not a parse
// of every row in JavaScript.
import { sql, type RawBuilder } from 'kysely';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Dialect, HqStore } from '../store.js';

type Db = HqStore['db'];

/** The current value of a cell as text (null when absent). */
function cell(d: Dialect, alias: string, col: string): RawBuilder<string | null> {
  return d === 'pg' ? sql<string | null>`(${sql.ref(`${alias}.cells`)}::json -> ${col} ->> 0)` : sql<string | null>`CAST(json_extract(${sql.ref(`${alias}.cells`)}, ${`$.${col}[0]`}) AS TEXT)`;
}
const alive = (d: Dialect, alias: string) => sql`coalesce(${cell(d, alias, 'deleted')}, '0') = '0'`;
const inScope = (alias: string, scope: string) => sql`${sql.ref(`${alias}.scope_path`)} >= ${scope} AND ${sql.ref(`${alias}.scope_path`)} < ${scopeEnd(scope)}`;

export interface UnitFact { id: string; name: string; level: string; path: string }
export interface OutletFact { id: string; name: string; countyId: string | null; scopePath: string; coverageOrgId: string | null; instructorId: string | null }

export async function loadUnits(db: Db, d: Dialect): Promise<UnitFact[]> {
  const r = await sql<{ id: string; name: string; level: string; path: string }>`
    SELECT u.row_id AS id, ${cell(d, 'u', 'name')} AS name, ${cell(d, 'u', 'level')} AS level, ${cell(d, 'u', 'path')} AS path
    FROM hq_rows u WHERE u.tbl = 'org_units' AND ${alive(d, 'u')}`.execute(db);
  return r.rows.filter((u) => u.path && u.level);
}

export async function loadOutlets(db: Db, d: Dialect, scope: string, asOf: string): Promise<OutletFact[]> {
  const r = await sql<{ id: string; name: string; county_id: string | null; scope_path: string; coverage_org_id: string | null; instructor_id: string | null; opened_on: string | null; closed_on: string | null }>`
    SELECT o.row_id AS id, ${cell(d, 'o', 'name')} AS name, ${cell(d, 'o', 'county_id')} AS county_id, o.scope_path,
      ${cell(d, 'o', 'coverage_org_id')} AS coverage_org_id, ${cell(d, 'o', 'instructor_id')} AS instructor_id,
      ${cell(d, 'o', 'opened_on')} AS opened_on, ${cell(d, 'o', 'closed_on')} AS closed_on
    FROM hq_rows o WHERE o.tbl = 'outlets' AND ${inScope('o', scope)} AND ${alive(d, 'o')}`.execute(db);
  return r.rows
    .filter((o) => (o.closed_on === null || o.closed_on > asOf) && (o.opened_on === null || o.opened_on <= asOf))
    .map((o) => ({ id: o.id, name: o.name, countyId: o.county_id, scopePath: o.scope_path, coverageOrgId: o.coverage_org_id, instructorId: o.instructor_id }));
}

/** Live Party organisations: id → scope path. */
export async function loadLiveOrgs(db: Db, d: Dialect, scope: string): Promise<Map<string, string>> {
  const r = await sql<{ id: string; scope_path: string }>`SELECT p.row_id AS id, p.scope_path FROM hq_rows p WHERE p.tbl = 'party_orgs' AND ${inScope('p', scope)} AND ${alive(d, 'p')}`.execute(db);
  return new Map(r.rows.map((x) => [x.id, x.scope_path]));
}

/** Members in good standing on `asOf`, counted per outlet of their person record. */
export async function loadMemberOutlets(db: Db, d: Dialect, scope: string, asOf: string): Promise<Map<string, number>> {
  const r = await sql<{ outlet_id: string | null; n: number | string }>`
    SELECT ${cell(d, 'p', 'outlet_id')} AS outlet_id, count(*) AS n
    FROM hq_rows m JOIN hq_rows p ON p.tbl = 'people' AND p.row_id = ${cell(d, 'm', 'person_id')}
    WHERE m.tbl = 'members' AND ${inScope('m', scope)} AND ${alive(d, 'm')} AND ${alive(d, 'p')}
      AND ${cell(d, 'm', 'standing')} = 'normal' AND ${cell(d, 'm', 'join_date')} <= ${asOf}
    GROUP BY ${cell(d, 'p', 'outlet_id')}`.execute(db);
  const out = new Map<string, number>();
  for (const x of r.rows) if (x.outlet_id) out.set(x.outlet_id, Number(x.n));
  return out;
}

/** Outlets that had a held activity in (since, asOf]: two scans joined in memory (the link is inside the JSON). */
export async function loadContacted(db: Db, d: Dialect, scope: string, since: string, asOf: string): Promise<Set<string>> {
  const held = await sql<{ id: string }>`
    SELECT a.row_id AS id FROM hq_rows a WHERE a.tbl = 'activities' AND ${inScope('a', scope)} AND ${alive(d, 'a')}
      AND ${cell(d, 'a', 'status')} = 'held' AND ${cell(d, 'a', 'held_on')} > ${since} AND ${cell(d, 'a', 'held_on')} <= ${asOf}`.execute(db);
  const ids = new Set(held.rows.map((x) => x.id));
  if (!ids.size) return new Set();
  const links = await sql<{ activity_id: string; outlet_id: string }>`
    SELECT ${cell(d, 'ao', 'activity_id')} AS activity_id, ${cell(d, 'ao', 'outlet_id')} AS outlet_id
    FROM hq_rows ao WHERE ao.tbl = 'activity_outlets' AND ${inScope('ao', scope)} AND ${alive(d, 'ao')}`.execute(db);
  return new Set(links.rows.filter((l) => ids.has(l.activity_id)).map((l) => l.outlet_id));
}
