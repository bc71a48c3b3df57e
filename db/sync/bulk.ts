// Bulk load of fresh rows: rows a pull brings that this device holds nothing of (no row, no waiting
// write, nothing stashed), so every cell wins and no merge is needed. An initial sync is almost
// all such rows. Instead of one INSERT per row under every index and trigger, they go in sorted by
// id with many rows per statement; when they are many, the tables' secondary indexes and triggers
// are dropped first and rebuilt afterwards (building an index from sorted data is far cheaper
// than growing it row by row), and the people they touch are re-indexed for search in one pass.
// All of it runs inside the caller's transaction: a crash leaves either everything or nothing,
// indexes and triggers included (SQLite's schema changes are transactional).
import type Database from 'better-sqlite3';
import { markSearchPending, searchSourceTables } from '../people/searchPending.js';
import type { Local } from './local.js';
import { cellHlc, type FreshRow, type FreshRows, type Stamped } from './freshRows.js';

const stampedCells = (r: FreshRow): Record<string, Stamped> =>
  Object.fromEntries(Object.entries(r.c).map(([col, value]) => [col, { value, hlc: cellHlc(r, col) }]));

export interface BulkResult {
  rows: number;
  cells: number;
  stashed: number;
  top: string;
}

/** From this many fresh rows (and at least as many as the tables already hold) indexes are rebuilt. */
export const REBUILD_FROM = 2000;
/** SQLite allows 32766 bound values per statement; stay well below. */
const MAX_VALUES = 8000;
const MAX_ROWS_PER_INSERT = 64;

