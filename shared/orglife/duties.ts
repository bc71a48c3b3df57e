// Instructor duty compliance (DOMAIN.md "Instructors", seed 000): every contact point visited each
// month; a lecture and a round of talks each half-year; a campaign each year. The light, the count
// of missed visits and the reasons come from dutyVerdict (./dutyVerdict.ts), all three together.
import { monthKeysOf, periodsBetween, type Period, type PeriodUnit } from './periods.js';
import type { PeriodStatus } from './compliance.js';
import { DUTY_KINDS, dutyVerdict, type DutyKind, type DutyReason } from './dutyVerdict.js';
import type { DutyRule, OrgLifeSettings } from './settings.js';
import { obligationStatus, type Light } from './status.js';

export { DUTY_KINDS, type DutyKind, type DutyReason };

export interface DutyInstructor {
  id: string;
  name: string;
}

/** An outlet that is a contact point of an instructor from `from` (null: always) to `to` (null: still). */
export interface ContactPoint {
  instructorId: string;
  outletId: string;
  outletName: string;
  from: string | null;
  to: string | null;
}

export interface VisitCount {
  outletId: string;
  month: string;
  n: number;
}

/** Lectures, talks and campaigns an instructor gave or joined, per type and month. */
export interface DutyActivityCount {
  instructorId: string;
  type: string;
  month: string;
  n: number;
}

export interface ContactPointDuty {
  outletId: string;
  outletName: string;
  periods: PeriodStatus[];
  /** The longest run of consecutive missed visit periods. */
  missedInARow: number;
}

export interface InstructorDuty {
  instructorId: string;
  name: string;
  contactPoints: ContactPointDuty[];
  duties: Record<DutyKind, PeriodStatus[]>;
  missedVisits: number;
  light: Light;
  /** Why the light is what it is, each with the number it states; red ones first. */
  reasons: DutyReason[];
}

export interface DutyInput {
  instructors: DutyInstructor[];
  contactPoints: ContactPoint[];
  visits: VisitCount[];
  activities: DutyActivityCount[];
  from: string;
  to: string;
  asOf: string;
  settings: OrgLifeSettings;
}

const inForce = (cp: ContactPoint, p: Period) => (!cp.from || cp.from <= p.start) && (!cp.to || cp.to >= p.start);

function sumMonths(index: Map<string, number>, prefix: string, p: Period): number {
  let n = 0;
  for (const m of monthKeysOf(p)) n += index.get(`${prefix}|${m}`) ?? 0;
  return n;
}

export function computeDuties(input: DutyInput): InstructorDuty[] {
  const { settings: s, asOf } = input;
  const ps = (u: PeriodUnit) => periodsBetween(input.from, input.to, u);
  const visitPeriods = ps(s.instructor.visit.period);
  const visitIndex = new Map<string, number>();
  for (const v of input.visits) visitIndex.set(`${v.outletId}|${v.month}`, (visitIndex.get(`${v.outletId}|${v.month}`) ?? 0) + v.n);
  const dutyIndex = new Map<string, number>();
  const rules: Record<DutyKind, DutyRule> = { lecture: s.instructor.lecture, talk: s.instructor.talk, campaign: s.instructor.campaign };
  const kindOf = new Map<string, DutyKind[]>();
  for (const k of DUTY_KINDS) for (const t of rules[k].types) kindOf.set(t, [...(kindOf.get(t) ?? []), k]);
  for (const a of input.activities) {
    for (const k of kindOf.get(a.type) ?? []) {
      const key = `${a.instructorId}|${k}|${a.month}`;
      dutyIndex.set(key, (dutyIndex.get(key) ?? 0) + a.n);
    }
  }
  const cpsOf = new Map<string, ContactPoint[]>();
  for (const cp of input.contactPoints) cpsOf.set(cp.instructorId, [...(cpsOf.get(cp.instructorId) ?? []), cp]);

  return input.instructors.map((ins) => {
    const contactPoints: ContactPointDuty[] = (cpsOf.get(ins.id) ?? []).map((cp) => {
      let run = 0;
      let missedInARow = 0;
      const periods = visitPeriods
        .filter((p) => inForce(cp, p))
        .map((p) => {
          const held = sumMonths(visitIndex, cp.outletId, p);
          const status = obligationStatus(p, held, s.instructor.visit.min, asOf, s);
          run = status === 'missed' ? run + 1 : 0;
          missedInARow = Math.max(missedInARow, run);
          return { key: p.key, start: p.start, end: p.end, held, required: s.instructor.visit.min, status };
        });
      return { outletId: cp.outletId, outletName: cp.outletName, periods, missedInARow };
    });
    const duties = {} as Record<DutyKind, PeriodStatus[]>;
    for (const k of DUTY_KINDS) {
      duties[k] = ps(rules[k].period).map((p) => {
        const held = sumMonths(dutyIndex, `${ins.id}|${k}`, p);
        return { key: p.key, start: p.start, end: p.end, held, required: rules[k].min, status: obligationStatus(p, held, rules[k].min, asOf, s) };
      });
    }
    const { missedVisits, light, reasons } = dutyVerdict({ contactPoints, duties, visitUnit: s.instructor.visit.period });
    return { instructorId: ins.id, name: ins.name, contactPoints, duties, missedVisits, light, reasons };
  });
}

/**
 * The contact points of an outlet from its assignment rows; an instructor set on the outlet form
 * without an open assignment row still owes the visits (the device's compliance loader and HQ's
 * overview both build them here).
 */
export function contactPointsOf(outlets: readonly { id: string; name: string; instructorId: string | null }[], assignments: readonly { outletId: string; instructorId: string; from: string | null; to: string | null }[]): ContactPoint[] {
  const byOutlet = new Map<string, (typeof assignments)[number][]>();
  for (const a of assignments) (byOutlet.get(a.outletId) ?? byOutlet.set(a.outletId, []).get(a.outletId)!).push(a);
  const out: ContactPoint[] = [];
  for (const o of outlets) {
    const list = byOutlet.get(o.id) ?? [];
    for (const a of list) out.push({ instructorId: a.instructorId, outletId: o.id, outletName: o.name, from: a.from, to: a.to });
    if (o.instructorId && !list.some((a) => a.instructorId === o.instructorId && !a.to)) out.push({ instructorId: o.instructorId, outletId: o.id, outletName: o.name, from: null, to: null });
  }
  return out;
}
