// Low-level access to a device store for the sync engine: prepared statements cached per
// connection, the stamp each held value carries, and the writes still waiting in the outbox.
// Everything here is synchronous better-sqlite3, run inside one transaction by its callers.
import type Database from 'better-sqlite3';
import { maxHlc } from '../../shared/sync/hlc.js';
import type { CellValue } from '../../shared/sync/protocol.js';
import { capturedTables, syncedColumns } from './capture.js';

export interface PendingWrite {
  seq: number;
  tbl: string;
  rowId: string;
  hlc: string;
  scope: string;
  cols: Record<string, CellValue>;
  /** Stamps frozen for columns whose base could no longer be read from the clocks. */
  base: Record<string, string> | null;
}

export interface OutboxRow {
  seq: number;
  tbl: string;
  row_id: string;
  hlc: string;
  scope: string;
  cols: string;
  base: string | null;
}

export const toPending = (r: OutboxRow): PendingWrite => ({
  seq: r.seq, tbl: r.tbl, rowId: r.row_id, hlc: r.hlc, scope: r.scope, cols: JSON.parse(r.cols), base: r.base ? JSON.parse(r.base) : null,
});

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
export const rowKey = (tbl: string, rowId: string) => `${tbl}\u0000${rowId}`;

/** Prepared statements and table shapes for one connection. */
export class Local {
  private static cache = new WeakMap<Database.Database, Local>();
  static of(raw: Database.Database): Local {
    let l = Local.cache.get(raw);
    if (!l) Local.cache.set(raw, (l = new Local(raw)));
    return l;
  }

  private readonly stmts = new Map<string, Database.Statement>();
  private colsCache = new Map<string, Set<string>>();
  private tables: Set<string>;

  private constructor(readonly raw: Database.Database) {
    this.tables = new Set(capturedTables(raw));
  }

  stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.raw.prepare(sql)));
    return s;
  }

  hasTable(t: string): boolean {
    return this.tables.has(t);
  }

  columns(t: string): Set<string> {
    let c = this.colsCache.get(t);
    if (!c) this.colsCache.set(t, (c = new Set(syncedColumns(this.raw, t))));
    return c;
  }

  rowExists(t: string, id: string): boolean {
    return this.stmt(`SELECT 1 FROM ${ident(t)} WHERE id = ?`).get(id) !== undefined;
  }

  readRow(t: string, id: string): Record<string, CellValue> | undefined {
    return this.stmt(`SELECT * FROM ${ident(t)} WHERE id = ?`).get(id) as Record<string, CellValue> | undefined;
  }

  insertRow(t: string, id: string, cells: Record<string, CellValue>): void {
    const cols = Object.keys(cells);
    this.stmt(`INSERT INTO ${ident(t)} (id${cols.map((c) => `, ${ident(c)}`).join('')}) VALUES (?${', ?'.repeat(cols.length)})`).run(
      id,
      ...cols.map((c) => cells[c] ?? null),
    );
  }

  updateRow(t: string, id: string, cells: Record<string, CellValue>): void {
    const cols = Object.keys(cells);
    if (!cols.length) return;
    this.stmt(`UPDATE ${ident(t)} SET ${cols.map((c) => `${ident(c)} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => cells[c] ?? null), id);
  }

  deleteRow(t: string, id: string): void {
    this.stmt(`DELETE FROM ${ident(t)} WHERE id = ?`).run(id);
    this.stmt(`DELETE FROM sync_row_clock WHERE tbl = ? AND row_id = ?`).run(t, id);
    this.stmt(`DELETE FROM sync_cell_clock WHERE tbl = ? AND row_id = ?`).run(t, id);
    this.stmt(`DELETE FROM sync_stash WHERE tbl = ? AND row_id = ?`).run(t, id);
    this.stmt(`DELETE FROM sync_conflicts WHERE tbl = ? AND row_id = ?`).run(t, id);
  }

  rowClock(t: string, id: string): string {
    return (this.stmt(`SELECT hlc FROM sync_row_clock WHERE tbl = ? AND row_id = ?`).get(t, id) as { hlc: string } | undefined)?.hlc ?? '';
  }

  cellClocks(t: string, id: string): Map<string, string> {
    const rows = this.stmt(`SELECT col, hlc FROM sync_cell_clock WHERE tbl = ? AND row_id = ?`).all(t, id) as { col: string; hlc: string }[];
    return new Map(rows.map((r) => [r.col, r.hlc]));
  }

  /** The stamp of the value held in one cell ('' if it never came through sync). */
  clock(t: string, id: string, col: string): string {
    const c = this.stmt(`SELECT hlc FROM sync_cell_clock WHERE tbl = ? AND row_id = ? AND col = ?`).get(t, id, col) as { hlc: string } | undefined;
    return c?.hlc ?? this.rowClock(t, id);
  }

  setRowClock(t: string, id: string, hlc: string): void {
    this.stmt(`INSERT INTO sync_row_clock (tbl, row_id, hlc) VALUES (?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET hlc = excluded.hlc`).run(t, id, hlc);
  }

  setCellClock(t: string, id: string, col: string, hlc: string): void {
    this.stmt(`INSERT INTO sync_cell_clock (tbl, row_id, col, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc`).run(t, id, col, hlc);
  }

  /** Waiting writes after `afterSeq` that touch the given rows (the outbox has no row index: a scan). */
  pendingForRows(afterSeq: number, rows: { tbl: string; rowId: string }[]): PendingWrite[] {
    const keys = JSON.stringify([...new Set(rows.map((r) => `${r.tbl}\u0000${r.rowId}`))]);
    return (
      this.stmt(`SELECT seq, tbl, row_id, hlc, scope, cols, base FROM sync_outbox
        WHERE seq > ? AND tbl <> '' AND tbl || char(0) || row_id IN (SELECT value FROM json_each(?)) ORDER BY seq`).all(afterSeq, keys) as OutboxRow[]
    ).map(toPending);
  }

  /** Outbox entries in seq order, optionally only those after `afterSeq`. */
  pending(afterSeq = 0, limit = -1): PendingWrite[] {
    return (this.stmt(`SELECT seq, tbl, row_id, hlc, scope, cols, base FROM sync_outbox WHERE seq > ? AND tbl <> '' ORDER BY seq LIMIT ?`).all(afterSeq, limit) as OutboxRow[]).map(toPending);
  }

  setBase(seq: number, base: Record<string, string>): void {
    this.stmt(`UPDATE sync_outbox SET base = ? WHERE seq = ?`).run(JSON.stringify(base), seq);
  }

  /**
   * Removes acknowledged writes, in one statement. The one with the highest number stays as a marker
   * (tbl = '') so that SQLite never hands its number out again (see migration 2026_11_26_sync_outbox).
   */
  ack(seqs: number[]): void {
    if (!seqs.length) return;
    const top = (this.stmt(`SELECT max(seq) AS s FROM sync_outbox`).get() as { s: number | null }).s ?? 0;
    this.stmt(`DELETE FROM sync_outbox WHERE seq IN (SELECT value FROM json_each(?)) AND seq < ?`).run(JSON.stringify(seqs), top);
    if (seqs.includes(top)) this.stmt(`UPDATE sync_outbox SET tbl = '', row_id = '', cols = '{}', base = NULL WHERE seq = ?`).run(top);
  }

  /**
   * Drops markers left behind by earlier acknowledgements, among the writes up to `upTo` (the batch
   * just acknowledged, where its own markers are): a range of the outbox's key rather than the whole
   * outbox, which a province's first push (56 batches over 55,883 waiting writes) read 56 times. A
   * marker above `upTo` goes with the first later batch that reaches past it.
   */
  dropOldMarkers(upTo: number): void {
    this.stmt(`DELETE FROM sync_outbox WHERE seq < min(? + 1, (SELECT max(seq) FROM sync_outbox)) AND tbl = ''`).run(upTo);
  }

  /** The held stamps of many rows: two statements per table rather than two per row. */
  clocksOf(rows: { tbl: string; rowId: string }[]): Map<string, HeldClocks> {
    const byTable = new Map<string, Set<string>>();
    for (const r of rows) (byTable.get(r.tbl) ?? byTable.set(r.tbl, new Set()).get(r.tbl)!).add(r.rowId);
    const out = new Map<string, HeldClocks>();
    for (const [t, ids] of byTable) {
      const list = JSON.stringify([...ids]);
      for (const id of ids) out.set(rowKey(t, id), { row: '', cells: new Map() });
      const held = (id: string) => out.get(rowKey(t, id))!;
      for (const r of this.stmt(`SELECT row_id, hlc FROM sync_row_clock WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?))`).all(t, list) as { row_id: string; hlc: string }[])
        held(r.row_id).row = r.hlc;
      for (const r of this.stmt(`SELECT row_id, col, hlc FROM sync_cell_clock WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?))`).all(t, list) as { row_id: string; col: string; hlc: string }[])
        held(r.row_id).cells.set(r.col, r.hlc);
    }
    return out;
  }
}

