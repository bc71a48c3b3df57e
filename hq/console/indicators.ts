// The board's indicators for one unit (county, city or the province) from HQ's copy, with the shared
// rules the device's board uses: ratios from shared/assessment/aggregate.ts under ratioLight, counts
// under countLight, organisation-life cadence from shared/orglife/compliance.ts. Data quality is not
// here: its checks need citizen ids, which HQ holds masked (shared/sync/privacy.ts).
import { attendanceRatio, compositeSummary, contactRatio, coverageRatio, daysOverdue, monthsWithoutOrgLife, type OutletTally } from '../../shared/assessment/aggregate.js';
import { countLight, ratioLight } from '../../shared/assessment/lights.js';
import type { AssessmentSettings } from '../../shared/assessment/thresholds.js';
import type { UnitIndicators } from '../../shared/console/types.js';
import { computeCompliance } from '../../shared/orglife/compliance.js';
import { conversionDueOn } from '../../shared/orglife/due.js';
import { periodOf, type Period } from '../../shared/orglife/periods.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import { LIGHT_OF, worstLight, type Light } from '../../shared/orglife/status.js';
import { cadenceInput, type BoardFacts } from './boardFacts.js';
import type { OrgMilestones, OrgStanding } from './totalsWork.js';

/** What a unit's figures are made of, so a city's and the province's are computed from their counties' parts, not averaged. */
export interface UnitParts {
  tallies: OutletTally[];
  marks: { present: number; absent: number }[];
  /** Months without organisation life of each member. */
  gaps: number[];
  /** Days overdue of each conversion past its date, and of each open item past its due date. */
  conversions: number[];
  items: number[];
  /** Per organisation with cadence duties: its worst light this month and this quarter. */
  monthly: Light[];
  quarterly: Light[];
  /** Per organisation with milestone nodes this year, and per branch the standing rules judge (hq/console/totalsWork.ts). */
  milestones: OrgMilestones[];
  standing: OrgStanding[];
  /** The dual-track composite (0–100) of each outlet scored this quarter (hq/console/dualTrack.ts). */
  dualTrack: number[];
}

export const emptyParts = (): UnitParts => ({ tallies: [], marks: [], gaps: [], conversions: [], items: [], monthly: [], quarterly: [], milestones: [], standing: [], dualTrack: [] });

export function mergeParts(all: UnitParts[]): UnitParts {
  const out = emptyParts();
  for (const p of all) for (const k of Object.keys(out) as (keyof UnitParts)[]) (out[k] as unknown[]).push(...p[k]);
  return out;
}

/** One county's parts: its organisations (ids) and its rows, judged on `asOf` within `month`. */
export function countyParts(f: BoardFacts, c: { orgIds: Set<string>; tallies: OutletTally[]; itemScopes: (path: string) => boolean; work: Pick<UnitParts, 'milestones' | 'standing' | 'dualTrack'> }, o: OrgLifeSettings, month: Period, asOf: string): UnitParts {
  const members = [...c.orgIds].flatMap((id) => f.membersByOrg.get(id) ?? []);
  const marks = [...c.orgIds].map((id) => f.monthMarks.get(id)).filter((x): x is { present: number; absent: number } => !!x);
  const conversions = members.filter((m) => f.probationary.has(m.personId)).map((m) => conversionDueOn(m.joinDate, o)).filter((due) => due <= asOf).map((due) => daysOverdue(due, asOf));
  const quarter = periodOf(month.start, 'quarter');
  const span = { start: periodOf(quarter.start, 'year').start, end: periodOf(month.end, 'year').end };
  const input = cadenceInput(f, c.orgIds, o.cadenceOrgTypes, Object.keys(o.cadence), span);
  const rows = computeCompliance({ ...input, from: quarter.start, to: month.end, asOf, settings: o });
  const cadence = (unit: 'month' | 'quarter', key: string): Light[] => {
    const byOrg = new Map<string, Light[]>();
    for (const r of rows) {
      const p = r.rule.period === unit ? r.periods.find((x) => x.key === key) : undefined;
      if (p) (byOrg.get(r.orgId) ?? byOrg.set(r.orgId, []).get(r.orgId)!).push(LIGHT_OF[p.status] === 'none' ? 'green' : LIGHT_OF[p.status]);
    }
    return [...byOrg.values()].map(worstLight);
  };
  return {
    tallies: c.tallies, marks,
    gaps: members.map((m) => monthsWithoutOrgLife({ joinDate: m.joinDate, lastOn: f.lastPresent.get(m.personId) ?? null }, asOf, f.firstHeld)),
    conversions, items: f.items.filter((i) => c.itemScopes(i.scopePath)).map((i) => daysOverdue(i.dueOn, asOf)),
    monthly: cadence('month', month.key), quarterly: cadence('quarter', quarter.key), ...c.work,
  };
}

/** The figures and lights of a unit from its parts, under its own thresholds. */
export function indicatorsOf(p: UnitParts, a: AssessmentSettings): UnitIndicators {
  const t = a.thresholds;
  const coverage = coverageRatio(p.tallies);
  const contact = contactRatio(p.tallies);
  const attendance = attendanceRatio(p.marks);
  const worst = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), 0);
  const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);
  const behind = (ls: Light[]) => ls.filter((l) => l === 'yellow' || l === 'red').length;
  const dual = compositeSummary(p.dualTrack, t.dual_track);
  return {
    coverage, contact, attendance,
    membersWithoutOrgLife: p.gaps.filter((g) => g >= t.member_gap.yellowFrom).length,
    conversionsOverdue: p.conversions.filter((d) => d >= t.probation_overdue.yellowFrom).length,
    itemsOverdue: p.items.length,
    orgsWithCadence: p.monthly.length, monthlyBehind: behind(p.monthly), quarterlyBehind: behind(p.quarterly),
    orgsWithMilestones: p.milestones.length, nodesMissed: sum(p.milestones.map((m) => m.missed)), nodesLate: sum(p.milestones.map((m) => m.late)),
    branchesJudged: p.standing.length, membersLapseRisk: sum(p.standing.map((s) => s.lapse)), membersLostContact: sum(p.standing.map((s) => s.lost)), transfersDue: sum(p.standing.map((s) => s.transfer)),
    dualTrack: dual.mean, outletsScored: dual.scored, outletsRed: dual.red,
    lights: {
      coverage: ratioLight(coverage, t.coverage), contact: ratioLight(contact, t.contact), attendance: ratioLight(attendance, t.attendance),
      member_gap: p.gaps.length ? countLight(worst(p.gaps), t.member_gap) : 'none',
      probation_overdue: p.conversions.length ? countLight(worst(p.conversions), t.probation_overdue) : 'none',
      rectification_overdue: countLight(worst(p.items), t.rectification_overdue),
      meetings_monthly: worstLight(p.monthly), meetings_quarterly: worstLight(p.quarterly),
      milestones: worstLight(p.milestones.map((m) => m.light)), member_standing: worstLight(p.standing.map((s) => s.light)), dual_track: dual.light,
    },
  };
}
