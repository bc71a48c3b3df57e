// The dues rules (党费, DOMAIN.md "Members") as pure functions over integer fen, so a band edge is
// exact: 3000.00 yuan pays 0.5%, 3000.01 pays 1%. Months are 'YYYY-MM' keys.
import type { DuesSettings, RateBand } from './settings.js';

export const DUES_CATEGORIES = {
  wage: { zh: '工资收入', en: 'Wage', kind: 'wage' },
  business_income: { zh: '经营收入', en: 'Business income', kind: 'wage' },
  pension: { zh: '离退休费', en: 'Pension', kind: 'pension' },
  farmer: { zh: '农民（定额）', en: 'Farmer (flat)', kind: 'flat' },
  student: { zh: '学生（定额）', en: 'Student (flat)', kind: 'flat' },
  unemployed: { zh: '无固定收入（定额）', en: 'No fixed income (flat)', kind: 'flat' },
} as const;
export type DuesCategory = keyof typeof DUES_CATEGORIES;
export const DUES_CATEGORY_KEYS = Object.keys(DUES_CATEGORIES) as [DuesCategory, ...DuesCategory[]];

export const PAY_METHODS = {
  cash: { zh: '现金', en: 'Cash' },
  transfer: { zh: '转账', en: 'Bank transfer' },
  wechat: { zh: '微信', en: 'WeChat' },
  alipay: { zh: '支付宝', en: 'Alipay' },
  payroll: { zh: '工资代扣', en: 'Payroll deduction' },
} as const;
export type PayMethod = keyof typeof PAY_METHODS;

export const toFen = (yuan: number): number => Math.round(yuan * 100);
export const yuanText = (fen: number): string => (fen / 100).toFixed(2);

/** The rate of the first band whose ceiling the base does not exceed. */
export function rateFor(bands: RateBand[], baseFen: number): number {
  for (const b of bands) if (b.upTo === null || baseFen <= toFen(b.upTo)) return b.rate;
  return bands[bands.length - 1]!.rate;
}

export interface Base { fromMonth: string; category: DuesCategory; baseFen: number | null }

/** The monthly amount for a base, in fen (rounded to the fen; a flat category ignores the base). */
export function monthlyDue(b: Pick<Base, 'category' | 'baseFen'>, s: DuesSettings): number {
  const kind = DUES_CATEGORIES[b.category].kind;
  if (kind === 'flat') return toFen(s.flat[b.category as keyof DuesSettings['flat']]);
  const base = b.baseFen ?? 0;
  return Math.round(base * rateFor(kind === 'pension' ? s.pensionBands : s.wageBands, base));
}

export function addMonth(month: string, n: number): string {
  const i = +month.slice(0, 4) * 12 + (+month.slice(5, 7) - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Months from a to b, both included (empty when a is after b). */
export function monthRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let m = a; m <= b; m = addMonth(m, 1)) out.push(m);
  return out;
}

/** The base in force in a month: the latest one starting on or before it (the earliest before any). */
export function baseIn(bases: Base[], month: string): Base | null {
  const sorted = [...bases].sort((x, y) => x.fromMonth.localeCompare(y.fromMonth));
  let hit: Base | null = sorted[0] ?? null;
  for (const b of sorted) if (b.fromMonth <= month) hit = b;
  return hit;
}

/** The first month dues are owed: admission for a probationary member, else the first base's month, never before joining. */
export function duesStart(joinDate: string, probationary: boolean, bases: Base[]): string | null {
  if (!bases.length) return null;
  const join = joinDate.slice(0, 7);
  if (probationary) return join;
  const first = bases.reduce((a, b) => (b.fromMonth < a ? b.fromMonth : a), bases[0]!.fromMonth);
  return first > join ? first : join;
}

/** Why a payment for `month` is refused today, or null when it may be recorded. */
export function paymentWindowProblem(month: string, thisMonth: string, start: string | null, s: DuesSettings): 'no_base' | 'before_start' | 'too_old' | 'too_early' | null {
  if (!start) return 'no_base';
  if (month < start) return 'before_start';
  if (month < addMonth(thisMonth, -s.backPayMonths)) return 'too_old';
  if (month > addMonth(thisMonth, s.advanceMonths)) return 'too_early';
  return null;
}

export interface DuesStatus {
  start: string | null;
  /** Past months unpaid that may still be paid (within the back-pay window). */
  owedMonths: string[];
  /** Past months unpaid beyond the back-pay window. */
  lapsedMonths: number;
  /** Whether the current month is paid. */
  thisMonthPaid: boolean;
  /** Consecutive unpaid months ending with last month (for the lapse rule). */
  unpaidRun: number;
  /** What the collectible arrears come to, in fen. */
  owedFen: number;
}

/** Consecutive unpaid months ending with last month, none before `start` (the lapse rule's count). */
export function unpaidRunOf(start: string, paid: ReadonlySet<string>, thisMonth: string): number {
  let run = 0;
  for (let m = addMonth(thisMonth, -1); m >= start && !paid.has(m); m = addMonth(m, -1)) run++;
  return run;
}

export function duesStatus(start: string | null, bases: Base[], paid: Set<string>, thisMonth: string, s: DuesSettings): DuesStatus {
  if (!start) return { start, owedMonths: [], lapsedMonths: 0, thisMonthPaid: false, unpaidRun: 0, owedFen: 0 };
  const last = addMonth(thisMonth, -1);
  const past = monthRange(start, last).filter((m) => !paid.has(m));
  const oldest = addMonth(thisMonth, -s.backPayMonths);
  const owedMonths = past.filter((m) => m >= oldest);
  const unpaidRun = unpaidRunOf(start, paid, thisMonth);
  const owedFen = owedMonths.reduce((n, m) => n + monthlyDue(baseIn(bases, m)!, s), 0);
  return { start, owedMonths, lapsedMonths: past.length - owedMonths.length, thisMonthPaid: paid.has(thisMonth), unpaidRun, owedFen };
}
