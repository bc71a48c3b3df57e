// What the province overview reads from HQ's copy (hq_rows: one JSON of cells per row). Each row's
// JSON is parsed once, here, rather than once per column by the database (json_extract parses the
// whole text on every call, which made a 100-county province take seconds).
import { sql, type RawBuilder } from 'kysely';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Cell } from '../rowset.js';
import type { Dialect, HqStore } from '../store.js';

type Db = HqStore['db'];
type Values = Record<string, unknown>;

export interface Live { id: string; scopePath: string; v: Values }

/** A table's live rows under `scope` (all scopes when null), each cell reduced to its current value. */
async function liveRows(db: Db, tbl: string, scope: string | null, ids?: string[]): Promise<Live[]> {
  let q = db.selectFrom('hq_rows').select(['row_id', 'scope_path', 'cells']).where('tbl', '=', tbl);
  if (scope) q = q.where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope));
  const rows: { row_id: string; scope_path: string; cells: string }[] = [];
  if (ids) for (let i = 0; i < ids.length; i += 500) rows.push(...(await q.where('row_id', 'in', ids.slice(i, i + 500)).execute()));
  else rows.push(...(await q.execute()));
  const out: Live[] = [];
  for (const r of rows) {
    const cells = JSON.parse(r.cells) as Record<string, Cell>;
    if (cells.deleted?.[0] === 1) continue;
    const v: Values = {};
    for (const k in cells) v[k] = cells[k]![0];
    out.push({ id: r.row_id, scopePath: r.scope_path, v });
  }
  return out;
}

const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

export interface UnitFact { id: string; name: string; level: string; path: string }
export interface OutletFact { id: string; name: string; countyId: string | null; scopePath: string; coverageOrgId: string | null; instructorId: string | null }

export async function loadUnits(db: Db, _d: Dialect): Promise<UnitFact[]> {
  return (await liveRows(db, 'org_units', null))
    .map((u) => ({ id: u.id, name: str(u.v.name) ?? '', level: str(u.v.level) ?? '', path: str(u.v.path) ?? '' }))
    .filter((u) => u.path && u.level);
}

export async function loadOutlets(db: Db, _d: Dialect, scope: string, asOf: string): Promise<OutletFact[]> {
  return (await liveRows(db, 'outlets', scope))
    .filter((o) => { const c = str(o.v.closed_on); const op = str(o.v.opened_on); return (c === null || c > asOf) && (op === null || op <= asOf); })
    .map((o) => ({ id: o.id, name: str(o.v.name) ?? '', countyId: str(o.v.county_id), scopePath: o.scopePath, coverageOrgId: str(o.v.coverage_org_id), instructorId: str(o.v.instructor_id) }));
}

/** Live Party organisations: id → scope path. */
export async function loadLiveOrgs(db: Db, _d: Dialect, scope: string): Promise<Map<string, string>> {
  return new Map((await liveRows(db, 'party_orgs', scope)).map((p) => [p.id, p.scopePath]));
}

/** Members in good standing on `asOf`, counted per outlet of their person record. */
export async function loadMemberOutlets(db: Db, _d: Dialect, scope: string, asOf: string): Promise<Map<string, number>> {
  const members = (await liveRows(db, 'members', scope)).filter((m) => m.v.standing === 'normal' && (str(m.v.join_date) ?? '9999') <= asOf);
  const people = await liveRows(db, 'people', null, [...new Set(members.map((m) => str(m.v.person_id)).filter((x): x is string => !!x))]);
  const outletOf = new Map(people.map((p) => [p.id, str(p.v.outlet_id)]));
  const out = new Map<string, number>();
  for (const m of members) {
    const o = outletOf.get(str(m.v.person_id) ?? '');
    if (o) out.set(o, (out.get(o) ?? 0) + 1);
  }
  return out;
}

/** The current value of a cell as text, pulled out by the database (for filters on big tables). */
function cell(d: Dialect, col: string): RawBuilder<string | null> {
  return d === 'pg' ? sql<string | null>`(cells::json -> ${col}::text ->> 0)` : sql<string | null>`CAST(json_extract(cells, ${`$.${col}[0]`}) AS TEXT)`;
}

/**
 * Outlets that had a held activity in (since, asOf]. Activities are the biggest table the overview
 * reads (with their minutes): the database keeps only those held in the window, so their text never
 * reaches JavaScript; the links are joined in memory (the link is inside the JSON).
 */
export async function loadContacted(db: Db, d: Dialect, scope: string, since: string, asOf: string): Promise<Set<string>> {
  const held = await sql<{ id: string }>`
    SELECT row_id AS id FROM hq_rows WHERE tbl = 'activities' AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)}
      AND ${cell(d, 'held_on')} > ${since} AND ${cell(d, 'held_on')} <= ${asOf} AND ${cell(d, 'status')} = 'held'
      AND coalesce(${cell(d, 'deleted')}, '0') = '0'`.execute(db);
  const ids = new Set(held.rows.map((x) => x.id));
  if (!ids.size) return new Set();
  return new Set((await liveRows(db, 'activity_outlets', scope)).filter((l) => ids.has(str(l.v.activity_id) ?? '')).map((l) => str(l.v.outlet_id) ?? ''));
}
