// The dual-track scorecard on a real store: an outlet's party values come from its attendance,
// points ledger and task-force work; business values entered by hand; missing ones left out with
// the weights re-normalised; a bad value or a weight set that breaks the rules writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import type { OutletCard } from '../../shared/assessment/dualTrackApi.js';
import { buildOutlet, buildTree, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld, themeDay, type World } from '../orglife/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const NOW = new Date('2026-11-20T04:00:00Z');

beforeEach(async () => {
  p = await tempProfile();
  ctx = { ...p.context(), now: () => NOW, session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const line = (c: OutletCard, key: string) => c.indicators.find((i) => i.key === key)!;
const rows = async () => ctx.db.selectFrom('business_indicators').selectAll().execute();

describe('the dual-track scorecard', () => {
  it('scores the party track from the records and leaves missing business values out, saying so', async () => {
    await call(ctx, 'activities.save', { ...themeDay(w, '2026-10-08'), venueOutletIds: [w.outlet.id] });
    await call(ctx, 'points.addEntry', { personId: w.full[0]!.id, itemKey: 'honour', occurredOn: '2026-10-09', reason: '获评优秀党员' });
    await call(ctx, 'points.addEntry', { personId: w.full[1]!.id, itemKey: 'honour', occurredOn: '2026-10-09', reason: '获评服务标兵' });
    const c = await call(ctx, 'assessment.outletCard', { outletId: w.outlet.id, period: '2026-Q4' });
    expect(line(c, 'org_coverage')).toMatchObject({ raw: 1, score: 100 });
    // three present, one absent, the probationary member excused
    expect(line(c, 'org_life')).toMatchObject({ raw: 0.75, score: 60 });
    expect(line(c, 'org_life').source.zh).toContain('出席 3/4 人次');
    const members = Number(/(\d+) 名党员/.exec(line(c, 'vanguard').source.zh)![1]);
    expect(line(c, 'vanguard').raw).toBe(Math.round((10 / members) * 10) / 10);
    // not a contact point: no instructor duty to judge
    expect(line(c, 'instructor_duty')).toMatchObject({ raw: null, score: null, effectiveWeight: 0 });
    expect(c.missing.sort()).toEqual(['complaint_rate', 'core_penetration', 'instructor_duty', 'revenue_growth', 'satisfaction']);
    expect(c.renormalised).toBe(true);
    expect(line(c, 'satisfaction').source.zh).toBe('缺失：本期未录入，权重不计入');
    // three party indicators of 10% each carry the whole weight
    expect(line(c, 'org_coverage').effectiveWeight).toBeCloseTo(33.3, 1);
    const v = line(c, 'vanguard').score!;
    expect(c.composite).toBeCloseTo((100 + 60 + v) / 3, 0);
    expect(c.light).toBe('red');

    // a task-force campaign at the outlet adds its points per member
    await call(ctx, 'activities.save', {
      type: 'task_force', orgId: w.branch.id, title: '5G 攻坚突击队', heldOn: '2026-10-20', details: { goal: '新增 5G 用户 120 户', result: '完成 126 户' }, venueOutletIds: [w.outlet.id],
      attendance: w.full.map((x) => ({ personId: x.id, status: 'present' as const })),
    });
    const after = await call(ctx, 'assessment.outletCard', { outletId: w.outlet.id, period: '2026-Q4' });
    expect(line(after, 'vanguard').source.zh).toContain('突击队活动 1 次 × 5');
  });

  it('takes hand-entered business values into the composite and rolls it up to the county', async () => {
    await call(ctx, 'activities.save', { ...themeDay(w, '2026-10-08'), venueOutletIds: [w.outlet.id] });
    const c = await call(ctx, 'assessment.business.save', {
      outletId: w.outlet.id, period: '2026-Q4', values: { revenue_growth: 10, core_penetration: 30, satisfaction: 95, complaint_rate: 5 }, note: '渠道系统导出 10 月报表',
    });
    expect([line(c, 'revenue_growth').score, line(c, 'core_penetration').score, line(c, 'satisfaction').score, line(c, 'complaint_rate').score]).toEqual([100, 60, 100, 60]);
    expect(line(c, 'satisfaction').source.zh).toContain('手工录入：县组织员');
    expect(c.missing).toEqual(['instructor_duty']);
    const v = line(c, 'vanguard').score!;
    // known weight 90: coverage 100, org life 60, vanguard v at 10 each, business 100/60/100/60 at 15 each
    expect(c.composite).toBeCloseTo((1000 + 600 + 10 * v + 4800) / 90, 0);
    const sc = await call(ctx, 'assessment.scorecard', { unitId: w.county.id, period: '2026-Q4' });
    const outlet = sc.outlets.find((o) => o.outletId === w.outlet.id)!;
    expect(outlet.composite).toBe(c.composite);
    const county = sc.rollups.find((r) => r.kind === 'county' && r.id === w.county.id)!;
    const known = sc.outlets.filter((o) => o.countyId === w.county.id && o.composite !== null);
    expect(county.composite).toBeCloseTo(known.reduce((n, o) => n + o.composite!, 0) / known.length, 1);
    expect(sc.rollups.find((r) => r.kind === 'org' && r.id === w.branch.id)!.composite).toBe(c.composite);
    // the light follows assessment.thresholds' dual_track bands
    await call(ctx, 'settings.set', { key: 'assessment.thresholds', value: { dual_track: { green: (c.composite! - 1) / 100, yellow: 0.5 } } });
    expect((await call(ctx, 'assessment.outletCard', { outletId: w.outlet.id, period: '2026-Q4' })).light).toBe('green');
    // clearing a value makes it missing again
    const cleared = await call(ctx, 'assessment.business.save', { outletId: w.outlet.id, period: '2026-Q4', values: { satisfaction: null } });
    expect(cleared.missing).toContain('satisfaction');
  });

  it('refuses an out-of-range value and writes none of the entry', async () => {
    await call(ctx, 'assessment.business.save', { outletId: w.outlet.id, period: '2026-Q4', values: { revenue_growth: 3 } });
    const before = await rows();
    await expect(call(ctx, 'assessment.business.save', { outletId: w.outlet.id, period: '2026-Q4', values: { revenue_growth: 8, satisfaction: 120 } })).rejects.toThrow('“客户满意度”应在 0 到 100（分）之间，填写的是 120');
    expect(await rows()).toEqual(before);
    await expect(call(ctx, 'assessment.scorecard', { period: '2026-Q5' as string })).rejects.toBeTruthy();
  });

  it('refuses an outlet outside the scope, to read or to enter', async () => {
    const t = await buildTree(ctx);
    const far = await buildOutlet(ctx, t.county.id, { name: '远方营业厅' });
    const local = { ...ctx, session: { ...ctx.session, scopePath: w.county.path } };
    await expect(call(local, 'assessment.outletCard', { outletId: far.id, period: '2026-Q4' })).rejects.toThrow('该网点不在您的管理范围内');
    await expect(call(local, 'assessment.business.save', { outletId: far.id, period: '2026-Q4', values: { satisfaction: 90 } })).rejects.toThrow('该网点不在您的管理范围内');
    expect(await rows()).toEqual([]);
    const sc = await call(local, 'assessment.scorecard', { period: '2026' });
    expect(sc.outlets.map((o) => o.outletId)).not.toContain(far.id);
  });

  it('refuses a weight set that breaks the party share or the 100% sum, and keeps the old weights', async () => {
    const before = await ctx.db.selectFrom('settings').selectAll().execute();
    const own = { org_coverage: 10, org_life: 10, vanguard: 10, instructor_duty: 5, revenue_growth: 20, core_penetration: 15, satisfaction: 15, complaint_rate: 15 };
    await expect(call(ctx, 'settings.set', { key: 'assessment.dual_track', value: { weights: { own_store: own } } })).rejects.toThrow('“自有营业厅”的党建指标权重合计 35%，低于该渠道类型的下限 40%');
    await expect(call(ctx, 'settings.set', { key: 'assessment.dual_track', value: { weights: { own_store: { ...own, instructor_duty: 10 } } } })).rejects.toThrow('“自有营业厅”的权重合计为 105%，须等于 100%');
    expect(await ctx.db.selectFrom('settings').selectAll().execute()).toEqual(before);
    // a valid set changes the card: all party weight on coverage
    await call(ctx, 'settings.set', { key: 'assessment.dual_track', value: { weights: { own_store: { ...own, org_coverage: 40, org_life: 0, vanguard: 0, instructor_duty: 0, revenue_growth: 15 } } } });
    const c = await call(ctx, 'assessment.outletCard', { outletId: w.outlet.id, period: '2026-Q4' });
    expect(c.composite).toBe(100);
  });

  it('feeds the board: an outlet with its four business figures gets the composite light, its organisation the mean', async () => {
    let b = await call(ctx, 'assessment.board', { period: '2026-11' });
    expect(b.lights.filter((l) => l.indicator === 'dual_track')).toEqual([]);
    await call(ctx, 'activities.save', { ...themeDay(w, '2026-10-08'), venueOutletIds: [w.outlet.id] });
    const c = await call(ctx, 'assessment.business.save', { outletId: w.outlet.id, period: '2026-Q4', values: { revenue_growth: -5, core_penetration: 10, satisfaction: 80, complaint_rate: 12 } });
    b = await call(ctx, 'assessment.board', { period: '2026-11' });
    const outlet = b.lights.find((l) => l.subjectKind === 'outlet' && l.subjectId === w.outlet.id && l.indicator === 'dual_track')!;
    expect(outlet).toMatchObject({ colour: 'red', value: c.composite! / 100, derived: false });
    expect(outlet.causes.map((x) => x.detail!.zh)).toContain('2026-Q4 渠道收入增长得分 30（手工录入：县组织员，2026-11-20）');
    expect(b.lights.find((l) => l.subjectKind === 'org' && l.subjectId === w.branch.id && l.indicator === 'dual_track')).toMatchObject({ colour: 'red', value: c.composite! / 100 });
    expect(b.lights.find((l) => l.subjectKind === 'county' && l.subjectId === w.county.id && l.indicator === 'dual_track')).toMatchObject({ colour: 'red', derived: true });
    // three of the four figures are not enough: the light goes
    await call(ctx, 'assessment.business.save', { outletId: w.outlet.id, period: '2026-Q4', values: { complaint_rate: null } });
    b = await call(ctx, 'assessment.board', { period: '2026-11' });
    expect(b.lights.filter((l) => l.indicator === 'dual_track')).toEqual([]);
  });
});
