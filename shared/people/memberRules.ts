// Member standing computed from the records, not flagged by hand (DOMAIN.md "Members"):
// - at risk of lapse (自行脱党): N consecutive months without organisation life, OR without dues;
// - lost contact (失去联系): N months without organisation life AND without dues — no sign of the
//   member of either kind; without a dues ledger kept here it is not computed (a hand-set flag
//   with its reason still stands on its own);
// - transfer due: outbound at a fixed place for N months;
// - probation extended once by 6–12 months moves the conversion date.
// Months are 'YYYY-MM'; "last month" is the last complete one, as the current month is still open.
import { addMonth, monthRange } from '../dues/rules.js';
import type { DuesSettings } from '../dues/settings.js';
import { addMonths } from './rules.js';

export interface StandingFacts {
  joinDate: string;
  /** Month of the member's last present attendance mark, if any. */
  lastAttendedMonth: string | null;
  /**
   * The month the scope's org-life records begin (its first activity). Months before it are not
   * counted: a store whose registry was imported today has no history yet; null: none recorded.
   */
  recordsFrom: string | null;
  /** Consecutive unpaid months ending last month, or null when dues are not tracked (no base). */
  duesUnpaidRun: number | null;
  mobility: string;
  mobilitySince: string | null;
  lostContactByHand: boolean;
}

export type StandingFlag = 'lapse_risk' | 'lost_contact' | 'transfer_due';

export const STANDING_FLAGS: Record<StandingFlag, { zh: string; en: string }> = {
  lapse_risk: { zh: '有自行脱党风险', en: 'At risk of lapse' },
  lost_contact: { zh: '失去联系', en: 'Lost contact' },
  transfer_due: { zh: '应转组织关系', en: 'Transfer due' },
};

export interface Standing {
  noOrgLifeMonths: number;
  duesUnpaidRun: number | null;
  flags: StandingFlag[];
  /** Whether lost contact comes from the rule (false: only set by hand, or not at all). */
  lostContactComputed: boolean;
}

/** Months after `after` (exclusive) up to `last` (inclusive). */
const gap = (after: string, last: string) => monthRange(addMonth(after, 1), last).length;

export function standingOf(f: StandingFacts, today: string, s: DuesSettings, transferAfterMonths: number): Standing {
  const last = addMonth(today.slice(0, 7), -1);
  const joined = f.joinDate.slice(0, 7);
  const floor = [addMonth(joined, -1), f.recordsFrom ? addMonth(f.recordsFrom, -1) : ''].sort().pop()!;
  const seen = f.lastAttendedMonth && f.lastAttendedMonth > floor ? f.lastAttendedMonth : floor;
  const noOrgLifeMonths = f.recordsFrom === null ? 0 : gap(seen, last);
  const flags: StandingFlag[] = [];
  const duesLapse = f.duesUnpaidRun !== null && f.duesUnpaidRun >= s.lapseMonths;
  if (noOrgLifeMonths >= s.lapseMonths || duesLapse) flags.push('lapse_risk');
  const lostContactComputed = noOrgLifeMonths >= s.lostContactMonths && f.duesUnpaidRun !== null && f.duesUnpaidRun >= s.lostContactMonths;
  if (lostContactComputed || f.lostContactByHand) flags.push('lost_contact');
  if (f.mobility === 'outbound' && f.mobilitySince && addMonths(f.mobilitySince, transferAfterMonths) <= today) flags.push('transfer_due');
  return { noOrgLifeMonths, duesUnpaidRun: f.duesUnpaidRun, flags, lostContactComputed };
}

/** Why a probation extension is refused, or null: once only, by minMonths–maxMonths whole months. */
export function extensionProblem(months: number, alreadyExtended: boolean, s: DuesSettings): 'once' | 'length' | null {
  if (alreadyExtended) return 'once';
  if (!Number.isInteger(months) || months < s.probationExtension.minMonths || months > s.probationExtension.maxMonths) return 'length';
  return null;
}
