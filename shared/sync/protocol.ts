// The device ⇄ HQ wire protocol (JSON over HTTP POST, prefix /v1). HQ validates every request with
// these schemas; the device validates every answer. Short keys keep bytes per changed cell low.
import { z } from 'zod';
import { isHlc } from './hlc.js';
import { COLUMN_RE, SCOPE_RE, isSyncTable } from './tables.js';

export const PROTOCOL_VERSION = 1;

export const LIMITS = {
  bodyBytes: 4 * 1024 * 1024,
  writesPerPush: 1000,
  colsPerWrite: 120,
  valueChars: 64 * 1024,
  pullRows: 2000,
  pullBytes: 1024 * 1024,
  /** The most an answer from HQ may inflate to on the device (a compressed answer is refused past it). */
  answerBytes: 32 * 1024 * 1024,
  /** Requests must carry a time within this window of HQ's time (replay protection). */
  requestSkewMs: 15 * 60 * 1000,
} as const;

export const ROLE_VALUES = ['instructor', 'county_organiser', 'hq_admin', 'auditor'] as const;

export const hlcSchema = z.string().max(90).refine(isHlc, 'malformed hlc');
export const cellValue = z.union([z.string().max(LIMITS.valueChars), z.number().finite(), z.null()]);
export type CellValue = z.infer<typeof cellValue>;
const column = z.string().regex(COLUMN_RE);
const table = z.string().max(40).refine(isSyncTable, 'unknown table');
const rowId = z.string().min(1).max(64).regex(/^[0-9A-Za-z_-]+$/);
export const scopeSchema = z.string().max(400).regex(SCOPE_RE);
const cols = z.record(column, cellValue).refine((o) => Object.keys(o).length > 0 && Object.keys(o).length <= LIMITS.colsPerWrite, 'bad column count');
/** An X25519 public key for relay by file (shared/sync/relay.ts): 32 bytes, base64url without padding. */
export const relayKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'malformed relay key');

export const enrolRequest = z.strictObject({
  code: z.string().min(4).max(40),
  deviceId: z.string().uuid(),
  deviceName: z.string().max(100).optional(),
  appVersion: z.string().max(40),
  schemaVersion: z.string().max(80),
  /** The device's public key for relay by file. */
  relayKey: relayKeySchema.optional(),
  /** The person the user expects to be: only the code names one (hq/auth.ts); any other is refused. */
  personId: z.string().max(64).optional(),
});
export type EnrolRequest = z.infer<typeof enrolRequest>;

export const enrolAnswer = z.object({
  deviceId: z.string(),
  secret: z.string(),
  userName: z.string(),
  role: z.enum(ROLE_VALUES),
  scopePath: z.string(),
  hqTime: z.number(),
  /** HQ's public key for relay by file. */
  hqRelayKey: z.string().optional(),
  /** The registry person the user is, when the code names one (their branch's dues amounts: hq/duesReveal.ts). */
  personId: z.string().optional(),
});
export type EnrolAnswer = z.infer<typeof enrolAnswer>;

export const helloRequest = z.strictObject({
  appVersion: z.string().max(40),
  schemaVersion: z.string().max(80),
  cursor: z.number().int().min(0),
  protocol: z.number().int(),
  /** The device's relay public key: how devices enrolled before relay by file register theirs. */
  relayKey: relayKeySchema.optional(),
  /** How the device stands, for the HQ console (older devices send none: shown as not reported). */
  report: z.strictObject({
    waiting: z.number().int().min(0),
    oldestUnsentAt: z.string().max(40).nullable(),
    lastError: z.strictObject({ zh: z.string().max(500), en: z.string().max(500), at: z.string().max(40) }).nullable(),
  }).optional(),
});
export type HelloReport = NonNullable<z.infer<typeof helloRequest>['report']>;
export const helloAnswer = z.object({
  hqTime: z.number(),
  lastSeq: z.number(),
  head: z.number(),
  userName: z.string(),
  role: z.enum(ROLE_VALUES),
  scopePath: z.string(),
  hqRelayKey: z.string().optional(),
});
export type HelloAnswer = z.infer<typeof helloAnswer>;

