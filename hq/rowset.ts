// The rows one push touches, loaded once and written back once: every kind of record (new rows,
// changed rows, moves, history, conflict records) goes in multi-row statements, so a push of a
// thousand rows costs a handful of round trips to the database rather than one or more per row.
import { CompiledQuery, PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { CellValue, WireWrite } from '../shared/sync/protocol.js';
import type { CellWrite } from '../shared/sync/conflicts.js';
import { uuidv7 } from '../shared/core/ids.js';
import type { HqDB } from './schema.js';
import { num } from './store.js';
import { copyBinary, copyCapable } from './pgCopy.js';
import { holdInsert, sendAhead } from './heldInserts.js';
import { sqliteConnectionOf } from './sqliteStatements.js';
import { readCells, storedCells, type Cell } from './cells.js';

export type { Cell };


export interface ConflictRec {
  id: string;
  col: string;
  loser: CellWrite;
  winner: CellWrite;
  deleted: boolean;
  version: number;
  dirty: boolean;
}

export interface RowState {
  tbl: string;
  rowId: string;
  exists: boolean;
  /** Deleted and purged at HQ (hq/purge.ts): no write may bring it back. */
  purged: boolean;
  origScope: string | null;
  scope: string | null;
  scopeVersion: number;
  cells: Record<string, Cell>;
  /** The cells text as stored when loaded, values first in either form (history records old values from it). */
  stored: string | null;
  changed: Set<string>;
  history: Map<string, CellWrite[]> | null;
  newHistory: { col: string; w: CellWrite }[];
  conflicts: Map<string, ConflictRec> | null; // from the database; key col \u0000 loser hlc
  added: Map<string, ConflictRec>; // created by this push for losers known to have had none
}

const key = (tbl: string, rowId: string) => `${tbl}\u0000${rowId}`;

export class RowSet {
  readonly rows = new Map<string, RowState>();
  constructor(private readonly trx: Transaction<HqDB>) {}

  get(tbl: string, rowId: string): RowState {
    return this.rows.get(key(tbl, rowId))!;
  }

  async load(keys: { tbl: string; rowId: string }[]): Promise<void> {
    const byTable = new Map<string, Set<string>>();
    for (const k of keys) {
      if (this.rows.has(key(k.tbl, k.rowId))) continue;
      (byTable.get(k.tbl) ?? byTable.set(k.tbl, new Set()).get(k.tbl)!).add(k.rowId);
      this.rows.set(key(k.tbl, k.rowId), {
        tbl: k.tbl, rowId: k.rowId, exists: false, purged: false, origScope: null, scope: null, scopeVersion: 0, cells: {}, stored: null, changed: new Set(),
        history: null, newHistory: [], conflicts: null, added: new Map(),
      });
    }
    const pg = this.trx.getExecutor().adapter instanceof PostgresAdapter;
    for (const [tbl, ids] of byTable) {
      const list = [...ids];
      for (let i = 0; i < list.length; i += 500) {
        const part = list.slice(i, i + 500);
        // Held rows and purged ones in one round trip (a purged row is never also held).
        const ids = idsIn(pg, 2, part);
        const r = await this.trx.executeQuery<{ row_id: string; scope_path: string | null; cells: string | null; stamps: string | null; scope_version: number | string | null }>(CompiledQuery.raw(
          `SELECT row_id, scope_path, cells, stamps, scope_version FROM hq_rows WHERE tbl = ${mark(pg, 1)} AND ${ids.test}
           UNION ALL SELECT row_id, NULL, NULL, NULL, NULL FROM hq_purged WHERE tbl = ${mark(pg, 1)} AND ${ids.test}`,
          pg ? [tbl, ...ids.values] : [tbl, ...ids.values, tbl, ...ids.values],
        ));
        const purged: string[] = [];
        for (const row of r.rows) {
          if (row.cells === null) purged.push(row.row_id);
          else Object.assign(this.get(tbl, row.row_id), { exists: true, origScope: row.scope_path, scope: row.scope_path, scopeVersion: num(row.scope_version), cells: readCells(row.cells, row.stamps), stored: row.cells });
        }
        for (const id of purged) if (!this.get(tbl, id).exists) this.get(tbl, id).purged = true;
      }
    }
  }

  /**
   * Reads again the rows that were held or purged when `load` ran: on PostgreSQL the push loads its rows
   * before the writer lock and calls this under it. A row absent then is taken as still absent — new
   * rows, most of a day's push, cost no read under the lock; a push that created one meanwhile makes
   * this one's insert fail on the key, and the push is applied again reading everything under the lock.
   */
  async reload(): Promise<void> {
    const again = [...this.rows.values()].filter((s) => s.exists || s.purged);
    for (const s of again) this.rows.delete(key(s.tbl, s.rowId));
    await this.load(again.map((s) => ({ tbl: s.tbl, rowId: s.rowId })));
  }

  /** A row as it was when loaded, for record history (hq/history/record.ts). */
  readonly held = (tbl: string, rowId: string): { scope: string; json: string } | undefined => {
    const s = this.rows.get(key(tbl, rowId));
    return s?.stored != null && s.origScope !== null ? { scope: s.origScope, json: s.stored } : undefined;
  };

  /** Past writes of the row's cells (not the current ones), loaded the first time a merge needs them. */
  async history(s: RowState): Promise<Map<string, CellWrite[]>> {
    await this.loadHistory([s]);
    return s.history!;
  }

  async conflicts(s: RowState): Promise<Map<string, ConflictRec>> {
    await this.loadConflicts([s]);
    return s.conflicts!;
  }

  /**
   * Before the merge: the history and conflict records of every row a write of this push reaches
   * older than what HQ holds (it lands in the middle of the cell's history), read together rather
   * than row by row as the merge meets them. A row this misses is still read when it is needed.
   */
  async preloadLate(writes: WireWrite[]): Promise<void> {
    const late = new Set<RowState>();
    for (const w of writes) {
      const s = this.get(w.t, w.r);
      if (s.exists && !late.has(s) && Object.keys(w.c).some((c) => s.cells[c] !== undefined && s.cells[c]![1] > w.h)) late.add(s);
    }
    await this.loadHistory([...late]);
    await this.loadConflicts([...late]);
  }

  /** Loads the past writes of each row given that lacks them: one query per table and 500 rows. */
  async loadHistory(list: RowState[]): Promise<void> {
    const todo = list.filter((s) => !s.history);
    for (const s of todo) s.history = new Map();
    await this.byRows<{ row_id: string; col: string; hlc: string; base: string; value: string | null }>(todo, 'SELECT row_id, col, hlc, base, value FROM hq_cell_history', (s, h) =>
      addTo(s.history!, h.col, { hlc: h.hlc, base: h.base, value: h.value === null ? null : (JSON.parse(h.value) as CellValue) }));
    for (const s of todo) for (const h of s.newHistory) addTo(s.history!, h.col, h.w); // written by this push, not yet flushed
  }

  /** Loads the conflict records of each row given that lacks them, the same way. */
  async loadConflicts(list: RowState[]): Promise<void> {
    const todo = list.filter((s) => !s.conflicts);
    for (const s of todo) s.conflicts = new Map();
    const value = (v: string | null) => (v === null ? null : (JSON.parse(v) as CellValue));
    type Row = { row_id: string; id: string; col: string; loser_hlc: string; loser_value: string | null; winner_hlc: string; winner_value: string | null; deleted: number | string; version: number | string };
    await this.byRows<Row>(todo.filter((s) => s.exists), 'SELECT row_id, id, col, loser_hlc, loser_value, winner_hlc, winner_value, deleted, version FROM hq_conflicts', (s, c) =>
      s.conflicts!.set(`${c.col}\u0000${c.loser_hlc}`, {
        id: c.id, col: c.col, deleted: num(c.deleted) === 1, version: num(c.version), dirty: false,
        loser: { hlc: c.loser_hlc, base: '', value: value(c.loser_value) },
        winner: { hlc: c.winner_hlc, base: '', value: value(c.winner_value) },
      }));
  }

  /** Runs `select` for the rows given (WHERE tbl and row_id appended), per table and 500 rows, handing each result to its row. */
  private async byRows<T extends { row_id: string }>(list: RowState[], select: string, each: (s: RowState, row: T) => void): Promise<void> {
    const pg = this.trx.getExecutor().adapter instanceof PostgresAdapter;
    const byTable = new Map<string, string[]>();
    for (const s of list) (byTable.get(s.tbl) ?? byTable.set(s.tbl, []).get(s.tbl)!).push(s.rowId);
    for (const [tbl, ids] of byTable)
      for (let i = 0; i < ids.length; i += 500) {
        const part = idsIn(pg, 2, ids.slice(i, i + 500));
        const r = await this.trx.executeQuery<T>(CompiledQuery.raw(`${select} WHERE tbl = ${mark(pg, 1)} AND ${part.test}`, [tbl, ...part.values]));
        for (const row of r.rows) each(this.get(tbl, row.row_id), row);
      }
  }

  /**
   * Writes back every changed row, its moves, history and conflict records, taking versions from `next`;
   * `userOf` names who wrote a stamp; `apart`: rows are written with their stamps apart (hq/stampsApart.ts).
   */
  async flush(next: () => number, userOf: (hlc: string) => string, apart: boolean): Promise<void> {
    const inserts: unknown[][] = [];
    const updates: unknown[][] = [];
    const moves: unknown[][] = [];
    const conflicts: unknown[][] = [];
    const history: unknown[][] = [];
    for (const s of this.rows.values()) {
      for (const h of s.newHistory) history.push([s.tbl, s.rowId, h.col, h.w.hlc, h.w.base, JSON.stringify(h.w.value)]);
      const { scope, moved } = placeOf(s);
      if (s.changed.size || moved) {
        if (moved) moves.push([next(), s.tbl, s.rowId, s.origScope!, scope!]);
        const v = next();
        for (const c of s.changed) s.cells[c]![2] = v;
        s.scope = scope;
        if (!s.exists || moved) s.scopeVersion = v;
        (s.exists ? updates : inserts).push([s.tbl, s.rowId, scope, ...(apart ? storedCells(s.cells) : [JSON.stringify(s.cells), null]), v, s.scopeVersion]);
      }
      if (moved) await this.conflicts(s); // their records follow the row
      for (const list of [s.conflicts?.values() ?? [], s.added.values()]) {
        for (const c of list) {
          if (!c.dirty && !moved) continue;
          conflicts.push([
            c.id, s.tbl, s.rowId, c.col, scope ?? '/', c.loser.hlc, JSON.stringify(c.loser.value), userOf(c.loser.hlc),
            c.winner.hlc, JSON.stringify(c.winner.value), userOf(c.winner.hlc), next(), c.deleted ? 1 : 0,
          ]);
        }
      }
    }
    await insertMany(this.trx, 'hq_moves (version, tbl, row_id, old_scope, new_scope)', moves, '');
    await insertMany(this.trx, 'hq_rows (tbl, row_id, scope_path, cells, stamps, version, scope_version)', inserts, '');
    // Rows loaded above under the writer lock: each one exists, so this only ever updates.
    await insertMany(this.trx, 'hq_rows (tbl, row_id, scope_path, cells, stamps, version, scope_version)', updates,
      'ON CONFLICT (tbl, row_id) DO UPDATE SET scope_path = excluded.scope_path, cells = excluded.cells, stamps = excluded.stamps, version = excluded.version, scope_version = excluded.scope_version');
    await insertMany(this.trx, 'hq_conflicts (id, tbl, row_id, col, scope_path, loser_hlc, loser_value, loser_user, winner_hlc, winner_value, winner_user, version, deleted)', conflicts,
      `ON CONFLICT (id) DO UPDATE SET scope_path = excluded.scope_path, winner_hlc = excluded.winner_hlc, winner_value = excluded.winner_value,
        winner_user = excluded.winner_user, version = excluded.version, deleted = excluded.deleted`);
    await insertMany(this.trx, 'hq_cell_history (tbl, row_id, col, hlc, base, value)', history, 'ON CONFLICT DO NOTHING');
  }
}

/** Where a row is after the push's writes, and whether that moved it (its conflict records follow it). */
export function placeOf(s: RowState): { scope: string | null; moved: boolean } {
  const scopeCell = s.cells.scope_path?.[0];
  const scope = typeof scopeCell === 'string' ? scopeCell : s.scope;
  return { scope, moved: s.exists && scope !== s.origScope };
}

const addTo = (map: Map<string, CellWrite[]>, col: string, w: CellWrite) => (map.get(col) ?? map.set(col, []).get(col)!).push(w);

/** Adds a write to a row's history (kept in memory too once the history is loaded). */
export function addHistory(s: RowState, col: string, w: CellWrite): void {
  s.newHistory.push({ col, w });
  if (s.history) (s.history.get(col) ?? s.history.set(col, []).get(col)!).push(w);
}

export function newConflict(col: string, loser: CellWrite, winner: CellWrite): ConflictRec {
  return { id: uuidv7(), col, loser, winner, deleted: false, version: 0, dirty: true };
}

/** A parameter's place in a statement: PostgreSQL numbers them, SQLite takes them in order. */
const mark = (pg: boolean, n: number) => (pg ? `$${n}` : '?');
const marks = (pg: boolean, from: number, count: number) => Array.from({ length: count }, (_, i) => mark(pg, from + i)).join(', ');

/**
 * `row_id` among `ids`, its parameters from number `from`. PostgreSQL takes them as one array: one
 * statement text whatever their number, prepared once per connection (hq/pgNamed.ts) rather than
 * parsed and planned with 500 parameters each time (a province's first push read its rows in
 * 0.26/0.28 s against 0.57/0.76 s). SQLite keeps its list of parameters.
 */
function idsIn(pg: boolean, from: number, ids: string[]): { test: string; values: unknown[] } {
  return pg ? { test: `row_id = ANY(${mark(pg, from)}::text[])`, values: [ids] } : { test: `row_id IN (${marks(pg, from, ids.length)})`, values: ids };
}

/** The VALUES list of a full slice, the same text for every batch of a width (kept, not rebuilt). */
const valuesLists = new Map<string, string>();
function valuesList(pg: boolean, width: number, count: number): string {
  const k = `${pg ? 'p' : 's'}${width}x${count}`;
  let v = valuesLists.get(k);
  if (v === undefined) {
    v = Array.from({ length: count }, (_, r) => `(${marks(pg, r * width + 1, width)})`).join(', ');
    if (valuesLists.size < 64) valuesLists.set(k, v);
  }
  return v;
}

/**
 * COPY pays two round trips (the statement, then the data) where an INSERT pays one: it is for the
 * big batches (a first push, a relay bundle), and a day's few dozen rows go as one INSERT.
 */
export const COPY_FROM_ROWS = 200;

/**
 * Multi-row INSERT in slices (both engines cap the number of parameters per statement), built here
 * and sent as it is: Kysely's query builder would spend longer turning thirty thousand parameters
 * into a statement than the database spends storing them. (On PostgreSQL, measured: a VALUES list of
 * parameters beats one JSON parameter through json_populate_recordset and unnest of arrays.) On SQLite
 * inside a transaction, one cached single-row statement runs per row instead (hq/sqliteStatements.ts).
 */
export async function insertMany(trx: Kysely<HqDB>, into: string, rows: unknown[][], tail: string): Promise<void> {
  if (!rows.length) return;
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  if (pg && tail === '' && rows.length >= COPY_FROM_ROWS && trx.getExecutor().plugins.includes(copyCapable)) {
    const copy = trx.executeQuery(CompiledQuery.raw(`COPY ${into} FROM STDIN (FORMAT binary)`, [copyBinary(rows)]));
    if (!sendAhead(trx, copy)) await copy; // a push's: waited for with its last statement (hq/heldInserts.ts)
    return;
  }
  if (pg && holdInsert(trx, into, rows, tail)) return; // sent with the push's last statement (hq/heldInserts.ts)
  const sqlite = pg ? undefined : sqliteConnectionOf(trx);
  if (sqlite && trx.isTransaction) return sqlite.insertRows(into, rows, tail); // hq/sqliteStatements.ts
  const width = rows[0]!.length;
  // One statement for a whole push batch on both engines (SQLite takes 32,766 parameters, PostgreSQL 65,535).
  const per = Math.max(1, Math.floor(30_000 / width));
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    await trx.executeQuery(CompiledQuery.raw(`INSERT INTO ${into} VALUES ${valuesList(pg, width, part.length)} ${tail}`, part.flat()));
  }
}
