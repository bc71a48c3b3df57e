// Result shapes of the milestones operations.
import type { NodeCounts, NodeState } from './rules.js';

export interface NodeRow {
  id: string;
  goalId: string;
  goalTitle: string;
  year: number;
  orgId: string;
  orgName: string | null;
  teamId: string | null;
  teamName: string | null;
  periodKey: string;
  title: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  standard: string;
  dueOn: string;
  doneOn: string | null;
  doneBy: string | null;
  evidence: string | null;
  state: NodeState;
  /** Days past due: still open (missed) up to today, or how late it was done. */
  lateDays: number;
  itemId: string | null;
}

/** 节点对账: the nodes of a year under a scope, and how many are in each state. */
export interface NodeReconciliation {
  rows: NodeRow[];
  total: number;
  counts: NodeCounts;
  asOf: string;
}

export interface GoalDetail {
  id: string;
  orgId: string;
  year: number;
  title: string;
  teamId: string | null;
  ownerPersonId: string | null;
  nodes: NodeRow[];
}
