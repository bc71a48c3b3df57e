// Reference data as HQ applies it to a device: the `settings` rows it holds for the device's scope
// and every unit above (the nearest wins, as on the device), overlaid on the defaults.
import { syncSettings, type SyncSettings } from '../shared/sync/settings.js';
import { ancestorPaths } from '../shared/sync/tables.js';
import type { Cell } from './rowset.js';
import type { HqStore } from './store.js';

/**
 * Settings as read at a version of them (`Device.settingsVersion`, taken with the device at
 * authentication): every sync request needs them, and they change a few times a year. Any write to a
 * settings row moves the version; a purge only removes deleted rows, which count for nothing here.
 */
const byVersion = new WeakMap<HqStore['db'], Map<string, SyncSettings>>();

export async function hqSyncSettings(db: HqStore['db'], scope: string, version?: number): Promise<SyncSettings> {
  if (version === undefined) return readSettings(db, scope);
  let held = byVersion.get(db);
  if (!held) byVersion.set(db, (held = new Map()));
  const key = `${version}\u0000${scope}`;
  let s = held.get(key);
  if (!s) {
    s = await readSettings(db, scope);
    if (held.size >= 4096) held.clear();
    held.set(key, s);
  }
  return s;
}

async function readSettings(db: HqStore['db'], scope: string): Promise<SyncSettings> {
  const rows = await db.selectFrom('hq_rows').select(['scope_path', 'cells']).where('tbl', '=', 'settings').where('scope_path', 'in', ancestorPaths(scope)).execute();
  const raw: Record<string, unknown> = {};
  for (const r of rows.sort((a, b) => a.scope_path.length - b.scope_path.length)) {
    const c = JSON.parse(r.cells) as Record<string, Cell | undefined>;
    const key = c.key?.[0];
    if (typeof key !== 'string' || !key.startsWith('sync.') || c.deleted?.[0] === 1 || typeof c.value_json?.[0] !== 'string') continue;
    try {
      raw[key] = JSON.parse(c.value_json[0]);
    } catch {
      // A value that is not JSON is ignored: the default holds.
    }
  }
  return syncSettings(raw);
}
