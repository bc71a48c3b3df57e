// Where one obligation stands in one period, and its red/yellow/green light (DOMAIN.md warnings).
import type { Period } from './periods.js';
import { addMonths, periodOf } from './periods.js';
import type { OrgLifeSettings } from './settings.js';

/**
 * done: the period has what it needs · upcoming: the period has not started · due: open, on time ·
 * warning: open and late (yellow) · missed: the period is over without it (red).
 */
export type ObligationStatus = 'done' | 'upcoming' | 'due' | 'warning' | 'missed';
export type Light = 'green' | 'yellow' | 'red' | 'none';

export const LIGHT_OF: Record<ObligationStatus, Light> = { done: 'green', upcoming: 'none', due: 'green', warning: 'yellow', missed: 'red' };

/** The day after which an open obligation of this period turns yellow. */
export function yellowFrom(p: Period, s: OrgLifeSettings): string {
  if (p.unit === 'month') return `${p.start.slice(0, 8)}${String(s.warning.monthlyYellowAfterDay + 1).padStart(2, '0')}`;
  const last = s.warning.yellowLastMonths[p.unit];
  if (last <= 0) return '9999-12-31';
  return periodOf(addMonths(p.end.slice(0, 8) + '01', -(last - 1)), 'month').start;
}

export function obligationStatus(p: Period, held: number, required: number, asOf: string, s: OrgLifeSettings): ObligationStatus {
  if (held >= required) return 'done';
  if (p.start > asOf) return 'upcoming';
  if (p.end < asOf) return 'missed';
  return asOf >= yellowFrom(p, s) ? 'warning' : 'due';
}

const RANK: Record<Light, number> = { none: 0, green: 1, yellow: 2, red: 3 };

export function worstLight(lights: Light[]): Light {
  let w: Light = 'none';
  for (const l of lights) if (RANK[l] > RANK[w]) w = l;
  return w;
}
