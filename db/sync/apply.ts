// The pull half on the device: apply one chunk from HQ — rows (per-column last writer wins),
// drops (rows that left this device's scope) and conflict records — and store the new cursor,
// all in one transaction, so a crash leaves either the whole chunk or none of it.
import type Database from 'better-sqlite3';
import type { CellValue, PullAnswer, WireConflict, WireDrop, WireRow } from '../../shared/sync/protocol.js';
import { insertFresh } from './bulk.js';
import { ColumnLists, FreshRows, mergeInto, type FreshRow, type Stamped } from './freshRows.js';
import { flushSearch } from '../people/searchBulk.js';
import { Local, PendingIndex, freezeBase } from './local.js';
import { clockOf, persistClock, setMetaRaw, withoutCapture } from './state.js';

export const CURSOR_KEY = 'sync_cursor';
/** Where the current catch-up began (see `since` in shared/sync/protocol.ts). */
export const SINCE_KEY = 'sync_pull_since';
/** From this many rows a chunk defers search indexing to one set-based pass (cheaper from a handful on). */
export const BULK_ROWS = 8;
/** From this many rows a batch is written as a big one (asBigBatch). */
const BIG_BATCH = 5000;
const BIG_CACHE_KIB = -262144;

export interface ApplySummary {
  rows: number;
  cells: number;
  dropped: number;
  conflicts: number;
  stashed: number;
}

type Event = { v: number; row?: WireRow; drop?: WireDrop; conflict?: WireConflict };

/** Whether the chunks carry rows alone, already in version order (a first sync). */
function rowsOnlyInOrder(chunks: PullAnswer[]): boolean {
  let v = -Infinity;
  for (const c of chunks) {
    if (c.drops.length || c.conflicts.length) return false;
    for (const row of c.rows) {
      if (row.v < v) return false;
      v = row.v;
    }
  }
  return true;
}

/** Every event of the chunks in version order. */
function events(chunks: PullAnswer[]): Event[] {
  const out: Event[] = [];
  for (const chunk of chunks) {
    for (const row of chunk.rows) out.push({ v: row.v, row });
    for (const drop of chunk.drops) out.push({ v: drop.v, drop });
    for (const conflict of chunk.conflicts) out.push({ v: conflict.v, conflict });
  }
  return out.sort((a, b) => a.v - b.v);
}

/** Per batch: which tables held no row when the batch began (no row of them needs looking up). */
type Emptiness = Map<string, boolean>;

/**
 * A row this device holds nothing of (no row, no waiting write, nothing stashed) is collected for
 * the bulk load instead of applied now; later events of the batch for it merge into it, per cell
 * by stamp, exactly as applying them one after another would. Returns false for any other row.
 */
function collectFresh(local: Local, pending: PendingIndex, row: WireRow, fresh: FreshRows, stash: { some: boolean }, empty: Emptiness, lists: ColumnLists): boolean {
  const held = fresh.get(row.t, row.id);
  if (held) {
    mergeInto(held, row.c, row.h, row.hx, local.columns(row.t));
    held.events++;
    return true;
  }
  if (!local.hasTable(row.t) || (pending.any && pending.forRow(row.t, row.id).length)) return false;
  let none = empty.get(row.t);
  if (none === undefined) empty.set(row.t, (none = !local.stmt(`SELECT 1 FROM ${JSON.stringify(row.t)} LIMIT 1`).get()));
  if (!none && local.rowExists(row.t, row.id)) return false;
  if (stash.some && local.stmt(`SELECT 1 FROM sync_stash WHERE tbl = ? AND row_id = ?`).get(row.t, row.id)) return false;
  const known = local.columns(row.t);
  const list = lists.of(row.t, row.c, known);
  const r: FreshRow = { t: row.t, id: row.id, h: row.h, c: row.c, hx: row.hx, events: 1, cols: list.cols };
  if (!list.known) {
    Object.assign(r, { c: {}, hx: {}, own: true });
    mergeInto(r, row.c, row.h, row.hx, known);
    if (!Object.keys(r.c).length) return true; // nothing this app version stores
  }
  fresh.add(r);
  return true;
}

