// Calendar periods of the cadence rules (month, quarter, half-year, year) on ISO date strings.
// Pure string/UTC arithmetic: a device's time zone never moves a meeting into another month.
export type PeriodUnit = 'month' | 'quarter' | 'half' | 'year';
export const PERIOD_UNITS: PeriodUnit[] = ['month', 'quarter', 'half', 'year'];

export interface Period {
  unit: PeriodUnit;
  /** '2026-11', '2026-Q4', '2026-H2', '2026' */
  key: string;
  start: string;
  end: string;
}

const MONTHS_IN: Record<PeriodUnit, number> = { month: 1, quarter: 3, half: 6, year: 12 };

export const monthsIn = (u: PeriodUnit) => MONTHS_IN[u];

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(iso: string, n: number): string {
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Adds months, clamping the day (01-31 + 1 month = 02-28/29). */
export function addMonths(iso: string, n: number): string {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12 + 1;
  return ymd(yy, mm, Math.min(+iso.slice(8, 10), daysInMonth(yy, mm)));
}

export function daysBetween(from: string, to: string): number {
  const t = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

export function periodOf(date: string, unit: PeriodUnit): Period {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7);
  const span = MONTHS_IN[unit];
  const first = Math.floor((m - 1) / span) * span + 1;
  const last = first + span - 1;
  const index = (first - 1) / span + 1;
  const key =
    unit === 'month' ? `${y}-${String(m).padStart(2, '0')}` : unit === 'quarter' ? `${y}-Q${index}` : unit === 'half' ? `${y}-H${index}` : `${y}`;
  return { unit, key, start: ymd(y, first, 1), end: ymd(y, last, daysInMonth(y, last)) };
}

/** The periods of a unit that overlap [from, to], in order. */
export function periodsBetween(from: string, to: string, unit: PeriodUnit): Period[] {
  const out: Period[] = [];
  for (let p = periodOf(from, unit); p.start <= to; p = periodOf(addDays(p.end, 1), unit)) out.push(p);
  return out;
}

export function previousPeriod(p: Period): Period {
  return periodOf(addDays(p.start, -1), p.unit);
}

const monthKeyCache = new Map<string, string[]>();

/** The month keys ('2026-11') a period spans (memoised: the rules ask for them per row). */
export function monthKeysOf(p: Period): string[] {
  const key = `${p.unit}|${p.key}`;
  let keys = monthKeyCache.get(key);
  if (!keys) {
    keys = periodsBetween(p.start, p.end, 'month').map((m) => m.key);
    if (monthKeyCache.size > 5000) monthKeyCache.clear();
    monthKeyCache.set(key, keys);
  }
  return keys;
}

/** Parses '2026-11', '2026-Q4', '2026-H2' or '2026' back into a period. */
export function parsePeriodKey(key: string): Period | null {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return periodOf(`${m[1]}-${m[2]}-01`, 'month');
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return periodOf(ymd(+m[1]!, (+m[2]! - 1) * 3 + 1, 1), 'quarter');
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return periodOf(ymd(+m[1]!, (+m[2]! - 1) * 6 + 1, 1), 'half');
  m = /^(\d{4})$/.exec(key);
  if (m) return periodOf(ymd(+m[1]!, 1, 1), 'year');
  return null;
}

/** Chinese label of a period: 2026年11月 · 2026年第四季度 · 2026年下半年 · 2026年 */
export function periodLabel(p: Period, lang: 'zh' | 'en' = 'zh'): string {
  const y = p.key.slice(0, 4);
  const n = Number(p.key.slice(6));
  if (lang === 'en') return p.unit === 'month' ? p.key : p.key.replace('-', ' ');
  switch (p.unit) {
    case 'month':
      return `${y}年${Number(p.key.slice(5, 7))}月`;
    case 'quarter':
      return `${y}年第${'一二三四'[n - 1]}季度`;
    case 'half':
      return `${y}年${n === 1 ? '上' : '下'}半年`;
    case 'year':
      return `${y}年`;
  }
}

