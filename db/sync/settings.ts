// The sync settings in force on this device (reference data `sync.*`, shared/sync/settings.ts):
// read straight from the store, as the sync session runs outside any API call.
import type Database from 'better-sqlite3';
import { isUnder } from '../../shared/core/scope.js';
import { syncSettings, type SyncSettings } from '../../shared/sync/settings.js';

export function deviceSyncSettings(raw: Database.Database, scope: string): SyncSettings {
  const rows = raw
    .prepare(`SELECT key, value_json, scope_path FROM settings WHERE deleted = 0 AND key LIKE 'sync.%' ORDER BY length(scope_path)`)
    .all() as { key: string; value_json: string; scope_path: string }[];
  const out: Record<string, unknown> = {};
  for (const r of rows) {
    if (!isUnder(scope, r.scope_path)) continue;
    try {
      out[r.key] = JSON.parse(r.value_json);
    } catch {
      // Not JSON: the default holds.
    }
  }
  return syncSettings(out);
}