/** `stash.some`: whether sync_stash may hold rows (read once per chunk; an initial sync has none to look up). */
function applyRow(local: Local, pending: PendingIndex, row: WireRow, sum: ApplySummary, stash: { some: boolean }): void {
  if (!local.hasTable(row.t)) return; // a table this app version does not have yet
  const known = local.columns(row.t);
  const incoming = new Map<string, Stamped>();
  const stashedRow = stash.some ? (local.stmt(`SELECT cells FROM sync_stash WHERE tbl = ? AND row_id = ?`).get(row.t, row.id) as { cells: string } | undefined) : undefined;
  if (stashedRow) for (const [c, s] of Object.entries(JSON.parse(stashedRow.cells) as Record<string, Stamped>)) incoming.set(c, s);
  for (const [c, value] of Object.entries(row.c)) {
    const hlc = row.hx?.[c] ?? row.h;
    const prev = incoming.get(c);
    if (known.has(c) && (!prev || prev.hlc < hlc)) incoming.set(c, { value, hlc });
  }
  const clock = clockOf(local.raw);
  const exists = local.rowExists(row.t, row.id);
  const win: Record<string, CellValue> = {};
  const stamps: [string, string][] = [];
  if (!exists && pending.forRow(row.t, row.id).length === 0) {
    // Fast path (initial sync): nothing held locally, every cell wins.
    for (const [c, s] of incoming) {
      win[c] = s.value;
      stamps.push([c, s.hlc]);
    }
  } else {
    const rowClock = local.rowClock(row.t, row.id);
    const cells = local.cellClocks(row.t, row.id);
    for (const [c, s] of incoming) {
      const held = cells.get(c) ?? rowClock;
      const waiting = pending.cellHlc(row.t, row.id, c);
      if (s.hlc > held && s.hlc > waiting) {
        if (waiting) freezeBase(local, pending, row.t, row.id, c, held);
        win[c] = s.value;
        stamps.push([c, s.hlc]);
      }
    }
  }
  if (!stamps.length) return;
  try {
    if (exists) local.updateRow(row.t, row.id, win);
    else local.insertRow(row.t, row.id, win);
  } catch (e) {
    // The local schema refuses the row (missing required value, CHECK a newer app allows): keep it
    // aside and retry when more of it arrives, rather than stop the whole sync.
    const cells = Object.fromEntries(incoming);
    local
      .stmt(`INSERT INTO sync_stash (tbl, row_id, cells, error, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET cells = excluded.cells, error = excluded.error, at = excluded.at`)
      .run(row.t, row.id, JSON.stringify(cells), String((e as Error).message).slice(0, 300), new Date().toISOString());
    sum.stashed++;
    stash.some = true;
    return;
  }
  if (stashedRow) local.stmt(`DELETE FROM sync_stash WHERE tbl = ? AND row_id = ?`).run(row.t, row.id);
  let top = '';
  if (!exists && stamps.length === incoming.size) {
    // One row clock for the stamp most cells share, cell clocks for the rest.
    local.setRowClock(row.t, row.id, row.h);
    for (const [c, h] of stamps) if (h !== row.h) local.setCellClock(row.t, row.id, c, h);
  } else for (const [c, h] of stamps) local.setCellClock(row.t, row.id, c, h);
  for (const [, h] of stamps) if (h > top) top = h;
  clock.observe(top);
  sum.rows++;
  sum.cells += stamps.length;
}

export function applyConflict(local: Local, c: WireConflict): void {
  if (c.deleted) {
    local.stmt(`DELETE FROM sync_conflicts WHERE id = ?`).run(c.id);
    return;
  }
  local
    .stmt(
      `INSERT INTO sync_conflicts (id, version, tbl, row_id, col, scope_path, loser_value, loser_hlc, loser_device, loser_user,
         winner_value, winner_hlc, winner_device, winner_user)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, scope_path = excluded.scope_path,
         winner_value = excluded.winner_value, winner_hlc = excluded.winner_hlc, winner_device = excluded.winner_device,
         winner_user = excluded.winner_user`,
    )
    .run(c.id, c.v, c.t, c.r, c.col, c.p, JSON.stringify(c.loser.value), c.loser.hlc, c.loser.device, c.loser.user,
      JSON.stringify(c.winner.value), c.winner.hlc, c.winner.device, c.winner.user);
}

export interface ApplyOptions {
  /** Bulk-load fresh rows from this many in one batch with indexes rebuilt (db/sync/bulk.ts). */
  rebuildFrom?: number;
  /** Where the cursor is kept: a re-pull after an upgrade keeps its own (db/sync/backfill.ts) and leaves the sync's alone. */
  cursorKey?: string;
  /** Moves no cursor: rows of a first-sync snapshot that meet rows already here merge this way, and the snapshot sets the cursor (db/sync/snapshotLoad.ts). */
  noCursor?: boolean;
}

/** Applies a pulled chunk and moves the cursor, atomically. */
export function applyChunk(raw: Database.Database, chunk: PullAnswer, opts: ApplyOptions = {}): ApplySummary {
  return applyChunks(raw, [chunk], opts);
}

/**
 * A big batch (a first sync) writes tens of MB. In WAL mode every page is written twice: into the
 * log at commit, then into the database file at the checkpoint (~25% of a 44k-row first sync
 * here). With a rollback journal a page the database did not have before needs no journal entry
 * at all, so for the batch the store leaves WAL mode (possible only when no other connection has it
 * open; otherwise the batch runs in WAL mode and checkpoints right after committing) and syncs
 * fully at commit. It is as crash-safe: a hot journal rolls an interrupted batch back at the next
 * open, and opening a store always puts it back in WAL mode. A larger page cache keeps the batch
 * from spilling early.
 */
