// The device half of record history (审计留痕): the statements the capture triggers
// (db/sync/capture.ts) run right after writing the outbox entry, in the same trigger and so in
// the writing transaction — one row per changed field of an update (old → new), one per created
// or deleted row. They run only where capture runs: sync's own writes and bulk loads are not
// local changes (what other devices wrote arrives from HQ's history, db/history/pull.ts).
import type Database from 'better-sqlite3';
import { loadFallbackWriter } from './writer.js';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const INTO = 'INSERT INTO record_history (tbl, row_id, scope_path, op, col, old_value, new_value, writer, hlc, source)';

/**
 * The history statements of one table's insert / update / delete trigger. A created or deleted row's
 * entry copies the outbox entry the trigger has just written (its row, scope, columns, writer and
 * stamp: last_insert_rowid() inside a trigger is that entry), so the trigger neither builds the
 * row's JSON twice nor asks for the writer and stamp again. An update's fields are those
 * sync_changed() found changed (a masked id written back is no change), without the bookkeeping columns.
 */
export function historySql(table: string): { i: string; u: string; d: string } {
  const t = quote(table);
  // The row id too: when the outbox insert is skipped (an INSERT OR IGNORE of a row without an id:
  // the outer statement's conflict rule governs the trigger's), last_insert_rowid() names an earlier entry.
  const fromOutbox = (op: 'insert' | 'delete', value: string, row: 'NEW' | 'OLD') =>
    `${INTO} SELECT tbl, row_id, scope, '${op}', '', NULL, ${value}, writer, hlc, 'app' FROM sync_outbox WHERE seq = last_insert_rowid() AND row_id = ${row}.id;`;
  // history_last(): the changes sync_changed() found for the outbox entry written just before.
  return {
    i: fromOutbox('insert', 'cols', 'NEW'),
    u: `${INTO} SELECT ${t}, NEW.id, NEW.scope_path, 'update', j.key, j.value -> '$[0]', j.value -> '$[1]', history_writer(), history_hlc(), 'app' FROM json_each(history_last()) j;`,
    d: fromOutbox('delete', 'NULL', 'OLD'),
  };
}

/** After migrations: the writer a store without a profile records (its meta identity). */
export function installHistory(raw: Database.Database): void {
  if (!raw.readonly) loadFallbackWriter(raw);
}
