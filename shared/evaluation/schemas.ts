// Inputs of the democratic review operations.
import { z } from 'zod';
import { id, optId, optText } from '../core/schemas.js';
import { REVIEW_GRADE_KEYS } from './rules.js';

const year = z.number().int().min(2000).max(2100);
export const reviewRef = z.strictObject({ orgId: id, year });

export const saveInput = z.strictObject({
  orgId: id,
  year,
  /** The meeting the review took place in (an activity of the branch). */
  activityId: optId,
  summary: optText(4000),
  grades: z.array(z.strictObject({ personId: id, grade: z.enum(REVIEW_GRADE_KEYS), note: optText(200) })).max(500),
});