export function asBigBatch<T>(raw: Database.Database, big: boolean, fn: () => T): T {
  if (!big || raw.inTransaction) return fn();
  const cache = raw.pragma('cache_size', { simple: true }) as number;
  const synchronous = raw.pragma('synchronous', { simple: true }) as number;
  const autoCheckpoint = raw.pragma('wal_autocheckpoint', { simple: true }) as number;
  const journal = leaveWal(raw);
  raw.pragma(`cache_size = ${BIG_CACHE_KIB}`);
  if (journal) raw.pragma('synchronous = FULL');
  else raw.pragma('wal_autocheckpoint = 0');
  try {
    return fn();
  } finally {
    raw.pragma(`cache_size = ${cache}`);
    raw.pragma(`synchronous = ${synchronous}`);
    raw.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    if (journal) raw.pragma('journal_mode = WAL');
    else raw.pragma('wal_checkpoint(PASSIVE)');
  }
}

/** Switches a WAL store to a rollback journal; false (still WAL) when another connection holds it. */
function leaveWal(raw: Database.Database): boolean {
  if (raw.memory || raw.pragma('journal_mode', { simple: true }) !== 'wal') return false;
  try {
    return raw.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch {
    return false;
  }
}

/**
 * Applies consecutive pulled chunks (each asked for at the cursor the previous one returned) and
 * moves the cursor to the last one's, atomically. Rows new to this device are bulk-loaded; the
 * rest merge one by one, in version order.
 */
export function applyChunks(raw: Database.Database, chunks: PullAnswer[], opts: ApplyOptions = {}): ApplySummary {
  const last = chunks.at(-1);
  if (!last) throw new Error('applyChunks: no chunk');
  const big = chunks.reduce((n, c) => n + c.rows.length, 0) >= BIG_BATCH;
  return asBigBatch(raw, big, () => withoutCapture(raw, () => raw.transaction(() => applyInTransaction(raw, chunks, last, opts))()));
}

function applyInTransaction(raw: Database.Database, chunks: PullAnswer[], last: PullAnswer, opts: ApplyOptions): ApplySummary {
  const local = Local.of(raw);
  const sum: ApplySummary = { rows: 0, cells: 0, dropped: 0, conflicts: 0, stashed: 0 };
  const clock = clockOf(raw);
  for (const c of chunks) clock.observe(c.hqTime);
  // People arriving in bulk are indexed for search once, set-based, at the end of the batch
  // (migration 2026_11_27_search_deferred) rather than one by one as each row lands.
  const size = chunks.reduce((n, c) => n + c.rows.length + c.drops.length, 0);
  const defer = size >= Math.min(BULK_ROWS, opts.rebuildFrom ?? BULK_ROWS);
  if (defer) local.stmt(`INSERT INTO people_search_defer (on_since) VALUES (?)`).run(String(last.cursor));
  const pending = new PendingIndex(local.pending());
  const stash = { some: (local.stmt(`SELECT EXISTS (SELECT 1 FROM sync_stash) AS x`).get() as { x: number }).x === 1 };
  const fresh = new FreshRows();
  const empty: Emptiness = new Map();
  const lists = new ColumnLists();
  const onRow = (row: WireRow) => {
    if (!collectFresh(local, pending, row, fresh, stash, empty, lists)) {
      empty.set(row.t, false); // it may land now
      applyRow(local, pending, row, sum, stash);
    }
  };
  if (rowsOnlyInOrder(chunks)) {
    // A first sync: no event to interleave, so no event list to build.
    for (const c of chunks) for (const row of c.rows) onRow(row);
  } else
    for (const e of events(chunks)) {
      if (e.row) onRow(e.row);
      else if (e.drop) {
        fresh.delete(e.drop.t, e.drop.id);
        if (local.hasTable(e.drop.t)) local.deleteRow(e.drop.t, e.drop.id);
        sum.dropped++;
      } else if (e.conflict) {
        applyConflict(local, e.conflict);
        sum.conflicts++;
      }
    }
  if (fresh.size) {
    // Indexes and triggers are only dropped while search indexing is deferred (it re-indexes what they would have).
    const b = insertFresh(local, fresh, { rebuildFrom: defer ? opts.rebuildFrom : Infinity });
    sum.rows += b.rows;
    sum.cells += b.cells;
    sum.stashed += b.stashed;
    if (b.top) clock.observe(b.top);
  }
  if (defer) flushSearch(raw);
  if (opts.noCursor) {
    // the caller moves it
  } else if (opts.cursorKey) setMetaRaw(raw, opts.cursorKey, String(last.cursor));
  else {
    setMetaRaw(raw, CURSOR_KEY, String(last.cursor));
    if (!last.more) setMetaRaw(raw, SINCE_KEY, String(last.cursor));
  }
  persistClock(raw);
  return sum;
}
