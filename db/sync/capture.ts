// Change capture: SQLite triggers on every synced table write one outbox entry per local write —
// the changed columns of one row with one HLC stamp — inside the writing transaction. Nothing
// that writes through SQL can bypass them. The triggers are (re)generated from the live table
// definitions each time a store opens, so a later migration that adds a column or a synced table
// is captured without anyone having to remember it.
import type Database from 'better-sqlite3';
import { isRedactedColumn } from '../../shared/sync/privacy.js';
import { SYNC_TABLES } from '../../shared/sync/tables.js';
import { withoutCapture } from './state.js';
import { historySql, installHistory } from '../history/triggers.js';

/**
 * Runs `fn` with capture off on this connection. For bulk loads (the synthetic generator) and
 * nothing else: what it writes never reaches HQ.
 */
export function suppressCapture<T>(raw: Database.Database, fn: () => T): T {
  return withoutCapture(raw, fn);
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function syncedColumns(raw: Database.Database, table: string): string[] {
  const cols = raw.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  return cols.map((c) => c.name).filter((c) => c !== 'id');
}

export function triggerSql(table: string, cols: string[]): Record<string, string> {
  const t = ident(table);
  const name = (k: string) => ident(`sync_cap_${table}_${k}`);
  const into = `INSERT INTO sync_outbox (tbl, row_id, hlc, scope, cols, writer)`;
  // A masked id or phone (what HQ sends a role that may not see it, shared/sync/privacy.ts) written
  // back — a form saved as it was shown — is not a change: an update keeps it out, an insert drops it.
  const masked = cols.filter((c) => isRedactedColumn(table, c));
  const isMasked = (c: string) => `instr(NEW.${ident(c)}, '*') > 0`;
  const newOf = (c: string) => (masked.includes(c) ? `CASE WHEN ${isMasked(c)} THEN OLD.${ident(c)} ELSE NEW.${ident(c)} END` : `NEW.${ident(c)}`);
  let allCols = `json_object(${cols.map((c) => `${quote(c)}, NEW.${ident(c)}`).join(', ')})`;
  if (masked.length) allCols = `json_remove(${allCols}, ${masked.map((c) => `CASE WHEN ${isMasked(c)} THEN '$.${c}' ELSE '$.-' END`).join(', ')})`;
  // The changed columns as a JSON object, in column order (sync_changed, db/sync/state.ts), found
  // once in the WHERE and read back by sync_last(): one function call keeps the trigger small, and
  // an UPDATE compiles it each time it is prepared.
  if (cols.some((c) => c.includes(','))) throw new Error(`${table}: a column name with a comma cannot be captured`);
  const changed = `sync_changed(${quote(cols.join(','))}, ${cols.map((c) => `OLD.${ident(c)}, ${newOf(c)}`).join(', ')})`;
  // Who wrote it goes with the outbox entry; each changed field's old → new goes to record history.
  const hist = historySql(table);
  return {
    [`sync_cap_${table}_i`]: `CREATE TRIGGER ${name('i')} AFTER INSERT ON ${t} WHEN sync_capture() BEGIN
  ${into} VALUES (${quote(table)}, NEW.id, sync_hlc(), NEW.scope_path, ${allCols}, history_writer());
  ${hist.i}
END`,
    [`sync_cap_${table}_u`]: `CREATE TRIGGER ${name('u')} AFTER UPDATE ON ${t} WHEN sync_capture() BEGIN
  ${into} SELECT ${quote(table)}, NEW.id, sync_hlc(), NEW.scope_path, sync_last(), history_writer() WHERE ${changed} IS NOT NULL;
  ${hist.u}
END`,
    // The app keeps tombstones; a hard delete still reaches HQ, as a tombstone.
    [`sync_cap_${table}_d`]: `CREATE TRIGGER ${name('d')} AFTER DELETE ON ${t} WHEN sync_capture() BEGIN
  ${into} VALUES (${quote(table)}, OLD.id, sync_hlc(), OLD.scope_path, json_object('deleted', 1), history_writer());
  ${hist.d}
END`,
  };
}

/** Tables that exist in this store and sync. */
export function capturedTables(raw: Database.Database): string[] {
  const existing = new Set((raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
  return SYNC_TABLES.filter((t) => existing.has(t));
}

/** Creates or refreshes the capture triggers; cheap when they are already current. */
export function installCapture(raw: Database.Database): void {
  if (raw.readonly) return;
  installHistory(raw);
  const have = new Map(
    (raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_cap_%'`).all() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]),
  );
  const want = new Map<string, string>();
  for (const t of capturedTables(raw)) for (const [n, s] of Object.entries(triggerSql(t, syncedColumns(raw, t)))) want.set(n, s);
  const stale = [...have].filter(([n, s]) => want.get(n) !== s).map(([n]) => n);
  const missing = [...want].filter(([n]) => have.get(n) !== want.get(n));
  if (!stale.length && !missing.length) return;
  raw.transaction(() => {
    for (const n of stale) raw.exec(`DROP TRIGGER IF EXISTS ${ident(n)}`);
    for (const [, s] of missing) raw.exec(s);
  })();
}
