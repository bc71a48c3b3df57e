// What the province overview reads from HQ's copy (hq_rows: one JSON of cells per row), each row's
// JSON parsed once for all the columns read (json_extract parses the whole text on every call).
import { sql, type RawBuilder } from 'kysely';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Dialect, HqStore } from '../store.js';

type Db = HqStore['db'];
type Values = Record<string, unknown>;

export interface Live { id: string; scopePath: string; v: Values }

/**
 * One county's rows of several tables read at once on PostgreSQL (one query instead of one per table,
 * each row's JSON parsed once however many loaders read it): liveRows answers from it for those tables.
 */
export interface Prefetched {
  dialect: Dialect; scope: string; tables: Map<string, { id: string; scopePath: string; cells: Record<string, unknown[] | undefined> }[]>;
  /** The columns kept of each table (null: all of them). */
  cols?: Map<string, Set<string>>;
}
/** Where liveRows reads: the database in that dialect, or rows read beforehand. */
export type Source = Dialect | Prefetched;

export async function prefetch(db: Db, scope: string, tables: string[]): Promise<Prefetched> {
  const r = await sql<{ tbl: string; id: string; scope_path: string; v: string }>`SELECT tbl, row_id AS id, scope_path, cells AS v FROM hq_rows
    WHERE tbl IN (${sql.join(tables)}) AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)}`.execute(db);
  const out: Prefetched = { dialect: 'pg', scope, tables: new Map(tables.map((t) => [t, []])) };
  for (const x of r.rows) out.tables.get(x.tbl)!.push({ id: x.id, scopePath: x.scope_path, cells: JSON.parse(x.v) as Record<string, unknown[] | undefined> });
  return out;
}

/**
 * Many counties' rows at once, a table at a time over the whole province, bucketed by county: the
 * cold path (a new day, a new HQ) reads each table once instead of once per county. Only `cols` of
 * each table are kept, so a province's rows fit in memory.
 */
export async function prefetchCounties(db: Db, d: Dialect, paths: string[], cols: Record<string, string[]>): Promise<Map<string, Prefetched>> {
  const out = new Map(paths.map((p): [string, Prefetched] => [p, { dialect: d, scope: p, tables: new Map(Object.keys(cols).map((t) => [t, []])), cols: new Map(Object.entries(cols).map(([t, c]) => [t, new Set(c)])) }]));
  const countyOf = (scope: string) => {
    for (let i = scope.indexOf('/', 1); i > 0; i = scope.indexOf('/', i + 1)) { const hit = out.get(scope.slice(0, i + 1)); if (hit) return hit; }
    return undefined;
  };
  for (const [tbl, want] of Object.entries(cols)) {
    for (const r of await liveRows(db, d, tbl, null, want)) {
      const c = countyOf(r.scopePath);
      if (!c) continue;
      const cells: Record<string, unknown[]> = {};
      for (const k of want) cells[k] = [r.v[k]];
      c.tables.get(tbl)!.push({ id: r.id, scopePath: r.scopePath, cells });
    }
  }
  return out;
}

function fromPrefetched(p: Prefetched, tbl: string, scope: string | null, cols: string[], ids?: string[]): Live[] | null {
  const rows = p.tables.get(tbl);
  const kept = p.cols?.get(tbl);
  if (!rows || scope === null || !scope.startsWith(p.scope) || (kept && cols.some((c) => !kept.has(c)))) return null;
  const want = ids ? new Set(ids) : null;
  const end = scopeEnd(scope);
  const out: Live[] = [];
  for (const r of rows) {
    if (r.cells.deleted?.[0] === 1 || r.scopePath < scope || r.scopePath >= end || (want && !want.has(r.id))) continue;
    const v: Values = {};
    for (const c of cols) v[c] = r.cells[c]?.[0] ?? null;
    out.push({ id: r.id, scopePath: r.scopePath, v });
  }
  return out;
}

/**
 * A table's live rows under `scope` (all scopes when null) with the current values of `cols`. The
 * row's JSON is parsed once for all of them: by SQLite (one json_extract with many paths), or for
 * PostgreSQL here (its json cast and rebuilt array, parsed again by the driver, took four times as long).
 */
