// The board's unit ratios and counts, pure: the device's board (db/assessment/measure.ts) and HQ's
// province overview (hq/console/overview.ts) both take a unit's figure from here, so a county's
// coverage, contact, attendance or months without organisation life is one rule wherever it is shown.
import { ratioLight, wholeMonthsBetween } from './lights.js';
import type { RatioBands } from './thresholds.js';
import { worstLight, type Light } from '../orglife/status.js';
import { daysBetween } from '../orglife/periods.js';

/** An outlet with members, as a unit's coverage and contact count it. */
export interface OutletTally { members: number; covered: boolean; contacted: boolean }

/** Members of covered outlets over members of outlets with members; null when there are none. */
export function coverageRatio(outlets: readonly OutletTally[]): number | null {
  let total = 0;
  let covered = 0;
  for (const o of outlets) {
    total += o.members;
    if (o.covered) covered += o.members;
  }
  return total ? covered / total : null;
}

/** Outlets with members that had an activity or visit lately, over all outlets with members. */
export function contactRatio(outlets: readonly OutletTally[]): number | null {
  return outlets.length ? outlets.filter((o) => o.contacted).length / outlets.length : null;
}

/** Present over expected (present + absent); excused marks count in neither. Null: nobody was expected. */
export function attendanceRatio(counts: readonly { present: number; absent: number }[]): number | null {
  let present = 0;
  let expected = 0;
  for (const c of counts) {
    present += c.present;
    expected += c.present + c.absent;
  }
  return expected ? present / expected : null;
}

/**
 * Whole months a member has gone without organisation life: since the last time present, joining, or
 * the day the scope's records of organisation life begin (`recordsFrom`, its first held activity),
 * whichever is latest. Before the records begin nothing can be told — a registry imported last week
 * does not mean 197 months of absence — so with no records at all it is 0, as the member's standing
 * counts it (shared/people/memberRules.ts).
 */
export function monthsWithoutOrgLife(m: { joinDate: string; lastOn: string | null }, asOf: string, recordsFrom: string | null): number {
  const since = orgLifeGapFrom(m, recordsFrom);
  return since === null ? 0 : wholeMonthsBetween(since, asOf);
}

/** The day that count runs from (null: no records yet, nothing counted). */
export function orgLifeGapFrom(m: { joinDate: string; lastOn: string | null }, recordsFrom: string | null): string | null {
  return recordsFrom === null ? null : [m.joinDate, recordsFrom, m.lastOn ?? ''].sort().pop()!;
}

/** Days past a due date on `asOf` (0 when not yet due). */
export function daysOverdue(dueOn: string, asOf: string): number {
  return Math.max(0, daysBetween(dueOn, asOf));
}

/**
 * A unit's dual-track composite from the composites (0–100) of its outlets scored (all four business
 * figures in): their mean, how many, how many red, and the unit's light as the board gives a county
 * or grid — the worst of its outlets' lights (db/assessment/dualTrackLights.ts).
 */
export function compositeSummary(composites: readonly number[], bands: RatioBands): { mean: number | null; scored: number; red: number; light: Light } {
  const lights = composites.map((c) => ratioLight(c / 100, bands));
  const mean = composites.length ? Math.round((composites.reduce((n, c) => n + c, 0) / composites.length) * 10) / 10 : null;
  return { mean, scored: composites.length, red: lights.filter((l) => l === 'red').length, light: worstLight(lights) };
}
