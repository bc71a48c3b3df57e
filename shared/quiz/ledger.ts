// The quiz points ledger (apart from member points). Every device only appends: attempts carry the
// points a right answer was worth, a passed run its level bonus, a redemption its price. The daily cap
// is applied here, when the ledger is read, per person and Beijing day over every row known — so two
// devices that each let a person earn the full cap offline meet, once synced, at the cap, and every
// device and HQ compute the same balance from the same rows.
import { beijingDayOf } from '../core/dates.js';

export interface Earning { day: string; points: number; kind: 'answer' | 'level'; ref: string; at: string }
export interface Spending { id: string; status: 'requested' | 'approved' | 'refused'; price: number; at: string; rewardName: string; reason: string | null }

export interface LedgerLine { ref: string; at: string; day: string; kind: 'earned' | 'capped' | 'redeem' | 'held' | 'refund'; points: number; note: string }

export interface Tally {
  /** Earned after the daily cap. */
  earned: number;
  /** Earned beyond the cap, not counted. */
  overCap: number;
  /** Price of requests pending or approved (a refused one is returned). */
  spent: number;
  balance: number;
  /** Pending redemptions the balance does not cover yet: not counted until HQ decides. */
  held: Set<string>;
  byDay: Map<string, { gross: number; counted: number }>;
}

export function tally(earnings: Earning[], spendings: Spending[], dailyCap: number): Tally {
  const byDay = new Map<string, { gross: number; counted: number }>();
  for (const e of earnings) {
    const d = byDay.get(e.day) ?? { gross: 0, counted: 0 };
    d.gross += Math.max(0, e.points);
    byDay.set(e.day, d);
  }
  let earned = 0;
  let overCap = 0;
  for (const d of byDay.values()) {
    d.counted = Math.min(dailyCap, d.gross);
    earned += d.counted;
    overCap += d.gross - d.counted;
  }
  // Approved redemptions always count (HQ approved them against every device's rows). Pending ones
  // count in the order they were made while the balance covers them; one that would take it below
  // zero (two offline devices spent the same points) waits, uncounted, for HQ to refuse it.
  let spent = spendings.filter((s) => s.status === 'approved').reduce((a, s) => a + s.price, 0);
  const held = new Set<string>();
  for (const s of [...spendings].filter((x) => x.status === 'requested').sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    if (earned - spent >= s.price) spent += s.price;
    else held.add(s.id);
  }
  return { earned, overCap, spent, balance: earned - spent, held, byDay };
}

/** What one more earning of `points` on `day` adds after the cap (what the player is told). */
export function gainAfterCap(t: Tally, day: string, points: number, dailyCap: number): number {
  const counted = t.byDay.get(day)?.counted ?? 0;
  return Math.max(0, Math.min(points, dailyCap - counted));
}

/** The ledger as a person reads it, newest first: per day what counted and what the cap cut; each redemption and each refund. */
export function ledgerLines(t: Tally, spendings: Spending[]): LedgerLine[] {
  const out: LedgerLine[] = [];
  for (const [day, d] of t.byDay) {
    out.push({ ref: `${day}:earned`, at: `${day}T23:59:59`, day, kind: 'earned', points: d.counted, note: '' });
    if (d.gross > d.counted) out.push({ ref: `${day}:capped`, at: `${day}T23:59:58`, day, kind: 'capped', points: d.gross - d.counted, note: '' });
  }
  for (const s of spendings) {
    const held = t.held.has(s.id);
    out.push({ ref: `${s.id}:redeem`, at: s.at, day: beijingDayOf(s.at), kind: held ? 'held' : 'redeem', points: held ? 0 : -s.price, note: s.rewardName });
    if (s.status === 'refused') out.push({ ref: `${s.id}:refund`, at: `${s.at}~`, day: beijingDayOf(s.at), kind: 'refund', points: s.price, note: s.reason ?? '' });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
