// One outlet's dual-track numbers (双轨考核), pure: its four party values from what was read of the
// records (members' attendance marks and points, task-force activities at the outlet, its
// instructor's missed visits), and its composite from the party and business values. The device's
// scorecard (db/assessment/scorecard.ts, partyFacts.ts) and HQ's province overview
// (hq/console/dualTrack.ts) both score an outlet here, so one set of records gives one number.
import { BUSINESS_KEYS, DUAL_KEYS, PARTY_KEYS, composite, type BusinessKey, type ChannelType, type DualKey, type DualTrackSettings, type PartyKey } from './dualTrack.js';
import { dutyVerdict } from '../orglife/dutyVerdict.js';
import type { ContactPointDuty } from '../orglife/duties.js';
import type { PeriodUnit } from '../orglife/periods.js';

export interface PartyValue { raw: number | null; zh: string; en: string }
export type PartyValues = Record<PartyKey, PartyValue>;
export interface Marks { present: number; absent: number }
export interface Missed { raw: number; who: string }

export const round1 = (x: number) => Math.round(x * 10) / 10;

/** Per contact point, the visits its instructor missed in the period (points whose verdict has begun). */
export function missedVisits(duties: readonly { name: string; contactPoints: ContactPointDuty[] }[], visitUnit: PeriodUnit): Map<string, Missed> {
  const missed = new Map<string, Missed>();
  const none = { lecture: [], talk: [], campaign: [] };
  for (const d of duties) {
    for (const cp of d.contactPoints) {
      const v = dutyVerdict({ contactPoints: [cp], duties: none, visitUnit });
      if (v.light !== 'none') missed.set(cp.outletId, { raw: v.missedVisits, who: d.name });
    }
  }
  return missed;
}

export interface PartyInput {
  outlets: readonly { id: string; covered: boolean; orgName: string | null }[];
  /** Members in good standing, with the outlet of their person record. */
  members: readonly { personId: string; outletId: string | null }[];
  /** Present and absent marks per person at activities held in the period up to the day (excused left out). */
  attendance: Map<string, Marks>;
  /** Points per person on the period's ledger. */
  points: Map<string, number>;
  /** Task-force activities held at each outlet in the period up to the day. */
  taskForces: Map<string, number>;
  missed: Map<string, Missed>;
  taskForcePoints: number;
}

/** The four party values of every outlet, each with where its number came from. */
export function partyValuesOf(p: PartyInput): Map<string, PartyValues> {
  const byOutlet = new Map<string, string[]>();
  for (const m of p.members) if (m.outletId) (byOutlet.get(m.outletId) ?? byOutlet.set(m.outletId, []).get(m.outletId)!).push(m.personId);
  const out = new Map<string, PartyValues>();
  for (const o of p.outlets) {
    const ms = byOutlet.get(o.id) ?? [];
    const org_coverage: PartyValue = o.covered
      ? { raw: 1, zh: `由“${o.orgName ?? ''}”覆盖`, en: `Covered by "${o.orgName ?? ''}"` }
      : { raw: 0, zh: '无党组织覆盖', en: 'No covering organisation' };
    let org_life: PartyValue = { raw: null, zh: '网点无党员，不适用', en: 'No members at the outlet: not applicable' };
    let vanguard: PartyValue = org_life;
    if (ms.length) {
      const c = ms.reduce((n, id) => { const x = p.attendance.get(id); return x ? { present: n.present + x.present, absent: n.absent + x.absent } : n; }, { present: 0, absent: 0 });
      const expected = c.present + c.absent;
      org_life = expected
        ? { raw: c.present / expected, zh: `${ms.length} 名党员本期出席 ${c.present}/${expected} 人次（请假不计）`, en: `${ms.length} members present ${c.present} of ${expected} times (excused left out)` }
        : { raw: 0, zh: `${ms.length} 名党员本期无组织生活出勤记录`, en: `No organisational-life attendance for the ${ms.length} members this period` };
      const total = ms.reduce((n, id) => n + (p.points.get(id) ?? 0), 0);
      const n = p.taskForces.get(o.id) ?? 0;
      vanguard = {
        raw: round1(total / ms.length + n * p.taskForcePoints),
        zh: `积分台账 ${total} 分 / ${ms.length} 名党员 + 突击队活动 ${n} 次 × ${p.taskForcePoints}`,
        en: `Points ledger ${total} / ${ms.length} members + ${n} task-force activities × ${p.taskForcePoints}`,
      };
    }
    const m = p.missed.get(o.id);
    const instructor_duty: PartyValue = m
      ? { raw: m.raw, zh: `指导员${m.who}本期漏访 ${m.raw} 次`, en: `Instructor ${m.who} missed ${m.raw} visits this period` }
      : { raw: null, zh: '非党建联系点，不适用', en: 'Not a contact point: not applicable' };
    out.set(o.id, { org_coverage, org_life, vanguard, instructor_duty });
  }
  return out;
}

export type BusinessValues = Partial<Record<BusinessKey, number | null>>;

/** All four business figures of the period are in: only then does the board light an outlet's composite. */
export const businessComplete = (b: BusinessValues): boolean => BUSINESS_KEYS.every((k) => (b[k] ?? null) !== null);

/** An outlet's composite (rounded to one decimal as shown) under its channel type's weights (unset: an own store). */
export function outletComposite(dt: DualTrackSettings, channelType: ChannelType | null, party: PartyValues, business: BusinessValues) {
  const raws: Partial<Record<DualKey, number | null>> = {};
  for (const k of PARTY_KEYS) raws[k] = party[k].raw;
  for (const k of BUSINESS_KEYS) raws[k] = business[k] ?? null;
  const c = composite(dt.weights[channelType ?? 'own_store'], dt.scoring, raws);
  return { ...c, value: c.composite === null ? null : round1(c.composite), missing: DUAL_KEYS.filter((k) => raws[k] === null) };
}
