import { z } from 'zod';
import { citizenIdProblem, normalizeCitizenId } from '../domain/citizenId.js';
import { tidyText, toHalfWidth } from '../domain/text.js';
import { keysOf, type Labelled } from '../domain/enums.js';
import { UUID_RE } from './ids.js';

export const id = z.string().regex(UUID_RE, { message: 'uuid' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), {
    message: 'date',
  });

export const name = (max = 60) => z.string().transform(tidyText).pipe(z.string().min(1).max(max));

/** Optional free text: blank becomes null. */
export const optText = (max = 200) =>
  z
    .string()
    .max(max * 2)
    .transform((s) => (tidyText(s) === '' ? null : tidyText(s)))
    .pipe(z.string().max(max).nullable())
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const optDate = isoDate.nullable().optional().transform((v) => v ?? null);
export const optId = id.nullable().optional().transform((v) => v ?? null);

export const enumOf = <T extends Labelled>(t: T) => z.enum(keysOf(t));

export const citizenId = z
  .string()
  .max(40)
  .transform(normalizeCitizenId)
  .superRefine((v, ctx) => {
    const p = citizenIdProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: `citizen_id.${p}` });
  });

export const phone = z
  .string()
  .max(40)
  .transform((s) => toHalfWidth(s).replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^1\d{10}$/, { message: 'phone' }));

export const page = {
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).max(10_000_000).default(0),
};
