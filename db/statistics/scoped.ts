// The report of a unit in the session's scope (the whole scope without one), named after that unit.
import { todayInBeijing } from '../../shared/core/dates.js';
import type { StatisticsQuery } from '../../shared/statistics/schemas.js';
import type { StatisticsReport } from '../../shared/statistics/types.js';
import type { ApiContext } from '../context.js';
import { scopeFor } from '../scope.js';
import { statisticsReport } from './report.js';

export async function reportFor(ctx: ApiContext, q: StatisticsQuery): Promise<{ path: string; report: StatisticsReport }> {
  const path = await scopeFor(ctx.db, ctx.session.scopePath, q.unitId);
  const unit = await ctx.db.selectFrom('org_units').select('name').where('path', '=', path).where('deleted', '=', 0).executeTakeFirst();
  const name = unit?.name ?? (path === '/' ? null : path);
  return { path, report: await statisticsReport(ctx.db, path, name, q, todayInBeijing(ctx.now())) };
}
