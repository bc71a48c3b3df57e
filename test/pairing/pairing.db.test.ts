// 结对共建 on a real store (2026-11-20): a 1:1 agreement with a bank's branch and a 1:N one with two
// branches; joint meetings recorded in 组织生活 and linked to an agreement keep its monthly cadence;
// a month without one is missed; refusals write nothing; the register exports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import type { Input } from '../../shared/contract/index.js';
import { tempProfile } from '../support/store.js';
import { call } from '../support/builders.js';
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

const counts = () => p.store.raw.prepare(`SELECT (SELECT count(*) FROM pairings) p, (SELECT count(*) FROM pairing_parties) x, (SELECT count(*) FROM pairing_meetings) m`).get();

async function refused<K extends Parameters<typeof call>[1]>(name: K, input: Input<K>, c = ctx) {
  const before = counts();
  const r = await dispatch(c, name, input);
  expect(counts()).toEqual(before);
  if (r.ok) throw new Error('accepted');
  expect(r.error.messageEn.length).toBeGreaterThan(0);
  return r.error;
}

const bank = (over: Partial<Input<'pairings.save'>> = {}): Input<'pairings.save'> => ({
  orgId: w.branch.id, title: '党建和创协议', ratio: 'one_to_one', outsideNames: ['浦发银行商鼎路支行党支部'], cadenceUnit: 'month', cadenceMin: 1,
  signedOn: '2026-09-01', startsOn: '2026-09-01', terms: '以互联互通为基础，以互惠共赢为目标，每月召开一次结对共建联席会议', ...over,
});

const jointMeeting = (heldOn: string) => call(ctx, 'activities.save', { ...themeDay(w, heldOn), type: 'joint_meeting', title: `${heldOn.slice(0, 7)} 结对共建联席会议`, agenda: '交流党建经验，协调业务推进' });

describe('结对共建', () => {
  it('keeps a monthly cadence from linked joint meetings and names the missed month', async () => {
    const a = await call(ctx, 'pairings.save', bank());
    expect(a.partners).toEqual([{ orgId: null, name: '浦发银行商鼎路支行党支部' }]);
    const sep = await jointMeeting('2026-09-30');
    await jointMeeting('2026-10-20');
    const withSep = await call(ctx, 'pairings.meeting', { pairingId: a.id, activityId: sep.id });
    expect(withSep.candidates.map((c) => c.title)).toEqual(['2026-10 结对共建联席会议']);
    expect(withSep).toMatchObject({ kept: false, missed: ['2026-10'], meetings: 1 });
    const both = await call(ctx, 'pairings.meeting', { pairingId: a.id, activityId: withSep.candidates[0]!.activityId });
    expect(both.periods.map((x) => [x.key, x.state])).toEqual([['2026-09', 'kept'], ['2026-10', 'kept'], ['2026-11', 'open']]);
    expect(both.kept).toBe(true);
    expect(both.linked[0]).toMatchObject({ title: '2026-10 结对共建联席会议', present: 3 });
    // 联席会议 are kept in the branch's record book with its other meetings
    const book = await call(ctx, 'orgLife.recordBook', { orgId: w.branch.id, from: '2026-09-01', to: '2026-10-31' });
    expect(book.entries.map((e) => [e.type, e.heldOn])).toEqual([['joint_meeting', '2026-09-30'], ['joint_meeting', '2026-10-20']]);
    expect((await refused('pairings.meeting', { pairingId: a.id, activityId: sep.id })).code).toBe('conflict');
    // a theme day is not a joint meeting
    const theme = await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    expect((await refused('pairings.meeting', { pairingId: a.id, activityId: theme.id })).message).toContain('联席会议');
    expect((await call(ctx, 'pairings.list', { notKeptOnly: true })).total).toBe(0);
    await call(ctx, 'pairings.meeting', { pairingId: a.id, activityId: sep.id, unlink: true });
    expect((await call(ctx, 'pairings.list', { notKeptOnly: true })).rows.map((r) => r.missed)).toEqual([['2026-09']]);
  });

  it('pairs one to many with branches of the registry, and refuses bad agreements writing nothing', async () => {
    const many = await call(ctx, 'pairings.save', bank({ ratio: 'one_to_many', outsideNames: ['郑州市建设交通邮电工会党支部'], partnerOrgIds: [w.other.id], cadenceUnit: 'quarter' }));
    expect(many.partners.map((x) => x.name).sort()).toEqual([w.other.name, '郑州市建设交通邮电工会党支部'].sort());
    expect((await refused('pairings.save', bank({ outsideNames: ['甲', '乙'] }))).message).toContain('有且只有一个');
    expect((await refused('pairings.save', bank({ signedOn: '2026-11-21' }))).message).toContain('签约日期');
    expect((await refused('pairings.save', bank(), { ...ctx, session: { ...ctx.session, role: 'instructor' } })).code).toBe('forbidden');
    expect((await refused('pairings.get', { id: many.id }, { ...ctx, session: { ...ctx.session, scopePath: '/hq/elsewhere/' } })).code).toBe('forbidden');
    const f = await call(ctx, 'pairings.export', {});
    expect([f.rows, f.fileName.startsWith('结对共建台账')]).toEqual([1, true]);
  });
});
