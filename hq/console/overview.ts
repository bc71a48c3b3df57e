// The province at a glance: per county every board indicator HQ can compute from its copy (coverage,
// contact, attendance, members without organisation life, overdue conversions and items, monthly and
// quarterly cadence) with their lights, rolled up county → city → province from the counties' parts;
// blind spots (outlets with members but no covering organisation, outlets with no instructor) and
// sync health. Each figure and light comes from the shared rules the device's board uses
// (hq/console/indicators.ts), under the county's own overrides where it has them.
import { ratioLight } from '../../shared/assessment/lights.js';
import { assessmentSettings } from '../../shared/assessment/thresholds.js';
import { consoleSettings } from '../../shared/console/settings.js';
import { OVERVIEW_INDICATORS, type CountyDetail, type CountyRow, type OutletRow, type Overview, type RollupRow, type UnitIndicators } from '../../shared/console/types.js';
import { isUnder, scopeEnd } from '../../shared/core/scope.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { orgLifeSettings } from '../../shared/orglife/settings.js';
import { worstLight } from '../../shared/orglife/status.js';
import { addDays, periodOf } from '../../shared/orglife/periods.js';
import { ancestorPaths } from '../../shared/sync/tables.js';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { loadBoardFacts } from './boardFacts.js';
import { loadLiveOrgs, loadMemberOutlets, loadOutlets, loadUnits, type OutletFact } from './facts.js';
import { countyParts, indicatorsOf, mergeParts, type UnitParts } from './indicators.js';
import { settingRows } from './store.js';

const worstOf = (i: UnitIndicators) => worstLight(OVERVIEW_INDICATORS.map((k) => i.lights[k]));

interface Computed { rows: CountyRow[]; cities: RollupRow[]; province: RollupRow | null; outletsOf: Map<string, OutletRow[]> }

