// Democratic review on a real store: probationary members are not graded, 优秀 is capped at a third
// of the full members (refused in both languages, nothing written), the meeting is the branch's,
// closing needs every grade, and grades below 优秀 are masked for roles that may not see them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { buildMember, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildWorld, type World } from '../points/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const count = (sql: string) => (p.store.raw.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;
const dec = (role: 'instructor' | 'county_organiser' | 'hq_admin' | 'auditor' = 'county_organiser') => at(ctx, '2026-12-20', role);
const ref = () => ({ orgId: w.branch.id, year: 2026 });

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

async function reviewMeeting() {
  return call(dec(), 'activities.save', {
    type: 'review', orgId: w.branch.id, title: '2026年度民主评议党员大会', heldOn: '2026-11-28', topic: '民主评议党员', hostPersonId: w.full[0]!.id,
    attendance: w.full.map((x) => ({ personId: x.id, status: 'present' as const })),
  });
}

describe('the ⅓ cap', () => {
  it('allows one 优秀 among four full members and refuses a second, writing nothing', async () => {
    const v = await call(dec(), 'evaluation.get', ref());
    expect(v).toMatchObject({ status: 'none', eligible: 4, cap: 1 });
    const ok = await call(dec(), 'evaluation.save', { ...ref(), grades: [{ personId: w.full[0]!.id, grade: 'excellent' }, { personId: w.full[1]!.id, grade: 'pass' }] });
    expect(ok.counts).toMatchObject({ excellent: 1, pass: 1 });
    const r = await dispatch(dec(), 'evaluation.save', { ...ref(), grades: [{ personId: w.full[2]!.id, grade: 'excellent' }, { personId: w.full[3]!.id, grade: 'fail' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe('“优秀”不能超过参评党员的三分之一：4名党员最多1名优秀，本次为2名');
      expect(r.error.messageEn).toBe('"Excellent" is capped at a third of the members graded: at most 1 of 4, this would be 2');
    }
    expect(count('evaluation_grades')).toBe(2);
  });

  it('allows two 优秀 once the branch has six full members, and two (not three) with seven', async () => {
    await buildMember(ctx, w.outlet.id, w.branch.id, { name: '周五' });
    await buildMember(ctx, w.outlet.id, w.branch.id, { name: '吴六' });
    expect((await call(dec(), 'evaluation.get', ref())).cap).toBe(2);
    await call(dec(), 'evaluation.save', { ...ref(), grades: w.full.slice(0, 2).map((x) => ({ personId: x.id, grade: 'excellent' as const })) });
    await buildMember(ctx, w.outlet.id, w.branch.id, { name: '郑七' });
    const r = await dispatch(dec(), 'evaluation.save', { ...ref(), grades: [{ personId: w.full[2]!.id, grade: 'excellent' }] });
    expect(r.ok).toBe(false);
    expect((await call(dec(), 'evaluation.get', ref())).cap).toBe(2);
  });

  it('does not grade a probationary member', async () => {
    const r = await dispatch(dec(), 'evaluation.save', { ...ref(), grades: [{ personId: w.probationary.id, grade: 'pass' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('预备党员陈预备不参加民主评议定等');
    expect(count('evaluations')).toBe(0);
  });
});

describe('closing and masking', () => {
  beforeEach(async () => {
    await call(dec(), 'evaluation.save', {
      ...ref(), summary: '全体党员参加，评议结果已公示。',
      grades: [
        { personId: w.full[0]!.id, grade: 'excellent' }, { personId: w.full[1]!.id, grade: 'pass' },
        { personId: w.full[2]!.id, grade: 'basic_pass' }, { personId: w.full[3]!.id, grade: 'fail', note: '长期不参加组织生活' },
      ],
    });
  });

  it('closes only with a meeting of the branch, then refuses changes', async () => {
    expect((await dispatch(dec(), 'evaluation.close', ref())).ok).toBe(false);
    const meeting = await reviewMeeting();
    await call(dec(), 'evaluation.save', { ...ref(), activityId: meeting.id, summary: '全体党员参加，评议结果已公示。', grades: [] });
    const closed = await call(dec(), 'evaluation.close', ref());
    expect(closed).toMatchObject({ status: 'closed', activity: { title: '2026年度民主评议党员大会' } });
    expect((await dispatch(dec(), 'evaluation.save', { ...ref(), grades: [{ personId: w.full[1]!.id, grade: 'excellent' }] })).ok).toBe(false);
  });

  it('shows instructors and auditors 优秀 only: other grades, notes and their counts are masked', async () => {
    for (const role of ['instructor', 'auditor'] as const) {
      const v = await call(dec(role), 'evaluation.get', ref());
      expect(v.members.filter((m) => !m.probationary).map((m) => m.grade)).toEqual(expect.arrayContaining(['excellent', '*', '*', '*']));
      expect(v.members.some((m) => m.grade === 'fail' || m.grade === 'basic_pass' || m.note)).toBe(false);
      expect(v.counts).toEqual({ excellent: 1, pass: null, basic_pass: null, fail: null, hidden: 3 });
      expect(v.mayGrade).toBe(false);
      const r = await dispatch(dec(role), 'evaluation.save', { ...ref(), grades: [] });
      expect(r.ok).toBe(false);
    }
    const full = await call(dec('hq_admin'), 'evaluation.get', ref());
    expect(full.counts).toEqual({ excellent: 1, pass: 1, basic_pass: 1, fail: 1, hidden: 0 });
  });
});
