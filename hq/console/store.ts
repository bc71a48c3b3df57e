// Reading HQ's reference data (settings rows in hq_rows) for the console: the raw values in force at a
// scope (the nearest scope wins, as on the device) and the console's own settings.
import { consoleSettings, type ConsoleSettings } from '../../shared/console/settings.js';
import { ancestorPaths } from '../../shared/sync/tables.js';
import type { Cell } from '../rowset.js';
import type { HqStore } from '../store.js';

export interface SettingRow { rowId: string; key: string; scopePath: string; value: unknown; deleted: boolean; at: string | null }

export async function settingRows(db: HqStore['db'], scopes: string[]): Promise<SettingRow[]> {
  if (!scopes.length) return [];
  const rows = await db.selectFrom('hq_rows').select(['row_id', 'scope_path', 'cells']).where('tbl', '=', 'settings').where('scope_path', 'in', scopes).execute();
  const out: SettingRow[] = [];
  for (const r of rows) {
    const c = JSON.parse(r.cells) as Record<string, Cell | undefined>;
    const key = c.key?.[0];
    const raw = c.value_json?.[0];
    if (typeof key !== 'string' || typeof raw !== 'string') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      continue; // not JSON: the device ignores it too
    }
    const at = c.updated_at?.[0];
    out.push({ rowId: r.row_id, key, scopePath: r.scope_path, value, deleted: c.deleted?.[0] === 1, at: typeof at === 'string' ? at : null });
  }
  return out;
}

/** Settings in force at `scope`: each key's value from the nearest scope above it that sets it. */
export async function settingsAt(db: HqStore['db'], scope: string): Promise<Record<string, unknown>> {
  const rows = (await settingRows(db, ancestorPaths(scope))).filter((r) => !r.deleted).sort((a, b) => a.scopePath.length - b.scopePath.length);
  const out: Record<string, unknown> = {};
  for (const r of rows) out[r.key] = r.value;
  return out;
}

export async function consoleSettingsOf(db: HqStore['db']): Promise<ConsoleSettings> {
  return consoleSettings(await settingsAt(db, '/'));
}
