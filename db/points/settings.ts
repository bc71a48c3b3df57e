// The points settings in force for a scope: DOMAIN.md's defaults, the county's rule set, and
// HQ's bounds taken only from the province-wide value (scope '/'), which a county cannot write.
import { ApiError } from '../../shared/core/errors.js';
import { assertMayDo } from '../../shared/points/roles.js';
import { pointsSettings, settingIssue, type PointsSettings } from '../../shared/points/settings.js';
import type { ApiContext, Db } from '../context.js';
import { readSettings } from '../system/settings.js';

export async function hqBounds(db: Db): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', 'points.bounds').where('scope_path', '=', '/').where('deleted', '=', 0).executeTakeFirst();
  return row ? JSON.parse(row.value_json) : undefined;
}

export async function pointsSettingsFor(db: Db, scope: string): Promise<{ settings: PointsSettings; isLocal: boolean }> {
  const raw = await readSettings(db, scope);
  return { settings: pointsSettings(raw, await hqBounds(db)), isLocal: raw['points.items'] !== undefined || raw['points.base'] !== undefined };
}

/** Refuses (bilingual, nothing written) a `points.*` setting the user's role or HQ's bounds do not allow. */
export async function assertPointsSetting(ctx: ApiContext, key: string, value: unknown): Promise<void> {
  assertMayDo(ctx.session.role, 'editRules');
  const issue = settingIssue(key, value, ctx.session.scopePath, pointsSettings({}, await hqBounds(ctx.db)).bounds);
  if (issue) throw new ApiError('validation', `输入有误：${issue.zh}`, `Invalid input: ${issue.en}`, [{ path: 'value', message: issue.zh, messageEn: issue.en }]);
}
