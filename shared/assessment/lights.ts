// Which colour a value earns under the thresholds, and when two reds escalate. Pure rules: the
// board (db/assessment) feeds them numbers and the tests hit every edge.
import type { Light } from '../orglife/status.js';
import { parsePeriodKey, previousPeriod } from '../orglife/periods.js';
import type { CountBands, RatioBands } from './thresholds.js';

export type Colour = Exclude<Light, 'none'>;

/** A share where more is better; null (nothing to measure) has no light. */
export function ratioLight(value: number | null, b: RatioBands): Light {
  if (value === null) return 'none';
  if (value >= b.green) return 'green';
  return value >= b.yellow ? 'yellow' : 'red';
}

/** A count of days or months where less is better. */
export function countLight(value: number, b: CountBands): Colour {
  if (value >= b.redFrom) return 'red';
  return value >= b.yellowFrom ? 'yellow' : 'green';
}

/** Whole months from `from` to `to` (2026-01-31 → 2026-02-28 is 0; → 2026-03-01 is 1). */
export function wholeMonthsBetween(from: string, to: string): number {
  let months = (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + (+to.slice(5, 7) - +from.slice(5, 7));
  if (+to.slice(8, 10) < +from.slice(8, 10)) months--;
  return Math.max(0, months);
}

/** One recorded light of a subject's indicator in one period (light_history). */
export interface HistoryPoint {
  period: string;
  colour: Light;
}

/**
 * DOMAIN.md: two reds in a row escalate. True when `period` is red and the period just before it
 * (the adjacent one, not merely the last one recorded) is red too; a green or a missing period
 * between two reds breaks the run.
 */
export function escalates(history: HistoryPoint[], period: string): boolean {
  const byPeriod = new Map(history.map((h) => [h.period, h.colour]));
  if (byPeriod.get(period) !== 'red') return false;
  const p = parsePeriodKey(period);
  if (!p) return false;
  return byPeriod.get(previousPeriod(p).key) === 'red';
}
