// Loads one part of a first-sync snapshot (shared/sync/snapshot.ts) in one transaction, straight
// from its columns: rows of a table that held nothing when the snapshot began, with no waiting
// write and nothing stashed, go in with multi-row inserts (secondary indexes and triggers dropped
// and rebuilt when the part brings at least as many rows as the table holds, search re-indexed in
// one pass), their clocks appended in key order. Rows of any other table merge cell by cell exactly
// as a pulled chunk's (db/sync/apply.ts). The part's progress, and after the last part the pull
// cursor, are written in the same transaction: a crash leaves the part wholly loaded or not at all.
import type Database from 'better-sqlite3';
import type { CellValue, WireRow } from '../../shared/sync/protocol.js';
import type { SnapshotBlock, SnapshotPart } from '../../shared/sync/snapshot.js';
import { flushSearch } from '../people/searchBulk.js';
import { markSearchPending, searchSourceTables } from '../people/searchPending.js';
import { applyChunks, applyConflict, asBigBatch, CURSOR_KEY, SINCE_KEY } from './apply.js';
import { Appender, droppable, ident, REBUILD_FROM, rowCount } from './bulk.js';
import { Local } from './local.js';
import { clockOf, persistClock, setMetaRaw, withoutCapture } from './state.js';

const MAX_VALUES = 16_000;
const MAX_ROWS_PER_INSERT = 128;
const BIG = 5000;

export interface PartTarget {
  /** HQ's version the snapshot stands at. */
  version: number;
  /** Set on the last part: the pull cursor to continue from (the snapshot's version, or lower if an older one was partly loaded first). */
  cursor?: number;
  /** Tables that held rows before the snapshot began: its rows merge into them instead of being inserted. */
  dirty: ReadonlySet<string>;
  /** Where the snapshot's progress is kept, and the value to keep (null once done). */
  progressKey: string;
  progress: string | null;
}

export interface PartSummary {
  rows: number;
  stashed: number;
}

const tablesWith = (raw: Database.Database, sql: string) => new Set((raw.prepare(sql).all() as { t: string }[]).map((r) => r.t));

/** A block's rows as pulled rows (for the merge path). */
function asWireRows(b: SnapshotBlock, v: number): WireRow[] {
  const hx = new Map<number, Record<string, string>>();
  for (const [i, c, s] of b.hx) (hx.get(i) ?? hx.set(i, {}).get(i)!)[c] = s;
  return b.ids.map((id, i) => {
    const c: Record<string, CellValue> = {};
    b.cols.forEach((col, k) => (c[col] = b.v[k]![i]!));
    const x = hx.get(i);
    return x ? { v, t: b.t, id, h: b.h[i]!, c, hx: x } : { v, t: b.t, id, h: b.h[i]!, c };
  });
}

/** Inserts a block's rows (only the columns this store has); a refused statement is retried row by row and a refused row stashed. Returns the rows that landed, by index. */
function insertBlock(local: Local, b: SnapshotBlock, onStash: () => void): number[] {
  const known = local.columns(b.t);
  const keep = b.cols.map((c, k) => [c, k] as const).filter(([c]) => known.has(c));
  if (!keep.length) return []; // nothing of it this app version stores
  const cols = ['id', ...keep.map(([c]) => c)];
  const per = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_VALUES / cols.length)));
  const sql = (n: number) => `INSERT INTO ${ident(b.t)} (${cols.map(ident).join(',')}) VALUES ${Array(n).fill(`(${cols.map(() => '?').join(',')})`).join(',')}`;
  const full = b.ids.length >= per ? local.stmt(sql(per)) : null;
  const buf: CellValue[] = new Array(per * cols.length);
  const landed: number[] = [];
  const fill = (from: number, to: number, out: CellValue[]) => {
    let k = 0;
    for (let i = from; i < to; i++) {
      out[k++] = b.ids[i]!;
      for (const [, j] of keep) out[k++] = b.v[j]![i]!;
    }
    return out;
  };
  for (let from = 0; from < b.ids.length; from += per) {
    const to = Math.min(b.ids.length, from + per);
    try {
      if (full && to - from === per) full.run(fill(from, to, buf));
      else local.stmt(sql(to - from)).run(fill(from, to, []));
      for (let i = from; i < to; i++) landed.push(i);
    } catch {
      for (let i = from; i < to; i++) {
        try {
          local.stmt(sql(1)).run(fill(i, i + 1, []));
          landed.push(i);
        } catch (e) {
          const hx = Object.fromEntries(b.hx.filter(([r]) => r === i).map(([, c, s]) => [c, s]));
          const cells = Object.fromEntries(keep.map(([c, j]) => [c, { value: b.v[j]![i]!, hlc: hx[c] ?? b.h[i]! }]));
          local
            .stmt(`INSERT INTO sync_stash (tbl, row_id, cells, error, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET cells = excluded.cells, error = excluded.error, at = excluded.at`)
            .run(b.t, b.ids[i]!, JSON.stringify(cells), String((e as Error).message).slice(0, 300), new Date().toISOString());
          onStash();
        }
      }
    }
  }
  return landed;
}

