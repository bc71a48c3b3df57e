// What is due or overdue (待办) as of a day: open obligations of the period that contains it, those
// missed in the period just before, and probation conversions whose year is up by the month's end.
import type { ItemSource } from '../assessment/items.js';
import type { StandingFlag } from '../people/memberRules.js';
import type { ActivityType } from '../domain/enums.js';
import type { ComplianceRow, PeriodStatus } from './compliance.js';
import { DUTY_KINDS, type DutyKind, type InstructorDuty } from './duties.js';
import { addMonths, daysBetween, periodOf } from './periods.js';
import type { OrgLifeSettings } from './settings.js';

export type DueLevel = 'due' | 'warning' | 'overdue';

/** The period an item settles: the form is dated inside it, so saving clears exactly that item. */
export interface SettlePeriod {
  key: string;
  start: string;
  end: string;
  /** The date the form starts with: today while the period is open, else its last day. */
  on: string;
}

/** What opens when the user clicks an item: the form that settles it, prefilled. */
export type Settle =
  | { form: 'activity'; type: ActivityType; orgId?: string; groupId?: string; instructorId?: string; period: SettlePeriod }
  | { form: 'visit'; instructorId: string; outletId: string; period: SettlePeriod }
  | { form: 'person'; personId: string }
  /** A three-list item is worked on where the three lists are (考核预警). */
  | { form: 'item'; itemId: string };

function settlePeriod(p: { key: string; start: string; end: string }, asOf: string): SettlePeriod {
  return { key: p.key, start: p.start, end: p.end, on: asOf <= p.end ? asOf : p.end };
}

export interface DueItem {
  key: string;
  kind: 'meeting' | 'visit' | 'duty' | 'conversion' | 'standing' | 'rectification';
  /** For a three-list item (db/orglife/itemsDue.ts): its title, and whether the signed-in user owns it. */
  item?: { title: string; ownerName: string | null; mine: boolean; masked: boolean; source: ItemSource };
  /** For a standing item (db/dues/standing.ts): which rule the member's records break. */
  standing?: StandingFlag;
  level: DueLevel;
  /** The period the obligation belongs to ('2026-11', '2026-Q4' …) or the conversion month. */
  periodKey: string;
  deadline: string;
  overdueDays: number;
  activityType: ActivityType | null;
  orgId: string | null;
  orgName: string | null;
  groupName: string | null;
  instructorName: string | null;
  outletName: string | null;
  personName: string | null;
  /**
   * The instructors whose item this is (待办's 只看我的): the one named on a visit or duty; for a
   * meeting or a conversion, the instructors of the outlets the organisation covers, who log its
   * meetings there.
   */
  owners: string[];
  settle: Settle;
}

export interface Probationer {
  personId: string;
  name: string;
  orgId: string | null;
  orgName: string | null;
  /** Admission as a probationary member (members.join_date). */
  admittedOn: string;
  /** The one extension of the probation (members.probation_extension_*), if the branch decided one. */
  extension?: { decidedOn: string; months: number } | null;
}

export interface DueInput {
  compliance: ComplianceRow[];
  duties: InstructorDuty[];
  probationers: Probationer[];
  /** Which instructor looks after which organisation (through the outlets it covers). */
  orgInstructors?: { orgId: string; instructorId: string }[];
  asOf: string;
  settings: OrgLifeSettings;
}

const DUTY_TYPE: Record<DutyKind, (s: OrgLifeSettings) => ActivityType> = {
  lecture: (s) => s.instructor.lecture.types[0]!,
  talk: (s) => s.instructor.talk.types[0]!,
  campaign: (s) => s.instructor.campaign.types[0]!,
};

/**
 * The open period containing asOf (due/warning), and a miss in the one before it (overdue) while
 * that is recent: older misses belong to the compliance report, not to this month's list.
 */
function openPeriods(periods: PeriodStatus[], asOf: string, s: OrgLifeSettings): { p: PeriodStatus; level: DueLevel }[] {
  const i = periods.findIndex((p) => p.start <= asOf && asOf <= p.end);
  if (i < 0) return [];
  const out: { p: PeriodStatus; level: DueLevel }[] = [];
  const prev = periods[i - 1];
  if (prev?.status === 'missed' && daysBetween(prev.end, asOf) <= s.due.overdueWindowDays) out.push({ p: prev, level: 'overdue' });
  const cur = periods[i]!;
  if (cur.status === 'due' || cur.status === 'warning') out.push({ p: cur, level: cur.status });
  return out;
}

