// Helpers shared by the org-life query modules: scope resolution, effective settings, today.
import { ApiError } from '../../shared/errors.js';
import { localToday } from '../../shared/orglife/periods.js';
import { orgLifeSettings, type OrgLifeSettings } from '../../shared/orglife/settings.js';
import type { ApiContext, Db } from '../context.js';
import { getOrgUnit } from '../queries/orgUnits.js';
import { readSettings } from '../queries/settings.js';

export const outsideScope = () => new ApiError('forbidden', '超出您的管理范围', 'Outside your scope');

/** The session's scope, narrowed to a unit inside it when one is asked for. */
export async function scopeFor(db: Db, sessionScope: string, unitId?: string): Promise<string> {
  if (!unitId) return sessionScope;
  const u = await getOrgUnit(db, unitId);
  if (!u.path.startsWith(sessionScope)) throw outsideScope();
  return u.path;
}

export async function settingsFor(db: Db, scope: string): Promise<OrgLifeSettings> {
  return orgLifeSettings(await readSettings(db, scope));
}

/** The device's calendar day: a meeting held this morning in Beijing counts as today. */
export function today(ctx: Pick<ApiContext, 'now'>): string {
  return localToday(ctx.now());
}

export const monthOf = (iso: string) => iso.slice(0, 7);
