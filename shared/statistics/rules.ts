// The pure rules of the half-year and year-end statistics: the period's days, how a transfer
// counts for a scope, how an organisation's leadership is classed, and org life against cadence.
import type { ActivityType } from '../domain/enums.js';
import type { ComplianceRow } from '../orglife/compliance.js';
import type { StatPeriod } from './schemas.js';
import type { CountRow, OrgLifeStat, StatisticsFlows } from './types.js';

/** County offices report cumulatively from 1 January: the half-year to 30 June, the year to 31 December. */
export function periodRange(year: number, period: StatPeriod): { from: string; to: string } {
  return { from: `${year}-01-01`, to: period === 'h1' ? `${year}-06-30` : `${year}-12-31` };
}

/** Org life is counted up to today while the period runs; a period not yet begun counts nothing. */
export function asOfFor(range: { from: string; to: string }, today: string): string {
  return today < range.to ? today : range.to;
}

/** 三会一课 first, then 主题党日, 微党课 and the yearly meetings, in the order county forms list them. */
export const ORG_LIFE_TYPES: readonly ActivityType[] = ['general_meeting', 'committee_meeting', 'group_meeting', 'lecture', 'theme_day', 'micro_lecture', 'org_life_meeting', 'review'];
export const THREE_MEETINGS_ONE_LECTURE: ReadonlySet<ActivityType> = new Set(['general_meeting', 'committee_meeting', 'group_meeting', 'lecture']);

export const MEMBER_STATUS_KEYS = ['full_member', 'probationary', 'applicant', 'activist', 'candidate'] as const;

export type Leadership = 'committee' | 'secretaryOnly' | 'noSecretary';

/** A committee is any seat besides the secretary's; otherwise a secretary alone, or none recorded. */
export function leadershipOf(o: { committeeSeats: number; hasSecretary: boolean }): Leadership {
  if (o.committeeSeats > 0) return 'committee';
  return o.hasSecretary ? 'secretaryOnly' : 'noSecretary';
}

export interface BranchMove {
  from: string | null;
  to: string | null;
}

/**
 * A move between branches, seen from a scope: in when it arrives from outside, out when it leaves,
 * within when both ends are inside. A first assignment (no previous branch) is not a transfer.
 */
export function classifyTransfers(moves: BranchMove[], inScope: ReadonlySet<string>): Pick<StatisticsFlows, 'transfersIn' | 'transfersOut' | 'transfersWithin'> {
  let transfersIn = 0;
  let transfersOut = 0;
  let transfersWithin = 0;
  for (const m of moves) {
    if (!m.from || !m.to || m.from === m.to) continue;
    const a = inScope.has(m.from);
    const b = inScope.has(m.to);
    if (a && b) transfersWithin++;
    else if (b) transfersIn++;
    else if (a) transfersOut++;
  }
  return { transfersIn, transfersOut, transfersWithin };
}

/**
 * Obligations due by the as-of day (their period over, or already met) and those met, per type,
 * from the compliance rows: a month still running counts only once its meeting is held.
 */
export function orgLifeStats(rows: ComplianceRow[], held: CountRow[], asOf: string, types: readonly ActivityType[] = ORG_LIFE_TYPES): OrgLifeStat[] {
  const heldOf = new Map(held.map((h) => [h.key, h.n]));
  return types.map((type) => {
    const mine = rows.filter((r) => r.type === type);
    let required = 0;
    let met = 0;
    for (const r of mine) {
      for (const p of r.periods) {
        if (p.end > asOf && p.status !== 'done') continue;
        required++;
        if (p.status === 'done') met++;
      }
    }
    return { type, held: heldOf.get(type) ?? 0, obliged: mine.length, required, met, hasCadence: mine.length > 0 };
  });
}

/** Every key of an enum in its order, with 0 where nothing was counted: county forms print empty rows too. */
export function fillCounts(keys: readonly string[], counts: CountRow[]): CountRow[] {
  const m = new Map(counts.map((c) => [c.key, c.n]));
  return keys.map((key) => ({ key, n: m.get(key) ?? 0 }));
}

export const rateOf = (n: number, d: number): number | null => (d > 0 ? n / d : null);
