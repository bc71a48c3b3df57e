// Compliance, instructor duties, 待办, calendar and record book from real records.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { complianceRows } from '../../db/orglife/compliance.js';
import { settingsFor } from '../../db/orglife/settings.js';
import { tempProfile } from '../support/store.js';
import { call } from '../support/builders.js';
import { buildWorld, themeDay, type World } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const asOf = '2026-11-12';

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const themeStatus = async () => {
  const r = await call(ctx, 'orgLife.compliance', { orgId: w.branch.id, from: '2026-11-01', to: '2026-11-30', asOf });
  return r.rows.find((x) => x.type === 'theme_day')!.periods[0]!.status;
};
const dueKeys = async () => (await call(ctx, 'orgLife.due', { asOf })).items.filter((i) => i.orgId !== w.other.id).map((i) => `${i.level}:${i.kind}:${i.activityType ?? i.personName}:${i.periodKey}`);

describe('cadence compliance and 待办', () => {
  it('a theme day turns the month from due to done and leaves the due list', async () => {
    expect(await themeStatus()).toBe('due');
    expect(await dueKeys()).toContain('due:meeting:theme_day:2026-11');
    await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    expect(await themeStatus()).toBe('done');
    expect(await dueKeys()).not.toContain('due:meeting:theme_day:2026-11');
  });

  it('lists committee and group meetings, and the conversion whose year is up', async () => {
    const keys = await dueKeys();
    expect(keys).toContain('due:meeting:committee_meeting:2026-11');
    expect(keys).toContain('due:meeting:group_meeting:2026-11');
    expect(keys).toContain('due:meeting:general_meeting:2026-Q4');
    expect(keys).toContain('due:conversion:陈预备:2026-11');
    const r = await call(ctx, 'orgLife.due', { asOf });
    const group = r.items.find((i) => i.activityType === 'group_meeting')!;
    expect(group).toMatchObject({ groupName: '第一党小组', settle: { form: 'activity', type: 'group_meeting', orgId: w.branch.id, groupId: w.group.id } });
  });

  it('counts a group meeting for its group only; a planned one counts for nothing', async () => {
    const meeting = { ...themeDay(w, '2026-11-03'), type: 'group_meeting' as const, title: '党小组会', groupId: w.group.id };
    await call(ctx, 'activities.save', { ...meeting, status: 'planned', heldOn: '2026-11-03', attendance: [] });
    let r = await call(ctx, 'orgLife.compliance', { orgId: w.branch.id, from: '2026-11-01', to: '2026-11-30', asOf });
    expect(r.rows.find((x) => x.type === 'group_meeting')!.periods[0]!.status).toBe('due');
    await call(ctx, 'activities.save', meeting);
    r = await call(ctx, 'orgLife.compliance', { orgId: w.branch.id, from: '2026-11-01', to: '2026-11-30', asOf });
    expect(r.rows.find((x) => x.type === 'group_meeting')).toMatchObject({ groupName: '第一党小组', done: 1 });
    expect(r.orgs[0]).toMatchObject({ orgId: w.branch.id, orgName: w.branch.name });
  });

  it('reads cadences from settings', async () => {
    await call(ctx, 'settings.set', { key: 'orglife.cadence', value: { theme_day: { period: 'quarter', min: 2, subject: 'org' } } });
    await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    const r = await call(ctx, 'orgLife.compliance', { orgId: w.branch.id, from: '2026-10-01', to: '2026-12-31', asOf });
    expect(r.rows.find((x) => x.type === 'theme_day')!.periods).toMatchObject([{ key: '2026-Q4', held: 1, required: 2, status: 'due' }]);
  });

  it('saves settings whose keys name a field in camelCase (orglife.cadenceOrgTypes), and only for the types it names', async () => {
    const before = await call(ctx, 'orgLife.compliance', { orgId: w.branch.id, from: '2026-11-01', to: '2026-11-30', asOf });
    expect(before.rows.filter((x) => x.orgId === w.branch.id).length).toBeGreaterThan(0);
    await call(ctx, 'settings.set', { key: 'orglife.cadenceOrgTypes', value: ['joint_branch'] });
    expect((await call(ctx, 'settings.get', {}))['orglife.cadenceOrgTypes']).toEqual(['joint_branch']);
    const r = await call(ctx, 'orgLife.compliance', { orgId: w.branch.id, from: '2026-11-01', to: '2026-11-30', asOf });
    expect(r.rows.filter((x) => x.orgId === w.branch.id)).toEqual([]); // a branch no longer holds the cadence
  });
});

