// The province at a glance: per county, the coverage and contact indicators with their lights, the
// blind spots (outlets with members but no covering organisation, outlets with no instructor) and
// sync health, computed at HQ from HQ's copy. Each light comes from the shared rules the device's
// board uses (ratioLight under assessmentSettings, with the county's own thresholds if it overrides
// them); the unit ratios are taken as the board takes them (members of covered outlets over members
// of outlets with members; contacted outlets over outlets with members).
import { ratioLight } from '../../shared/assessment/lights.js';
import { assessmentSettings } from '../../shared/assessment/thresholds.js';
import { consoleSettings } from '../../shared/console/settings.js';
import type { CountyDetail, CountyRow, OutletRow, Overview, UnitLights } from '../../shared/console/types.js';
import { isUnder, scopeEnd } from '../../shared/core/scope.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import type { Light } from '../../shared/orglife/status.js';
import { addDays } from '../../shared/orglife/periods.js';
import { ancestorPaths } from '../../shared/sync/tables.js';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { loadContacted, loadLiveOrgs, loadMemberOutlets, loadOutlets, loadUnits, type OutletFact } from './facts.js';
import { settingRows } from './store.js';

const RANK: Record<Light, number> = { none: 0, green: 1, yellow: 2, red: 3 };
const worstOf = (ls: Light[]): Light => ls.reduce<Light>((w, l) => (RANK[l] > RANK[w] ? l : w), 'none');

interface Computed { rows: CountyRow[]; outletsOf: Map<string, OutletRow[]> }

async function compute(store: HqStore, scope: string, asOf: string, onlyCounty?: string): Promise<Computed> {
  const { db, dialect: d } = store;
  const units = await loadUnits(db, d);
  const byId = new Map(units.map((u) => [u.id, u]));
  const byPath = new Map(units.map((u) => [u.path, u]));
  const counties = units.filter((u) => u.level === 'county' && isUnder(u.path, scope) && (!onlyCounty || u.id === onlyCounty)).sort((a, b) => a.path.localeCompare(b.path));
  const settings = (await settingRows(db, ['/', ...new Set(counties.flatMap((c) => ancestorPaths(c.path)))])).filter((r) => !r.deleted);
  const rawAt = (path: string) => {
    const raw: Record<string, unknown> = {};
    for (const r of settings.filter((x) => isUnder(path, x.scopePath)).sort((a, b) => a.scopePath.length - b.scopePath.length)) raw[r.key] = r.value;
    return raw;
  };
  const silentMs = consoleSettings(rawAt('/')).silentDays * 86_400_000;
  const province = assessmentSettings(rawAt('/'));
  const contactSince = addDays(asOf, -province.windows.contactDays);
  const [outlets, liveOrgs, members, contacted] = await Promise.all([
    loadOutlets(db, d, scope, asOf), loadLiveOrgs(db, d, scope), loadMemberOutlets(db, d, scope, asOf), loadContacted(db, d, scope, contactSince, asOf),
  ]);
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
  const rows = counties.map((c): CountyRow => {
    const t = assessmentSettings(rawAt(c.path)).thresholds;
    const os = byCounty.get(c.id) ?? [];
    const withMembers = os.filter((o) => members.has(o.id));
    const covered = (o: OutletFact) => !!o.coverageOrgId && liveOrgs.has(o.coverageOrgId);
    const total = withMembers.reduce((n, o) => n + members.get(o.id)!, 0);
    const cov = total ? withMembers.filter(covered).reduce((n, o) => n + members.get(o.id)!, 0) / total : null;
    const con = withMembers.length ? withMembers.filter((o) => contacted.has(o.id)).length / withMembers.length : null;
    const lights: UnitLights = { coverage: ratioLight(cov, t.coverage), contact: ratioLight(con, t.contact) };
    outletsOf.set(c.id, withMembers.map((o) => ({
      id: o.id, name: o.name, members: members.get(o.id)!, covered: covered(o), contacted: contacted.has(o.id), hasInstructor: !!o.instructorId,
      lights: { coverage: ratioLight(covered(o) ? 1 : 0, t.coverage), contact: ratioLight(contacted.has(o.id) ? 1 : 0, t.contact) },
    })));
    const ds = devices.filter((x) => isUnder(x.scope_path, c.path) && !x.revoked_at);
    const city = [...byPath.values()].find((u) => u.level === 'city' && isUnder(c.path, u.path));
    return {
      id: c.id, name: c.name, path: c.path, cityName: city?.name ?? null,
      outlets: os.length, outletsWithMembers: withMembers.length, members: total,
      partyOrgs: 0, uncoveredOutlets: withMembers.filter((o) => !covered(o)).length, noInstructorOutlets: os.filter((o) => !o.instructorId).length,
      coverage: cov, contact: con, lights, worst: worstOf([lights.coverage, lights.contact]),
      devices: ds.length, silentDevices: ds.filter((x) => now - Date.parse(x.last_seen_at ?? x.enrolled_at) >= silentMs).length,
      rejected: rejected.filter((x) => isUnder(x.scope_path, c.path)).length, conflicts: conflicts.filter((x) => isUnder(x.scope_path, c.path)).length,
    };
  });
  const orgScopes = [...liveOrgs.values()];
  for (const r of rows) r.partyOrgs = orgScopes.filter((p) => isUnder(p, r.path)).length;
  return { rows, outletsOf };
}

export async function overview(store: HqStore, scope: string): Promise<Overview> {
  const t0 = performance.now();
  const asOf = todayInBeijing();
  const { rows } = await compute(store, scope, asOf);
  const totals = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const r of rows) totals[r.worst] += 1;
  return { asOf, scopePath: scope, counties: rows, totals, ms: Math.round(performance.now() - t0) };
}

export async function countyDetail(store: HqStore, scope: string, countyId: string): Promise<CountyDetail> {
  // Only the county's own rows are read: its path (within the user's scope) narrows every scan.
  const unit = (await loadUnits(store.db, store.dialect)).find((u) => u.id === countyId && u.level === 'county' && isUnder(u.path, scope));
  const { rows, outletsOf } = unit ? await compute(store, unit.path, todayInBeijing(), countyId) : { rows: [], outletsOf: new Map<string, OutletRow[]>() };
  const county = rows[0];
  if (!county) throw new HqError(404, 'no_county', '没有这个县公司，或不在您的范围内', 'No such county in your scope');
  return { county, outlets: outletsOf.get(county.id) ?? [] };
}
