// Result shapes of the honours operations.
import type { AccountKind, AccountOutcome, HonourKind, HonourStatus } from './rules.js';

export interface HonourRow {
  id: string;
  kind: string;
  kindLabel: { zh: string; en: string };
  subjectKind: 'org' | 'outlet' | 'person';
  subjectId: string;
  subjectName: string | null;
  basisPeriod: string;
  basis: string;
  status: HonourStatus;
  proposedBy: string;
  proposedOn: string;
  decidedBy: string | null;
  decidedOn: string | null;
  note: string | null;
}

export interface AccountRow {
  id: string;
  kind: AccountKind;
  subjectKind: 'org' | 'outlet' | 'person';
  subjectId: string;
  subjectName: string | null;
  reason: string;
  heldOn: string;
  deadline: string | null;
  /** Days past the deadline while the outcome is pending. */
  overdueDays: number;
  outcome: AccountOutcome;
  outcomeOn: string | null;
  outcomeNote: string | null;
  createdBy: string;
}

export interface HonourKinds { kinds: Record<string, HonourKind> }
