// The overview's dual-track composite (双轨考核) against a real HQ and real devices, on SQLite and
// PostgreSQL: a province entered through a device's API (business figures for some outlets, theme
// days with attendance, points, a task-force campaign, a contact point whose instructor missed his
// visits) reaches HQ by sync; each county's figure at HQ is the mean of the composites that county's
// own device scores for the outlets with all four business figures in, with the count scored, the
// count red and the board's light; a county's own weights apply there only; cities and the province
// take all their outlets together; a county organiser sees their county only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolCode } from '../../hq/auth.js';
import type { ApiContext } from '../../db/context.js';
import type { Overview, UnitIndicators } from '../../shared/console/types.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import type { Role } from '../../shared/domain/enums.js';
import { periodOf } from '../../shared/orglife/periods.js';
import { call, validId } from '../support/builders.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase, enrolledDevice, type TestDevice } from '../sync/support.js';
import { ADMIN_PW, Client, COUNTY_PW, startConsoleHq, type ConsoleHq } from './support.js';

const LT = '/hq/xa/xa-lintong/';
let pg: RunningPg;

beforeAll(async () => {
  pg = await startPostgres();
}, 180_000);
afterAll(async () => pg?.stop());

const today = todayInBeijing();
const quarter = periodOf(today, 'quarter');

/** Three counties in two cities, entered at the province's device as users would. */
async function province(ctx: ApiContext) {
  const hq = await call(ctx, 'orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const xa = await call(ctx, 'orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: hq.id });
  const wn = await call(ctx, 'orgUnits.save', { code: 'wn', name: '渭南分公司', level: 'city', parentId: hq.id });
  const counties = [];
  for (const [code, name, city] of [['xa-lintong', '临潼区分公司', xa], ['xa-yanta', '雁塔区分公司', xa], ['wn-linwei', '临渭区分公司', wn]] as const)
    counties.push(await call(ctx, 'orgUnits.save', { code, name, level: 'county', parentId: city.id }));
  const instructor = await call(ctx, 'instructors.save', { name: '孙指导', unitId: counties[0]!.id, active: true, personId: null });
  let n = 0;
  for (const [i, county] of counties.entries()) {
    const outlets = [];
    for (const channelType of ['own_store', 'social_partner', 'own_store'] as const)
      outlets.push(await call(ctx, 'outlets.save', { code: `O${i}${++n}`, name: `${county.name}网点${n}`, channelType, countyId: county.id }));
    const branch = await call(ctx, 'partyOrgs.save', { name: `${county.name}党支部`, orgType: 'branch', unitId: county.id, outletIds: [outlets[0]!.id] });
    const members = [];
    for (const [k, o] of [outlets[0], outlets[0], outlets[0], outlets[1], outlets[1]].entries())
      members.push(await call(ctx, 'people.save', { name: `党员${i}${k}`, citizenId: validId(`198${i}-0${k + 1}-15`), politicalStatus: 'full_member', outletId: o!.id, member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } }));
    await call(ctx, 'activities.save', {
      type: 'theme_day', orgId: branch.id, title: '主题党日', heldOn: today, place: '党员活动室', topic: '学习', hostPersonId: members[0]!.id, recorderPersonId: members[1]!.id,
      minutes: '集体学习。', venueOutletIds: [outlets[0]!.id],
      attendance: members.map((m, k) => (k === 4 - i ? { personId: m.id, status: 'absent' as const, reason: '外出培训' } : { personId: m.id, status: 'present' as const })),
    });
    for (const m of members.slice(0, i + 1)) await call(ctx, 'points.addEntry', { personId: m.id, itemKey: 'honour', occurredOn: today, reason: '获评服务标兵' });
    if (i !== 2)
      await call(ctx, 'activities.save', {
        type: 'task_force', orgId: branch.id, title: '5G 攻坚突击队', heldOn: today, details: { goal: '新增 5G 用户 120 户', result: '完成 126 户' }, venueOutletIds: [outlets[i]!.id],
        attendance: members.slice(0, 3).map((m) => ({ personId: m.id, status: 'present' as const })),
      });
    // Business figures: all four for the first two outlets, three only for the third (not scored).
    const figures = [[8, 45, 92, 2], [-4, 20, 80, 9], [3, 30, 88, null]] as const;
    for (const [k, o] of outlets.entries()) {
      const [r, c, s, x] = i === 2 && k === 1 ? [10, 60, 99, 0] : figures[k]!;
      await call(ctx, 'assessment.business.save', { outletId: o.id, period: quarter.key, values: { revenue_growth: r + i * 3, core_penetration: c, satisfaction: s - i * 4, complaint_rate: x } });
    }
    // Lintong's first outlet is a contact point since the quarter began, never visited.
    if (i === 0) await call(ctx, 'instructorAssignments.save', { instructorId: instructor.id, outletId: outlets[0]!.id, validFrom: quarter.start, isContactPoint: true });
  }
  return counties.map((c) => c.id);
}

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
const pick = (u: UnitIndicators) => ({ dualTrack: u.dualTrack, outletsScored: u.outletsScored, outletsRed: u.outletsRed, light: u.lights.dual_track });

