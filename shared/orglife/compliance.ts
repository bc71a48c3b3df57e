// Cadence compliance of Party organisations and groups for any period (DOMAIN.md "Meetings"):
// from counts of held activities per month, which obligations each period had and met.
import type { ActivityType } from '../domain/enums.js';
import { monthKeysOf, periodsBetween, type Period } from './periods.js';
import { cadenceRules, holdsCadence, type CadenceRule, type OrgLifeSettings } from './settings.js';
import { LIGHT_OF, obligationStatus, worstLight, type Light, type ObligationStatus } from './status.js';

export interface CadenceOrg {
  id: string;
  name: string;
  orgType: string;
  hasCommittee: boolean;
  groups: { id: string; name: string }[];
}

/** Held activities of one organisation (and group), type and month ('2026-11'). */
export interface HeldCount {
  orgId: string;
  type: string;
  groupId: string | null;
  month: string;
  n: number;
}

export interface PeriodStatus {
  key: string;
  start: string;
  end: string;
  held: number;
  required: number;
  status: ObligationStatus;
}

export interface ComplianceRow {
  orgId: string;
  orgName: string;
  groupId: string | null;
  groupName: string | null;
  type: ActivityType;
  rule: CadenceRule;
  periods: PeriodStatus[];
  /** Periods met / periods started (upcoming ones are not counted). */
  done: number;
  elapsed: number;
  light: Light;
  /** A pairing agreement's joint meetings (shared/orglife/jointMeetings.ts): the agreement it is owed under. */
  pairing?: { id: string; title: string };
}

export interface ComplianceInput {
  orgs: CadenceOrg[];
  held: HeldCount[];
  from: string;
  to: string;
  asOf: string;
  settings: OrgLifeSettings;
}

const countKey = (orgId: string, type: string, groupId: string | null, month: string) => `${orgId}|${type}|${groupId ?? ''}|${month}`;

export function indexHeld(held: HeldCount[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const h of held) {
    // Group meetings count for their group; every type also counts for the organisation as a whole.
    const all = countKey(h.orgId, h.type, null, h.month);
    m.set(all, (m.get(all) ?? 0) + h.n);
    if (h.groupId) {
      const g = countKey(h.orgId, h.type, h.groupId, h.month);
      m.set(g, (m.get(g) ?? 0) + h.n);
    }
  }
  return m;
}

function periodsOf(index: Map<string, number>, orgId: string, type: string, groupId: string | null, periods: Period[], rule: CadenceRule, asOf: string, s: OrgLifeSettings): PeriodStatus[] {
  return periods.map((p) => {
    let held = 0;
    for (const month of monthKeysOf(p)) held += index.get(countKey(orgId, type, groupId, month)) ?? 0;
    return { key: p.key, start: p.start, end: p.end, held, required: rule.min, status: obligationStatus(p, held, rule.min, asOf, s) };
  });
}

function summarise(periods: PeriodStatus[]): Pick<ComplianceRow, 'done' | 'elapsed' | 'light'> {
  const started = periods.filter((p) => p.status !== 'upcoming');
  return {
    done: started.filter((p) => p.status === 'done').length,
    elapsed: started.length,
    light: worstLight(started.map((p) => LIGHT_OF[p.status])),
  };
}

/** One row per (organisation or group, cadence type) that the settings require. */
export function computeCompliance(input: ComplianceInput): ComplianceRow[] {
  const { settings: s, asOf } = input;
  const index = indexHeld(input.held);
  const rules = cadenceRules(s);
  const periodCache = new Map<string, Period[]>();
  const periods = (rule: CadenceRule) => {
    let p = periodCache.get(rule.period);
    if (!p) periodCache.set(rule.period, (p = periodsBetween(input.from, input.to, rule.period)));
    return p;
  };
  const rows: ComplianceRow[] = [];
  for (const org of input.orgs) {
    if (!holdsCadence(s, org.orgType)) continue;
    for (const { type, rule } of rules) {
      if (rule.subject === 'committee' && !org.hasCommittee) continue;
      const subjects = rule.subject === 'group' ? org.groups : [null];
      for (const g of subjects) {
        const ps = periodsOf(index, org.id, type, g?.id ?? null, periods(rule), rule, asOf, s);
        rows.push({ orgId: org.id, orgName: org.name, groupId: g?.id ?? null, groupName: g?.name ?? null, type, rule, periods: ps, ...summarise(ps) });
      }
    }
  }
  return rows;
}

export interface OrgComplianceSummary {
  orgId: string;
  orgName: string;
  light: Light;
  done: number;
  elapsed: number;
  missed: number;
}

export function summariseByOrg(rows: ComplianceRow[]): OrgComplianceSummary[] {
  const by = new Map<string, OrgComplianceSummary & { lights: Light[] }>();
  for (const r of rows) {
    let o = by.get(r.orgId);
    if (!o) by.set(r.orgId, (o = { orgId: r.orgId, orgName: r.orgName, light: 'none', done: 0, elapsed: 0, missed: 0, lights: [] }));
    o.done += r.done;
    o.elapsed += r.elapsed;
    o.missed += r.periods.filter((p) => p.status === 'missed').length;
    o.lights.push(r.light);
  }
  return [...by.values()].map(({ lights, ...o }) => ({ ...o, light: worstLight(lights) }));
}
