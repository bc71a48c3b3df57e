// The statistics' pure rules at their edges: period days, the as-of day, transfers seen from a
// scope, leadership classes, and org life counted against cadence only once a period is due.
import { describe, expect, it } from 'vitest';
import type { ComplianceRow } from '../../shared/orglife/compliance.js';
import { ORGLIFE_DEFAULTS } from '../../shared/orglife/settings.js';
import { asOfFor, classifyTransfers, leadershipOf, orgLifeStats, periodRange } from '../../shared/statistics/rules.js';

describe('statistics rules', () => {
  it('reports cumulatively from 1 January to 30 June or 31 December, counting org life to today while it runs', () => {
    expect(periodRange(2024, 'h1')).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(periodRange(2024, 'year')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(asOfFor(periodRange(2026, 'h1'), '2026-06-30')).toBe('2026-06-30');
    expect(asOfFor(periodRange(2026, 'h1'), '2026-06-29')).toBe('2026-06-29');
    expect(asOfFor(periodRange(2026, 'year'), '2027-01-01')).toBe('2026-12-31');
  });

  it('counts a move in, out or within the scope, and never a first assignment', () => {
    const scope = new Set(['a', 'b']);
    expect(classifyTransfers([{ from: 'x', to: 'a' }, { from: 'a', to: 'y' }, { from: 'a', to: 'b' }, { from: null, to: 'a' }, { from: 'a', to: 'a' }, { from: 'x', to: 'y' }], scope))
      .toEqual({ transfersIn: 1, transfersOut: 1, transfersWithin: 1 });
  });

  it('classes a committee by any seat besides the secretary’s', () => {
    expect(leadershipOf({ committeeSeats: 1, hasSecretary: false })).toBe('committee');
    expect(leadershipOf({ committeeSeats: 0, hasSecretary: true })).toBe('secretaryOnly');
    expect(leadershipOf({ committeeSeats: 0, hasSecretary: false })).toBe('noSecretary');
  });

  it('counts a running month as due only once its meeting is held', () => {
    const period = (key: string, start: string, end: string, held: number, status: 'done' | 'missed' | 'due' | 'upcoming') => ({ key, start, end, held, required: 1, status });
    const row = (orgId: string, periods: ReturnType<typeof period>[]): ComplianceRow => ({
      orgId, orgName: orgId, groupId: null, groupName: null, type: 'theme_day', rule: ORGLIFE_DEFAULTS.cadence.theme_day!, periods, done: 0, elapsed: 0, light: 'none',
    });
    const rows = [
      row('a', [period('2026-01', '2026-01-01', '2026-01-31', 1, 'done'), period('2026-02', '2026-02-01', '2026-02-28', 0, 'missed'), period('2026-03', '2026-03-01', '2026-03-31', 0, 'due')]),
      row('b', [period('2026-01', '2026-01-01', '2026-01-31', 0, 'missed'), period('2026-02', '2026-02-01', '2026-02-28', 1, 'done'), period('2026-03', '2026-03-01', '2026-03-31', 1, 'done')]),
    ];
    const [theme, micro] = orgLifeStats(rows, [{ key: 'theme_day', n: 4 }, { key: 'micro_lecture', n: 2 }], '2026-03-10', ['theme_day', 'micro_lecture']);
    expect(theme).toEqual({ type: 'theme_day', held: 4, obliged: 2, required: 5, met: 3, hasCadence: true });
    expect(micro).toEqual({ type: 'micro_lecture', held: 2, obliged: 0, required: 0, met: 0, hasCadence: false });
  });
});
