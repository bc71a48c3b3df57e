// Input schemas of the reviews operations (复盘复训).
import { z } from 'zod';
import { id, optId } from '../core/schemas.js';
import { FINDING_KIND_KEYS } from './rules.js';

const subject = { subjectKind: z.enum(['org', 'unit']), subjectId: id, periodKey: z.string().max(10) };

export const reviewPrefill = z.strictObject(subject);

export const reviewSave = z.strictObject({
  id: id.optional(),
  ...subject,
  analysis: z.string().trim().min(1).max(8000),
  cases: z.string().trim().max(8000).default(''),
  findings: z.array(z.strictObject({ id: id.optional(), kind: z.enum(FINDING_KIND_KEYS), text: z.string().trim().min(1).max(500), ownerPersonId: optId })).max(30),
});

export const reviewList = z.strictObject({ unitId: id.optional(), limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) });
export const reviewGet = z.strictObject({ id });
/** Records the retraining session (an activity with attendance) that met a training need. */
export const reviewRetrain = z.strictObject({ findingId: id, activityId: id });
