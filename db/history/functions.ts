// The SQL functions the history statements of the capture triggers call. Registered on every
// connection with the sync functions (db/sync/state.ts): a statement that fires a trigger is
// compiled with it, so the functions must exist even where capture is off.
import type Database from 'better-sqlite3';
import { QUIET_COLUMNS } from '../../shared/sync/tables.js';
import { registerHistoryFunctions } from './writer.js';

/** The last sync_changed() call on a connection: its column names, its arguments and where the changed pairs start. */
export interface LastChanges {
  names: string[];
  /** The names literal, then old and new of each column in turn. */
  args: unknown[];
  /** Index in args of the old value of each changed column. */
  changed: number[];
}

/**
 * history_last(): {"col": [old, new], …} of the changes the trigger's sync_changed() just found,
 * or NULL; history_hlc(): the stamp the outbox entry of this write just took; history_writer().
 */
export function registerHistorySqlFunctions(raw: Database.Database, clockHigh: () => string, last: () => LastChanges): void {
  registerHistoryFunctions(raw);
  // The same changes sync_changed() just found in this trigger (no second pass over every column:
  // an UPDATE compiles its triggers each time it is prepared, and a shorter trigger compiles faster).
  raw.function('history_last', { deterministic: false }, () => {
    const { names, args: a, changed } = last();
    let out = '';
    for (const i of changed) {
      const col = names[(i - 1) / 2]!;
      if (!QUIET_COLUMNS.has(col)) out += `,${JSON.stringify(col)}:[${json(a[i])},${json(a[i + 1])}]`;
    }
    return out ? `{${out.slice(1)}}` : null;
  });
  raw.function('history_hlc', { deterministic: false }, clockHigh);
}

function json(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'object') return 'null'; // a BLOB: never in synced tables (capture refuses them)
  return JSON.stringify(v);
}

