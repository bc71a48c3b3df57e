// Inputs of the roster import and the exports. Sizes are capped here, before anything is parsed.
import { z } from 'zod';
import { ROSTER_FIELD_KEYS } from '../headers.js';

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

export const rosterImportInput = z.strictObject({
  file: fileInput,
  sheet: z.string().max(100).optional(),
  /** Column index → field (or null to ignore the column); replaces the automatic mapping. */
  mapping: z.array(z.enum(ROSTER_FIELD_KEYS as [string, ...string[]]).nullable()).max(200).optional(),
});

export const rosterCommitInput = rosterImportInput.extend({
  /** Write the rows without problems and leave the others out (still one transaction). */
  skipInvalid: z.boolean().default(false),
});

export type RosterImportInput = z.output<typeof rosterImportInput>;
export type RosterCommitInput = z.output<typeof rosterCommitInput>;
