// A first sync's snapshot on the wire (POST /v1/snapshot, /v1/snapshot/part). HQ folds what a
// chunked pull from version 0 would bring this device into one columnar copy of its scope at one
// version (hq/snapshot/), cut into parts; the device loads part after part (db/sync/snapshot.ts)
// and then pulls incrementally from that version. Each part is checked against the digest its
// manifest lists before anything of it is written.
import { z } from 'zod';
import { wireConflict, type CellValue, type WireConflict } from './protocol.js';

/** Rows per part: a county or ten load in one pass (one index rebuild, one search flush, one commit); a province resumes part by part after a dropped connection. */
export const SNAPSHOT_PART_ROWS = 60_000;
/** And about this many bytes of JSON at most: a device inflates no answer past LIMITS.answerBytes (32 MB). */
export const SNAPSHOT_PART_BYTES = 24 * 1024 * 1024;

/** How far a first sync has come (the 同步 screen shows it: rows, MB, time left). */
export interface FirstSyncProgress {
  rows: number;
  totalRows: number;
  bytes: number;
  totalBytes: number;
  /** Seconds left at the pace of this session so far (null before a part has arrived, or while it waits for the next session). */
  secondsLeft: number | null;
}

export const snapshotRequest = z.strictObject({
  /** The snapshot a device was loading when it stopped: HQ serves it again if it still holds it. */
  resume: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

export const snapshotPartInfo = z.object({ rows: z.number().int().min(0), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type SnapshotPartInfo = z.infer<typeof snapshotPartInfo>;

export const snapshotManifest = z.object({
  hqTime: z.number(),
  /** sha256 over the version and every part's digest: the same data at the same version has the same id. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  /** HQ's version the snapshot stands at: the device's pull cursor once every part is loaded. */
  version: z.number().int().min(0),
  rows: z.number().int().min(0),
  /** Bytes of all parts as they travel (compressed). */
  bytes: z.number().int().min(0),
  parts: z.array(snapshotPartInfo).max(10_000),
});
export type SnapshotManifest = z.infer<typeof snapshotManifest>;

export const snapshotPartRequest = z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/), n: z.number().int().min(0).max(10_000) });

/**
 * Rows of one table that carry the same columns, column by column: names once, then the values.
 * `h` is each row's stamp (the one most of its cells share), `hx` the cells stamped otherwise as
 * [row index, column, stamp].
 */
export interface SnapshotBlock {
  t: string;
  cols: string[];
  ids: string[];
  h: string[];
  hx: [number, string, string][];
  /** One array per column of `cols`, each as long as `ids`. */
  v: CellValue[][];
}

export interface SnapshotPart {
  blocks: SnapshotBlock[];
  /** Rows that left the scope: the device deletes what it holds of them (only in the last part). */
  drops: [string, string][];
  conflicts: WireConflict[];
}

const isCell = (x: unknown) => x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x));
const isText = (x: unknown): x is string => typeof x === 'string';
const ROW_ID = /^[0-9A-Za-z_-]{1,64}$/;
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * The part's shape, checked without building a schema object per cell (a part holds a million
 * values): every array as long as it must be, names and ids well formed, values JSON scalars.
 */
export function checkSnapshotPart(x: unknown): SnapshotPart | null {
  if (typeof x !== 'object' || x === null) return null;
  const p = x as Record<string, unknown>;
  if (!Array.isArray(p.blocks) || !Array.isArray(p.drops) || !Array.isArray(p.conflicts)) return null;
  for (const b of p.blocks as unknown[]) {
    if (typeof b !== 'object' || b === null) return null;
    const { t, cols, ids, h, hx, v } = b as Record<string, unknown>;
    if (!isText(t) || !NAME.test(t) || !Array.isArray(cols) || !Array.isArray(ids) || !Array.isArray(h) || !Array.isArray(hx) || !Array.isArray(v)) return null;
    if (!cols.every((c) => isText(c) && NAME.test(c) && c !== 'id') || new Set(cols).size !== cols.length) return null;
    if (h.length !== ids.length || v.length !== cols.length || !ids.every((id) => isText(id) && ROW_ID.test(id)) || !h.every(isText)) return null;
    for (const col of v as unknown[]) if (!Array.isArray(col) || col.length !== ids.length || !col.every(isCell)) return null;
    for (const e of hx as unknown[]) {
      if (!Array.isArray(e) || e.length !== 3 || !Number.isInteger(e[0]) || e[0] < 0 || e[0] >= ids.length || !cols.includes(e[1]) || !isText(e[2])) return null;
    }
  }
  if (!(p.drops as unknown[]).every((d) => Array.isArray(d) && d.length === 2 && isText(d[0]) && NAME.test(d[0]) && isText(d[1]))) return null;
  if (!z.array(wireConflict).safeParse(p.conflicts).success) return null;
  return p as unknown as SnapshotPart;
}
