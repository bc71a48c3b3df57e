// Result shapes of the people operations beyond the person itself (./contract.ts).
import type { ChannelType, PoliticalStatus } from '../domain/enums.js';
import type { PersonRow } from './personTypes.js';
import type { RosterField, ValueField } from './headers.js';
import type { ValueTarget } from './schemas/import.js';
import type { Band, BreachKind, DueState } from './rules.js';

export interface AuditEntry {
  id: string;
  kind: 'export' | 'reveal' | 'import';
  description: string;
  subjectId: string | null;
  subjectName: string | null;
  filter: Record<string, unknown> | null;
  rowCount: number;
  fullIds: boolean;
  fileName: string | null;
  userName: string;
  role: string;
  at: string;
}

export interface RevealedIds {
  citizenId: string | null;
  phone: string | null;
}

export interface CensusOutlet {
  id: string;
  name: string;
  code: string;
  channelType: ChannelType;
  countyName: string | null;
  staffCount: number;
  coverageOrgId: string | null;
  coverageOrgName: string | null;
  instructorName: string | null;
  registered: number;
  members: number;
  probationary: number;
  /** Partner staff registered without a recorded consent (older records, imports). */
  missingConsent: number;
  people: PersonRow[];
}

export interface HistoryEntry {
  id: string;
  kind: string;
  fromValue: string | null;
  toValue: string | null;
  onDate: string;
  reason: string | null;
  recordedBy: string;
  at: string;
}

export interface PipelineRow {
  personId: string;
  name: string;
  outletName: string | null;
  stage: string;
  appliedOn: string | null;
  activistOn: string | null;
  candidateOn: string | null;
  probationaryOn: string | null;
  next: string | null;
  dueOn: string | null;
  state: DueState | null;
  overdueDays: number;
  band: Band | null;
  /** A probationary member's points average since admission (mean of the quarters scored), for the conversion. */
  points?: { score: number; grade: 'excellent' | 'good' | 'pass' | 'poor'; quarters: number } | null;
}

export interface MobilityRow {
  personId: string;
  name: string;
  branchName: string | null;
  mobility: 'outbound' | 'inbound';
  destination: string | null;
  since: string | null;
  cardNo: string | null;
  monthsAway: number | null;
  /** Away long enough that the membership relation should be transferred. */
  shouldTransfer: boolean;
}

export interface LostContactRow {
  personId: string;
  name: string;
  branchName: string | null;
  outletName: string | null;
  since: string | null;
  reason: string | null;
  monthsLost: number | null;
}

export type DuplicateReason = 'citizen_id' | 'name_birth' | 'pinyin_phone';

export interface DuplicateCandidate {
  id: string;
  name: string;
  gender: string | null;
  birthDate: string | null;
  citizenId: string | null; // masked
  phone: string | null; // masked
  outletName: string | null;
  politicalStatus: PoliticalStatus;
  branchName: string | null;
  updatedAt: string;
  /** How many rows elsewhere point at this person (attendance, committee seats …). */
  references: number;
}

export interface DuplicateGroup {
  key: string;
  reason: DuplicateReason;
  people: DuplicateCandidate[];
}

export interface MergeResult {
  mergeId: string;
  survivorId: string;
  loserId: string;
  repointed: { table: string; column: string; rows: number }[];
}

export interface CoverageSummary {
  outlets: number;
  outletsWithMembers: number;
  uncoveredWithMembers: number;
  withoutInstructor: number;
  members: number;
  coveredMembers: number;
  coverage: number | null;
  coverageBand: Band | null;
  outletsWithContact: number;
  contact: number | null;
  contactBand: Band | null;
  breaches: number;
}

export interface CoverageOutletRow {
  id: string;
  code: string;
  name: string;
  channelType: ChannelType;
  countyName: string | null;
  gridName: string | null;
  members: number;
  fullMembers: number;
  coverageOrgName: string | null;
  instructorName: string | null;
}

export interface RankingRow {
  unitId: string;
  unitName: string;
  parentName: string | null;
  outlets: number;
  members: number;
  coveredMembers: number;
  coverage: number | null;
  coverageBand: Band | null;
  outletsWithContact: number;
  contact: number | null;
  contactBand: Band | null;
  uncoveredOutlets: number;
  outletsWithoutInstructor: number;
}

export interface BreachRow {
  kind: BreachKind;
  /** The outlet (needs_branch) or the Party organisation (the others). */
  targetType: 'outlet' | 'party_org';
  targetId: string;
  targetName: string;
  unitName: string | null;
  detail: string;
  detailEn: string;
  fullMembers: number;
  members: number;
}

export interface ImportProblem {
  field: RosterField | null;
  message: string;
  messageEn: string;
}

export interface ImportRowPreview {
  /** 1-based row number in the sheet, as Excel shows it. */
  rowNo: number;
  name: string;
  citizenId: string | null; // masked
  action: 'create' | 'update' | 'unchanged' | 'error';
  /** Errors: the row is not imported while any remains. */
  problems: ImportProblem[];
  /** Warnings: the row is imported, with the change each one names (a value left out, one taken from the id …). */
  notes: ImportProblem[];
}

/** A row under or inside the table that is not a person (a total, a signature line …), left out on purpose. */
export interface ImportIgnoredRow {
  rowNo: number;
  text: string;
  reason: string;
  reasonEn: string;
}

export interface ImportValueOption {
  /** A record's id or an enum key. */
  id: string;
  label: string;
  labelEn: string;
  /** Where the record sits (its org unit), to tell namesakes apart. */
  hint?: string;
}

/** One distinct value of the file that names no record or code by itself, and what it is mapped to. */
export interface ImportValue {
  field: ValueField;
  value: string;
  /** Rows carrying it. */
  rows: number;
  /** unknown: nothing has this name; ambiguous: several records have it. */
  reason: 'unknown' | 'ambiguous';
  /** The choice in effect: the user's, or one remembered from an earlier import; null while unmapped. */
  choice: ValueTarget | null;
  source: 'input' | 'remembered' | null;
  /** Existing records or codes, the closest first. */
  options: ImportValueOption[];
  canBlank: boolean;
  canCreate: boolean;
  /** For a created branch: the org unit its rows' outlets share, else the one unit in scope. */
  suggestedUnitId: string | null;
}

export interface ImportPreview {
  fileName: string;
  sheets: string[];
  sheet: string;
  headerRow: number;
  columns: { index: number; header: string; field: RosterField | null }[];
  missingRequired: RosterField[];
  totals: { rows: number; create: number; update: number; unchanged: number; error: number; warning: number; ignored: number };
  rows: ImportRowPreview[];
  ignored: ImportIgnoredRow[];
  values: ImportValue[];
  /** Org units a created branch may belong to (county and grid units in scope). */
  units: { id: string; name: string }[];
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Branches created from the value mapping. */
  branchesCreated: number;
}
