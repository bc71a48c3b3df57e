// The history operations (审计留痕): a record's field history, and this device's export of it.
import { z } from 'zod';
import { read, type FilePayload } from '../contract/define.js';
import { id, isoDate } from '../core/schemas.js';
import { HISTORY_TABLES } from './tables.js';
import type { HistoryEntry } from './types.js';

const table = z.enum(HISTORY_TABLES);
const record = z.strictObject({ tbl: table, rowId: id });

export const historyContract = {
  /** A record's history, newest first; `with`: records shown as part of it (a person's member row). */
  'history.forRecord': read<HistoryEntry[]>()(z.strictObject({ tbl: table, rowId: id, with: z.array(record).max(5).optional() })),
  'history.export': read<FilePayload>()(z.strictObject({ from: isoDate, to: isoDate, unitId: id.optional() })),
} as const;
