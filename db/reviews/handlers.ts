// The functions behind shared/reviews/contract.ts: 复盘复训.
import type { reviewsContract } from '../../shared/reviews/contract.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { nowIso, type ApiContext } from '../context.js';
import type { HandlerMap } from '../api/types.js';
import { scopeFor } from '../scope.js';
import { getReview, listReviews, prefill, retrain, saveReview } from './reviews.js';

const today = (ctx: ApiContext) => todayInBeijing(ctx.now());

export const reviewsHandlers: HandlerMap<keyof typeof reviewsContract> = {
  'reviews.prefill': async (ctx, input) => prefill(ctx.db, ctx.session, input, today(ctx)),
  'reviews.list': async (ctx, f) => listReviews(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, f.unitId), f),
  'reviews.get': async (ctx, { id }) => getReview(ctx.db, ctx.session, id),
  'reviews.save': async (ctx, input) => getReview(ctx.db, ctx.session, await saveReview(ctx.db, ctx.session, input, today(ctx), nowIso(ctx))),
  'reviews.retrain': async (ctx, input) => getReview(ctx.db, ctx.session, await retrain(ctx.db, ctx.session, input, nowIso(ctx))),
};
