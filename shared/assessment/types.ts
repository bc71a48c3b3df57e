// Result shapes of the assessment operations (warning board and three lists).
import type { Light } from '../orglife/status.js';
import type { Indicator } from './thresholds.js';
import type { ItemKind, ItemSource, ItemStatus } from './items.js';

export type SubjectKind = 'org' | 'outlet' | 'grid' | 'county';
export const SUBJECT_KINDS: SubjectKind[] = ['county', 'grid', 'org', 'outlet'];

/** A record that made a light what it is: the drill-down. */
export interface Cause {
  kind: 'person' | 'org' | 'outlet' | 'instructor' | 'item';
  id: string;
  name: string;
  detail: { zh: string; en: string } | null;
}

export interface BoardLight {
  subjectKind: SubjectKind;
  subjectId: string;
  subjectName: string;
  countyId: string | null;
  gridId: string | null;
  indicator: Indicator;
  colour: Light;
  /** The measured value: a share (0–1), a count of days or months, or of missed obligations. */
  value: number | null;
  /** Rolled up as the worst of the subjects below (a grid or county), rather than measured itself. */
  derived: boolean;
  causes: Cause[];
  /** How many causes there are (the list is cut at a few hundred). */
  causeCount: number;
}

export interface ColourCounts { red: number; yellow: number; green: number }

export interface TrendPoint extends ColourCounts { period: string }

export interface HeatRow extends ColourCounts { countyId: string; countyName: string }

export interface Board {
  period: string;
  asOf: string;
  lights: BoardLight[];
  /** Over measured lights (rollups are not counted twice). */
  counts: ColourCounts;
  heat: HeatRow[];
  /** Recorded lights per period under the scope, oldest first (light_history). */
  trend: TrendPoint[];
  /** Lights that are red this period and were red the period before (escalation due or done). */
  escalations: { subjectKind: SubjectKind; subjectId: string; indicator: Indicator }[];
}

export interface RecordResult {
  period: string;
  recorded: number;
  /** Interview tasks and rectification items opened by this run (0 when they already existed). */
  escalated: number;
}

export interface ItemRow {
  id: string;
  kind: ItemKind;
  title: string;
  detail: string | null;
  subjectKind: 'org' | 'outlet' | 'person' | null;
  subjectId: string | null;
  subjectName: string | null;
  ownerPersonId: string | null;
  ownerName: string | null;
  ownerUser: string | null;
  /** Owned by the county organiser role (an escalation's interview) when no person or user is named. */
  ownerRole: string | null;
  dueOn: string | null;
  evidence: string | null;
  status: ItemStatus;
  doneBy: string | null;
  verifiedBy: string | null;
  source: ItemSource;
  sourceRef: string | null;
  overdueDays: number;
  mine: boolean;
  createdAt: string;
  /** The item carries a negative outcome this user may not read: title neutral, subject, detail and evidence withheld (shared/assessment/itemPrivacy.ts). */
  masked: boolean;
}
