// Probation extension (DOMAIN.md "Members": conversion is due a year after admission and may be
// extended once, by 6–12 months). The branch's decision is recorded on the membership: decision
// date, whole months (limits from reference data dues.probationExtension) and reason. Refused, in
// both languages and with nothing written: a second extension, a length outside the limits, a
// member who is not probationary, a decision before admission or in the future.
import { z } from 'zod';
import { ApiError } from '../core/errors.js';
import { id, isoDate } from '../core/schemas.js';
import type { DuesSettings } from '../dues/settings.js';
import { extensionProblem } from './memberRules.js';

export const probationExtendInput = z.strictObject({
  personId: id,
  decidedOn: isoDate,
  months: z.number().int(),
  reason: z.string().trim().min(1).max(200),
});

export interface ProbationExtension {
  decidedOn: string;
  months: number;
  reason: string;
}

const bad = (path: string, zh: string, en: string) => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

export interface ExtensionFacts {
  politicalStatus: string;
  admittedOn: string | null;
  existing: ProbationExtension | null;
}

export function assertExtension(f: ExtensionFacts, months: number, decidedOn: string, today: string, s: DuesSettings): void {
  if (f.politicalStatus !== 'probationary' || !f.admittedOn) throw bad('personId', '只有预备党员才能延长预备期', 'Only a probationary member’s probation can be extended');
  const problem = extensionProblem(months, f.existing !== null, s);
  const { minMonths: lo, maxMonths: hi } = s.probationExtension;
  if (problem === 'once')
    throw new ApiError('conflict', `预备期只能延长一次（已于${f.existing!.decidedOn}延长${f.existing!.months}个月）`, `A probation is extended only once (already extended by ${f.existing!.months} months on ${f.existing!.decidedOn})`);
  if (problem === 'length') throw bad('months', `预备期延长须为${lo}至${hi}个整月`, `A probation is extended by ${lo} to ${hi} whole months`);
  if (decidedOn > today) throw bad('decidedOn', '决定日期不能晚于今天', 'The decision date cannot be in the future');
  if (decidedOn < f.admittedOn) throw bad('decidedOn', '决定日期不能早于接收为预备党员的日期', 'The decision cannot precede the admission');
}
