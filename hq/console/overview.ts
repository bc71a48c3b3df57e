// The province at a glance: per county every board indicator HQ can compute from its copy (coverage,
// contact, attendance, members without organisation life, overdue conversions and items, monthly and
// quarterly cadence, milestones, member standing, the dual-track composite) with their lights, rolled up county → city → province from the counties' parts;
// blind spots (outlets with members but no covering organisation, outlets with no instructor) and
// sync health. Each county's parts come from hq/console/totals.ts (kept, recomputed only where rows
// changed); figures and lights follow from them with the shared rules the device's board uses
// (hq/console/indicators.ts), under the thresholds in force where each unit sits when read.
import { ratioLight } from '../../shared/assessment/lights.js';
import { assessmentSettings } from '../../shared/assessment/thresholds.js';
import { consoleSettings } from '../../shared/console/settings.js';
import { OVERVIEW_INDICATORS, type CountyDetail, type CountyRow, type OutletRow, type Overview, type RollupRow, type UnitIndicators } from '../../shared/console/types.js';
import { isUnder, scopeEnd } from '../../shared/core/scope.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { worstLight } from '../../shared/orglife/status.js';
import { ancestorPaths } from '../../shared/sync/tables.js';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { loadUnits, type UnitFact } from './facts.js';
import { indicatorsOf, mergeParts } from './indicators.js';
import { settingRows } from './store.js';
import { countyTotals, type TotalsAnswer } from './totals.js';
import { rawAt } from './totalsCompute.js';

const worstOf = (i: UnitIndicators) => worstLight(OVERVIEW_INDICATORS.map((k) => i.lights[k]));

interface Computed { rows: CountyRow[]; cities: RollupRow[]; province: RollupRow | null; totals: TotalsAnswer; raw: (path: string) => Record<string, unknown> }

async function compute(store: HqStore, scope: string, asOf: string, opts: { onlyCounty?: string; fresh?: boolean; outlets?: boolean; batchFrom?: number }): Promise<Computed> {
  const { db } = store;
  const units = await loadUnits(db, store.dialect);
  const counties = units.filter((u) => u.level === 'county' && isUnder(u.path, scope) && (!opts.onlyCounty || u.id === opts.onlyCounty)).sort((a, b) => a.path.localeCompare(b.path));
  const cityUnits = units.filter((u) => u.level === 'city' && counties.some((c) => isUnder(c.path, u.path))).sort((a, b) => a.path.localeCompare(b.path));
  const settings = await settingRows(db, ['/', ...new Set(counties.flatMap((c) => ancestorPaths(c.path)))]);
  const raw = (path: string) => rawAt(settings, path);
  const silentMs = consoleSettings(raw('/')).silentDays * 86_400_000;
  const totals = await countyTotals(store, counties, asOf, { fresh: opts.fresh, outlets: opts.outlets, batchFrom: opts.batchFrom });
  const devices = await db.selectFrom('hq_devices').select(['scope_path', 'last_seen_at', 'enrolled_at', 'revoked_at']).where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
  const conflicts = await db.selectFrom('hq_conflicts').select(['scope_path']).where('deleted', '=', 0).where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
  const rejected = await db.selectFrom('hq_writes').innerJoin('hq_devices', 'hq_devices.device_id', 'hq_writes.device_id')
    .select(['hq_devices.scope_path']).where('hq_writes.answer', 'like', '%"reason"%')
    .where('hq_devices.scope_path', '>=', scope).where('hq_devices.scope_path', '<', scopeEnd(scope)).execute();
  const now = Date.now();
  const rows = counties.map((c: UnitFact): CountyRow => {
    const t = totals.byId.get(c.id)!;
    const ind = indicatorsOf(t.parts, assessmentSettings(raw(c.path)));
    const ds = devices.filter((x) => isUnder(x.scope_path, c.path) && !x.revoked_at);
    const city = cityUnits.find((u) => isUnder(c.path, u.path));
    return {
      id: c.id, name: c.name, path: c.path, cityName: city?.name ?? null, ...t.base,
      ...ind, worst: worstOf(ind),
      devices: ds.length, silentDevices: ds.filter((x) => now - Date.parse(x.last_seen_at ?? x.enrolled_at) >= silentMs).length,
      rejected: rejected.filter((x) => isUnder(x.scope_path, c.path)).length, conflicts: conflicts.filter((x) => isUnder(x.scope_path, c.path)).length,
    };
  });
  const rollup = (id: string, name: string, path: string): RollupRow => {
    const below = rows.filter((r) => isUnder(r.path, path));
    const ind = indicatorsOf(mergeParts(below.map((r) => totals.byId.get(r.id)!.parts)), assessmentSettings(raw(path)));
    return { id, name, path, counties: below.length, members: below.reduce((n, r) => n + r.members, 0), ...ind, worst: worstOf(ind) };
  };
  const top = units.find((u) => u.path === scope) ?? (scope === '/' ? units.find((u) => u.level === 'hq') : undefined);
  return {
    rows, totals, raw,
    cities: cityUnits.map((u) => rollup(u.id, u.name, u.path)),
    province: rows.length > 1 ? rollup(top?.id ?? scope, top?.name ?? '全省', scope) : null,
  };
}

/**
 * The overview of `scope`; `fresh` computes every county anew instead of taking the kept facts, `batchFrom`
 * sets from how many counties to compute their rows are read all at once (tests, benchmarks).
 */
export async function overview(store: HqStore, scope: string, opts: { fresh?: boolean; batchFrom?: number } = {}): Promise<Overview> {
  const t0 = performance.now();
  const asOf = todayInBeijing();
  const { rows, cities, province, totals: kept } = await compute(store, scope, asOf, opts);
  const totals = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const r of rows) totals[r.worst] += 1;
  return { asOf, scopePath: scope, counties: rows, cities, province, totals, recomputed: kept.recomputed, ms: Math.round(performance.now() - t0) };
}

export async function countyDetail(store: HqStore, scope: string, countyId: string): Promise<CountyDetail> {
  const unit = (await loadUnits(store.db, store.dialect)).find((u) => u.id === countyId && u.level === 'county' && isUnder(u.path, scope));
  if (!unit) throw new HqError(404, 'no_county', '没有这个县公司，或不在您的范围内', 'No such county in your scope');
  const { rows, totals, raw } = await compute(store, unit.path, todayInBeijing(), { onlyCounty: countyId, outlets: true });
  const t = assessmentSettings(raw(unit.path)).thresholds;
  const outlets = (totals.byId.get(countyId)?.outlets ?? []).map((o): OutletRow => ({
    ...o, lights: { coverage: ratioLight(o.covered ? 1 : 0, t.coverage), contact: ratioLight(o.contacted ? 1 : 0, t.contact) },
  }));
  return { county: rows[0]!, outlets };
}
