// The dues operations (党费) and the member standing computed from org life and dues (自行脱党,
// lost contact, transfer due).
import { z } from 'zod';
import { read, write, type FilePayload } from '../contract/define.js';
import { duesListInput, exportInput, payInput, personRef, setBaseInput, standingInput } from './schemas.js';
import type { DuesPage, DuesRules, MemberDues, MemberStanding, StandingPage } from './types.js';

export const duesContract = {
  'dues.rules': read<DuesRules>()(z.strictObject({})),
  'dues.list': read<DuesPage>()(duesListInput),
  'dues.member': read<MemberDues>()(personRef),
  'dues.export': read<FilePayload>()(exportInput),
  'dues.setBase': write<MemberDues>()(setBaseInput),
  'dues.pay': write<MemberDues>()(payInput),
  'standing.list': read<StandingPage>()(standingInput),
  /** One member's flags, for the member record (null: nothing flagged). */
  'standing.member': read<MemberStanding | null>()(personRef),
} as const;