describe('instructor work', () => {
  it('assigns a contact point, owes a monthly visit, and a visit settles it', async () => {
    const a = await call(ctx, 'instructorAssignments.save', { instructorId: w.instructor.id, outletId: w.outlet.id, validFrom: '2026-09-01', isContactPoint: true });
    expect(a).toMatchObject({ instructorName: '孙指导', outletName: '骊山路营业厅', isContactPoint: true, validTo: null });
    const outlet = await call(ctx, 'outlets.get', { id: w.outlet.id });
    expect(outlet).toMatchObject({ instructorId: w.instructor.id, isContactPoint: true });
    let duties = await call(ctx, 'orgLife.duties', { from: '2026-07-01', to: '2026-12-31', asOf });
    const mine = duties.instructors.find((d) => d.instructorId === w.instructor.id)!;
    expect(mine.contactPoints[0]!.periods.map((x) => `${x.key}:${x.status}`)).toEqual(['2026-09:missed', '2026-10:missed', '2026-11:due', '2026-12:upcoming']);
    expect(mine.light).toBe('red');
    expect(await dueKeys()).toContain('due:visit:instructor_visit:2026-11');
    expect(await dueKeys()).toContain('overdue:visit:instructor_visit:2026-10');

    const visit = await call(ctx, 'activities.save', {
      type: 'instructor_visit', instructorId: w.instructor.id, orgId: w.branch.id, venueOutletIds: [w.outlet.id], title: '驻点指导：骊山路营业厅',
      heldOn: '2026-11-04', minutes: '指导支部规范三会一课记录', details: { problems: '记录本缺少缺席原因', followUp: '下月检查整改' },
    });
    expect(visit.details).toEqual({ problems: '记录本缺少缺席原因', followUp: '下月检查整改' });
    duties = await call(ctx, 'orgLife.duties', { from: '2026-11-01', to: '2026-11-30', asOf, instructorId: w.instructor.id });
    expect(duties.instructors[0]!.contactPoints[0]!.periods[0]!.status).toBe('done');
    expect(await dueKeys()).not.toContain('due:visit:instructor_visit:2026-11');
    const visits = await call(ctx, 'activities.list', { types: ['instructor_visit'], instructorId: w.instructor.id });
    expect(visits.rows[0]).toMatchObject({ instructorName: '孙指导', outletNames: ['骊山路营业厅'] });
  });

  it('credits a lecture to the instructor who gave it', async () => {
    await call(ctx, 'activities.save', {
      type: 'lecture', orgId: w.branch.id, instructorId: w.instructor.id, title: '专题党课', heldOn: '2026-08-20', topic: '党建引领渠道服务',
      details: { lecturerName: '孙指导' }, attendance: [{ personId: w.full[0]!.id, status: 'present' }],
    });
    const duties = await call(ctx, 'orgLife.duties', { from: '2026-07-01', to: '2026-12-31', asOf, instructorId: w.instructor.id });
    expect(duties.instructors[0]!.duties.lecture).toMatchObject([{ key: '2026-H2', held: 1, status: 'done' }]);
  });

  it('ends an assignment and hands the outlet over', async () => {
    const a = await call(ctx, 'instructorAssignments.save', { instructorId: w.instructor.id, outletId: w.outlet.id, validFrom: '2026-01-01', isContactPoint: true });
    const other = await call(ctx, 'instructors.save', { name: '周指导', unitId: w.county.id, active: true, personId: null });
    await call(ctx, 'instructorAssignments.save', { instructorId: other.id, outletId: w.outlet.id, validFrom: '2026-10-01', isContactPoint: true });
    const all = await call(ctx, 'instructorAssignments.list', { current: false });
    expect(all.find((x) => x.id === a.id)!.validTo).toBe('2026-09-30');
    const current = await call(ctx, 'instructorAssignments.list', {});
    expect(current.map((x) => x.instructorName)).toEqual(['周指导']);
  });
});

