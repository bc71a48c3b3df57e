// Honours and accountability on a real store (2026-11-20): an outlet proposed as 党建示范渠道 on its
// quarter, refused while a red light was kept in that quarter, decided only by someone else;
// 约谈提醒 / 限期整改 with deadline, overdue days and outcome, hidden from instructors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import type { Input } from '../../shared/contract/index.js';
import { tempProfile } from '../support/store.js';
import { call } from '../support/builders.js';
import { buildWorld, type World } from '../orglife/world.js';

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

const counts = () => p.store.raw.prepare(`SELECT (SELECT count(*) FROM honours) h, (SELECT count(*) FROM accountability) a`).get();
async function refused<K extends Parameters<typeof call>[1]>(name: K, input: Input<K>, c = ctx) {
  const before = counts();
  const r = await dispatch(c, name, input);
  expect(counts()).toEqual(before);
  if (r.ok) throw new Error('accepted');
  expect(r.error.messageEn.length).toBeGreaterThan(0);
  return r.error;
}
const other = () => ({ ...ctx, session: { ...ctx.session, userName: '另一位组织员' } });

describe('荣誉', () => {
  it('proposes an outlet on its quarter, and lets someone else approve it', async () => {
    const h = await call(ctx, 'honours.propose', { kind: 'demo_channel', subjectKind: 'outlet', subjectId: w.outlet.id, basisPeriod: '2026-Q3', basis: '2026年第三季度双轨考核综合 91.2 分' });
    expect(h).toMatchObject({ status: 'proposed', subjectName: '骊山路营业厅', kindLabel: { zh: '党建示范渠道' } });
    expect((await refused('honours.decide', { id: h.id, approve: true })).message).toContain('提名人不能审批');
    const ok = await call(other(), 'honours.decide', { id: h.id, approve: true, note: '县委审定' });
    expect(ok).toMatchObject({ status: 'approved', decidedBy: '另一位组织员', decidedOn: '2026-11-20' });
    expect((await refused('honours.decide', { id: h.id, approve: false }, other())).code).toBe('conflict');
    expect((await call(ctx, 'honours.list', { year: 2026 })).rows.map((r) => r.status)).toEqual(['approved']);
  });

  it('refuses a subject with a red light kept in the basis period, the wrong kind of subject, an unknown honour', async () => {
    p.store.raw.prepare(`INSERT INTO light_history (id, subject_kind, subject_id, indicator, period, colour, value, computed_at, scope_path, created_at, updated_at)
      VALUES ('0190a000-0000-7000-8000-0000000ff001', 'org', ?, 'meetings_monthly', '2026-08', 'red', 1, '2026-09-01T00:00:00Z', '/', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')`).run(w.branch.id);
    expect((await refused('honours.propose', { kind: 'advanced_branch', subjectKind: 'org', subjectId: w.branch.id, basisPeriod: '2026-Q3', basis: '先进' })).message).toContain('2026-08');
    expect((await call(ctx, 'honours.propose', { kind: 'advanced_branch', subjectKind: 'org', subjectId: w.branch.id, basisPeriod: '2026-Q2', basis: '第二季度全绿' })).status).toBe('proposed');
    expect((await refused('honours.propose', { kind: 'demo_channel', subjectKind: 'person', subjectId: w.full[0]!.id, basisPeriod: '2026', basis: 'x' })).message).toContain('不能授予');
    expect((await refused('honours.propose', { kind: 'gold_star', subjectKind: 'person', subjectId: w.full[0]!.id, basisPeriod: '2026', basis: 'x' })).message).toContain('未知的荣誉');
  });

  it('takes its kinds from reference data', async () => {
    await call(ctx, 'settings.set', { key: 'honours.kinds', value: { red_flag_store: { zh: '红旗营业厅', en: 'Red-flag store', subjects: ['outlet'] } } });
    expect(Object.keys((await call(ctx, 'honours.kinds', {})).kinds)).toEqual(['red_flag_store']);
    expect((await dispatch(ctx, 'settings.set', { key: 'honours.kinds', value: { x: { zh: '', en: '', subjects: [] } } })).ok).toBe(false);
  });
});

describe('约谈提醒与限期整改', () => {
  it('keeps a deadline rectification, counts its overdue days and records the outcome', async () => {
    const a = await call(ctx, 'accountability.save', { kind: 'deadline', subjectKind: 'org', subjectId: w.other.id, reason: '连续两月未召开主题党日', heldOn: '2026-10-10', deadline: '2026-11-10' });
    expect(a).toMatchObject({ outcome: 'pending', overdueDays: 10, subjectName: w.other.name });
    expect((await refused('accountability.save', { kind: 'deadline', subjectKind: 'org', subjectId: w.other.id, reason: 'x', heldOn: '2026-10-10' })).message).toContain('整改期限');
    expect((await refused('accountability.save', { kind: 'talk', subjectKind: 'person', subjectId: w.full[0]!.id, reason: 'x', heldOn: '2026-11-21' })).message).toContain('不能晚于今天');
    const done = await call(ctx, 'accountability.outcome', { id: a.id, outcome: 'improved', note: '11月已补开主题党日并建立提醒' });
    expect(done).toMatchObject({ outcome: 'improved', outcomeOn: '2026-11-20', overdueDays: 0 });
    expect((await refused('accountability.outcome', { id: a.id, outcome: 'not_improved', note: 'x' })).code).toBe('conflict');
  });

  it('is not shown to instructors or auditors', async () => {
    await call(ctx, 'accountability.save', { kind: 'talk', subjectKind: 'person', subjectId: w.full[0]!.id, reason: '主题党日多次缺席', heldOn: '2026-11-01' });
    const instructor = { ...ctx, session: { ...ctx.session, role: 'instructor' as const } };
    expect((await refused('accountability.list', {}, instructor)).code).toBe('forbidden');
    const auditor = { ...ctx, session: { ...ctx.session, role: 'auditor' as const } };
    expect((await refused('accountability.list', {}, auditor)).code).toBe('forbidden');
    const admin = { ...ctx, session: { ...ctx.session, role: 'hq_admin' as const } };
    expect((await call(admin, 'accountability.list', {})).total).toBe(1);
  });
});
