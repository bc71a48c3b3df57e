// The overview's per-county facts, kept in hq_county_totals and recomputed only for the counties whose
// rows changed since. Each county's facts carry HQ's version (hq_counter) read before they were
// computed and the day they were computed for. A push takes the writer lock and sets hq_counter in the
// transaction that writes its rows, so every row committed after that read has a greater version: a
// county is stale when a row under its path, a row above it (reference data), or a row that moved out
// of it (hq_moves) has a version above its facts' version, or when the day changed. Stale or missing
// facts are computed before they are served, never after. Purging removes only tombstones, which
// count for nothing here, and only after the day has long changed (hq/purge.ts minimum age).
import { sql } from 'kysely';
import { isUnder } from '../../shared/core/scope.js';
import { headVersion, num, type HqStore } from '../store.js';
import { prefetchCounties, type Prefetched, type UnitFact } from './facts.js';
import { COUNTY_COLUMNS, computeCountyTotals, type CountyTotals, type OutletTotals } from './totalsCompute.js';

/** The shape of the kept facts: facts kept in another shape (by an HQ before an upgrade) are computed anew. */
const SHAPE = 3;
/** From this many counties to compute, their rows are read table by table for all of them at once. */
const BATCH_FROM = 8;

interface Stored { county_id: string; scope_path: string; as_of: string; version: number | string; facts: string }

/** Computations under way per store, so that two overviews at once compute a county once. */
const running = new WeakMap<HqStore, Map<string, Promise<CountyTotals>>>();

/** Scope paths with a change above `since`, each with its newest version (rows written or moved away). */
async function changedSince(store: HqStore, since: number): Promise<{ path: string; v: number }[]> {
  const r = await sql<{ path: string; v: number | string }>`
    SELECT scope_path AS path, max(version) AS v FROM hq_rows WHERE version > ${since} GROUP BY scope_path
    UNION ALL SELECT old_scope AS path, max(version) AS v FROM hq_moves WHERE version > ${since} GROUP BY old_scope`.execute(store.db);
  return r.rows.map((x) => ({ path: x.path, v: num(x.v) }));
}

async function save(store: HqStore, c: UnitFact, asOf: string, version: number, t: CountyTotals): Promise<void> {
  const { outlets, ...facts } = t;
  // An older computation finishing late never replaces a newer one of the same day.
  await sql`INSERT INTO hq_county_totals (county_id, scope_path, as_of, version, facts, outlets, computed_at)
    VALUES (${c.id}, ${c.path}, ${asOf}, ${version}, ${JSON.stringify({ shape: SHAPE, ...facts })}, ${JSON.stringify(outlets)}, ${new Date().toISOString()})
    ON CONFLICT (county_id) DO UPDATE SET scope_path = excluded.scope_path, as_of = excluded.as_of, version = excluded.version,
      facts = excluded.facts, outlets = excluded.outlets, computed_at = excluded.computed_at
    WHERE hq_county_totals.as_of <> excluded.as_of OR hq_county_totals.version <= excluded.version`.execute(store.db);
}

function computeOnce(store: HqStore, c: UnitFact, asOf: string, head: number, pre?: Prefetched): Promise<CountyTotals> {
  const mine = running.get(store) ?? running.set(store, new Map()).get(store)!;
  const key = `${c.id}|${c.path}|${asOf}|${head}`;
  const had = mine.get(key);
  if (had) return had;
  const p = (async () => {
    const t = await computeCountyTotals(store, c, asOf, pre);
    await save(store, c, asOf, head, t);
    return t;
  })().finally(() => mine.delete(key));
  mine.set(key, p);
  return p;
}

export interface TotalsAnswer { byId: Map<string, CountyTotals>; recomputed: number }

/**
 * The facts of `counties` on `asOf`: stored ones that are still current, the others computed now (a few
 * at a time on PostgreSQL, whose reads overlap; one at a time on SQLite). `fresh`: compute all anew.
 */
export async function countyTotals(store: HqStore, counties: UnitFact[], asOf: string, opts: { fresh?: boolean; outlets?: boolean; batchFrom?: number } = {}): Promise<TotalsAnswer> {
  const head = await headVersion(store);
  const byId = new Map<string, CountyTotals>();
  if (!counties.length) return { byId, recomputed: 0 };
  const stored: Stored[] = [];
  const ids = counties.map((c) => c.id);
  if (!opts.fresh) for (let i = 0; i < ids.length; i += 500) {
    const r = await sql<Stored & { outlets?: string }>`SELECT county_id, scope_path, as_of, version, facts${opts.outlets ? sql`, outlets` : sql``}
      FROM hq_county_totals WHERE county_id IN (${sql.join(ids.slice(i, i + 500))})`.execute(store.db);
    stored.push(...r.rows);
  }
  const unit = new Map(counties.map((c) => [c.id, c]));
  const current = stored.filter((s) => s.as_of === asOf && unit.get(s.county_id)?.path === s.scope_path);
  const since = current.reduce((m, s) => Math.min(m, num(s.version)), head);
  const changes = since < head ? await changedSince(store, since) : [];
  for (const s of current) {
    const v = num(s.version);
    const stale = changes.some((x) => x.v > v && (isUnder(x.path, s.scope_path) || isUnder(s.scope_path, x.path)));
    const t = JSON.parse(s.facts) as Omit<CountyTotals, 'outlets'> & { shape?: number };
    if (stale || t.shape !== SHAPE) continue;
    delete t.shape;
    byId.set(s.county_id, { ...t, outlets: opts.outlets ? (JSON.parse((s as { outlets?: string }).outlets ?? '[]') as OutletTotals[]) : [] });
  }
  // Nothing touched these since their version: they hold at head too, so the next look starts from there.
  const held = current.filter((s) => byId.has(s.county_id) && num(s.version) < head).map((s) => s.county_id);
  for (let i = 0; i < held.length; i += 500)
    await sql`UPDATE hq_county_totals SET version = ${head} WHERE as_of = ${asOf} AND version < ${head} AND county_id IN (${sql.join(held.slice(i, i + 500))})`.execute(store.db);
  const todo = counties.filter((c) => !byId.has(c.id));
  // Many counties to compute (a new day, a new HQ): each table read once for all of them.
  const pre = todo.length >= (opts.batchFrom ?? BATCH_FROM) ? await prefetchCounties(store.db, store.dialect, todo.map((c) => c.path), COUNTY_COLUMNS) : null;
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const c = todo[next++]!;
      byId.set(c.id, await computeOnce(store, c, asOf, head, pre?.get(c.path)));
      pre?.delete(c.path); // its rows are no longer needed
    }
  };
  await Promise.all(Array.from({ length: store.dialect === 'pg' ? 3 : 1 }, worker));
  return { byId, recomputed: todo.length };
}
