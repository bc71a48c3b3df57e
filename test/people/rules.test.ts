// The registry's pure rules: recruit due dates, structure breaches, colour bands, settings overrides.
import { describe, expect, it } from 'vitest';
import { addYears, band, DEFAULT_RULES, needsOwnBranch, nextStep, orgBreaches, rulesFrom, stepProblem } from '../../shared/people/rules.js';

const r = (stage: string, d: Partial<{ appliedOn: string; activistOn: string; candidateOn: string; probationaryOn: string }> = {}) => ({
  stage, appliedOn: null, activistOn: null, candidateOn: null, probationaryOn: null, ...d,
});

describe('recruit pipeline', () => {
  it('puts conversion due a year after admission: yellow up to 30 days late, then red', () => {
    expect(nextStep(r('probationary', { probationaryOn: '2025-07-01' }), '2026-06-30')).toMatchObject({ next: 'full', dueOn: '2026-07-01', state: 'waiting', band: 'green' });
    expect(nextStep(r('probationary', { probationaryOn: '2025-07-01' }), '2026-07-01')).toMatchObject({ state: 'due' });
    expect(nextStep(r('probationary', { probationaryOn: '2025-07-01' }), '2026-07-31')).toMatchObject({ state: 'overdue', overdueDays: 30, band: 'yellow' });
    expect(nextStep(r('probationary', { probationaryOn: '2025-07-01' }), '2026-08-01')).toMatchObject({ overdueDays: 31, band: 'red' });
  });
  it('lets an activist become a candidate only after a year of cultivation', () => {
    expect(nextStep(r('activist', { activistOn: '2025-09-01' }), '2026-08-31')).toMatchObject({ next: 'candidate', dueOn: '2026-09-01', state: 'waiting' });
    expect(stepProblem(r('activist', { activistOn: '2025-09-01' }), 'candidate', '2026-08-31')).toBe('recruit.activist_year');
    expect(stepProblem(r('activist', { activistOn: '2025-09-01' }), 'candidate', '2026-09-01')).toBeNull();
    expect(stepProblem(r('applicant'), 'candidate', '2026-09-01')).toBe('recruit.order');
    expect(stepProblem(r('probationary', { probationaryOn: '2025-09-01' }), 'full', '2026-08-01')).toBe('recruit.probation_year');
    expect(stepProblem(r('applicant', { appliedOn: '2026-05-01' }), 'activist', '2026-04-01')).toBe('recruit.date_order');
    expect(stepProblem(r('candidate'), 'cancelled', '2026-04-01')).toBeNull();
  });
  it('adds years the way a calendar does (29 February)', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2025-07-01', 0.5)).toBe('2026-01-01');
  });
});

describe('organisation structure', () => {
  const o = { orgType: 'branch', fullMembers: 5, members: 5, committeeSize: 1, outletCount: 1, termEnd: '2027-01-01' };
  it('flags each DOMAIN.md rule', () => {
    expect(orgBreaches(o, '2026-11-21')).toEqual([]);
    expect(orgBreaches({ ...o, fullMembers: 7, members: 7 }, '2026-11-21')).toEqual(['needs_committee']);
    expect(orgBreaches({ ...o, fullMembers: 7, members: 7, committeeSize: 3 }, '2026-11-21')).toEqual([]);
    expect(orgBreaches({ ...o, members: 51, committeeSize: 5, fullMembers: 51 }, '2026-11-21')).toEqual(['branch_too_large']);
    expect(orgBreaches({ ...o, orgType: 'joint_branch', outletCount: 6 }, '2026-11-21')).toEqual(['joint_too_wide']);
    expect(orgBreaches({ ...o, termEnd: '2026-11-20' }, '2026-11-21')).toEqual(['term_expired']);
    expect(needsOwnBranch(3, false)).toBe(true);
    expect(needsOwnBranch(3, true)).toBe(false);
    expect(needsOwnBranch(2, false)).toBe(false);
  });
  it('takes its thresholds from settings, ignoring nonsense', () => {
    const rules = rulesFrom({ 'registry.rules': { branchMaxMembers: 40, coverageGreen: 'lots', unknown: 3 } });
    expect(rules.branchMaxMembers).toBe(40);
    expect(rules.coverageGreen).toBe(DEFAULT_RULES.coverageGreen);
    expect(orgBreaches({ ...o, members: 45, fullMembers: 45, committeeSize: 5 }, '2026-11-21', rules)).toEqual(['branch_too_large']);
  });
  it('bands ratios green, yellow, red', () => {
    expect([band(0.99, 0.98, 0.9), band(0.95, 0.98, 0.9), band(0.5, 0.98, 0.9), band(null, 0.98, 0.9)]).toEqual(['green', 'yellow', 'red', null]);
  });
});
