import { contract, isOpName, type OpName } from '../../shared/contract/index.js';
import { ApiError, parseInput, type Envelope } from '../../shared/core/errors.js';
import type { ApiContext } from '../context.js';
import { assessmentHandlers } from '../assessment/handlers.js';
import { orgHandlers } from '../org/handlers.js';
import { orgLifeHandlers } from '../orglife/handlers.js';
import { peopleHandlers } from '../people/handlers.js';
import { pointsHandlers } from '../points/handlers.js';
import { quizHandlers } from '../quiz/handlers.js';
import { duesHandlers } from '../dues/handlers.js';
import { evaluationHandlers } from '../evaluation/handlers.js';
import { orgChecksHandlers } from '../org/checks.js';
import { syncHandlers } from '../sync/handlers.js';
import { systemHandlers } from '../system/handlers.js';
import { historyHandlers } from '../history/handlers.js';
import { teamsHandlers } from '../teams/handlers.js';
import { milestonesHandlers } from '../milestones/handlers.js';
import { pairingHandlers } from '../pairing/handlers.js';
import { honoursHandlers } from '../honours/handlers.js';
import { reviewsHandlers } from '../reviews/handlers.js';
import { statisticsHandlers } from '../statistics/handlers.js';
import type { HandlerMap } from './types.js';

/** Each feature's handlers, by name: a test checks that every operation is implemented exactly once. */
export const featureHandlers = { system: systemHandlers, sync: syncHandlers, org: orgHandlers, people: peopleHandlers, orglife: orgLifeHandlers, assessment: assessmentHandlers, points: pointsHandlers, quiz: quizHandlers, dues: duesHandlers, evaluation: evaluationHandlers, orgChecks: orgChecksHandlers, teams: teamsHandlers, milestones: milestonesHandlers, pairing: pairingHandlers, honours: honoursHandlers, reviews: reviewsHandlers, history: historyHandlers, statistics: statisticsHandlers };

// The implementation of the whole contract; the type fails to check if an operation has no handler.
export const handlers: HandlerMap<OpName> = {
  ...systemHandlers,
  ...syncHandlers,
  ...orgHandlers,
  ...peopleHandlers,
  ...orgLifeHandlers,
  ...assessmentHandlers,
  ...pointsHandlers,
  ...quizHandlers,
  ...duesHandlers,
  ...evaluationHandlers,
  ...orgChecksHandlers,
  ...teamsHandlers,
  ...milestonesHandlers,
  ...pairingHandlers,
  ...honoursHandlers,
  ...reviewsHandlers,
  ...historyHandlers,
  ...statisticsHandlers,
};

/**
 * The single entry both shells call: validates the input with the contract's schema, runs the
 * handler (writes in one transaction) and folds every failure into a structured, bilingual error.
 */
export async function dispatch(ctx: ApiContext, name: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isOpName(name)) {
    return { ok: false, error: new ApiError('unknown_operation', '未知的操作', `Unknown operation`).toBody() };
  }
  const def = contract[name];
  const parsed = parseInput(def.input, rawInput ?? {});
  if (!parsed.ok) return { ok: false, error: parsed.error.toBody() };
  if (def.kind === 'write' && ctx.session.role === 'auditor') {
    return { ok: false, error: new ApiError('forbidden', '审计员角色只能查看，不能修改', 'Auditors cannot change data').toBody() };
  }
  const handler = handlers[name] as (c: ApiContext, i: unknown) => Promise<unknown>;
  try {
    const data =
      def.kind === 'write'
        ? await ctx.db.transaction().execute((trx) => handler({ ...ctx, db: trx }, parsed.data))
        : await handler(ctx, parsed.data);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.toBody() };
    console.error(`[api] ${name} failed`, e);
    return { ok: false, error: new ApiError('internal', '操作失败，数据未保存。请重试或联系管理员', 'The operation failed; nothing was saved').toBody() };
  }
}