export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/** Secondary indexes (never UNIQUE ones: they must refuse duplicates as rows arrive) and triggers of the tables. */
export function droppable(raw: Database.Database, tables: string[]): SchemaObject[] {
  const list = JSON.stringify(tables);
  const objs = raw
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
      AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY type, name`)
    .all(list) as SchemaObject[];
  return objs.filter((o) => o.type === 'trigger' || !/^\s*CREATE\s+UNIQUE\b/i.test(o.sql));
}

export function rowCount(local: Local, tables: string[]): number {
  let n = 0;
  for (const t of tables) n += (local.stmt(`SELECT count(*) AS n FROM ${ident(t)}`).get() as { n: number }).n;
  return n;
}

function insertStatement(local: Local, t: string, cols: string[], rows: number): Database.Statement {
  const one = `(${cols.map(() => '?').join(',')})`;
  return local.stmt(`INSERT INTO ${ident(t)} (${cols.map(ident).join(',')}) VALUES ${Array(rows).fill(one).join(',')}`);
}

function stash(local: Local, r: FreshRow, error: string): void {
  local
    .stmt(`INSERT INTO sync_stash (tbl, row_id, cells, error, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET cells = excluded.cells, error = excluded.error, at = excluded.at`)
    .run(r.t, r.id, JSON.stringify(stampedCells(r)), error.slice(0, 300), new Date().toISOString());
}

/**
 * Inserts rows of one table that share one column list, many per statement. A statement the
 * schema refuses is retried row by row, and a row that is still refused is stashed (as the
 * one-by-one path does) rather than stopping the sync. Returns the rows that landed.
 */
function insertGroup(local: Local, t: string, cols: string[], rows: FreshRow[], onStash: (r: FreshRow) => void): FreshRow[] {
  const per = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_VALUES / cols.length)));
  const landed: FreshRow[] = [];
  const values = (r: FreshRow, out: unknown[]) => {
    out.push(r.id);
    for (let i = 1; i < cols.length; i++) out.push(r.c[cols[i]!]);
  };
  // One statement and one value array for all the full-size parts of the group.
  const full = rows.length >= per ? insertStatement(local, t, cols, per) : null;
  const buf: unknown[] = full ? new Array(per * cols.length) : [];
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    try {
      if (full && part.length === per) {
        let k = 0;
        for (const r of part) {
          buf[k++] = r.id;
          for (let c = 1; c < cols.length; c++) buf[k++] = r.c[cols[c]!];
        }
        full.run(buf);
      } else {
        const rest: unknown[] = [];
        for (const r of part) values(r, rest);
        insertStatement(local, t, cols, part.length).run(rest);
      }
      for (const r of part) landed.push(r);
    } catch {
      for (const r of part) {
        const one: unknown[] = [];
        values(r, one);
        try {
          insertStatement(local, t, cols, 1).run(one);
          landed.push(r);
        } catch (e) {
          stash(local, r, String((e as Error).message));
          onStash(r);
        }
      }
    }
  }
  return landed;
}

const CLOCKS_PER_INSERT = 256;

/** Appends rows of values to a table, many per statement: one statement and one value array for every full part. */
export class Appender {
  private readonly values: unknown[];
  private full: Database.Statement | null = null;
  private k = 0;
  private n = 0;
  constructor(
    private readonly local: Local,
    private readonly table: string,
    private readonly cols: string[],
  ) {
    this.values = new Array(CLOCKS_PER_INSERT * cols.length);
  }
  private sql(rows: number): string {
    const one = `(${this.cols.map(() => '?').join(',')})`;
    return `INSERT OR REPLACE INTO ${this.table} (${this.cols.join(',')}) VALUES ${Array(rows).fill(one).join(',')}`;
  }
  /** One value of the current row; call endRow after its last. */
  put(v: unknown): this {
    this.values[this.k++] = v;
    return this;
  }
  endRow(): void {
    if (++this.n === CLOCKS_PER_INSERT) this.flush();
  }
  flush(): void {
    if (!this.n) return;
    if (this.n === CLOCKS_PER_INSERT) (this.full ??= this.local.stmt(this.sql(this.n))).run(this.values);
    else this.local.stmt(this.sql(this.n)).run(this.values.slice(0, this.k));
    this.k = 0;
    this.n = 0;
  }
}

/** Row clocks (and per-cell exceptions) of landed rows, in key order (tables by name, rows by id). */
function writeClocks(local: Local, landed: Map<string, FreshRow[]>): void {
  const rows = new Appender(local, 'sync_row_clock', ['tbl', 'row_id', 'hlc']);
  const cells = new Appender(local, 'sync_cell_clock', ['tbl', 'row_id', 'col', 'hlc']);
  for (const t of [...landed.keys()].sort()) {
    for (const r of landed.get(t)!) {
      rows.put(t).put(r.id).put(r.h).endRow();
      if (r.hx) for (const c of Object.keys(r.hx).sort()) cells.put(t).put(r.id).put(c).put(r.hx[c]).endRow();
    }
  }
  rows.flush();
  cells.flush();
}

/**
 * Inserts fresh rows with their clocks. Search indexing must be deferred by the caller (it flushes
 * once at the end of the batch).
 */
export function insertFresh(local: Local, fresh: FreshRows, opts: { rebuildFrom?: number } = {}): BulkResult {
  const res: BulkResult = { rows: 0, cells: 0, stashed: 0, top: '' };
  const byTable = new Map<string, FreshRow[]>();
  for (const [t, m] of fresh.byTable) if (m.size) byTable.set(t, [...m.values()]);
  const total = fresh.size;
  if (!total) return res;
  const raw = local.raw;
  const tables = [...byTable.keys()];
  const rebuildFrom = opts.rebuildFrom ?? REBUILD_FROM;
  const rebuild = total >= rebuildFrom && total >= rowCount(local, tables);
  const dropped = rebuild ? droppable(raw, tables) : [];
  for (const o of dropped) raw.exec(`DROP ${o.type.toUpperCase()} ${ident(o.name)}`);

  const landed = new Map<string, FreshRow[]>();
  for (const [t, rows] of byTable) {
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Rows of a table usually carry the same columns; a row that lacks one must get the column's default, not NULL.
    const groups = new Map<string, { cols: string[]; rows: FreshRow[] }>();
    let last: { list: string[] | undefined; rows: FreshRow[] } | undefined;
    for (const r of rows) {
      if (r.cols && last?.list === r.cols) {
        last.rows.push(r);
        continue;
      }
      const cols = r.cols ?? Object.keys(r.c);
      const key = cols.join(',');
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { cols: ['id', ...cols.filter((c) => c !== 'id')], rows: [] }));
      g.rows.push(r);
      last = { list: r.cols, rows: g.rows };
    }
    let mine: FreshRow[] = [];
    for (const g of groups.values()) {
      const landedRows = insertGroup(local, t, g.cols, g.rows, () => res.stashed++);
      mine = groups.size === 1 ? landedRows : mine.concat(landedRows);
    }
    if (groups.size > 1) mine.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    landed.set(t, mine);
    const ids = mine.map((r) => r.id);
    if (rebuild && searchSourceTables().includes(t)) markSearchPending(raw, t, ids);
  }
  writeClocks(local, landed);
  for (const list of landed.values())
    for (const r of list) {
      res.rows += r.events;
      if (r.h > res.top) res.top = r.h;
      if (r.hx) for (const c in r.hx) if (r.hx[c]! > res.top) res.top = r.hx[c]!;
      res.cells += (r.cols ?? Object.keys(r.c)).length;
    }
  for (const o of dropped) raw.exec(o.sql);
  return res;
}