function loadFast(raw: Database.Database, local: Local, blocks: SnapshotBlock[], sum: PartSummary): string {
  const tables = [...new Set(blocks.map((b) => b.t))];
  const rows = blocks.reduce((n, b) => n + b.ids.length, 0);
  const rebuild = rows >= REBUILD_FROM && rows >= rowCount(local, tables);
  const dropped = rebuild ? droppable(raw, tables) : [];
  for (const o of dropped) raw.exec(`DROP ${o.type.toUpperCase()} ${ident(o.name)}`);
  const clocks = new Appender(local, 'sync_row_clock', ['tbl', 'row_id', 'hlc']);
  const cells = new Appender(local, 'sync_cell_clock', ['tbl', 'row_id', 'col', 'hlc']);
  let top = '';
  // Blocks come in table order and ids sorted within each: the clocks go in in key order too.
  for (const b of [...blocks].sort((x, y) => (x.t < y.t ? -1 : x.t > y.t ? 1 : 0))) {
    const landed = insertBlock(local, b, () => sum.stashed++);
    if (!landed.length) continue;
    const known = local.columns(b.t);
    const hx = new Map<number, [string, string][]>();
    for (const [i, c, s] of b.hx) if (known.has(c)) (hx.get(i) ?? hx.set(i, []).get(i)!).push([c, s]);
    for (const i of landed) {
      const h = b.h[i]!;
      clocks.put(b.t).put(b.ids[i]).put(h).endRow();
      if (h > top) top = h;
      for (const [c, s] of hx.get(i) ?? []) {
        cells.put(b.t).put(b.ids[i]).put(c).put(s).endRow();
        if (s > top) top = s;
      }
    }
    sum.rows += landed.length;
    if (rebuild && searchSourceTables().includes(b.t)) markSearchPending(raw, b.t, landed.map((i) => b.ids[i]!));
  }
  clocks.flush();
  cells.flush();
  for (const o of dropped) raw.exec(o.sql);
  return top;
}

/** Loads one part; see the file's head. */
export function loadPart(raw: Database.Database, part: SnapshotPart, at: PartTarget): PartSummary {
  const rows = part.blocks.reduce((n, b) => n + b.ids.length, 0);
  return asBigBatch(raw, rows >= BIG, () =>
    withoutCapture(raw, () =>
      raw.transaction(() => {
        const local = Local.of(raw);
        const sum: PartSummary = { rows: 0, stashed: 0 };
        const waiting = tablesWith(raw, `SELECT DISTINCT tbl AS t FROM sync_outbox WHERE tbl <> ''`);
        const stashed = tablesWith(raw, `SELECT DISTINCT tbl AS t FROM sync_stash`);
        const fast: SnapshotBlock[] = [];
        const merge: WireRow[] = [];
        for (const b of part.blocks) {
          if (!local.hasTable(b.t)) continue; // a table this app version does not have yet
          if (at.dirty.has(b.t) || waiting.has(b.t) || stashed.has(b.t)) merge.push(...asWireRows(b, at.version));
          else fast.push(b);
        }
        if (merge.length) {
          const s = applyChunks(raw, [{ hqTime: 0, rows: merge, drops: [], conflicts: [], cursor: at.version, more: true }], { noCursor: true });
          sum.rows += s.rows;
          sum.stashed += s.stashed;
        }
        if (fast.length) {
          local.stmt(`INSERT INTO people_search_defer (on_since) VALUES (?)`).run(String(at.version));
          const top = loadFast(raw, local, fast, sum);
          if (top) clockOf(raw).observe(top);
          flushSearch(raw);
        }
        for (const [t, id] of part.drops) if (local.hasTable(t)) local.deleteRow(t, id);
        for (const c of part.conflicts) applyConflict(local, c);
        setMetaRaw(raw, at.progressKey, at.progress);
        if (at.cursor !== undefined) {
          setMetaRaw(raw, CURSOR_KEY, String(at.cursor));
          setMetaRaw(raw, SINCE_KEY, String(at.cursor));
        }
        persistClock(raw);
        return sum;
      })(),
    ),
  );
}
