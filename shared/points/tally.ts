// The points arithmetic (seed 004 积分管理): quarters, yearly caps, the quarterly tally, grades,
// ranking within a branch, the lowest of the branch, and the yearly score. Pure functions over
// ledger entries, so a published table can be recomputed from the ledger at any time.
import type { PointsItem, PointsSettings } from './settings.js';

export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;
export const QUARTER_RE = /^\d{4}-Q[1-4]$/;

export type Grade = 'excellent' | 'good' | 'pass' | 'poor';
export const GRADES = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  poor: { zh: '较差', en: 'Poor' },
} as const;

export function quarterOf(date: string): Quarter {
  return `${date.slice(0, 4)}-Q${Math.floor((+date.slice(5, 7) - 1) / 3) + 1}` as Quarter;
}

export function nextQuarter(q: string): Quarter {
  const y = +q.slice(0, 4);
  const n = +q.slice(6);
  return (n === 4 ? `${y + 1}-Q1` : `${y}-Q${n + 1}`) as Quarter;
}

export function quarterStart(q: string): string {
  return `${q.slice(0, 4)}-${String((+q.slice(6) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function quarterEnd(q: string): string {
  const m = +q.slice(6) * 3;
  const last = new Date(Date.UTC(+q.slice(0, 4), m, 0)).getUTCDate();
  return `${q.slice(0, 4)}-${String(m).padStart(2, '0')}-${last}`;
}

export const quartersOfYear = (year: number): Quarter[] => [1, 2, 3, 4].map((n) => `${year}-Q${n}` as Quarter);

export interface LedgerEntry {
  id: string;
  personId: string;
  quarter: string;
  occurredOn: string;
  itemKey: string;
  points: number;
  createdAt: string;
}

/** Per person, per item: points already counted towards the yearly cap. */
export type CapUse = Record<string, Record<string, number>>;

/** Caps apply across the year's quarters in date order: quarter, then the day of the deed, then entry time. */
export function ledgerOrder(a: LedgerEntry, b: LedgerEntry): number {
  return a.quarter.localeCompare(b.quarter) || a.occurredOn.localeCompare(b.occurredOn) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/**
 * The points each entry counts for, given what earlier quarters already used of each cap
 * (`used`, updated in place). Positive points stop counting once an item's yearly cap is reached;
 * deductions and items without a cap always count in full.
 */
export function countedPoints(entries: readonly LedgerEntry[], items: readonly PointsItem[], used: CapUse): Map<string, number> {
  const caps = new Map(items.map((i) => [i.key, i.cap]));
  const out = new Map<string, number>();
  for (const e of [...entries].sort(ledgerOrder)) {
    const cap = caps.get(e.itemKey);
    if (e.points <= 0 || cap === null || cap === undefined) {
      out.set(e.id, e.points);
      continue;
    }
    const mine = (used[e.personId] ??= {});
    const before = mine[e.itemKey] ?? 0;
    const counted = Math.max(0, Math.min(e.points, cap - before));
    mine[e.itemKey] = before + counted;
    out.set(e.id, counted);
  }
  return out;
}

export function gradeOf(score: number, g: PointsSettings['grades']): Grade {
  if (score >= g.excellent) return 'excellent';
  if (score >= g.good) return 'good';
  if (score >= g.pass) return 'pass';
  return 'poor';
}

export interface ScoredMember {
  personId: string;
  name: string;
  probationary: boolean;
}

export interface TallyRow extends ScoredMember {
  base: number;
  earned: number;
  deducted: number;
  /** Points written in the ledger but not counted because a yearly cap was reached. */
  overCap: number;
  total: number;
  grade: Grade;
  rank: number;
  lowest: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Competition ranking by score (1, 2, 2, 4), then the lowest: listed grades or the bottom share (ties included). */
export function rankRows<T extends { total: number; grade: Grade }>(rows: T[], lowest: PointsSettings['lowest']): (T & { rank: number; lowest: boolean })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  const n = sorted.length;
  const bottom = lowest.bottomShare > 0 ? Math.ceil(n * lowest.bottomShare) : 0;
  const bar = bottom > 0 ? sorted[n - bottom]!.total : -Infinity;
  return sorted.map((r) => ({
    ...r,
    rank: sorted.findIndex((x) => x.total === r.total) + 1,
    lowest: lowest.grades.includes(r.grade) || r.total <= bar,
  }));
}

/**
 * One branch's quarter: base + capped sum per member, graded and ranked. `used` is the cap use of
 * the year's earlier quarters (updated in place, so quarters tallied in order carry it on).
 */
export function tallyQuarter(members: readonly ScoredMember[], entries: readonly LedgerEntry[], s: Pick<PointsSettings, 'items' | 'base' | 'grades' | 'lowest'>, used: CapUse): TallyRow[] {
  const counted = countedPoints(entries, s.items, used);
  const rows = members.map((m) => {
    let earned = 0;
    let deducted = 0;
    let overCap = 0;
    for (const e of entries) {
      if (e.personId !== m.personId) continue;
      const c = counted.get(e.id) ?? 0;
      if (c < 0) deducted += -c;
      else earned += c;
      overCap += e.points - c;
    }
    const total = round1(s.base + earned - deducted);
    return { ...m, base: s.base, earned: round1(earned), deducted: round1(deducted), overCap: round1(overCap), total, grade: gradeOf(total, s.grades) };
  });
  return rankRows(rows, s.lowest);
}

/** Yearly score: the mean of the quarters given (those the member was scored in), graded like a quarter. */
export function yearlyScore(quarterTotals: readonly number[], g: PointsSettings['grades']): { score: number; grade: Grade } | null {
  if (!quarterTotals.length) return null;
  const score = round1(quarterTotals.reduce((a, b) => a + b, 0) / quarterTotals.length);
  return { score, grade: gradeOf(score, g) };
}
