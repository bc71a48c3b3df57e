import { describe, expect, it } from 'vitest';
import { computeCompliance, summariseByOrg, type CadenceOrg, type HeldCount } from '../../shared/orglife/compliance.js';
import { computeDueItems, conversionDueOn } from '../../shared/orglife/due.js';
import { computeDuties, type ContactPoint } from '../../shared/orglife/duties.js';
import { ORGLIFE_DEFAULTS, orgLifeSettings } from '../../shared/orglife/settings.js';

const s = ORGLIFE_DEFAULTS;
const branch: CadenceOrg = { id: 'b1', name: '一支部', orgType: 'branch', hasCommittee: true, groups: [{ id: 'g1', name: '第一党小组' }, { id: 'g2', name: '第二党小组' }] };
const small: CadenceOrg = { id: 'b2', name: '二支部', orgType: 'branch', hasCommittee: false, groups: [] };
const held = (type: string, month: string, orgId = 'b1', groupId: string | null = null, n = 1): HeldCount => ({ orgId, type, groupId, month, n });

describe('cadence compliance', () => {
  it('lists what each organisation owes: committee meetings only with a committee, group meetings per group', () => {
    const rows = computeCompliance({ orgs: [branch, small], held: [], from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-10', settings: s });
    const of = (org: string) => rows.filter((r) => r.orgId === org).map((r) => `${r.type}${r.groupName ? `:${r.groupName}` : ''}`);
    expect(of('b1')).toEqual([
      'general_meeting', 'committee_meeting', 'group_meeting:第一党小组', 'group_meeting:第二党小组', 'lecture', 'theme_day', 'org_life_meeting', 'review', 'talk',
    ]);
    expect(of('b2')).not.toContain('committee_meeting');
    expect(of('b2').some((t) => t.startsWith('group_meeting'))).toBe(false);
  });

  it('skips organisations whose type holds no cadence (committees, general branches by default)', () => {
    const rows = computeCompliance({ orgs: [{ ...branch, orgType: 'committee' }], held: [], from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-10', settings: s });
    expect(rows).toEqual([]);
  });

  it('counts a month, a quarter and a year from monthly counts, for any period', () => {
    const rows = computeCompliance({
      orgs: [branch],
      held: [held('theme_day', '2026-01'), held('theme_day', '2026-03'), held('general_meeting', '2026-02'), held('group_meeting', '2026-01', 'b1', 'g1')],
      from: '2026-01-01', to: '2026-03-31', asOf: '2026-04-15', settings: s,
    });
    const theme = rows.find((r) => r.type === 'theme_day')!;
    expect(theme.periods.map((p) => p.status)).toEqual(['done', 'missed', 'done']);
    expect(theme).toMatchObject({ done: 2, elapsed: 3, light: 'red' });
    expect(rows.find((r) => r.type === 'general_meeting')!.periods).toMatchObject([{ key: '2026-Q1', held: 1, status: 'done' }]);
    const g1 = rows.find((r) => r.groupId === 'g1')!;
    const g2 = rows.find((r) => r.groupId === 'g2')!;
    expect(g1.periods[0]!.status).toBe('done');
    expect(g2.periods[0]!.status).toBe('missed');
    const [sum] = summariseByOrg(rows);
    expect(sum).toMatchObject({ orgId: 'b1', light: 'red' });
  });

  it('turns from due to done when the meeting is held', () => {
    const args = { orgs: [small], from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-12', settings: s };
    const before = computeCompliance({ ...args, held: [] }).find((r) => r.type === 'theme_day')!;
    const after = computeCompliance({ ...args, held: [held('theme_day', '2026-11', 'b2')] }).find((r) => r.type === 'theme_day')!;
    expect(before.periods[0]!.status).toBe('due');
    expect(after.periods[0]!.status).toBe('done');
  });

  it('follows a cadence changed in settings', () => {
    const monthlyLecture = orgLifeSettings({ 'orglife.cadence': { lecture: { period: 'month', min: 1, subject: 'org' } } });
    const rows = computeCompliance({ orgs: [small], held: [], from: '2026-10-01', to: '2026-12-31', asOf: '2027-01-05', settings: monthlyLecture });
    expect(rows.find((r) => r.type === 'lecture')!.periods).toHaveLength(3);
  });
});

describe('instructor duties', () => {
  const cp = (outletId: string, from: string | null = '2025-01-01'): ContactPoint => ({ instructorId: 'i1', outletId, outletName: `网点${outletId}`, from, to: null });
  const base = { instructors: [{ id: 'i1', name: '赵指导' }], from: '2026-07-01', to: '2026-12-31', asOf: '2026-11-10', settings: s };
  const visit = (outletId: string, month: string) => ({ outletId, month, n: 1 });
  const lecture = { instructorId: 'i1', type: 'lecture', month: '2026-08', n: 1 };
  const talkAndCampaign = [{ instructorId: 'i1', type: 'talk', month: '2026-09', n: 2 }, { instructorId: 'i1', type: 'task_force', month: '2026-05', n: 1 }];

  it('is green with every visit made and the half-year lecture given', () => {
    const [d] = computeDuties({ ...base, contactPoints: [cp('o1')], visits: ['07', '08', '09', '10'].map((m) => visit('o1', `2026-${m}`)), activities: [lecture, ...talkAndCampaign] });
    expect(d!.missedVisits).toBe(0);
    expect(d!.contactPoints[0]!.periods.map((p) => p.status)).toEqual(['done', 'done', 'done', 'done', 'due', 'upcoming']);
    expect(d!.light).toBe('green');
    // Without the year's campaign, November (the year's last quarter) is already yellow.
    const [late] = computeDuties({ ...base, contactPoints: [cp('o1')], visits: ['07', '08', '09', '10'].map((m) => visit('o1', `2026-${m}`)), activities: [lecture] });
    expect(late!.light).toBe('yellow');
  });
  it('is yellow after one missed visit', () => {
    const [d] = computeDuties({ ...base, contactPoints: [cp('o1')], visits: ['07', '09', '10'].map((m) => visit('o1', `2026-${m}`)), activities: [lecture] });
    expect(d).toMatchObject({ missedVisits: 1, light: 'yellow', reasons: [{ rule: 'visits_missed', count: 1 }, { rule: 'campaign_late' }] });
  });
  it('is red after two missed visits in a row at one contact point', () => {
    const [d] = computeDuties({ ...base, contactPoints: [cp('o1')], visits: ['07', '10'].map((m) => visit('o1', `2026-${m}`)), activities: [lecture] });
    expect(d!.contactPoints[0]!.missedInARow).toBe(2);
    expect(d).toMatchObject({ light: 'red', reasons: [{ rule: 'visits_in_a_row', light: 'red' }, { rule: 'visits_missed', count: 2 }, { rule: 'campaign_late' }] });
  });
  it('is red when a half-year passed without a lecture', () => {
    const [d] = computeDuties({ ...base, from: '2026-01-01', asOf: '2026-07-02', contactPoints: [], visits: [], activities: [] });
    expect(d!.duties.lecture.map((p) => p.status)).toEqual(['missed', 'due']);
    expect(d!.light).toBe('red');
    expect(d!.reasons.map((r) => r.rule)).toContain('lecture_missed');
  });
  it('owes no visits before a contact point was assigned', () => {
    const [d] = computeDuties({ ...base, contactPoints: [cp('o1', '2026-10-01')], visits: [], activities: [lecture] });
    expect(d!.contactPoints[0]!.periods.map((p) => p.key)).toEqual(['2026-10', '2026-11', '2026-12']);
  });
});

describe('due items (待办)', () => {
  const asOf = '2026-11-21';
  it('lists this month’s open meetings, last period’s misses and conversions coming due, worst first', () => {
    const compliance = computeCompliance({ orgs: [small], held: [held('theme_day', '2026-09', 'b2'), held('general_meeting', '2026-08', 'b2')], from: '2025-01-01', to: '2026-12-31', asOf, settings: s });
    const duties = computeDuties({
      instructors: [{ id: 'i1', name: '赵指导' }], contactPoints: [{ instructorId: 'i1', outletId: 'o1', outletName: '骊山路营业厅', from: '2025-01-01', to: null }],
      visits: [{ outletId: 'o1', month: '2026-10', n: 1 }], activities: [{ instructorId: 'i1', type: 'lecture', month: '2026-08', n: 1 }],
      from: '2025-01-01', to: '2026-12-31', asOf, settings: s,
    });
    const probationers = [
      { personId: 'p1', name: '王预备', orgId: 'b2', orgName: '二支部', admittedOn: '2025-11-28' }, // due this month
      { personId: 'p2', name: '李预备', orgId: 'b2', orgName: '二支部', admittedOn: '2025-09-01' }, // 81 days over: red
      { personId: 'p3', name: '张预备', orgId: 'b2', orgName: '二支部', admittedOn: '2026-03-01' }, // not yet
    ];
    const items = computeDueItems({ compliance, duties, probationers, asOf, settings: s });
    const keys = items.map((i) => `${i.level}:${i.kind}:${i.activityType ?? i.personName}:${i.periodKey}`);
    expect(keys).toContain('warning:meeting:theme_day:2026-11'); // after the 20th
    expect(keys).toContain('overdue:meeting:theme_day:2026-10');
    expect(keys).toContain('due:meeting:general_meeting:2026-Q4');
    expect(keys).toContain('warning:visit:instructor_visit:2026-11');
    expect(keys).not.toContain('overdue:visit:instructor_visit:2026-10'); // visited in October
    // Last year's miss is 325 days old: it stays in the compliance report, not in this month's list.
    expect(keys).not.toContain('overdue:meeting:org_life_meeting:2025');
    expect(keys).toContain('due:conversion:王预备:2025-11'.replace('2025-11', '2026-11'));
    expect(keys).toContain('overdue:conversion:李预备:2026-09');
    expect(keys.some((k) => k.includes('张预备'))).toBe(false);
    expect(items[0]!.level).toBe('overdue');
    expect(items.at(-1)!.level).toBe('due');
    const theme = items.find((i) => i.key.endsWith('|theme_day|2026-11'))!;
    expect(theme.settle).toMatchObject({ form: 'activity', type: 'theme_day', orgId: 'b2' });
    expect(items.find((i) => i.kind === 'visit')!.settle).toMatchObject({ form: 'visit', instructorId: 'i1', outletId: 'o1' });
    expect(items.find((i) => i.personName === '李预备')!).toMatchObject({ settle: { form: 'person', personId: 'p2' }, overdueDays: 81 });
  });

  it('keeps a recent miss of the last period for as long as settings say', () => {
    const compliance = computeCompliance({ orgs: [small], held: [], from: '2025-01-01', to: '2026-12-31', asOf, settings: s });
    const wide = orgLifeSettings({ 'orglife.due': { overdueWindowDays: 400 } });
    const keys = (set: typeof s) => computeDueItems({ compliance, duties: [], probationers: [], asOf, settings: set }).map((i) => `${i.level}:${i.activityType}:${i.periodKey}`);
    expect(keys(s)).toContain('overdue:theme_day:2026-10');
    expect(keys(s)).not.toContain('overdue:general_meeting:2026-Q3'); // 52 days ago
    expect(keys(wide)).toContain('overdue:general_meeting:2026-Q3');
    expect(keys(wide)).toContain('overdue:org_life_meeting:2025');
  });

  it('counts the probation from settings', () => {
    expect(conversionDueOn('2025-11-28', s)).toBe('2026-11-28');
    expect(conversionDueOn('2025-11-28', orgLifeSettings({ 'orglife.probation': { months: 18 } }))).toBe('2027-05-28');
  });
});
