// Inputs of the points operations.
import { z } from 'zod';
import { id, isoDate, optText } from '../core/schemas.js';
import { tidyText } from '../domain/text.js';
import { QUARTER_RE } from './tally.js';

export const quarter = z.string().regex(QUARTER_RE, { message: 'date' });
const required = (max: number) => z.string().max(max * 2).transform(tidyText).pipe(z.string().min(1).max(max));

export const tableInput = z.strictObject({ orgId: id, quarter });
export const yearInput = z.strictObject({ orgId: id, year: z.number().int().min(2000).max(2100) });
export const ledgerInput = z.strictObject({ personId: id, year: z.number().int().min(2000).max(2100) });
export const branchesInput = z.strictObject({ unitId: id.optional() });

export const entryInput = z.strictObject({
  personId: id,
  itemKey: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  /** The day of the deed (or of the breach): decides the quarter, unless that quarter is locked. */
  occurredOn: isoDate,
  /** Defaults to the item's value; must keep the item's sign. */
  points: z.number().min(-100).max(100).optional(),
  reason: required(200),
  evidence: optText(500),
});

export const publicationRef = z.strictObject({ publicationId: id });
export const objectionInput = z.strictObject({ publicationId: id, personId: id, text: required(500) });
export const answerInput = z.strictObject({ objectionId: id, answer: required(500) });
export const reopenInput = z.strictObject({ publicationId: id, reason: required(200) });
