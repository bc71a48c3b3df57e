// A device's first sync as one snapshot: everything a chunked pull from version 0 would bring it,
// folded to one state per row and written column by column. It is built BY the pull (hq/pull.ts):
// the same scope filter, withholding, masking and nulling of private cells, so a snapshot never
// carries a row or a cell a pull would not; only the bound of each read is larger.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { CellValue, WireConflict, WireRow } from '../../shared/sync/protocol.js';
import { SNAPSHOT_PART_BYTES, SNAPSHOT_PART_ROWS, type SnapshotBlock, type SnapshotPart } from '../../shared/sync/snapshot.js';
import type { Device } from '../auth.js';
import { pull } from '../pull.js';
import type { HqStore } from '../store.js';

/** Rows per read while building (the pull's own bound over HTTP is 2,000 rows / 1 MB). */
const READ_ROWS = 20_000;
const READ_BYTES = 64 * 1024 * 1024;

export interface BuiltPart {
  rows: number;
  /** The part's JSON, brotli-compressed once here and sent as it is to every device that asks. */
  coded: Buffer;
  /** sha256 of the JSON before compression: what the device checks. */
  sha256: string;
}

export interface BuiltSnapshot {
  id: string;
  version: number;
  rows: number;
  parts: BuiltPart[];
  bytes: number;
}

type Ev = { v: number; row?: WireRow; drop?: [string, string]; conflict?: WireConflict };

/** What a chunked pull from 0 leaves a device holding: each row's last state, the drops and conflict records in version order. */
async function fold(store: HqStore, actor: Device) {
  const rows = new Map<string, Map<string, WireRow>>();
  const drops = new Map<string, [string, string]>();
  const conflicts = new Map<string, WireConflict>();
  let cursor = 0;
  for (;;) {
    // since = 0: every row comes whole (its scope_version is above 0), so no cell depends on which device asks.
    const a = await pull(store, actor, cursor, READ_ROWS, 0, undefined, READ_BYTES);
    const evs: Ev[] = [];
    for (const row of a.rows) evs.push({ v: row.v, row });
    for (const d of a.drops) evs.push({ v: d.v, drop: [d.t, d.id] });
    for (const c of a.conflicts) evs.push({ v: c.v, conflict: c });
    evs.sort((x, y) => x.v - y.v);
    for (const e of evs) {
      if (e.row) {
        // A later whole row carries every cell with a stamp at least as high as before: it replaces the earlier one.
        let m = rows.get(e.row.t);
        if (!m) rows.set(e.row.t, (m = new Map()));
        m.set(e.row.id, e.row);
        drops.delete(`${e.row.t}\u0000${e.row.id}`);
      } else if (e.drop) {
        const [t, id] = e.drop;
        rows.get(t)?.delete(id);
        drops.set(`${t}\u0000${id}`, e.drop);
        // a device deletes the row's conflict records with the row (db/sync/local.ts deleteRow)
        for (const [k, c] of conflicts) if (c.t === t && c.r === id) conflicts.delete(k);
      } else if (e.conflict) conflicts.set(e.conflict.id, e.conflict);
    }
    cursor = a.cursor;
    if (!a.more) break;
  }
  return { rows, drops: [...drops.values()], conflicts: [...conflicts.values()], version: cursor };
}

/** Rows of one table by column list, in id order; each list a block. */
function blocksOf(t: string, m: Map<string, WireRow>): SnapshotBlock[] {
  const byCols = new Map<string, WireRow[]>();
  for (const r of [...m.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = Object.keys(r.c).filter((c) => c !== 'id').join(',');
    let g = byCols.get(key);
    if (!g) byCols.set(key, (g = []));
    g.push(r);
  }
  const out: SnapshotBlock[] = [];
  for (const [key, list] of byCols) {
    const cols = key ? key.split(',') : [];
    const b: SnapshotBlock = { t, cols, ids: [], h: [], hx: [], v: cols.map(() => []) };
    list.forEach((r, i) => {
      b.ids.push(r.id);
      b.h.push(r.h);
      cols.forEach((c, k) => b.v[k]!.push(r.c[c] as CellValue));
      if (r.hx) for (const c of Object.keys(r.hx).sort()) if (c !== 'id') b.hx.push([i, c, r.hx[c]!]);
    });
    out.push(b);
  }
  return out;
}

/** About the JSON length of a block's row `i` in UTF-8 (strings counted unescaped). */
function rowBytes(b: SnapshotBlock, i: number): number {
  let n = b.ids[i]!.length + b.h[i]!.length + 8;
  for (const col of b.v) {
    const v = col[i];
    n += (typeof v === 'string' ? Buffer.byteLength(v, 'utf8') + 2 : v === null ? 4 : String(v).length) + 1;
  }
  return n;
}

/** A block's rows from `from` to `to` (exclusive), as a block of their own. */
function sliceBlock(b: SnapshotBlock, from: number, to: number): SnapshotBlock {
  return {
    t: b.t, cols: b.cols, ids: b.ids.slice(from, to), h: b.h.slice(from, to),
    hx: b.hx.filter(([i]) => i >= from && i < to).map(([i, c, s]) => [i - from, c, s]),
    v: b.v.map((col) => col.slice(from, to)),
  };
}

const brotli = promisify(brotliCompress);

async function encodePart(p: SnapshotPart): Promise<BuiltPart> {
  const json = Buffer.from(JSON.stringify(p), 'utf8');
  // Built once and sent many times: a better brotli quality than a live answer's pays for itself.
  const coded = await brotli(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } });
  return { rows: p.blocks.reduce((n, b) => n + b.ids.length, 0), coded, sha256: createHash('sha256').update(json).digest('hex') };
}

export async function buildSnapshot(store: HqStore, actor: Device, partRows = SNAPSHOT_PART_ROWS): Promise<BuiltSnapshot> {
  const f = await fold(store, actor);
  const parts: Promise<BuiltPart>[] = [];
  let current: SnapshotBlock[] = [];
  let n = 0;
  let bytes = 0;
  const cut = () => {
    if (current.length) parts.push(encodePart({ blocks: current, drops: [], conflicts: [] }));
    current = [];
    n = 0;
    bytes = 0;
  };
  for (const t of [...f.rows.keys()].sort()) {
    for (const b of blocksOf(t, f.rows.get(t)!)) {
      for (let from = 0; from < b.ids.length; ) {
        // Rows up to the part's bound in rows and (about) in bytes; at least one.
        let to = from;
        while (to < b.ids.length && n + (to - from) < partRows && (to === from || bytes < SNAPSHOT_PART_BYTES)) bytes += rowBytes(b, to++);
        current.push(from === 0 && to === b.ids.length ? b : sliceBlock(b, from, to));
        n += to - from;
        from = to;
        if (n >= partRows || bytes >= SNAPSHOT_PART_BYTES) cut();
      }
    }
  }
  // Drops and conflict records ride with the last part, after every row.
  parts.push(encodePart({ blocks: current, drops: f.drops, conflicts: f.conflicts }));
  return assemble(f.version, await Promise.all(parts));
}

function assemble(version: number, parts: BuiltPart[]): BuiltSnapshot {
  const id = createHash('sha256').update(`${version}:${parts.map((p) => p.sha256).join(',')}`).digest('hex');
  return { id, version, rows: parts.reduce((s, p) => s + p.rows, 0), parts, bytes: parts.reduce((s, p) => s + p.coded.length, 0) };
}