describe('record book and calendar', () => {
  it('prints each meeting with host, recorder, expected/present/absent with reasons, agenda, minutes and resolutions', async () => {
    await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    await call(ctx, 'activities.save', themeDay(w, '2026-11-06', {
      type: 'general_meeting', title: '第四季度党员大会', agenda: '讨论预备党员转正', resolutions: [{ text: '同意陈预备按期转正', votes: { yes: 3, no: 0, abstain: 0 } }],
    }));
    await call(ctx, 'activities.save', { type: 'anti_fraud', orgId: w.branch.id, title: '反诈宣传进社区', heldOn: '2026-11-07', reachCount: 120, details: { services: '发放资料、现场讲解' } });
    const book = await call(ctx, 'orgLife.recordBook', { orgId: w.branch.id, from: '2026-11-01', to: '2026-11-30' });
    expect(book.org).toMatchObject({ name: w.branch.name, secretaryName: '王建国', memberCount: 5 });
    expect(book.entries.map((e) => e.type)).toEqual(['theme_day', 'general_meeting']); // anti-fraud is not in the book
    const [day, gm] = book.entries;
    expect(day).toMatchObject({ hostName: '王建国', recorderName: '李秀英', expected: 5, present: 3, place: '党员活动室' });
    // Names sort by pinyin, as on a paper list.
    expect(day!.absent).toEqual([{ name: '陈预备', status: 'excused', reason: '病假' }, { name: '刘洋', status: 'absent', reason: '外出培训' }]);
    expect(gm!.quorum).toMatchObject({ met: true, voting: 4 });
    expect(gm!.resolutions[0]).toMatchObject({ text: '同意陈预备按期转正', passed: true });
  });

  it('shows a month of activities and due items', async () => {
    const saved = await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    const month = await call(ctx, 'orgLife.calendar', { month: '2026-11' });
    expect(month.activities.map((a) => a.id)).toEqual([saved.id]);
    expect(month.due.some((d) => d.activityType === 'committee_meeting' && d.deadline === '2026-11-30')).toBe(true);
    expect(month.due.some((d) => d.activityType === 'theme_day' && d.orgId === w.branch.id)).toBe(false);
    expect(month.due.some((d) => d.activityType === 'theme_day' && d.orgId === w.other.id)).toBe(true);
  });
});

// The board asks for the monthly and quarterly cadence only (db/assessment/cadence.ts) and reads the
// quarter's activities instead of the year's: the rows it gets must be exactly those a full report of
// the same range gives for those rules, including a quarterly meeting held before the range began.
describe('cadence of some period units only', () => {
  it('gives the monthly and quarterly rows of a full report, counted over whole quarters', async () => {
    await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    await call(ctx, 'activities.save', themeDay(w, '2026-10-09', { type: 'general_meeting', title: '第四季度党员大会', agenda: '发展党员' }));
    await call(ctx, 'activities.save', themeDay(w, '2026-03-10', { type: 'org_life_meeting', title: '组织生活会', agenda: '批评与自我批评' }));
    const s = await settingsFor(ctx.db, p.session.scopePath);
    const range = { from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-20' }; // the quarter began before the range
    const full = await complianceRows(ctx.db, p.session.scopePath, s, range);
    const some = await complianceRows(ctx.db, p.session.scopePath, s, { ...range, units: ['month', 'quarter'] });
    expect(some).toEqual(full.filter((r) => r.rule.period === 'month' || r.rule.period === 'quarter'));
    const quarterly = some.find((r) => r.orgId === w.branch.id && r.type === 'general_meeting')!;
    expect(quarterly.periods.map((x) => [x.key, x.held])).toEqual([['2026-Q4', 1]]);
    expect(full.some((r) => r.type === 'org_life_meeting' && r.orgId === w.branch.id && r.periods[0]!.held === 1)).toBe(true);
    expect(some.some((r) => r.rule.period === 'year')).toBe(false);
  });
});
