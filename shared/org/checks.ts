// Organisation rules computed (DOMAIN.md "Organisation"): a branch with ≥ 7 full members needs a
// committee of 3–5, below 7 a secretary only; a term lasts 3 years (reference data `org.term`) with a
// reminder 3 months before it ends; a member may belong to one branch only — two live member rows in
// different branches (two devices each adding the member offline, then a sync) are flagged.
import { addMonths, addYears, DEFAULT_RULES, type RegistryRules } from '../people/rules.js';

export interface TermSettings { years: number; remindMonths: number }
export const TERM_DEFAULTS: TermSettings = { years: 3, remindMonths: 3 };

export function termSettings(raw: Record<string, unknown> = {}): TermSettings {
  const v = raw['org.term'];
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  const num = (x: unknown, lo: number, hi: number, d: number) => (typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi ? x : d);
  return { years: num(o.years, 1, 10, TERM_DEFAULTS.years), remindMonths: num(o.remindMonths, 0, 24, TERM_DEFAULTS.remindMonths) };
}

export type OrgIssue = 'committee_needed' | 'committee_too_large' | 'secretary_only' | 'no_secretary' | 'term_ending' | 'term_expired';

export const ORG_ISSUES: Record<OrgIssue, { zh: string; en: string }> = {
  committee_needed: { zh: '正式党员≥7人，应设3至5人的支部委员会', en: '7+ full members: a committee of 3–5 is required' },
  committee_too_large: { zh: '支部委员会超过5人', en: 'Committee larger than 5' },
  secretary_only: { zh: '正式党员不足7人，只设书记（不设支委会）', en: 'Under 7 full members: a secretary only, no committee' },
  no_secretary: { zh: '未设支部书记', en: 'No secretary' },
  term_ending: { zh: '任期即将届满，请准备换届', en: 'Term ends soon: prepare the election' },
  term_expired: { zh: '任期已届满，应及时换届', en: 'Term over: an election is due' },
};

export interface OrgFactsForCheck {
  orgType: string;
  fullMembers: number;
  /** Committee members recorded, the secretary included. */
  committeeSize: number;
  hasSecretary: boolean;
  termStart: string | null;
  termEnd: string | null;
}

/** The term's end: as recorded, else start + the term length. */
export function termEndOf(o: Pick<OrgFactsForCheck, 'termStart' | 'termEnd'>, t: TermSettings): string | null {
  return o.termEnd ?? (o.termStart ? addYears(o.termStart, t.years) : null);
}

const BRANCHES = new Set(['branch', 'joint_branch', 'temp_branch']);

export function orgIssues(o: OrgFactsForCheck, today: string, t: TermSettings = TERM_DEFAULTS, rules: RegistryRules = DEFAULT_RULES): OrgIssue[] {
  const out: OrgIssue[] = [];
  if (BRANCHES.has(o.orgType)) {
    if (o.fullMembers >= rules.committeeMinFull) {
      if (o.committeeSize < rules.committeeMin) out.push('committee_needed');
      if (o.committeeSize > rules.committeeMax) out.push('committee_too_large');
    } else if (o.committeeSize > 1) out.push('secretary_only');
    if (!o.hasSecretary) out.push('no_secretary');
  }
  const end = termEndOf(o, t);
  if (end && end < today) out.push('term_expired');
  else if (end && addMonths(today, t.remindMonths) >= end) out.push('term_ending');
  return out;
}
