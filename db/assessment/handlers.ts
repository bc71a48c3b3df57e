// The functions behind shared/assessment/contract.ts: the warning board and the three lists.
import type { assessmentContract } from '../../shared/assessment/contract.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { ApiError } from '../../shared/core/errors.js';
import { nowIso, type ApiContext } from '../context.js';
import type { HandlerMap } from '../api/types.js';
import { scopeFor } from '../scope.js';
import { board, boardSettings } from './board.js';
import { exportAssessment } from './export.js';
import { treeSince } from './pastTree.js';
import { getItem, listItems, moveItem, saveItem } from './items.js';
import { recordPeriod } from './record.js';
import { saveBusiness } from './businessIndicators.js';
import { businessTemplate, importBusiness } from './businessImport.js';
import { dualPeriodOf, outletCard, scorecard, scorecards } from './scorecard.js';
import { exportScorecard } from './scorecardExport.js';

const today = (ctx: ApiContext) => todayInBeijing(ctx.now());

export const assessmentHandlers: HandlerMap<keyof typeof assessmentContract> = {
  'assessment.settings': async (ctx) => (await boardSettings(ctx.db, ctx.session.scopePath)).a,
  'assessment.board': async (ctx, { unitId, orgId, period, trendPeriods }) =>
    board(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, unitId), { period: period ?? today(ctx).slice(0, 7), today: today(ctx), trendPeriods, orgId }),
  'assessment.record': async (ctx, { unitId, period }) => {
    if (ctx.session.role === 'instructor')
      throw new ApiError('forbidden', '预警记录由县级组织员或省公司管理员保存', 'Warning lights are kept by county organisers and HQ administrators');
    const p = period ?? today(ctx).slice(0, 7);
    if (p > today(ctx).slice(0, 7)) throw new ApiError('validation', '不能记录尚未开始的月份', 'A month that has not begun cannot be recorded');
    return recordPeriod(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, unitId), p, { userName: ctx.session.userName, now: nowIso(ctx), today: today(ctx) });
  },
  'assessment.export': async (ctx, input) => exportAssessment(ctx, input),
  'assessment.treeSince': async (ctx) => ({ since: await treeSince(ctx.db) }),
  'assessment.scorecard.export': async (ctx, input) => exportScorecard(ctx, input),
  'assessment.scorecard.cards': async (ctx, { unitId, period }) => ({
    period: dualPeriodOf(period).key, ...(await scorecards(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, unitId), period, today(ctx))),
  }),
  'rectification.list': async (ctx, f) => listItems(ctx.db, ctx.session, await scopeFor(ctx.db, ctx.session.scopePath, f.unitId), f, today(ctx)),
  'rectification.save': async (ctx, input) => {
    const id = await saveItem(ctx.db, ctx.session, input, nowIso(ctx));
    return getItem(ctx.db, ctx.session, id, today(ctx));
  },
  'rectification.move': async (ctx, input) => {
    await moveItem(ctx.db, ctx.session, input, nowIso(ctx), today(ctx));
    return getItem(ctx.db, ctx.session, input.id, today(ctx));
  },
  'assessment.scorecard': async (ctx, { unitId, period }) => scorecard(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, unitId), period, today(ctx)),
  'assessment.outletCard': async (ctx, { outletId, period }) => outletCard(ctx.db, ctx.session.scopePath, outletId, period, today(ctx)),
  'assessment.business.save': async (ctx, input) => {
    await saveBusiness(ctx.db, ctx.session, input, nowIso(ctx));
    return outletCard(ctx.db, ctx.session.scopePath, input.outletId, input.period, today(ctx));
  },
  'assessment.business.template': async (ctx, { unitId, period }) => businessTemplate(ctx, await scopeFor(ctx.db, ctx.session.scopePath, unitId), period, today(ctx)),
  'assessment.business.import': async (ctx, input) => importBusiness(ctx, input),
};