/** A row's held stamps: its row clock ('' if none) and the cells that differ from it. */
export interface HeldClocks {
  row: string;
  cells: Map<string, string>;
}

/** The held stamps of rows (row clock and per-cell exceptions), read once per row and kept current. */
export class ClockCache {
  private rows = new Map<string, HeldClocks>();
  constructor(private readonly local: Local) {}
  /** Reads the stamps of rows about to be looked up, together (Local.clocksOf). */
  preload(rows: { tbl: string; rowId: string }[]): void {
    const todo = rows.filter((r) => !this.rows.has(rowKey(r.tbl, r.rowId)));
    if (todo.length) for (const [k, c] of this.local.clocksOf(todo)) this.rows.set(k, c);
  }
  get(tbl: string, rowId: string): HeldClocks {
    const k = rowKey(tbl, rowId);
    let c = this.rows.get(k);
    if (!c) this.rows.set(k, (c = { row: this.local.rowClock(tbl, rowId), cells: this.local.cellClocks(tbl, rowId) }));
    return c;
  }
  cell(tbl: string, rowId: string, col: string): string {
    const c = this.get(tbl, rowId);
    return c.cells.get(col) ?? c.row;
  }
  setCell(tbl: string, rowId: string, col: string, hlc: string): void {
    this.get(tbl, rowId).cells.set(col, hlc);
    this.local.setCellClock(tbl, rowId, col, hlc);
  }
  setRow(tbl: string, rowId: string, hlc: string): void {
    this.get(tbl, rowId).row = hlc;
    this.local.setRowClock(tbl, rowId, hlc);
  }
}

/** Waiting writes indexed by row, so merge code can ask "is a local change to this cell still unsent?". */
export class PendingIndex {
  private byRow = new Map<string, PendingWrite[]>();
  constructor(writes: PendingWrite[]) {
    for (const w of writes) this.add(w);
  }
  add(w: PendingWrite): void {
    const k = rowKey(w.tbl, w.rowId);
    const list = this.byRow.get(k);
    if (list) list.push(w);
    else this.byRow.set(k, [w]);
  }
  /** False when no write was ever added (an initial sync): nothing to look up per row. */
  get any(): boolean {
    return this.byRow.size > 0;
  }
  forRow(tbl: string, rowId: string): PendingWrite[] {
    return this.byRow.get(rowKey(tbl, rowId)) ?? [];
  }
  remove(w: PendingWrite): void {
    const list = this.byRow.get(rowKey(w.tbl, w.rowId));
    if (list) list.splice(list.indexOf(w), 1);
  }
  /** Highest waiting stamp for a cell ('' if none). */
  cellHlc(tbl: string, rowId: string, col: string): string {
    let h = '';
    for (const w of this.forRow(tbl, rowId)) if (col in w.cols && w.hlc > h) h = w.hlc;
    return h;
  }
  /** The first waiting write of a cell, after `afterSeq`. */
  firstFor(tbl: string, rowId: string, col: string, afterSeq = 0): PendingWrite | undefined {
    return this.forRow(tbl, rowId).find((w) => w.seq > afterSeq && col in w.cols);
  }
}

/**
 * Before a cell's held stamp changes under waiting writes, pin each one's base to the stamp it was
 * written over: the held stamp for the first, the newer of that and the previous waiting write for
 * the rest. (Unpinned bases are computed at push time from the clocks, which are about to move.)
 */
export function freezeBase(local: Local, pending: PendingIndex, tbl: string, rowId: string, col: string, current: string): void {
  let prev = '';
  for (const w of pending.forRow(tbl, rowId)) {
    if (!(col in w.cols)) continue;
    if (!(w.base && col in w.base)) {
      w.base = { ...(w.base ?? {}), [col]: maxHlc(prev, current) };
      local.setBase(w.seq, w.base);
    }
    prev = w.hlc;
  }
}
