import { describe, expect, it } from 'vitest';
import { moreThan, motionOutcome, quorumOf, type QuorumMark } from '../../shared/orglife/quorum.js';
import { ORGLIFE_DEFAULTS } from '../../shared/orglife/settings.js';

const s = ORGLIFE_DEFAULTS;
const marks = (present: number, absent: number, probPresent = 0, probAbsent = 0): QuorumMark[] => [
  ...Array.from({ length: present }, () => ({ status: 'present' as const, probationary: false })),
  ...Array.from({ length: absent }, () => ({ status: 'absent' as const, probationary: false })),
  ...Array.from({ length: probPresent }, () => ({ status: 'present' as const, probationary: true })),
  ...Array.from({ length: probAbsent }, () => ({ status: 'excused' as const, probationary: true })),
];

describe('quorum of a general meeting', () => {
  it('needs more than half of the voting members present', () => {
    expect(moreThan(0.5, 10)).toBe(6);
    expect(moreThan(0.5, 9)).toBe(5);
    expect(quorumOf(marks(5, 5), s)).toMatchObject({ voting: 10, votingPresent: 5, needed: 6, met: false });
    expect(quorumOf(marks(6, 4), s)).toMatchObject({ met: true });
    expect(quorumOf(marks(5, 4), s)).toMatchObject({ voting: 9, needed: 5, met: true });
  });
  it('leaves probationary members out of both counts', () => {
    // 5 of 10 full members present: no quorum, however many probationary members came.
    const q = quorumOf(marks(5, 5, 3), s);
    expect(q).toMatchObject({ voting: 10, votingPresent: 5, needed: 6, met: false, probationaryLeftOut: 3 });
    // Absent probationary members do not raise the bar either.
    expect(quorumOf(marks(6, 4, 0, 4), s)).toMatchObject({ voting: 10, needed: 6, met: true });
  });
  it('has no quorum with no voting members', () => {
    expect(quorumOf(marks(0, 0, 2), s).met).toBe(false);
  });
  it('counts excused members as not present', () => {
    const list: QuorumMark[] = [...marks(3, 0), { status: 'excused', probationary: false }, { status: 'excused', probationary: false }, { status: 'excused', probationary: false }];
    expect(quorumOf(list, s)).toMatchObject({ voting: 6, votingPresent: 3, met: false });
  });
});

describe('a motion', () => {
  it('passes only with yes-votes from more than half of ALL voting members', () => {
    const q = quorumOf(marks(7, 3), s); // 10 voting, 7 present
    expect(motionOutcome({ yes: 5, no: 2, abstain: 0 }, q, s)).toEqual({ passed: false, needed: 6, problem: null });
    expect(motionOutcome({ yes: 6, no: 1, abstain: 0 }, q, s)).toEqual({ passed: true, needed: 6, problem: null });
  });
  it('does not let probationary members vote', () => {
    const q = quorumOf(marks(6, 4, 2), s); // 6 voting present, 2 probationary present
    expect(motionOutcome({ yes: 8, no: 0, abstain: 0 }, q, s).problem).toBe('votes.exceed_present');
    expect(motionOutcome({ yes: 6, no: 0, abstain: 0 }, q, s).passed).toBe(true);
  });
  it('follows the share in settings', () => {
    const twoThirds = { quorum: { presentShare: 0.5, motionShare: 2 / 3 } };
    const q = quorumOf(marks(9, 0), twoThirds);
    expect(motionOutcome({ yes: 6, no: 3, abstain: 0 }, q, twoThirds)).toMatchObject({ passed: false, needed: 7 });
  });
});