const blank = { groupName: null, instructorName: null, outletName: null, personName: null, orgId: null, orgName: null } as const;

/** Admission + the probation months, + the extension's months once it is decided. */
export function conversionDueOn(admittedOn: string, s: OrgLifeSettings, extensionMonths = 0): string {
  return addMonths(admittedOn, s.probation.months + extensionMonths);
}

/** The conversion due date as it stood on `asOf`: an extension decided later did not yet move it. */
export function probationerDueOn(p: Probationer, s: OrgLifeSettings, asOf: string): string {
  return conversionDueOn(p.admittedOn, s, p.extension && p.extension.decidedOn <= asOf ? p.extension.months : 0);
}

export function computeDueItems(input: DueInput): DueItem[] {
  const { asOf, settings: s } = input;
  const items: DueItem[] = [];
  const overdue = (deadline: string) => Math.max(0, daysBetween(deadline, asOf));
  const byOrg = new Map<string, string[]>();
  for (const x of input.orgInstructors ?? []) (byOrg.get(x.orgId) ?? byOrg.set(x.orgId, []).get(x.orgId)!).push(x.instructorId);
  const ownersOf = (orgId: string | null) => (orgId ? [...new Set(byOrg.get(orgId) ?? [])] : []);
  for (const r of input.compliance) {
    for (const { p, level } of openPeriods(r.periods, asOf, s)) {
      items.push({
        ...blank, key: `m|${r.orgId}|${r.groupId ?? ''}|${r.type}|${p.key}`, kind: 'meeting', level, periodKey: p.key, deadline: p.end,
        overdueDays: overdue(p.end), activityType: r.type, orgId: r.orgId, orgName: r.orgName, groupName: r.groupName, owners: ownersOf(r.orgId),
        settle: { form: 'activity', type: r.type, orgId: r.orgId, ...(r.groupId ? { groupId: r.groupId } : {}), period: settlePeriod(p, asOf) },
      });
    }
  }
  for (const d of input.duties) {
    for (const cp of d.contactPoints) {
      for (const { p, level } of openPeriods(cp.periods, asOf, s)) {
        items.push({
          ...blank, key: `v|${d.instructorId}|${cp.outletId}|${p.key}`, kind: 'visit', level, periodKey: p.key, deadline: p.end,
          overdueDays: overdue(p.end), activityType: 'instructor_visit', instructorName: d.name, outletName: cp.outletName, owners: [d.instructorId],
          settle: { form: 'visit', instructorId: d.instructorId, outletId: cp.outletId, period: settlePeriod(p, asOf) },
        });
      }
    }
    for (const k of DUTY_KINDS) {
      for (const { p, level } of openPeriods(d.duties[k], asOf, s)) {
        items.push({
          ...blank, key: `d|${d.instructorId}|${k}|${p.key}`, kind: 'duty', level, periodKey: p.key, deadline: p.end,
          overdueDays: overdue(p.end), activityType: DUTY_TYPE[k](s), instructorName: d.name, owners: [d.instructorId],
          settle: { form: 'activity', type: DUTY_TYPE[k](s), instructorId: d.instructorId, period: settlePeriod(p, asOf) },
        });
      }
    }
  }
  const monthEnd = periodOf(asOf, 'month').end;
  for (const pr of input.probationers) {
    const dueOn = probationerDueOn(pr, s, asOf);
    if (dueOn > monthEnd) continue;
    const late = overdue(dueOn);
    const level: DueLevel = late === 0 ? 'due' : late <= s.probation.redAfterDays ? 'warning' : 'overdue';
    items.push({
      ...blank, key: `c|${pr.personId}`, kind: 'conversion', level, periodKey: dueOn.slice(0, 7), deadline: dueOn, overdueDays: late,
      activityType: null, orgId: pr.orgId, orgName: pr.orgName, personName: pr.name, owners: ownersOf(pr.orgId), settle: { form: 'person', personId: pr.personId },
    });
  }
  const rank: Record<DueLevel, number> = { overdue: 0, warning: 1, due: 2 };
  return items.sort((a, b) => rank[a.level] - rank[b.level] || a.deadline.localeCompare(b.deadline) || a.key.localeCompare(b.key));
}
