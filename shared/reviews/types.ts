// Result shapes of the reviews operations.
import type { FindingKind, ReviewData, ReviewKind } from './rules.js';

export interface FindingRow {
  id: string;
  kind: FindingKind;
  text: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  /** The three-lists item a finding became. */
  itemId: string | null;
  /** The retraining session that met a training need, with its attendance. */
  training: { activityId: string; title: string; heldOn: string; present: number } | null;
}

export interface ReviewRow {
  id: string;
  kind: ReviewKind;
  subjectKind: 'org' | 'unit';
  subjectId: string;
  subjectName: string | null;
  periodKey: string;
  analysis: string;
  cases: string;
  data: ReviewData;
  findings: FindingRow[];
  createdBy: string;
  createdOn: string;
}
