// The points operations (党员积分): ledger, tally, publication and approval.
import { z } from 'zod';
import { read, write, type FilePayload } from '../contract/define.js';
import { answerInput, branchesInput, entryInput, ledgerInput, objectionInput, publicationRef, reopenInput, tableInput, yearInput } from './schemas.js';
import type { BranchOption, EntryResult, Objection, PersonLedger, PointsRules, QuarterTable, YearTable } from './types.js';

export const pointsContract = {
  'points.rules': read<PointsRules>()(z.strictObject({})),
  'points.branches': read<BranchOption[]>()(branchesInput),
  'points.table': read<QuarterTable>()(tableInput),
  'points.year': read<YearTable>()(yearInput),
  'points.ledger': read<PersonLedger>()(ledgerInput),
  'points.export': read<FilePayload>()(tableInput),
  'points.derive': write<{ added: number; withdrawn: number; quarter: string }>()(tableInput),
  'points.addEntry': write<EntryResult>()(entryInput),
  'points.publish': write<QuarterTable>()(tableInput),
  'points.object': write<Objection>()(objectionInput),
  'points.answer': write<Objection>()(answerInput),
  'points.approve': write<QuarterTable>()(publicationRef),
  'points.reopen': write<QuarterTable>()(reopenInput),
} as const;
