// Inputs of the dues and member-standing operations.
import { z } from 'zod';
import { id, isoDate, optText, page } from '../core/schemas.js';
import { tidyText } from '../domain/text.js';
import { DUES_CATEGORY_KEYS, PAY_METHODS, type PayMethod } from './rules.js';

export const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const yuan = z.number().min(0).max(1_000_000).refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6);

export const duesListInput = z.strictObject({
  unitId: id.optional(),
  orgId: id.optional(),
  /** owing: members with unpaid past months inside the back-pay window; no_base: dues not set up. */
  filter: z.enum(['all', 'owing', 'no_base']).default('all'),
  search: z.string().max(40).optional(),
  ...page,
});

export const personRef = z.strictObject({ personId: id });

export const setBaseInput = z.strictObject({
  personId: id,
  fromMonth: monthKey,
  category: z.enum(DUES_CATEGORY_KEYS),
  /** After-tax monthly wage or pension in yuan; not asked for flat categories. */
  base: yuan.nullable().optional().transform((v) => v ?? null),
  note: optText(200),
});

export const payInput = z.strictObject({
  personId: id,
  months: z.array(monthKey).min(1).max(24),
  paidOn: isoDate,
  collector: z.string().max(80).transform(tidyText).pipe(z.string().min(1).max(40)),
  method: z.enum(Object.keys(PAY_METHODS) as [PayMethod, ...PayMethod[]]),
  note: optText(200),
});

export const exportInput = z.strictObject({ unitId: id.optional(), year: z.number().int().min(2000).max(2100) });

export const standingInput = z.strictObject({
  unitId: id.optional(),
  flag: z.enum(['lapse_risk', 'lost_contact', 'transfer_due']).optional(),
  ...page,
});

