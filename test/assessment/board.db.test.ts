// The warning board and the three lists on a real store: a healthy branch is green, a branch that
// holds nothing turns red and, after two red months, escalates once; every light names its causes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import type { BoardLight } from '../../shared/assessment/types.js';
import { tempProfile } from '../support/store.js';
import { call } from '../support/builders.js';
import { buildWorld, themeDay, type World } from '../orglife/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
// 2026-11-20 in Beijing
const NOW = new Date('2026-11-20T04:00:00Z');

beforeEach(async () => {
  p = await tempProfile();
  ctx = { ...p.context(), now: () => NOW, session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const light = (lights: BoardLight[], kind: string, id: string, indicator: string) => lights.find((l) => l.subjectKind === kind && l.subjectId === id && l.indicator === indicator);

/** A month of the branch's organisation life with everyone there. */
async function healthyMonth(month: string) {
  const all = [...w.full, w.probationary].map((x) => ({ personId: x.id, status: 'present' as const }));
  for (const type of ['theme_day', 'committee_meeting', 'group_meeting'] as const) {
    await call(ctx, 'activities.save', {
      ...themeDay(w, `${month}-10`), type, title: `${month} ${type}`, agenda: '学习与工作部署', attendance: all, venueOutletIds: [w.outlet.id],
      ...(type === 'group_meeting' ? { groupId: w.group.id } : {}),
    });
  }
}

describe('the warning board', () => {
  it('shows a healthy branch green on every row it has, and its outlet too', async () => {
    await healthyMonth('2026-10');
    const b = await call(ctx, 'assessment.board', { period: '2026-10' });
    const mine = b.lights.filter((l) => l.subjectId === w.branch.id);
    expect(mine.map((l) => l.indicator).sort()).toEqual(['attendance', 'meetings_monthly', 'meetings_quarterly', 'member_gap']);
    for (const l of mine) expect([l.indicator, l.colour]).toEqual([l.indicator, 'green']);
    expect(light(b.lights, 'org', w.branch.id, 'attendance')!.value).toBe(1);
    const outlet = b.lights.filter((l) => l.subjectId === w.outlet.id);
    expect(outlet.map((l) => `${l.indicator}:${l.colour}`).sort()).toEqual(['contact:green', 'coverage:green', 'data_quality:green']);
  });

  it('turns a branch that holds nothing red, and names why', async () => {
    // Before anything is recorded in the scope, months without organisation life cannot be told: a
    // registry imported today is not years of absence.
    const before = await call(ctx, 'assessment.board', { period: '2026-10' });
    expect(light(before.lights, 'org', w.other.id, 'member_gap')).toMatchObject({ colour: 'green', value: 0 });
    await healthyMonth('2026-04'); // the records begin: the other branch's member has not been seen since
    const b = await call(ctx, 'assessment.board', { period: '2026-10' });
    const meetings = light(b.lights, 'org', w.other.id, 'meetings_monthly')!;
    expect(meetings.colour).toBe('red');
    expect(meetings.causes[0]).toMatchObject({ kind: 'org', id: w.other.id, detail: { zh: '2026年10月主题党日未召开（应 1 次，已 0 次）' } });
    const gap = light(b.lights, 'org', w.other.id, 'member_gap')!;
    expect(gap.colour).toBe('red');
    expect(gap.causes.map((c) => [c.id, c.name, c.detail?.zh])).toEqual([[w.stranger.id, '赵外支', '6 个月未参加组织生活（2026-04-10 以来无参加记录）']]);
    // the county rolls up the worst of its organisations and says so
    const county = light(b.lights, 'county', w.county.id, 'meetings_monthly')!;
    expect(county).toMatchObject({ colour: 'red', derived: true });
    expect(b.counts.red).toBeGreaterThan(0);
    const leafReds = b.lights.filter((l) => !l.derived && l.colour === 'red' && (l.subjectKind === 'org' || l.subjectKind === 'outlet')).length;
    expect(b.heat.find((h) => h.countyId === w.county.id)!.red).toBe(leafReds);
  });

  it('leaves excused absences out of attendance and turns yellow then red at the edges', async () => {
    const present = (n: number) => w.full.map((x, i) => (i < n ? { personId: x.id, status: 'present' as const } : { personId: x.id, status: 'absent' as const, reason: '出差' }));
    await call(ctx, 'activities.save', { ...themeDay(w, '2026-10-08'), attendance: [...present(3), { personId: w.probationary.id, status: 'excused' as const, reason: '病假' }] });
    let b = await call(ctx, 'assessment.board', { period: '2026-10' });
    expect(light(b.lights, 'org', w.branch.id, 'attendance')).toMatchObject({ value: 0.75, colour: 'yellow' });
    expect(light(b.lights, 'org', w.branch.id, 'attendance')!.causes.map((c) => c.name)).toEqual(['刘洋']);
    await call(ctx, 'settings.set', { key: 'assessment.thresholds', value: { attendance: { green: 0.9, yellow: 0.8 } } });
    b = await call(ctx, 'assessment.board', { period: '2026-10' });
    expect(light(b.lights, 'org', w.branch.id, 'attendance')!.colour).toBe('red');
  });

  it('refuses a threshold set whose bands overlap and keeps the old one', async () => {
    const r = await p.context().db.selectFrom('settings').selectAll().execute();
    await expect(call(ctx, 'settings.set', { key: 'assessment.thresholds', value: { coverage: { green: 0.9, yellow: 0.95 } } })).rejects.toMatchObject({
      message: expect.stringContaining('重叠'),
    });
    expect(await p.context().db.selectFrom('settings').selectAll().execute()).toEqual(r);
  });

  it('flags a bad check digit on its outlet and names the person', async () => {
    const id = w.full[3]!.citizenId!;
    const broken = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    await ctx.db.updateTable('people').set({ citizen_id: broken }).where('id', '=', w.full[3]!.id).execute();
    const b = await call(ctx, 'assessment.board', { period: '2026-10' });
    const dq = light(b.lights, 'outlet', w.outlet.id, 'data_quality')!;
    expect(dq.colour).toBe('red');
    expect(dq.causes).toEqual([expect.objectContaining({ id: w.full[3]!.id, name: '刘洋', detail: expect.objectContaining({ zh: '身份证号校验不通过' }) })]);
  });
});

describe('escalation', () => {
  const escalations = async () =>
    (await call(ctx, 'rectification.list', {})).rows.filter((r) => r.source === 'warning' && r.subjectId === w.other.id);

  it('opens an interview and a rectification item after two red months, once', async () => {
    const r = await call(ctx, 'assessment.record', { period: '2026-10' });
    expect(r.escalated).toBeGreaterThan(0);
    const items = await escalations();
    const interview = items.find((i) => i.kind === 'responsibility' && i.sourceRef!.includes('meetings_monthly'))!;
    expect(interview).toMatchObject({ ownerRole: 'county_organiser', status: 'open', mine: true });
    expect(interview.title).toContain('约谈');
    expect(items.some((i) => i.kind === 'rectification' && i.sourceRef!.includes('meetings_monthly'))).toBe(true);
    // the county's own reds (no outlet contact) open nothing: only organisations and outlets are interviewed
    expect((await call(ctx, 'rectification.list', {})).rows.filter((i) => !i.subjectId)).toEqual([]);
    const n = items.length;
    await call(ctx, 'assessment.record', { period: '2026-10' });
    expect((await escalations()).length).toBe(n);
    // a green month (the red cleared) closes nothing
    await call(ctx, 'activities.save', { ...themeDay(w, '2026-11-05'), orgId: w.other.id, hostPersonId: null, recorderPersonId: null, attendance: [{ personId: w.stranger.id, status: 'present' }] });
    await call(ctx, 'assessment.record', { period: '2026-11' });
    expect((await escalations()).every((i) => i.status === 'open')).toBe(true);
  });

  it('does not escalate one red month after a green one', async () => {
    await call(ctx, 'activities.save', { ...themeDay(w, '2026-09-05'), orgId: w.other.id, hostPersonId: null, recorderPersonId: null, attendance: [{ personId: w.stranger.id, status: 'present' }] });
    await call(ctx, 'assessment.record', { period: '2026-10' });
    expect((await escalations()).filter((i) => i.sourceRef!.includes('meetings_monthly'))).toEqual([]);
    const b = await call(ctx, 'assessment.board', { period: '2026-10' });
    expect(light(b.lights, 'org', w.other.id, 'meetings_monthly')!.colour).toBe('red');
    expect(b.trend.map((t) => t.period)).toEqual(['2026-09', '2026-10']);
  });
});

describe('three lists', () => {
  it('is created from a red light, worked by its owner and verified by someone else', async () => {
    const item = await call(ctx, 'rectification.save', {
      kind: 'rectification', title: '补开主题党日', subjectKind: 'org', subjectId: w.other.id, ownerPersonId: w.full[0]!.id, dueOn: '2026-11-01',
      fromLight: { indicator: 'meetings_monthly', period: '2026-10' },
    });
    expect(item).toMatchObject({ source: 'warning', status: 'open', overdueDays: 19, ownerName: '王建国', subjectName: w.other.name });
    expect(item.detail).toContain('来自预警');
    const b = await call(ctx, 'assessment.board', { period: '2026-11' });
    expect(light(b.lights, 'org', w.other.id, 'rectification_overdue')).toMatchObject({ colour: 'red', value: 19 });

    const owner: ApiContext = { ...ctx, session: { ...ctx.session, role: 'instructor', userName: '王建国' } };
    expect((await call(owner, 'rectification.list', { mine: true })).rows.map((r) => r.id)).toEqual([item.id]);
    await expect(call(owner, 'rectification.move', { id: item.id, to: 'done' })).rejects.toMatchObject({ message: expect.stringContaining('不能改为') });
    await call(owner, 'rectification.move', { id: item.id, to: 'in_progress' });
    await expect(call(owner, 'rectification.move', { id: item.id, to: 'done' })).rejects.toMatchObject({ message: expect.stringContaining('佐证') });
    const done = await call(owner, 'rectification.move', { id: item.id, to: 'done', evidence: '11月5日已补开主题党日' });
    expect(done).toMatchObject({ status: 'done', doneBy: '王建国', overdueDays: 0 });
    await expect(call(owner, 'rectification.move', { id: item.id, to: 'verified' })).rejects.toMatchObject({ message: expect.stringContaining('验收') });
    expect(await call(ctx, 'rectification.move', { id: item.id, to: 'verified' })).toMatchObject({ status: 'verified', verifiedBy: '县组织员' });
  });

  it('refuses an item without an owner and writes nothing', async () => {
    await expect(call(ctx, 'rectification.save', { kind: 'problem', title: '台账不全' })).rejects.toMatchObject({ message: expect.stringContaining('责任人') });
    expect((await call(ctx, 'rectification.list', {})).total).toBe(0);
  });

  it('exports the board and the lists to Excel and logs the export', async () => {
    const f = await call(ctx, 'assessment.export', { list: 'board', period: '2026-10' });
    expect(f.fileName).toMatch(/^红黄绿灯预警_2026-10.*\.xlsx$/);
    expect(f.rows).toBeGreaterThan(5);
    const g = await call(ctx, 'assessment.export', { list: 'items' });
    expect(g.fileName).toMatch(/^三单台账/);
    const audit = await ctx.db.selectFrom('registry_audit').select('description').execute();
    expect(audit.map((a) => a.description)).toEqual(expect.arrayContaining([expect.stringContaining('红黄绿灯预警'), expect.stringContaining('三单台账')]));
  });
});