/** One local write of one row: the changed columns, stamped once. `b` is the stamp each column overwrote. */
export const wireWrite = z.strictObject({
  s: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  t: table,
  r: rowId,
  h: hlcSchema,
  p: scopeSchema,
  c: cols,
  // One stamp for every column (the usual case), or one per column. Absent: nothing was overwritten.
  b: z.union([hlcSchema, z.record(column, z.union([hlcSchema, z.literal('')]))]).optional(),
  /** Who made the change (shared/history/writer.ts); absent from older devices: unknown. */
  w: z.strictObject({ n: z.string().min(1).max(100), r: z.enum(ROLE_VALUES).optional(), u: z.string().max(64).optional() }).optional(),
});
export type WireWrite = z.infer<typeof wireWrite>;

export const pushRequest = z.strictObject({
  writes: z.array(wireWrite).min(1).max(LIMITS.writesPerPush),
});
export type PushRequest = z.infer<typeof pushRequest>;

/** a = applied (now the winning value), s = superseded by a later write, r = rejected. */
export const cellResult = z.enum(['a', 's', 'r']);
export const reasonSchema = z.object({ code: z.string(), zh: z.string(), en: z.string() });
/** The reason code of a write to a row HQ deleted and has since purged (hq/purge.ts): no write brings it back. */
export const PURGED_CODE = 'purged';
/** The reason code that comes with a write HQ saved under its own time, the device's being too far ahead (hq/merge.ts). */
export const RESTAMPED_CODE = 'restamped';
export type Reason = z.infer<typeof reasonSchema>;

export const pushAnswerItem = z.object({
  s: z.number(),
  res: z.record(z.string(), cellResult),
  /** The stamp HQ gave the write instead of one too far in the future. */
  h: z.string().optional(),
  reason: reasonSchema.optional(),
  /** HQ's current value for cells the device must fall back to (rejected, or re-stamped and since overwritten). */
  cur: z.record(z.string(), z.tuple([cellValue, z.string()])).optional(),
  /** The row is not (or no longer) the device's to hold: drop it once nothing of it is waiting. */
  gone: z.boolean().optional(),
});
export type PushAnswerItem = z.infer<typeof pushAnswerItem>;
/**
 * An answer as it travels to a device that said it takes brief answers (HEADERS.accepts): a write
 * whose every column was applied, with nothing else to say, is answered with its number alone. A
 * province's first push was answered in ~240 KB of JSON per 1,000 rows, one `"col":"a"` per cell; briefly, ~12 KB.
 */
export const pushWireAnswerItem = pushAnswerItem.extend({ res: pushAnswerItem.shape.res.optional() });
export type PushWireAnswerItem = z.infer<typeof pushWireAnswerItem>;
export const pushAnswer = z.object({ hqTime: z.number(), answers: z.array(pushWireAnswerItem) });
/** Each column's result, a brief answer read in full: every column the write sent was applied. */
export function resultsOf(a: PushWireAnswerItem, sent: Record<string, unknown>): PushAnswerItem['res'] {
  if (a.res) return a.res;
  const res: PushAnswerItem['res'] = {};
  for (const c in sent) res[c] = 'a';
  return res;
}
export type PushAnswer = z.infer<typeof pushAnswer>;

/** The tables a device re-pulls after an upgrade (db/sync/backfill.ts): names only, HQ serves those it holds. */
export const repullTables = z.array(z.string().regex(/^[a-z][a-z0-9_]{0,62}$/)).min(1).max(200);

export const pullRequest = z.strictObject({
  cursor: z.number().int().min(0),
  /**
   * Where this catch-up began. A row arrives whole-since-then: its cells may carry versions below
   * `cursor` when the row itself was last changed after an earlier chunk of the catch-up ended.
   */
  since: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(LIMITS.pullRows).optional(),
  /** Only these tables: what a device re-pulls after an upgrade brought tables or columns it lacked. */
  tables: repullTables.optional(),
});

