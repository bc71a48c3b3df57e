// The functions behind shared/evaluation/contract.ts.
import type { evaluationContract } from '../../shared/evaluation/contract.js';
import type { HandlerMap } from '../api/types.js';
import { branchIn } from '../points/store.js';
import { closeReview, reviewView, saveReview } from './review.js';

export const evaluationHandlers: HandlerMap<keyof typeof evaluationContract> = {
  'evaluation.get': async (ctx, { orgId, year }) => reviewView(ctx, await branchIn(ctx.db, orgId, ctx.session.scopePath), year),
  'evaluation.save': async (ctx, { orgId, year, ...input }) => reviewView(ctx, await saveReview(ctx, orgId, year, input), year),
  'evaluation.close': async (ctx, { orgId, year }) => reviewView(ctx, await closeReview(ctx, orgId, year), year),
};
