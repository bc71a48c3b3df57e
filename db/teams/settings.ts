// The 334N reference data in force for a scope (`teams.*`, `milestones.*` over our defaults).
import { work334Settings, type Work334Settings } from '../../shared/teams/settings.js';
import type { Db } from '../context.js';
import { readSettings } from '../system/settings.js';

export async function work334SettingsFor(db: Db, scope: string): Promise<Work334Settings> {
  return work334Settings(await readSettings(db, scope));
}
