// The points settings in force for a scope: DOMAIN.md's defaults, the county's rule set, and
// HQ's bounds taken only from the province-wide value (scope '/'), which a county cannot write.
import { pointsSettings, type PointsSettings } from '../../shared/points/settings.js';
import type { Db } from '../context.js';
import { readSettings } from '../system/settings.js';

export async function hqBounds(db: Db): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', 'points.bounds').where('scope_path', '=', '/').where('deleted', '=', 0).executeTakeFirst();
  return row ? JSON.parse(row.value_json) : undefined;
}

export async function pointsSettingsFor(db: Db, scope: string): Promise<{ settings: PointsSettings; isLocal: boolean }> {
  const raw = await readSettings(db, scope);
  return { settings: pointsSettings(raw, await hqBounds(db)), isLocal: raw['points.items'] !== undefined || raw['points.base'] !== undefined };
}
