// The SQL functions the history statements of the capture triggers call. Registered on every
// connection with the sync functions (db/sync/state.ts): a statement that fires a trigger is
// compiled with it, so the functions must exist even where capture is off.
import type Database from 'better-sqlite3';
import { registerHistoryFunctions } from './writer.js';

/**
 * history_changes(name1, old1, new1, …): {"col": [old, new], …} for the columns whose value
 * changed (the same comparison as sync_changes), or NULL. history_hlc(): the stamp the outbox
 * entry of this write just took.
 */
export function registerHistorySqlFunctions(raw: Database.Database, clockHigh: () => string): void {
  registerHistoryFunctions(raw);
  raw.function('history_changes', { varargs: true, deterministic: true, safeIntegers: true }, (...a: unknown[]) => {
    let out = '';
    for (let i = 0; i < a.length; i += 3) {
      const was = a[i + 1];
      const v = a[i + 2];
      if (was === v) continue;
      if ((typeof v === 'bigint' || typeof v === 'number') && (typeof was === 'bigint' || typeof was === 'number') && was == v) continue;
      out += `,${JSON.stringify(a[i])}:[${json(was)},${json(v)}]`;
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

