// Result shapes of the points operations.
import type { PointsAction } from './roles.js';
import type { PointsSettings } from './settings.js';
import type { Grade, TallyRow } from './tally.js';

export type PublicationStatus = 'draft' | 'published' | 'approved';

export interface ReopenRecord {
  at: string;
  by: string;
  reason: string;
  /** The table as it was approved before the reopen, so that it stays reproducible. */
  previousEntryIds: string[];
  previousRows: TallyRow[];
}

export interface Publication {
  id: string;
  orgId: string;
  quarter: string;
  status: Exclude<PublicationStatus, 'draft'>;
  publishedAt: string;
  publishedBy: string;
  windowEnds: string;
  approvedBy: string | null;
  approvedAt: string | null;
  reopened: ReopenRecord[];
}

export interface Objection {
  id: string;
  publicationId: string;
  personId: string;
  personName: string;
  text: string;
  raisedBy: string;
  raisedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface QuarterTable {
  orgId: string;
  orgName: string;
  quarter: string;
  status: PublicationStatus;
  publication: Publication | null;
  /** What the table shows: the frozen snapshot once published, else the live tally. */
  rows: TallyRow[];
  /** The live tally differs from the published snapshot (entries added during the window). */
  liveDiffers: boolean;
  objections: Objection[];
  objectionOpen: boolean;
  canApprove: { ok: boolean; zh: string; en: string };
  may: Record<PointsAction, boolean>;
  today: string;
}

export interface LedgerRow {
  id: string;
  quarter: string;
  occurredOn: string;
  itemKey: string;
  itemZh: string;
  itemEn: string;
  kind: string;
  points: number;
  counted: number;
  source: 'auto' | 'manual';
  sourceRef: string | null;
  reason: string;
  evidence: string | null;
  createdBy: string;
  createdAt: string;
  /** The deed's own quarter, when the entry was carried to a later one because that quarter was locked. */
  movedFrom: string | null;
}

export interface PersonLedger {
  personId: string;
  name: string;
  probationary: boolean;
  year: number;
  rows: LedgerRow[];
}

export interface EntryResult {
  id: string;
  quarter: string;
  /** The quarter the deed belongs to, when it was locked and the entry went to the next open one. */
  movedFrom: string | null;
  zh: string;
  en: string;
}

export interface YearRow {
  personId: string;
  name: string;
  probationary: boolean;
  quarters: Record<string, number | null>;
  score: number | null;
  grade: Grade | null;
}

export interface YearTable {
  orgId: string;
  year: number;
  /** Quarters the yearly score averages: those ended by today (or published), in order. */
  counted: string[];
  rows: YearRow[];
}

export interface BranchOption {
  id: string;
  name: string;
  unitName: string;
}

export interface PointsRules {
  settings: PointsSettings;
  may: Record<PointsAction, boolean>;
  /** Whether the rule set in force is the county's own (false: the province default). */
  isLocal: boolean;
}
