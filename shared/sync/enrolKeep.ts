// Enrolment review (issue 15): what the role and scope HQ grants would refuse of the work done on
// this device before it enrolled, shown before enrolment completes, and those records kept on the
// device (exportable) until the user lets them go. Operations are `read` like sync.enrol: they write
// through sync's own transactions, and an auditor's device must be able to finish its enrolment.
import { z } from 'zod';
import type { Role } from '../domain/enums.js';
import { read, type FilePayload } from '../contract/define.js';

export interface KeptRecord {
  tbl: string;
  rowId: string;
  /** The record's name or code, when its table has one. */
  label: string;
  scope: string;
  code: 'role' | 'scope' | 'settings';
  reason: string;
  reasonEn: string;
  /** Waiting changes of this record (a record edited three times has three). */
  changes: number;
  /** When it was kept (null: still a preview, enrolment not finished). */
  keptAt: string | null;
}

export interface EnrolReview {
  /** HQ answered and the answer waits for the user (there is something it would refuse). */
  pending: boolean;
  role: Role | null;
  userName: string | null;
  scopePath: string | null;
  refused: KeptRecord[];
}

export const enrolKeepContract = {
  /** HQ's held answer and what it would refuse; `pending: false` when no enrolment waits. */
  'sync.enrolReview': read<EnrolReview>()(z.strictObject({})),
  /** Completes the held enrolment: the refused changes are kept on this device, the rest syncs. */
  'sync.enrolFinish': read<EnrolReview>()(z.strictObject({})),
  /** Records kept at enrolment. */
  'sync.kept': read<KeptRecord[]>()(z.strictObject({})),
  /** The kept records (or, while an enrolment waits, the ones it would refuse) as an Excel file. */
  'sync.keptExport': read<FilePayload>()(z.strictObject({})),
  /** The user's decision: the kept records are deleted from this device. */
  'sync.keptDiscard': read<{ removed: number }>()(z.strictObject({ confirm: z.literal(true) })),
} as const;
