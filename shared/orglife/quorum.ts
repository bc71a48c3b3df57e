// Quorum of a general meeting and the passing of a motion (DOMAIN.md "Meetings"):
// more than half of the voting members present; a motion needs yes-votes from more than half of
// ALL voting members. Probationary members do not vote and are left out of both counts.
import type { OrgLifeSettings } from './settings.js';

export type AttendanceStatus = 'present' | 'absent' | 'excused';

export interface QuorumMark {
  status: AttendanceStatus;
  probationary: boolean;
}

export interface Quorum {
  /** Voting (full) members expected: the base of both rules. */
  voting: number;
  votingPresent: number;
  /** Present voting members needed for a quorum. */
  needed: number;
  met: boolean;
  probationaryLeftOut: number;
}

/** The smallest whole number strictly greater than `share` of `n`. */
export function moreThan(share: number, n: number): number {
  return Math.floor(share * n) + 1;
}

export function quorumOf(marks: QuorumMark[], s: Pick<OrgLifeSettings, 'quorum'>): Quorum {
  const voting = marks.filter((m) => !m.probationary);
  const votingPresent = voting.filter((m) => m.status === 'present').length;
  const needed = moreThan(s.quorum.presentShare, voting.length);
  return {
    voting: voting.length,
    votingPresent,
    needed,
    met: voting.length > 0 && votingPresent >= needed,
    probationaryLeftOut: marks.length - voting.length,
  };
}

export interface Votes {
  yes: number;
  no: number;
  abstain: number;
}

export type MotionProblem = 'votes.exceed_present' | null;

export interface MotionOutcome {
  passed: boolean;
  /** Yes-votes a motion needs: more than half of ALL voting members, present or not. */
  needed: number;
  problem: MotionProblem;
}

export function motionOutcome(votes: Votes, q: Quorum, s: Pick<OrgLifeSettings, 'quorum'>): MotionOutcome {
  const needed = moreThan(s.quorum.motionShare, q.voting);
  const cast = votes.yes + votes.no + votes.abstain;
  if (cast > q.votingPresent) return { passed: false, needed, problem: 'votes.exceed_present' };
  return { passed: q.met && q.voting > 0 && votes.yes >= needed, needed, problem: null };
}
