// Input schemas of the honours operations (荣誉, 约谈提醒, 限期整改).
import { z } from 'zod';
import { id, isoDate, optDate, optText } from '../core/schemas.js';
import { ACCOUNT_KIND_KEYS, OUTCOME_KEYS } from './rules.js';

const subjectKind = z.enum(['org', 'outlet', 'person']);
/** A quarter or year of the assessment: '2026-Q3' or '2026'. */
const basisPeriod = z.string().regex(/^\d{4}(-Q[1-4])?$/, { message: 'period' });

export const honourPropose = z.strictObject({
  kind: z.string().min(1).max(40),
  subjectKind,
  subjectId: id,
  basisPeriod,
  /** The assessment result it rests on, as the organiser cites it (score, rank, lights). */
  basis: z.string().trim().min(1).max(1000),
});

export const honourDecide = z.strictObject({ id, approve: z.boolean(), note: optText(500) });

export const honourList = z.strictObject({ unitId: id.optional(), year: z.number().int().min(2000).max(2100).optional(), limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) });

export const accountSave = z.strictObject({
  kind: z.enum(ACCOUNT_KIND_KEYS),
  subjectKind,
  subjectId: id,
  reason: z.string().trim().min(1).max(1000),
  heldOn: isoDate,
  deadline: optDate,
});

export const accountOutcome = z.strictObject({ id, outcome: z.enum(OUTCOME_KEYS).exclude(['pending']), note: z.string().trim().min(1).max(1000) });

export const accountList = z.strictObject({ unitId: id.optional(), limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) });