async function compute(store: HqStore, scope: string, asOf: string, onlyCounty?: string): Promise<Computed> {
  const { db, dialect: d } = store;
  const units = await loadUnits(db, d);
  const byId = new Map(units.map((u) => [u.id, u]));
  const counties = units.filter((u) => u.level === 'county' && isUnder(u.path, scope) && (!onlyCounty || u.id === onlyCounty)).sort((a, b) => a.path.localeCompare(b.path));
  const cityUnits = units.filter((u) => u.level === 'city' && counties.some((c) => isUnder(c.path, u.path))).sort((a, b) => a.path.localeCompare(b.path));
  const settings = (await settingRows(db, ['/', ...new Set(counties.flatMap((c) => ancestorPaths(c.path)))])).filter((r) => !r.deleted);
  const rawAt = (path: string) => {
    const raw: Record<string, unknown> = {};
    for (const r of settings.filter((x) => isUnder(path, x.scopePath)).sort((a, b) => a.scopePath.length - b.scopePath.length)) raw[r.key] = r.value;
    return raw;
  };
  const silentMs = consoleSettings(rawAt('/')).silentDays * 86_400_000;
  const province = assessmentSettings(rawAt('/'));
  const month = periodOf(asOf, 'month');
  const [outlets, liveOrgs, members, facts] = await Promise.all([
    loadOutlets(db, d, scope, asOf), loadLiveOrgs(db, d, scope), loadMemberOutlets(db, d, scope, asOf),
    loadBoardFacts(db, d, scope, { asOf, monthStart: month.start, contactSince: addDays(asOf, -province.windows.contactDays) }),
  ]);
  const contacted = facts.contacted;
  const devices = await db.selectFrom('hq_devices').select(['scope_path', 'last_seen_at', 'enrolled_at', 'revoked_at']).where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
  const conflicts = await db.selectFrom('hq_conflicts').select(['scope_path']).where('deleted', '=', 0).where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
  const rejected = await db.selectFrom('hq_writes').innerJoin('hq_devices', 'hq_devices.device_id', 'hq_writes.device_id')
    .select(['hq_devices.scope_path']).where('hq_writes.answer', 'like', '%"reason"%')
    .where('hq_devices.scope_path', '>=', scope).where('hq_devices.scope_path', '<', scopeEnd(scope)).execute();
  const countyOfOutlet = (o: OutletFact) => (o.countyId && byId.get(o.countyId)?.level === 'county' ? o.countyId : null);
  const byCounty = new Map<string, OutletFact[]>();
  for (const o of outlets) {
    const c = countyOfOutlet(o);
    if (c) (byCounty.get(c) ?? byCounty.set(c, []).get(c)!).push(o);
  }
  const now = Date.now();
  const outletsOf = new Map<string, OutletRow[]>();
  const partsOf = new Map<string, UnitParts>();
  const rows = counties.map((c): CountyRow => {
    const a = assessmentSettings(rawAt(c.path));
    const t = a.thresholds;
    const os = byCounty.get(c.id) ?? [];
    const withMembers = os.filter((o) => members.has(o.id));
    const covered = (o: OutletFact) => !!o.coverageOrgId && liveOrgs.has(o.coverageOrgId);
    const orgIds = new Set([...liveOrgs].filter(([, p]) => isUnder(p, c.path)).map(([id]) => id));
    const parts = countyParts(facts, {
      orgIds, tallies: withMembers.map((o) => ({ members: members.get(o.id)!, covered: covered(o), contacted: contacted.has(o.id) })),
      itemScopes: (p) => isUnder(p, c.path),
    }, orgLifeSettings(rawAt(c.path)), month, asOf);
    partsOf.set(c.id, parts);
    const ind = indicatorsOf(parts, a);
    outletsOf.set(c.id, withMembers.map((o) => ({
      id: o.id, name: o.name, members: members.get(o.id)!, covered: covered(o), contacted: contacted.has(o.id), hasInstructor: !!o.instructorId,
      lights: { coverage: ratioLight(covered(o) ? 1 : 0, t.coverage), contact: ratioLight(contacted.has(o.id) ? 1 : 0, t.contact) },
    })));
    const ds = devices.filter((x) => isUnder(x.scope_path, c.path) && !x.revoked_at);
    const city = cityUnits.find((u) => isUnder(c.path, u.path));
    return {
      id: c.id, name: c.name, path: c.path, cityName: city?.name ?? null,
      outlets: os.length, outletsWithMembers: withMembers.length, members: withMembers.reduce((n, o) => n + members.get(o.id)!, 0),
      partyOrgs: orgIds.size, uncoveredOutlets: withMembers.filter((o) => !covered(o)).length, noInstructorOutlets: os.filter((o) => !o.instructorId).length,
      ...ind, worst: worstOf(ind),
      devices: ds.length, silentDevices: ds.filter((x) => now - Date.parse(x.last_seen_at ?? x.enrolled_at) >= silentMs).length,
      rejected: rejected.filter((x) => isUnder(x.scope_path, c.path)).length, conflicts: conflicts.filter((x) => isUnder(x.scope_path, c.path)).length,
    };
  });
  const rollup = (id: string, name: string, path: string): RollupRow => {
    const below = rows.filter((r) => isUnder(r.path, path));
    const ind = indicatorsOf(mergeParts(below.map((r) => partsOf.get(r.id)!)), assessmentSettings(rawAt(path)));
    return { id, name, path, counties: below.length, members: below.reduce((n, r) => n + r.members, 0), ...ind, worst: worstOf(ind) };
  };
  const top = units.find((u) => u.path === scope) ?? (scope === '/' ? units.find((u) => u.level === 'hq') : undefined);
  return {
    rows, outletsOf,
    cities: cityUnits.map((u) => rollup(u.id, u.name, u.path)),
    province: rows.length > 1 ? rollup(top?.id ?? scope, top?.name ?? '全省', scope) : null,
  };
}

export async function overview(store: HqStore, scope: string): Promise<Overview> {
  const t0 = performance.now();
  const asOf = todayInBeijing();
  const { rows, cities, province } = await compute(store, scope, asOf);
  const totals = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const r of rows) totals[r.worst] += 1;
  return { asOf, scopePath: scope, counties: rows, cities, province, totals, ms: Math.round(performance.now() - t0) };
}

export async function countyDetail(store: HqStore, scope: string, countyId: string): Promise<CountyDetail> {
  // Only the county's own rows are read: its path (within the user's scope) narrows every scan.
  const unit = (await loadUnits(store.db, store.dialect)).find((u) => u.id === countyId && u.level === 'county' && isUnder(u.path, scope));
  const { rows, outletsOf } = unit ? await compute(store, unit.path, todayInBeijing(), countyId) : { rows: [], outletsOf: new Map<string, OutletRow[]>() };
  const county = rows[0];
  if (!county) throw new HqError(404, 'no_county', '没有这个县公司，或不在您的范围内', 'No such county in your scope');
  return { county, outlets: outletsOf.get(county.id) ?? [] };
}
