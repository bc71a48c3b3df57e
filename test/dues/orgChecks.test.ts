// Organisation rules at their edges: committee sizes at 6 and 7 full members, the secretary-only
// rule below 7, and the term reminder's first day three months before the term ends.
import { describe, expect, it } from 'vitest';
import { orgIssues, termEndOf, termSettings } from '../../shared/org/checks.js';

const branch = { orgType: 'branch', fullMembers: 7, committeeSize: 3, hasSecretary: true, termStart: null, termEnd: null };

describe('committee by full members', () => {
  it('requires 3–5 committee members from 7 full members, and none beyond the secretary at 6', () => {
    expect(orgIssues({ ...branch, committeeSize: 2 }, '2026-12-01')).toEqual(['committee_needed']);
    expect(orgIssues({ ...branch, committeeSize: 3 }, '2026-12-01')).toEqual([]);
    expect(orgIssues({ ...branch, committeeSize: 5 }, '2026-12-01')).toEqual([]);
    expect(orgIssues({ ...branch, committeeSize: 6 }, '2026-12-01')).toEqual(['committee_too_large']);
    expect(orgIssues({ ...branch, fullMembers: 6, committeeSize: 1 }, '2026-12-01')).toEqual([]);
    expect(orgIssues({ ...branch, fullMembers: 6, committeeSize: 3 }, '2026-12-01')).toEqual(['secretary_only']);
    expect(orgIssues({ ...branch, fullMembers: 6, committeeSize: 0, hasSecretary: false }, '2026-12-01')).toEqual(['no_secretary']);
    expect(orgIssues({ ...branch, orgType: 'committee', committeeSize: 0, hasSecretary: false }, '2026-12-01')).toEqual([]);
  });
});

describe('term', () => {
  it('ends three years after it starts unless recorded, and reminds from three months before its end', () => {
    const t = termSettings({});
    expect(termEndOf({ termStart: '2024-03-01', termEnd: null }, t)).toBe('2027-03-01');
    const o = { ...branch, termStart: '2024-03-01' };
    expect(orgIssues(o, '2026-11-30')).toEqual([]);
    expect(orgIssues(o, '2026-12-01')).toEqual(['term_ending']);
    expect(orgIssues(o, '2027-03-01')).toEqual(['term_ending']);
    expect(orgIssues(o, '2027-03-02')).toEqual(['term_expired']);
  });
  it('takes the length and the reminder from reference data `org.term`', () => {
    const t = termSettings({ 'org.term': { years: 5, remindMonths: 6 } });
    expect(termEndOf({ termStart: '2024-03-01', termEnd: null }, t)).toBe('2029-03-01');
    expect(orgIssues({ ...branch, termStart: '2024-03-01' }, '2028-09-01', t)).toEqual(['term_ending']);
    expect(orgIssues({ ...branch, termStart: '2024-03-01' }, '2028-08-31', t)).toEqual([]);
    expect(termSettings({ 'org.term': { years: 0, remindMonths: 'x' } })).toEqual({ years: 3, remindMonths: 3 });
  });
});
