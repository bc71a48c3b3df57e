// HQ's history of a device's scope, as the device fetches it after a pull (POST /v1/history).
// Values arrive as JSON text, already masked for the device's role.
import { z } from 'zod';
import { ROLE_VALUES } from '../sync/protocol.js';

export const HISTORY_PATH = '/v1/history';
export const HISTORY_PAGE = 2000;

export const historyPullRequest = z.strictObject({
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(HISTORY_PAGE).optional(),
});

export const wireWriter = z.object({ n: z.string().min(1).max(100), r: z.enum(ROLE_VALUES).optional(), u: z.string().max(64).optional() });

export const wireHistoryEntry = z.object({
  seq: z.number().int(),
  t: z.string(),
  r: z.string(),
  p: z.string(),
  op: z.enum(['insert', 'update', 'delete']),
  c: z.string(),
  o: z.string().nullable(),
  n: z.string().nullable(),
  w: wireWriter.nullable().optional(),
  d: z.string(),
  h: z.string(),
  at: z.string(),
});
export type WireHistoryEntry = z.infer<typeof wireHistoryEntry>;

export const historyPullAnswer = z.object({
  entries: z.array(wireHistoryEntry),
  cursor: z.number().int(),
  more: z.boolean(),
  hqTime: z.number(),
});
export type HistoryPullAnswer = z.infer<typeof historyPullAnswer>;
