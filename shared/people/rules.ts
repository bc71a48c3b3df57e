// The registry's rules from DOMAIN.md as pure functions. Every number is a default an organiser can
// change in settings (key `registry.rules`), never a constant buried in a query. The coverage,
// contact and conversion bands are the warning board's (`assessment.thresholds`, set on the 考核参数
// screen): one source, so the registry's coverage page and the board can never disagree.
import { assessmentSettings, THRESHOLD_DEFAULTS, type Thresholds } from '../assessment/thresholds.js';

export interface RegistryRules {
  /** A unit with at least this many full members forms its own branch. */
  branchMinFull: number;
  /** A branch with at least this many full members needs a committee … */
  committeeMinFull: number;
  /** … of this many people (secretary included). */
  committeeMin: number;
  committeeMax: number;
  /** A branch normally has at most this many members. */
  branchMaxMembers: number;
  /** A joint branch normally covers at most this many units. */
  jointMaxUnits: number;
  probationYears: number;
  activistYears: number;
  /** Members covered by an organisation: green at or above, red below yellow (from `assessment.thresholds`). */
  coverageGreen: number;
  coverageYellow: number;
  /** Outlets with Party contact last quarter. */
  contactGreen: number;
  contactYellow: number;
  /** Conversion overdue by up to this many days is yellow, beyond it red (the board's probation_overdue red start − 1). */
  conversionYellowDays: number;
  /** Away this many months at a fixed place: the membership relation should move. */
  transferAfterMonths: number;
}

export const DEFAULT_RULES: RegistryRules = {
  branchMinFull: 3,
  committeeMinFull: 7,
  committeeMin: 3,
  committeeMax: 5,
  branchMaxMembers: 50,
  jointMaxUnits: 5,
  probationYears: 1,
  activistYears: 1,
  ...fromThresholds(THRESHOLD_DEFAULTS),
  transferAfterMonths: 6,
};

/** The rules' names for the board's bands. */
function fromThresholds(t: Thresholds): Pick<RegistryRules, (typeof FROM_THRESHOLDS)[number]> {
  return {
    coverageGreen: t.coverage.green, coverageYellow: t.coverage.yellow, contactGreen: t.contact.green, contactYellow: t.contact.yellow,
    conversionYellowDays: t.probation_overdue.redFrom - 1,
  };
}

/** Read from `assessment.thresholds` only: the same keys in `registry.rules` are ignored. */
export const FROM_THRESHOLDS = ['coverageGreen', 'coverageYellow', 'contactGreen', 'contactYellow', 'conversionYellowDays'] as const;
const fromBoard = new Set<string>(FROM_THRESHOLDS);

/** Defaults overridden by whatever valid numbers the `registry.rules` setting holds; bands from the board's thresholds. */
export function rulesFrom(settings: Record<string, unknown>): RegistryRules {
  const over = settings['registry.rules'];
  const out = { ...DEFAULT_RULES };
  if (over && typeof over === 'object') {
    for (const [k, v] of Object.entries(over)) {
      if (k in out && !fromBoard.has(k) && typeof v === 'number' && Number.isFinite(v) && v >= 0) (out as Record<string, number>)[k] = v;
    }
  }
  return { ...out, ...fromThresholds(assessmentSettings(settings).thresholds) };
}

export type Band = 'green' | 'yellow' | 'red';

export function band(ratio: number | null, green: number, yellow: number): Band | null {
  if (ratio === null) return null;
  return ratio >= green ? 'green' : ratio >= yellow ? 'yellow' : 'red';
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const whole = Math.trunc(years);
  const months = Math.round((years - whole) * 12);
  const dt = new Date(Date.UTC(y + whole, m - 1 + months, d));
  // 29 February plus a year is 28 February, not 1 March.
  if (dt.getUTCDate() !== d) dt.setUTCDate(0);
  return dt.toISOString().slice(0, 10);
}

export function addMonths(iso: string, months: number): string {
  return addYears(iso, months / 12);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso + 'T00:00:00Z') - Date.parse(fromIso + 'T00:00:00Z')) / 86_400_000);
}

export interface RecruitDates {
  stage: string;
  appliedOn: string | null;
  activistOn: string | null;
  candidateOn: string | null;
  probationaryOn: string | null;
}

export type DueState = 'waiting' | 'due' | 'overdue';

export interface NextStep {
  /** The stage that comes next. */
  next: 'activist' | 'candidate' | 'probationary' | 'full';
  /** The earliest day the step may be taken (conversion: the day it falls due). */
  dueOn: string | null;
  state: DueState;
  /** Days past due (conversion only; other steps have no deadline). */
  overdueDays: number;
  band: Band | null;
}

