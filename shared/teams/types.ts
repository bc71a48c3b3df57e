// Result shapes of the teams operations.
import type { PledgeOutcome, TeamKind, TeamState } from './rules.js';

export interface TeamRow {
  id: string;
  orgId: string;
  orgName: string | null;
  kind: TeamKind;
  name: string;
  goal: string;
  startsOn: string;
  endsOn: string | null;
  state: TeamState;
  leaderPersonId: string | null;
  leaderName: string | null;
  memberCount: number;
  outletCount: number;
  results: string | null;
  /** Milestone nodes of goals linked to the team: how many, and how many missed today. */
  nodes: number;
  missedNodes: number;
}

export interface TeamDetail extends TeamRow {
  members: { personId: string; name: string }[];
  outlets: { outletId: string; name: string }[];
}

export interface PledgeRow {
  id: string;
  personId: string;
  personName: string | null;
  orgId: string;
  orgName: string | null;
  year: number;
  pledge: string;
  pledgedOn: string;
  evidence: string | null;
  outcome: PledgeOutcome;
  reviewedOn: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  /** The first day the year-end review may be held (reference data `teams.pledgeReviewFrom`). */
  reviewOpensOn: string;
}