describe.each(['SQLite', 'PostgreSQL'] as const)('dual-track composite on %s', (engine) => {
  let hq: ConsoleHq;
  const devices: TestDevice[] = [];
  beforeAll(async () => {
    hq = await startConsoleHq(engine === 'PostgreSQL' ? await createPgDatabase(pg.url) : undefined);
  }, 120_000);
  afterAll(async () => {
    for (const d of devices) await d.cleanup();
    await hq?.close();
  });
  const device = async (user: string, role: Role, scope: string) => {
    const d = await enrolledDevice({ url: hq.url, code: (u, r, s) => createEnrolCode(hq.store, { userName: u, role: r, scopePath: s }) }, { user, role, scope });
    devices.push(d);
    return d;
  };
  /** What a device's board and scorecard say of a county: its scored outlets' composites, its light and the red among them. */
  const atDevice = async (d: TestDevice, countyId: string) => {
    const sc = await call(d.context(), 'assessment.scorecard', { unitId: countyId, period: quarter.key });
    const scored = sc.outlets.filter((o) => o.countyId === countyId && !o.missing.some((k) => ['revenue_growth', 'core_penetration', 'satisfaction', 'complaint_rate'].includes(k)));
    const board = await call(d.context(), 'assessment.board', { unitId: countyId, period: today.slice(0, 7) });
    const light = board.lights.find((l) => l.subjectKind === 'county' && l.subjectId === countyId && l.indicator === 'dual_track')!;
    return { composites: scored.map((o) => o.composite!), light: light.colour, red: light.value ?? 0, outletLights: board.lights.filter((l) => l.subjectKind === 'outlet' && l.indicator === 'dual_track').length };
  };

  it('gives each county the composite its own device scores, rolled up to city and province', async () => {
    const prov = await device('省管理员', 'hq_admin', '/');
    const [lt, yt, lw] = await province(prov.context());
    await prov.sync();
    const admin = new Client(hq.url);
    await admin.signIn('admin', ADMIN_PW);
    const get = async (c = admin) => (await c.call('GET', '/console/api/overview')).json as unknown as Overview;

    const before = await get();
    // A county's own weights (task-force work counts for more in Lintong) apply at Lintong only.
    const set = await admin.call('POST', '/console/api/refdata/set', { key: 'assessment.dual_track', scopePath: LT, value: { taskForcePoints: 30 } });
    expect(set.status).toBe(200);
    const organiser = await device('临潼组织员', 'county_organiser', LT);
    await organiser.sync();
    await prov.sync();

    const ov = await get();
    const row = (id: string) => ov.counties.find((c) => c.id === id)!;
    const own = await atDevice(organiser, lt!);
    expect(own.composites).toHaveLength(2);
    expect(own.outletLights).toBe(2);
    expect(pick(row(lt!))).toEqual({ dualTrack: mean(own.composites), outletsScored: 2, outletsRed: own.red, light: own.light });
    // The other counties as the province's device scores them.
    const others = { [yt!]: await atDevice(prov, yt!), [lw!]: await atDevice(prov, lw!) };
    for (const id of [yt!, lw!]) expect(pick(row(id))).toEqual({ dualTrack: mean(others[id]!.composites), outletsScored: 2, outletsRed: others[id]!.red, light: others[id]!.light });
    expect(row(lt!).dualTrack).not.toBe(before.counties.find((c) => c.id === lt)!.dualTrack);
    expect([yt, lw].map((id) => pick(row(id!)))).toEqual([yt, lw].map((id) => pick(before.counties.find((c) => c.id === id)!)));

    // Cities and the province: every scored outlet below them together (not a mean of means), the worst light.
    const xa = ov.cities.find((c) => c.name === '西安分公司')!;
    expect(xa.dualTrack).toBe(mean([...own.composites, ...others[yt!]!.composites]));
    expect(xa.outletsScored).toBe(4);
    const all = [...own.composites, ...others[yt!]!.composites, ...others[lw!]!.composites];
    expect(ov.province).toMatchObject({ dualTrack: mean(all), outletsScored: 6, outletsRed: own.red + others[yt!]!.red + others[lw!]!.red });
    const rank = { none: 0, green: 1, yellow: 2, red: 3 } as const;
    expect(rank[ov.province!.lights.dual_track]).toBe(Math.max(rank[own.light], rank[others[yt!]!.light], rank[others[lw!]!.light]));

    // A fourth figure entered at the organiser's device reaches HQ: Lintong scores three outlets, the others are kept.
    const sc = await call(organiser.context(), 'assessment.scorecard', { unitId: lt!, period: quarter.key });
    const third = sc.outlets.find((o) => o.countyId === lt && o.missing.includes('complaint_rate'))!;
    // The same figure entered at two devices before either synced makes two live rows: the later
    // (by updated_at, then id) counts on every device and at HQ, whatever order each received them in.
    await call(prov.context(), 'assessment.business.save', { outletId: third.outletId, period: quarter.key, values: { complaint_rate: 7 } });
    await new Promise((r) => setTimeout(r, 5));
    await call(organiser.context(), 'assessment.business.save', { outletId: third.outletId, period: quarter.key, values: { complaint_rate: 1 } });
    await organiser.sync();
    await prov.sync();
    await organiser.sync();
    const live = (d: TestDevice) => d.store.raw.prepare(`SELECT value FROM business_indicators WHERE outlet_id = ? AND indicator = 'complaint_rate' AND deleted = 0 ORDER BY value`).all(third.outletId);
    expect([live(organiser), live(prov)]).toEqual([[{ value: 1 }, { value: 7 }], [{ value: 1 }, { value: 7 }]]);
    const after = await get();
    expect(after.recomputed).toBe(1);
    const now = await atDevice(organiser, lt!);
    expect(await atDevice(prov, lt!)).toEqual(now);
    for (const d of [organiser, prov]) {
      const card = await call(d.context(), 'assessment.outletCard', { outletId: third.outletId, period: quarter.key });
      expect(card.indicators.find((i) => i.key === 'complaint_rate')!.raw).toBe(1);
    }
    expect(pick(after.counties.find((c) => c.id === lt)!)).toEqual({ dualTrack: mean(now.composites), outletsScored: 3, outletsRed: now.red, light: now.light });

    // Cleared at one device, the figure is gone everywhere: no leftover row brings it back.
    await call(organiser.context(), 'assessment.business.save', { outletId: third.outletId, period: quarter.key, values: { complaint_rate: null } });
    await organiser.sync();
    await prov.sync();
    expect([live(organiser), live(prov)]).toEqual([[], []]);
    expect(pick((await get()).counties.find((c) => c.id === lt)!).outletsScored).toBe(2);
    await call(organiser.context(), 'assessment.business.save', { outletId: third.outletId, period: quarter.key, values: { complaint_rate: 1 } });
    await organiser.sync();

    // The county organiser's console: their county only, the same figures.
    const county = new Client(hq.url);
    await county.signIn('lintong', COUNTY_PW);
    const mine = await get(county);
    expect(mine.counties.map((c) => [c.id, pick(c)])).toEqual([[lt, pick(after.counties.find((c) => c.id === lt)!)]]);
  }, 240_000);
});
