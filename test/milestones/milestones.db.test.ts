// Teams, pledges and milestones on a real store, as a county organiser works them on 2026-11-20:
// a commando team with a goal of nodes, 节点对账 at the due-date edges, the missed node's light
// on the board and the rectification item it opens; refusals write nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import type { Input } from '../../shared/contract/index.js';
import { tempProfile } from '../support/store.js';
import { buildMember, call } from '../support/builders.js';
import { buildWorld, type World } from '../orglife/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
// 2026-11-20 in Beijing (04:00 UTC is noon there)
const NOW = new Date('2026-11-20T04:00:00Z');

beforeEach(async () => {
  p = await tempProfile();
  ctx = { ...p.context(), now: () => NOW, session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const counts = () => p.store.raw.prepare(`SELECT (SELECT count(*) FROM teams) t, (SELECT count(*) FROM team_members) m, (SELECT count(*) FROM milestone_nodes) n,
  (SELECT count(*) FROM pledges) g, (SELECT count(*) FROM rectification_items) i`).get();

async function refused<K extends Parameters<typeof call>[1]>(c: ApiContext, name: K, input: Input<K>) {
  const before = counts();
  const r = await dispatch(c, name, input);
  expect(r.ok).toBe(false);
  expect(counts()).toEqual(before);
  if (r.ok) throw new Error('accepted');
  expect(r.error.messageEn.length).toBeGreaterThan(0);
  return r.error;
}

const commando = (over: Partial<Input<'teams.save'>> = {}): Input<'teams.save'> => ({
  orgId: w.branch.id, kind: 'commando_team', name: '千兆宽带攻坚突击队', goal: '四季度新增千兆用户 300 户', startsOn: '2026-10-01', endsOn: '2026-12-31',
  leaderPersonId: w.full[0]!.id, memberIds: [w.full[0]!.id, w.full[1]!.id], outletIds: [w.outlet.id], ...over,
});

const node = (periodKey: string, dueOn: string, title: string) => ({ periodKey, dueOn, title, ownerPersonId: w.full[0]!.id, standard: `${title}，有签字清单` });

describe('岗区队', () => {
  it('keeps a commando team with its members and outlets, and lists it as running', async () => {
    const t = await call(ctx, 'teams.save', commando());
    expect(t).toMatchObject({ kind: 'commando_team', state: 'active', memberCount: 2, outletCount: 1, leaderName: '王建国' });
    expect(t.members.map((m) => m.name).sort()).toEqual(['李秀英', '王建国']);
    // a member leaves, another joins: one tombstone, one new row, the rest kept
    const t2 = await call(ctx, 'teams.save', { ...commando({ memberIds: [w.full[0]!.id, w.full[2]!.id] }), id: t.id, results: '新增千兆用户 320 户' });
    expect(t2.members.map((m) => m.name).sort()).toEqual(['张伟', '王建国']);
    expect(p.store.raw.prepare(`SELECT count(*) n FROM team_members WHERE team_id = ? AND deleted = 1`).get(t.id)).toEqual({ n: 1 });
    const list = await call(ctx, 'teams.list', { activeOnly: true });
    expect(list.rows.map((r) => [r.name, r.results])).toEqual([['千兆宽带攻坚突击队', '新增千兆用户 320 户']]);
    expect((await call(ctx, 'teams.list', { kind: 'vanguard_post' })).total).toBe(0);
  });

  it('refuses, in both languages and writing nothing, a non-member, a leader outside the team, an end before the start', async () => {
    const masses = await buildMember(ctx, w.outlet.id, w.branch.id, { name: '周群众', politicalStatus: 'masses', member: undefined });
    expect((await refused(ctx, 'teams.save', commando({ memberIds: [masses.id], leaderPersonId: null }))).message).toContain('在册党员');
    expect((await refused(ctx, 'teams.save', commando({ leaderPersonId: w.full[3]!.id }))).message).toContain('负责人');
    expect((await refused(ctx, 'teams.save', commando({ endsOn: '2026-09-30' }))).message).toContain('结束日期');
    const instructor = { ...ctx, session: { ...ctx.session, role: 'instructor' as const } };
    expect((await refused(instructor, 'teams.save', commando())).code).toBe('forbidden');
  });

  it('keeps teams of another county out of reach', async () => {
    const t = await call(ctx, 'teams.save', commando());
    const other = { ...ctx, session: { ...ctx.session, scopePath: '/hq/elsewhere/' } };
    expect((await refused(other, 'teams.get', { id: t.id })).code).toBe('forbidden');
    expect((await call(other, 'teams.list', {})).total).toBe(0);
  });
});

describe('里程碑', () => {
  it('reconciles nodes at the due-date edges and lights a missed one red on the board', async () => {
    const team = await call(ctx, 'teams.save', commando());
    const goal = await call(ctx, 'milestones.saveGoal', {
      orgId: w.branch.id, year: 2026, title: '千兆宽带攻坚', teamId: team.id,
      nodes: [node('2026-Q3', '2026-09-30', '完成小区摸排'), node('2026-11', '2026-11-19', '完成首批装机'), node('2026-11', '2026-11-20', '开展宣传'), node('2026-12', '2026-12-31', '验收')],
    });
    const [q3, yesterday] = goal.nodes;
    await call(ctx, 'milestones.complete', { id: q3!.id, doneOn: '2026-10-08', evidence: '摸排清单' });
    let rec = await call(ctx, 'milestones.list', { year: 2026 });
    expect(rec.counts).toEqual({ done: 0, late: 1, missed: 1, open: 2 });
    expect(rec.rows.find((r) => r.id === yesterday!.id)).toMatchObject({ state: 'missed', lateDays: 1, teamName: '千兆宽带攻坚突击队' });
    expect((await call(ctx, 'milestones.list', { year: 2026, state: 'missed' })).rows.map((r) => r.title)).toEqual(['完成首批装机']);
    expect((await call(ctx, 'teams.get', { id: team.id })).missedNodes).toBe(1);

    const board = await call(ctx, 'assessment.board', { period: '2026-11' });
    const light = board.lights.find((l) => l.subjectKind === 'org' && l.subjectId === w.branch.id && l.indicator === 'milestones')!;
    expect(light).toMatchObject({ colour: 'red', value: 1 });
    expect(light.causes[0]!.detail!.zh).toContain('完成首批装机');
    expect(board.lights.find((l) => l.subjectKind === 'county' && l.indicator === 'milestones')).toMatchObject({ colour: 'red', derived: true });
    // October as it stood: the Q3 node was done late that month → yellow, nothing missed yet
    const oct = await call(ctx, 'assessment.board', { period: '2026-10' });
    expect(oct.lights.find((l) => l.subjectId === w.branch.id && l.indicator === 'milestones')!.colour).toBe('yellow');

    const fixed = await call(ctx, 'milestones.rectify', { id: yesterday!.id });
    const items = await call(ctx, 'rectification.list', {});
    expect(items.rows).toHaveLength(1);
    expect(items.rows[0]).toMatchObject({ id: fixed.itemId, kind: 'rectification', subjectId: w.branch.id, ownerName: '王建国', dueOn: '2026-12-20', source: 'warning' });
    expect((await refused(ctx, 'milestones.rectify', { id: yesterday!.id })).message).toContain('已发起整改');
    rec = await call(ctx, 'milestones.list', { year: 2026 });
    expect((await refused(ctx, 'milestones.rectify', { id: rec.rows.find((r) => r.state === 'open')!.id })).message).toContain('逾期未完成');
    // completing it late turns the light: late this month is yellow
    await call(ctx, 'milestones.complete', { id: yesterday!.id, doneOn: '2026-11-20', evidence: '装机工单 36 张' });
    const after = await call(ctx, 'assessment.board', { period: '2026-11' });
    expect(after.lights.find((l) => l.subjectId === w.branch.id && l.indicator === 'milestones')!.colour).toBe('yellow');
  });

  it('refuses a node outside the goal year, a future completion and completion without evidence', async () => {
    expect((await refused(ctx, 'milestones.saveGoal', { orgId: w.branch.id, year: 2026, title: '目标', nodes: [node('2027-Q1', '2027-03-31', '跨年')] })).issues[0]!.path).toBe('nodes.0.periodKey');
    const g = await call(ctx, 'milestones.saveGoal', { orgId: w.branch.id, year: 2026, title: '目标', nodes: [node('2026-12', '2026-12-31', '验收')] });
    expect((await refused(ctx, 'milestones.complete', { id: g.nodes[0]!.id, doneOn: '2026-11-21', evidence: '单据' })).message).toContain('不能晚于今天');
    expect((await refused(ctx, 'milestones.complete', { id: g.nodes[0]!.id, doneOn: '2026-11-20' })).message).toContain('佐证');
    expect((await refused(ctx, 'milestones.saveGoal', { orgId: w.other.id, year: 2026, title: '目标', teamId: (await call(ctx, 'teams.save', commando())).id, nodes: [node('2026-12', '2026-12-31', 'x')] })).issues[0]!.path).toBe('teamId');
  });

  it('exports the tracker with an audit row', async () => {
    await call(ctx, 'milestones.saveGoal', { orgId: w.branch.id, year: 2026, title: '目标', nodes: [node('2026-Q3', '2026-09-30', '摸排'), node('2026-12', '2026-12-31', '验收')] });
    const f = await call(ctx, 'milestones.export', { year: 2026 });
    expect(f.rows).toBe(2);
    expect(f.fileName).toContain('里程碑节点对账_2026');
    expect(p.store.raw.prepare(`SELECT description FROM registry_audit WHERE kind = 'export'`).all()).toEqual([{ description: '导出“里程碑节点对账_2026”，共2行' }]);
  });
});

describe('承诺践诺', () => {
  it('files a pledge under the member’s branch and reviews it only from the year-end review day', async () => {
    const g = await call(ctx, 'pledges.save', { personId: w.full[1]!.id, year: 2026, pledge: '全年服务零投诉', pledgedOn: '2026-01-05' });
    expect(g).toMatchObject({ orgId: w.branch.id, outcome: 'pending', reviewOpensOn: '2026-12-01' });
    expect((await refused(ctx, 'pledges.review', { id: g.id, outcome: 'kept', evidence: '客服系统记录' })).message).toContain('2026-12-01');
    const dec = { ...ctx, now: () => new Date('2026-11-30T16:00:00Z') }; // 2026-12-01 00:00 in Beijing
    expect((await refused(dec, 'pledges.review', { id: g.id, outcome: 'kept' })).message).toContain('佐证');
    const r = await call(dec, 'pledges.review', { id: g.id, outcome: 'kept', evidence: '客服系统记录：全年零投诉' });
    expect(r).toMatchObject({ outcome: 'kept', reviewedOn: '2026-12-01', reviewedBy: '县组织员' });
    expect((await refused(dec, 'pledges.save', { id: g.id, personId: w.full[1]!.id, year: 2026, pledge: '改写', pledgedOn: '2026-01-05' })).code).toBe('conflict');
    expect((await call(ctx, 'pledges.list', { year: 2026, outcome: 'kept' })).rows.map((x) => x.personName)).toEqual(['李秀英']);
    expect((await refused(ctx, 'pledges.save', { personId: w.full[1]!.id, year: 2026, pledge: '明年的', pledgedOn: '2026-11-21' })).message).toContain('不能晚于今天');
  });

  it('exports the pledges register', async () => {
    await call(ctx, 'pledges.save', { personId: w.full[1]!.id, year: 2026, pledge: '全年服务零投诉', pledgedOn: '2026-01-05' });
    await call(ctx, 'teams.save', commando());
    expect((await call(ctx, 'teams.export', { list: 'pledges', year: 2026 })).rows).toBe(1);
    expect((await call(ctx, 'teams.export', { list: 'teams' })).rows).toBe(1);
  });
});
