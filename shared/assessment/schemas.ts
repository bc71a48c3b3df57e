// Input schemas of the assessment operations.
import { z } from 'zod';
import { INDICATORS } from './thresholds.js';
import { ITEM_KINDS, ITEM_SOURCES, ITEM_STATUSES } from './items.js';

const id = z.string().min(1).max(40);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' });
/** The board's period is a calendar month. */
export const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' });

export const boardInput = z.strictObject({
  unitId: id.optional(),
  orgId: id.optional(),
  period: monthKey.optional(),
  /** How many periods of history the trend shows. */
  trendPeriods: z.number().int().min(1).max(36).default(12),
});

export const recordInput = z.strictObject({ unitId: id.optional(), period: monthKey.optional() });

export const itemSave = z.strictObject({
  id: id.optional(),
  kind: z.enum(ITEM_KINDS),
  title: z.string().trim().min(1).max(200),
  detail: z.string().trim().max(2000).nullish(),
  subjectKind: z.enum(['org', 'outlet', 'person']).nullish(),
  subjectId: id.nullish(),
  ownerPersonId: id.nullish(),
  ownerUser: z.string().trim().max(60).nullish(),
  dueOn: isoDate.nullish(),
  evidence: z.string().trim().max(2000).nullish(),
  source: z.enum(ITEM_SOURCES).default('manual'),
  sourceRef: z.string().max(200).nullish(),
  /** From a red light: which light (indicator) and period, to say so in the item. */
  fromLight: z.strictObject({ indicator: z.enum(INDICATORS as [string, ...string[]]), period: monthKey }).optional(),
});

export const itemMove = z.strictObject({
  id,
  to: z.enum(ITEM_STATUSES),
  evidence: z.string().trim().max(2000).nullish(),
});

export const itemList = z.strictObject({
  unitId: id.optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  mine: z.boolean().optional(),
  overdueOnly: z.boolean().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});

export const assessmentExport = z.strictObject({
  list: z.enum(['board', 'items']),
  unitId: id.optional(),
  period: monthKey.optional(),
});
