// Joint meetings (联席会议) of pairing agreements in the org-life compliance view, on a real store
// (today 2026-11-20). The branch's agreement asks one meeting a month from September: September
// and October (a meeting on 10-31, the month's last day) are done, November is still open — a joint
// meeting held but not linked to the agreement does not count — and December is upcoming. The
// other branch's agreement asks two a quarter from July: Q3 had one, so it is missed and the row is
// red. Months before an agreement starts are not owed, and a branch leading no agreement owes none.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld, type World } from './world.js';

const NOW = new Date('2026-11-20T04:00:00Z');
let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
let monthly: { id: string };
let quarterly: { id: string };

async function jointMeeting(orgId: string, heldOn: string, link?: string) {
  const a = await call(ctx, 'activities.save', {
    type: 'joint_meeting', orgId, title: `结对共建联席会议 ${heldOn}`, heldOn, place: '骊山路营业厅', topic: '结对共建', agenda: '交流党建经验',
    ...(orgId === w.branch.id
      ? { hostPersonId: w.full[0]!.id, recorderPersonId: w.full[1]!.id, attendance: [{ personId: w.full[0]!.id, status: 'present' as const }] }
      : { hostPersonId: w.stranger.id, recorderPersonId: w.stranger.id, attendance: [{ personId: w.stranger.id, status: 'present' as const }] }),
    minutes: '交流党建经验，协调业务推进',
  });
  if (link) await call(ctx, 'pairings.meeting', { pairingId: link, activityId: a.id });
}

beforeAll(async () => {
  p = await tempProfile();
  ctx = { ...p.context(), now: () => NOW, session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
  w = await buildWorld(ctx);
  monthly = await call(ctx, 'pairings.save', {
    orgId: w.branch.id, title: '与浦发银行结对共建', ratio: 'one_to_one', outsideNames: ['浦发银行商鼎路支行党支部'], cadenceUnit: 'month', cadenceMin: 1,
    signedOn: '2026-08-20', startsOn: '2026-09-01', terms: '每月召开一次结对共建党组织联席会议',
  });
  quarterly = await call(ctx, 'pairings.save', {
    orgId: w.other.id, title: '区域渠道党组织联席', ratio: 'one_to_one', partnerOrgIds: [w.branch.id], cadenceUnit: 'quarter', cadenceMin: 2,
    signedOn: '2026-06-20', startsOn: '2026-07-01', terms: '每季度召开两次联席会议',
  });
  await jointMeeting(w.branch.id, '2026-09-15', monthly.id);
  await jointMeeting(w.branch.id, '2026-10-31', monthly.id);
  await jointMeeting(w.branch.id, '2026-11-05');
  await jointMeeting(w.other.id, '2026-08-10', quarterly.id);
}, 60_000);
afterAll(async () => p.cleanup());

const jointRows = async (from: string, to: string, orgId?: string) =>
  (await call(ctx, 'orgLife.compliance', { from, to, ...(orgId ? { orgId } : {}) })).rows.filter((r) => r.type === 'joint_meeting');

describe('joint meetings in the compliance view', () => {
  it('judges each agreement on its own cadence over a year', async () => {
    const rows = await jointRows('2026-01-01', '2026-12-31');
    expect(rows.map((r) => [r.orgName, r.pairing?.title, r.rule.period, r.rule.min])).toEqual(
      expect.arrayContaining([[w.branch.name, '与浦发银行结对共建', 'month', 1], [w.other.name, '区域渠道党组织联席', 'quarter', 2]]),
    );
    expect(rows).toHaveLength(2);
    const m = rows.find((r) => r.pairing?.id === monthly.id)!;
    expect(m.periods.map((x) => [x.key, x.held, x.status === 'due' || x.status === 'warning' ? 'open' : x.status])).toEqual([
      ['2026-09', 1, 'done'], ['2026-10', 1, 'done'], ['2026-11', 0, 'open'], ['2026-12', 0, 'upcoming'],
    ]);
    expect([m.done, m.elapsed]).toEqual([2, 3]);
    const q = rows.find((r) => r.pairing?.id === quarterly.id)!;
    expect(q.periods.map((x) => [x.key, x.held, x.status === 'due' || x.status === 'warning' ? 'open' : x.status])).toEqual([['2026-Q3', 1, 'missed'], ['2026-Q4', 0, 'open']]);
    expect(q.light).toBe('red');
  });

  it('counts them in the lead organisation’s summary, and nowhere else', async () => {
    const r = await call(ctx, 'orgLife.compliance', { from: '2026-07-01', to: '2026-09-30' });
    const other = r.orgs.find((o) => o.orgId === w.other.id)!;
    expect(other.light).toBe('red');
    expect(other.missed).toBeGreaterThanOrEqual(1);
    // the branch's own monthly 联席会议 in Q3: only September was owed and it was held
    const mine = r.rows.filter((x) => x.orgId === w.branch.id && x.type === 'joint_meeting');
    expect(mine.map((x) => x.periods.map((y) => [y.key, y.status]))).toEqual([[['2026-09', 'done']]]);
  });

  it('shows a month: the quarter it falls in for a quarterly agreement, and filters by organisation', async () => {
    const oct = await jointRows('2026-10-01', '2026-10-31');
    expect(oct.map((r) => [r.pairing!.id, r.periods.map((x) => x.key)])).toEqual(expect.arrayContaining([[monthly.id, ['2026-10']], [quarterly.id, ['2026-Q4']]]));
    expect(oct.find((r) => r.pairing!.id === monthly.id)!.periods[0]!.status).toBe('done');
    const only = await jointRows('2026-10-01', '2026-10-31', w.other.id);
    expect(only.map((r) => r.pairing!.id)).toEqual([quarterly.id]);
    // before either agreement began nothing was owed
    expect(await jointRows('2026-05-01', '2026-05-31')).toEqual([]);
  });
});
