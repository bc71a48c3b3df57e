// The 334N records across devices through a real HQ: a team, its goal and nodes, a pledge, a pairing
// with its joint meeting, an honour and a talk made
// at one organiser's device reach another; a node completed there comes back as the same row, and
// the other device's board then no longer shows it missed; nothing is refused or in conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { buildWorld, type World } from '../orglife/world.js';
import { enrolledDevice, snapshot, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

const NOW = new Date('2026-11-20T04:00:00Z');
const TABLES = ['teams', 'team_members', 'team_outlets', 'pledges', 'milestone_goals', 'milestone_nodes', 'pairings', 'pairing_parties', 'pairing_meetings', 'honours', 'accountability'];

describe('teams, pledges and milestones over sync', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  let w: World;
  const ctx = (d: TestDevice): ApiContext => ({ ...d.context(), now: () => NOW });
  const refused = (d: TestDevice) => (d.store.raw.prepare('SELECT (SELECT count(*) FROM sync_conflicts) + (SELECT count(*) FROM sync_rejections) AS n').get() as { n: number }).n;
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '省管理员', role: 'hq_admin', scope: '/' });
    b = await enrolledDevice(hq, { user: '王组织员', role: 'county_organiser', scope: '/' });
    w = await buildWorld(ctx(a));
    await a.sync();
    await b.sync();
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await hq?.close();
  });

  it('carries them to another device, and a completion back', async () => {
    const team = await call(ctx(a), 'teams.save', {
      orgId: w.branch.id, kind: 'commando_team', name: '反诈宣传突击队', goal: '每月进社区宣传 2 次', startsOn: '2026-01-01', endsOn: null,
      leaderPersonId: w.full[0]!.id, memberIds: [w.full[0]!.id, w.full[3]!.id], outletIds: [w.outlet.id],
    });
    const goal = await call(ctx(a), 'milestones.saveGoal', {
      orgId: w.branch.id, year: 2026, title: '反诈宣传全覆盖', teamId: team.id,
      nodes: [{ periodKey: '2026-11', title: '完成十一月社区宣传', ownerPersonId: w.full[3]!.id, standard: '两次宣传，有照片和签到', dueOn: '2026-11-15' }],
    });
    await call(ctx(a), 'pledges.save', { personId: w.full[3]!.id, year: 2026, pledge: '带头宣传反诈', pledgedOn: '2026-02-01' });
    const pairing = await call(ctx(a), 'pairings.save', {
      orgId: w.branch.id, title: '党建和创协议', ratio: 'one_to_one', outsideNames: ['浦发银行商鼎路支行党支部'], cadenceUnit: 'month', cadenceMin: 1,
      signedOn: '2026-10-01', startsOn: '2026-10-01', terms: '每月召开一次结对共建联席会议',
    });
    const meeting = await call(ctx(a), 'activities.save', {
      type: 'joint_meeting', orgId: w.branch.id, title: '十月结对共建联席会议', heldOn: '2026-10-20', place: '骊山路营业厅', topic: '结对共建', agenda: '交流',
      hostPersonId: w.full[0]!.id, recorderPersonId: w.full[1]!.id, minutes: '交流党建经验', attendance: [{ personId: w.full[0]!.id, status: 'present' }],
    });
    await call(ctx(a), 'pairings.meeting', { pairingId: pairing.id, activityId: meeting.id });
    await call(ctx(a), 'honours.propose', { kind: 'excellent_member', subjectKind: 'person', subjectId: w.full[3]!.id, basisPeriod: '2026-Q3', basis: '积分全支部第一' });
    await call(ctx(a), 'accountability.save', { kind: 'talk', subjectKind: 'org', subjectId: w.other.id, reason: '主题党日未按期召开', heldOn: '2026-11-02' });
    await a.sync();
    await b.sync();
    expect(snapshot(b.store.raw, TABLES)).toEqual(snapshot(a.store.raw, TABLES));
    const atB = await call(ctx(b), 'milestones.list', { year: 2026 });
    expect(atB.rows.map((r) => [r.title, r.state, r.teamName])).toEqual([['完成十一月社区宣传', 'missed', '反诈宣传突击队']]);
    expect((await call(ctx(b), 'pairings.get', { id: pairing.id })).periods.map((x) => [x.key, x.state])).toEqual([['2026-10', 'kept'], ['2026-11', 'open']]);
    expect((await call(ctx(b), 'honours.list', {})).rows.map((h) => [h.kindLabel.zh, h.status])).toEqual([['优秀渠道党员', 'proposed']]);

    await call(ctx(b), 'milestones.complete', { id: goal.nodes[0]!.id, doneOn: '2026-11-18', evidence: '宣传照片 12 张，签到表' });
    await b.sync();
    await a.sync();
    const nodes = a.store.raw.prepare(`SELECT id, done_on, done_by FROM milestone_nodes`).all();
    expect(nodes).toEqual([{ id: goal.nodes[0]!.id, done_on: '2026-11-18', done_by: '王组织员' }]);
    const board = await call(ctx(a), 'assessment.board', { period: '2026-11' });
    expect(board.lights.find((l) => l.subjectId === w.branch.id && l.indicator === 'milestones')!.colour).toBe('yellow');
    expect([refused(a), refused(b)]).toEqual([0, 0]);
  });
});
