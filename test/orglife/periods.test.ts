import { describe, expect, it } from 'vitest';
import { addMonths, parsePeriodKey, periodLabel, periodOf, periodsBetween, previousPeriod } from '../../shared/orglife/periods.js';
import { ORGLIFE_DEFAULTS, orgLifeSettings } from '../../shared/orglife/settings.js';
import { obligationStatus, yellowFrom } from '../../shared/orglife/status.js';

describe('periods', () => {
  it('cuts the calendar into months, quarters, halves and years', () => {
    expect(periodOf('2026-11-21', 'month')).toEqual({ unit: 'month', key: '2026-11', start: '2026-11-01', end: '2026-11-30' });
    expect(periodOf('2026-11-21', 'quarter')).toMatchObject({ key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(periodOf('2026-02-03', 'half')).toMatchObject({ key: '2026-H1', start: '2026-01-01', end: '2026-06-30' });
    expect(periodOf('2028-02-10', 'month').end).toBe('2028-02-29');
    expect(periodsBetween('2026-01-15', '2026-12-01', 'quarter').map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(previousPeriod(periodOf('2026-01-05', 'month')).key).toBe('2025-12');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(parsePeriodKey('2026-H2')).toMatchObject({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodLabel(periodOf('2026-11-01', 'quarter'))).toBe('2026年第四季度');
  });
});

describe('status of an obligation (red/yellow/green defaults)', () => {
  const s = ORGLIFE_DEFAULTS;
  const nov = periodOf('2026-11-01', 'month');
  const q4 = periodOf('2026-11-01', 'quarter');
  it('a monthly item is due until the 20th, yellow after, red once the month is over', () => {
    expect(obligationStatus(nov, 0, 1, '2026-11-20', s)).toBe('due');
    expect(obligationStatus(nov, 0, 1, '2026-11-21', s)).toBe('warning');
    expect(obligationStatus(nov, 0, 1, '2026-12-01', s)).toBe('missed');
    expect(obligationStatus(nov, 1, 1, '2026-12-01', s)).toBe('done');
    expect(obligationStatus(nov, 0, 1, '2026-10-31', s)).toBe('upcoming');
  });
  it('a quarterly item turns yellow in the quarter’s last month', () => {
    expect(yellowFrom(q4, s)).toBe('2026-12-01');
    expect(obligationStatus(q4, 0, 1, '2026-11-30', s)).toBe('due');
    expect(obligationStatus(q4, 0, 1, '2026-12-01', s)).toBe('warning');
  });
  it('reads the thresholds from settings', () => {
    const custom = orgLifeSettings({ 'orglife.warning': { monthlyYellowAfterDay: 10 } });
    expect(custom.warning.yellowLastMonths.quarter).toBe(1); // untouched keys keep their default
    expect(obligationStatus(nov, 0, 1, '2026-11-11', custom)).toBe('warning');
  });
  it('ignores a malformed setting instead of breaking the rules', () => {
    const bad = orgLifeSettings({ 'orglife.quorum': { presentShare: 'half' }, 'orglife.cadence': { lecture: { period: 'month', min: 2, subject: 'org' } } });
    expect(bad.quorum).toEqual(ORGLIFE_DEFAULTS.quorum);
    expect(bad.cadence.lecture).toEqual({ period: 'month', min: 2, subject: 'org' });
    expect(bad.cadence.theme_day).toEqual(ORGLIFE_DEFAULTS.cadence.theme_day);
  });
});
