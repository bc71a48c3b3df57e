// Result shapes of the democratic review. A grade a role may not see is '*' (shared/evaluation/rules.ts).
import type { ReviewGrade } from './rules.js';

export interface ReviewMember { personId: string; name: string; probationary: boolean; grade: ReviewGrade | '*' | null; note: string | null }

export interface ReviewView {
  orgId: string;
  orgName: string;
  year: number;
  status: 'none' | 'open' | 'closed';
  activity: { id: string; title: string; heldOn: string } | null;
  summary: string | null;
  closedAt: string | null;
  /** Full and probationary members in good standing; only full members are graded. */
  members: ReviewMember[];
  eligible: number;
  cap: number;
  counts: Record<ReviewGrade, number | null> & { hidden: number };
  meetings: { id: string; title: string; heldOn: string; type: string }[];
  mayGrade: boolean;
  seesAll: boolean;
}
