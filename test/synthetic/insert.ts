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

/**
 * Drops the secondary indexes of `tables` before a bulk load, returning them for rebuildIndexes: a
 * sorted build is several times faster than growing an index row by row in random key order
 * (people's fourteen indexes made inserting people the slowest part of the generator). Unique
 * indexes stay (they define what a write may do), and so do those named in `keep` (the search
 * index triggers look people up by outlet and members by branch on every outlet and org insert).
 */
export function dropSecondaryIndexes(raw: Database.Database, tables: readonly string[], keep: readonly string[] = []): { name: string; sql: string }[] {
  const list = raw
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
      AND tbl_name IN (${tables.map(() => '?').join(', ')})`)
    .all(...tables)
    .filter((i) => !keep.includes((i as { name: string }).name)) as { name: string; sql: string }[];
  for (const i of list) raw.exec(`DROP INDEX "${i.name}"`);
  return list;
}

/** Builds the dropped indexes again, in one transaction with a big sort cache. */
export function rebuildIndexes(raw: Database.Database, list: readonly { sql: string }[]): void {
  const cache = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma('cache_size = -262144');
  try {
    raw.transaction(() => {
      for (const i of list) raw.exec(i.sql);
    })();
  } finally {
    raw.pragma(`cache_size = ${cache}`);
  }
}
