// The one place where the synthetic generator writes to the store. Everything goes through
// `bulkLoad` (one transaction, fast pragmas, change capture suppressed when the sync layer
// provides a way to do so) and `insertRows` (raw prepared statements, cached per column shape).
import type Database from 'better-sqlite3';

export type Row = Record<string, string | number | null>;

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statementFor(raw: Database.Database, table: string, cols: string[]): Database.Statement {
  let byShape = cache.get(raw);
  if (!byShape) cache.set(raw, (byShape = new Map()));
  const key = `${table}(${cols.join(',')})`;
  let stmt = byShape.get(key);
  if (!stmt) {
    stmt = raw.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    byShape.set(key, stmt);
  }
  return stmt;
}

/** Inserts rows (objects keyed by column name); rows of one call may have different shapes. */
export function insertRows(raw: Database.Database, table: string, rows: readonly Row[]): void {
  let cols: string[] = [];
  let shape = '';
  let stmt: Database.Statement | null = null;
  for (const row of rows) {
    const keys = Object.keys(row);
    const s = keys.join(',');
    if (s !== shape || !stmt) {
      cols = keys;
      shape = s;
      stmt = statementFor(raw, table, cols);
    }
    stmt.run(...cols.map((c) => row[c] ?? null));
  }
}

/**
 * Change-capture suppression: db/sync/capture.ts's `suppressCapture(raw, fn)`, looked up at run
 * time so that the generator also works on a tree without the sync layer.
 */
export type CaptureSuppressor = <T>(raw: Database.Database, fn: () => T) => T;

let suppressor: CaptureSuppressor | null = null;

/** Looks for db/sync/capture.ts's suppressCapture once; keeps null when there is none. */
export async function loadCaptureSuppressor(): Promise<CaptureSuppressor | null> {
  if (suppressor) return suppressor;
  try {
    const path = '../../db/sync/capture.js';
    const mod = (await import(/* @vite-ignore */ path)) as { suppressCapture?: unknown };
    if (typeof mod.suppressCapture === 'function') suppressor = mod.suppressCapture as CaptureSuppressor;
  } catch {
    // No change capture in this build: nothing to suppress.
  }
  return suppressor;
}

/**
 * Runs `fn` (which calls insertRows) as one bulk load: a single transaction with
 * synchronous=OFF for its duration, wrapped in capture suppression when available.
 */
export function bulkLoad<T>(raw: Database.Database, fn: () => T, suppress: CaptureSuppressor | null): T {
  const previous = raw.pragma('synchronous', { simple: true }) as number;
  const cache = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma('synchronous = OFF');
  // A big page cache keeps the many secondary indexes in memory while they grow in random order.
  raw.pragma('cache_size = -65536');
  try {
    const tx = raw.transaction(fn);
    return suppress ? suppress(raw, () => tx()) : tx();
  } finally {
    raw.pragma(`synchronous = ${previous}`);
    raw.pragma(`cache_size = ${cache}`);
  }
}