/**
 * What is due next for someone in the pipeline: an activist may become a candidate after
 * cultivation of at least a year; a probationary member's conversion falls due a year after
 * admission (yellow up to 30 days late, then red).
 */
export function nextStep(r: RecruitDates, today: string, rules: RegistryRules = DEFAULT_RULES): NextStep | null {
  switch (r.stage) {
    case 'applicant':
      return { next: 'activist', dueOn: r.appliedOn, state: r.appliedOn ? 'due' : 'waiting', overdueDays: 0, band: null };
    case 'activist': {
      const due = r.activistOn ? addYears(r.activistOn, rules.activistYears) : null;
      return { next: 'candidate', dueOn: due, state: due && due <= today ? 'due' : 'waiting', overdueDays: 0, band: null };
    }
    case 'candidate':
      return { next: 'probationary', dueOn: r.candidateOn, state: 'due', overdueDays: 0, band: null };
    case 'probationary': {
      if (!r.probationaryOn) return { next: 'full', dueOn: null, state: 'waiting', overdueDays: 0, band: null };
      const due = addYears(r.probationaryOn, rules.probationYears);
      const late = daysBetween(due, today);
      if (late < 0) return { next: 'full', dueOn: due, state: 'waiting', overdueDays: 0, band: 'green' };
      if (late === 0) return { next: 'full', dueOn: due, state: 'due', overdueDays: 0, band: 'green' };
      return { next: 'full', dueOn: due, state: 'overdue', overdueDays: late, band: late <= rules.conversionYellowDays ? 'yellow' : 'red' };
    }
    default:
      return null;
  }
}

/** Why a requested stage change is not allowed yet (a RULE_MESSAGES key), or null when it is. */
export function stepProblem(r: RecruitDates, to: string, on: string, rules: RegistryRules = DEFAULT_RULES): string | null {
  const order = ['applicant', 'activist', 'candidate', 'probationary', 'full'];
  if (to === 'cancelled') return r.stage === 'full' || r.stage === 'cancelled' ? 'recruit.closed' : null;
  if (order.indexOf(to) !== order.indexOf(r.stage) + 1) return 'recruit.order';
  if (to === 'candidate' && (!r.activistOn || on < addYears(r.activistOn, rules.activistYears))) return 'recruit.activist_year';
  if (to === 'full' && (!r.probationaryOn || on < addYears(r.probationaryOn, rules.probationYears))) return 'recruit.probation_year';
  const prev = [r.appliedOn, r.activistOn, r.candidateOn, r.probationaryOn][order.indexOf(to) - 1];
  if (prev && on < prev) return 'recruit.date_order';
  return null;
}

export type BreachKind = 'needs_branch' | 'needs_committee' | 'branch_too_large' | 'joint_too_wide' | 'term_expired';

export const BREACH_KINDS: Record<BreachKind, { zh: string; en: string }> = {
  needs_branch: { zh: '正式党员≥3人未单独建支部', en: '3+ full members without their own branch' },
  needs_committee: { zh: '正式党员≥7人未设支委会', en: '7+ full members without a committee' },
  branch_too_large: { zh: '支部党员超过50人', en: 'Branch over 50 members' },
  joint_too_wide: { zh: '联合支部覆盖超过5个单位', en: 'Joint branch covering over 5 units' },
  term_expired: { zh: '班子任期已届满', en: 'Term expired' },
};

export interface OrgFacts {
  orgType: string;
  fullMembers: number;
  members: number;
  committeeSize: number;
  outletCount: number;
  termEnd: string | null;
}

/** The structure rules an organisation breaks today. */
export function orgBreaches(o: OrgFacts, today: string, rules: RegistryRules = DEFAULT_RULES): BreachKind[] {
  const out: BreachKind[] = [];
  const isBranch = o.orgType === 'branch' || o.orgType === 'joint_branch' || o.orgType === 'temp_branch';
  if (isBranch && o.fullMembers >= rules.committeeMinFull && o.committeeSize < rules.committeeMin) out.push('needs_committee');
  if (isBranch && o.members > rules.branchMaxMembers) out.push('branch_too_large');
  if (o.orgType === 'joint_branch' && o.outletCount > rules.jointMaxUnits) out.push('joint_too_wide');
  if (o.termEnd && o.termEnd < today) out.push('term_expired');
  return out;
}

/** A unit (outlet) with enough full members for its own branch but none that covers it alone. */
export function needsOwnBranch(fullMembers: number, coveredAlone: boolean, rules: RegistryRules = DEFAULT_RULES): boolean {
  return fullMembers >= rules.branchMinFull && !coveredAlone;
}