export async function liveRows(db: Db, src: Source, tbl: string, scope: string | null, cols: string[], ids?: string[]): Promise<Live[]> {
  const pre = typeof src === 'string' ? null : fromPrefetched(src, tbl, scope, cols, ids);
  if (pre) return pre;
  const d = typeof src === 'string' ? src : src.dialect;
  const all = ['deleted', 'scope_path', ...cols]; // two paths at least: SQLite answers one path as a bare value
  const pick = sql`json_extract(cells, ${sql.join(all.map((c) => sql`${`$.${c}[0]`}`))})`;
  const where = (extra: RawBuilder<unknown>) =>
    sql`tbl = ${tbl} ${scope ? sql`AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)}` : sql``} ${extra}`;
  const run = (extra: RawBuilder<unknown>) => d === 'pg'
    ? sql<{ id: string; scope_path: string; v: string }>`SELECT row_id AS id, scope_path, cells AS v FROM hq_rows WHERE ${where(extra)}`.execute(db)
    : sql<{ id: string; scope_path: string; v: string }>`SELECT row_id AS id, scope_path, ${pick} AS v FROM hq_rows WHERE ${where(extra)}`.execute(db);
  // Never push(...rows): a province's attendance is more rows than a call may take arguments.
  let rows: { id: string; scope_path: string; v: string }[] = [];
  if (ids) for (let i = 0; i < ids.length; i += 500) rows = rows.concat((await run(sql`AND row_id IN (${sql.join(ids.slice(i, i + 500))})`)).rows);
  else rows = (await run(sql``)).rows;
  const out: Live[] = [];
  for (const r of rows) {
    const vals = d === 'pg' ? all.map(((cells) => (c: string) => cells[c]?.[0] ?? null)(JSON.parse(r.v) as Record<string, unknown[] | undefined>)) : (JSON.parse(r.v) as unknown[]);
    if (vals[0] === 1) continue;
    const v: Values = {};
    cols.forEach((c, i) => (v[c] = vals[i + 2] ?? null));
    out.push({ id: r.id, scopePath: r.scope_path, v });
  }
  return out;
}

const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

export interface UnitFact { id: string; name: string; level: string; path: string }
export interface OutletFact { id: string; name: string; countyId: string | null; scopePath: string; coverageOrgId: string | null; instructorId: string | null }

export async function loadUnits(db: Db, d: Dialect): Promise<UnitFact[]> {
  return (await liveRows(db, d, 'org_units', null, ['name', 'level', 'path']))
    .map((u) => ({ id: u.id, name: str(u.v.name) ?? '', level: str(u.v.level) ?? '', path: str(u.v.path) ?? '' }))
    .filter((u) => u.path && u.level);
}

export async function loadOutlets(db: Db, d: Source, scope: string, asOf: string): Promise<OutletFact[]> {
  return (await liveRows(db, d, 'outlets', scope, ['name', 'county_id', 'coverage_org_id', 'instructor_id', 'opened_on', 'closed_on']))
    .filter((o) => { const c = str(o.v.closed_on); const op = str(o.v.opened_on); return (c === null || c > asOf) && (op === null || op <= asOf); })
    .map((o) => ({ id: o.id, name: str(o.v.name) ?? '', countyId: str(o.v.county_id), scopePath: o.scopePath, coverageOrgId: str(o.v.coverage_org_id), instructorId: str(o.v.instructor_id) }));
}

/** Live Party organisations: id → scope path. */
export async function loadLiveOrgs(db: Db, d: Source, scope: string): Promise<Map<string, string>> {
  return new Map((await liveRows(db, d, 'party_orgs', scope, [])).map((p) => [p.id, p.scopePath]));
}

/** Members in good standing on `asOf`, counted per outlet of their person record. */
export async function loadMemberOutlets(db: Db, d: Source, scope: string, asOf: string): Promise<Map<string, number>> {
  const members = (await liveRows(db, d, 'members', scope, ['standing', 'join_date', 'person_id'])).filter((m) => m.v.standing === 'normal' && (str(m.v.join_date) ?? '9999') <= asOf);
  const people = await liveRows(db, d, 'people', scope, ['outlet_id'], [...new Set(members.map((m) => str(m.v.person_id)).filter((x): x is string => !!x))]);
  const outletOf = new Map(people.map((p) => [p.id, str(p.v.outlet_id)]));
  const out = new Map<string, number>();
  for (const m of members) {
    const o = outletOf.get(str(m.v.person_id) ?? '');
    if (o) out.set(o, (out.get(o) ?? 0) + 1);
  }
  return out;
}
