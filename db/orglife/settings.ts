// The org-life settings in force for a scope: DOMAIN.md's defaults overlaid with reference data.
import { orgLifeSettings, type OrgLifeSettings } from '../../shared/orglife/settings.js';
import type { Db } from '../context.js';
import { readSettings } from '../system/settings.js';

export async function settingsFor(db: Db, scope: string): Promise<OrgLifeSettings> {
  return orgLifeSettings(await readSettings(db, scope));
}