/** A row (or the changed part of one): values, the stamp most cells share, and the exceptions. */
export const wireRow = z.object({
  v: z.number(),
  t: z.string(),
  id: z.string(),
  h: z.string(),
  c: z.record(z.string(), cellValue),
  hx: z.record(z.string(), z.string()).optional(),
});
export type WireRow = z.infer<typeof wireRow>;

export const wireDrop = z.object({ v: z.number(), t: z.string(), id: z.string() });
export type WireDrop = z.infer<typeof wireDrop>;

const side = z.object({ value: cellValue, hlc: z.string(), device: z.string(), user: z.string() });
export const wireConflict = z.object({
  v: z.number(),
  id: z.string(),
  t: z.string(),
  r: z.string(),
  col: z.string(),
  p: z.string(),
  loser: side,
  winner: side,
  deleted: z.boolean(),
});
export type WireConflict = z.infer<typeof wireConflict>;

export const pullAnswer = z.object({
  hqTime: z.number(),
  rows: z.array(wireRow),
  drops: z.array(wireDrop),
  conflicts: z.array(wireConflict),
  cursor: z.number(),
  more: z.boolean(),
});
export type PullAnswer = z.infer<typeof pullAnswer>;

/** Every refusal HQ sends: a stable code, and the reason in Chinese and English. */
export const errorAnswer = z.object({ error: z.string(), zh: z.string(), en: z.string(), hqTime: z.number().optional(), wipe: z.boolean().optional() });
export type ErrorAnswer = z.infer<typeof errorAnswer>;

export const HEADERS = { device: 'x-rc-device', nonce: 'x-rc-nonce', time: 'x-rc-time', accepts: 'x-rc-accepts' } as const;
/** What a device lists in HEADERS.accepts when it takes push answers without `res` for writes applied whole (pushWireAnswerItem). */
export const BRIEF_ANSWERS = 'brief-answers';

// Attachment bytes (POST /v1/blobs/check, /v1/blobs/put, /v1/blobs/get). The rows of `attachments`
// sync like any other; their files follow in parts small enough for the ordinary body limit, so a
// 10 MB photo never needs a bigger request and a broken connection re-sends at most one part.
export const BLOB_LIMITS = {
  /** The largest file HQ keeps (above the 14 MB any device setting allows, with room for a thumbnail). */
  blobBytes: 16 * 1024 * 1024,
  /** Bytes per request in either direction (as base64 about 1.4 MB, well inside LIMITS.bodyBytes). */
  partBytes: 1024 * 1024,
  /** (attachment, hash) pairs per check. */
  checkItems: 500,
} as const;

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'not a sha-256 in hex');
/** A file named by its hash, and the attachment row through which the device may see it. */
export const blobRef = z.strictObject({ a: rowId, h: sha256Hex });
export type BlobRef = z.infer<typeof blobRef>;

export const blobCheckRequest = z.strictObject({ items: z.array(blobRef).min(1).max(BLOB_LIMITS.checkItems) });
/** `have`: HQ holds these files. `missing`: HQ lacks them (o = bytes of this device's unfinished upload). Pairs in neither: HQ does not know the row (yet). */
export const blobCheckAnswer = z.object({
  hqTime: z.number(),
  have: z.array(z.string()),
  missing: z.array(z.object({ a: z.string(), h: z.string(), o: z.number() })),
});
export type BlobCheckAnswer = z.infer<typeof blobCheckAnswer>;

export const blobPutRequest = z.strictObject({
  a: rowId,
  h: sha256Hex,
  size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Base64 of the part; an oversized part is answered 413 after parsing, not refused as malformed. */
  data: z.string().min(1).max(LIMITS.bodyBytes),
});
/** `have`: bytes HQ holds of this file; the device continues from there (a lost answer costs nothing). */
export const blobPutAnswer = z.object({ hqTime: z.number(), have: z.number(), done: z.boolean() });
export type BlobPutAnswer = z.infer<typeof blobPutAnswer>;

export const blobGetRequest = z.strictObject({ a: rowId, h: sha256Hex, offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });
export const blobGetAnswer = z.object({ hqTime: z.number(), size: z.number(), data: z.string() });
export type BlobGetAnswer = z.infer<typeof blobGetAnswer>;
