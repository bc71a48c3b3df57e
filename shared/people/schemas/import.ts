// Inputs of the roster import and the exports. Sizes are capped here, before anything is parsed.
import { z } from 'zod';
import { id } from '../../core/schemas.js';
import { ROSTER_FIELD_KEYS, VALUE_FIELD_KEYS, VALUE_FIELDS, type ValueField } from '../headers.js';

/** A roster of 20,000 members is well under 5 MB as .xlsx; 10 MB leaves room and bounds memory. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Data rows one import may hold (a province's roster is imported county by county). */
export const MAX_IMPORT_ROWS = 20_000;

export const fileInput = z.strictObject({
  name: z.string().min(1).max(200),
  base64: z
    .string()
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, { message: 'import.too_large' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'import.not_base64' }),
});

/** What one distinct value of the file stands for: a record or code, a record to create, or nothing. */
export const valueTarget = z.discriminatedUnion('kind', [
  /** A record's id (branch, outlet) or an enum key (post, education …). */
  z.strictObject({ kind: z.literal('existing'), target: z.string().min(1).max(60) }),
  /** Create the record under this org unit (branches only). */
  z.strictObject({ kind: z.literal('create'), unitId: id }),
  z.strictObject({ kind: z.literal('blank') }),
]);

export const valueChoice = z
  .strictObject({
    field: z.enum(VALUE_FIELD_KEYS as [ValueField, ...ValueField[]]),
    value: z.string().min(1).max(200),
    to: valueTarget,
  })
  .refine((c) => c.to.kind !== 'create' || VALUE_FIELDS[c.field].create, { path: ['to'] })
  .refine((c) => c.to.kind !== 'blank' || VALUE_FIELDS[c.field].blank, { path: ['to'] });

export const rosterImportInput = z.strictObject({
  file: fileInput,
  sheet: z.string().max(100).optional(),
  /** Column index → field (or null to ignore the column); replaces the automatic mapping. */
  mapping: z.array(z.enum(ROSTER_FIELD_KEYS as [string, ...string[]]).nullable()).max(200).optional(),
  /** The user's value mapping; values remembered from earlier imports apply where it says nothing. */
  values: z.array(valueChoice).max(1000).optional(),
});

export const rosterCommitInput = rosterImportInput.extend({
  /** Write the rows without problems and leave the others out (still one transaction). */
  skipInvalid: z.boolean().default(false),
});

export type RosterImportInput = z.output<typeof rosterImportInput>;
export type ValueTarget = z.output<typeof valueTarget>;
export type ValueChoice = z.output<typeof valueChoice>;
export type RosterCommitInput = z.output<typeof rosterCommitInput>;
