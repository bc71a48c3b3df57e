// The functions behind shared/quiz/contract.ts.
import type { quizContract } from '../../shared/quiz/contract.js';
import type { HandlerMap } from '../api/types.js';
import { ledger, overview } from './overview.js';
import { answerRun, startRun } from './play.js';
import { answerReview, reviewStep } from './review.js';
import { redeem, redemptionsOf, reportQuestion, rewardList } from './rewards.js';
import { standings } from './standings.js';
import { playersIn } from './store.js';

export const quizHandlers: HandlerMap<keyof typeof quizContract> = {
  'quiz.players': async (ctx, { q }) => playersIn(ctx, q),
  'quiz.overview': async (ctx, { personId }) => overview(ctx, personId),
  'quiz.start': async (ctx, { personId, level }) => startRun(ctx, personId, level),
  'quiz.answer': async (ctx, input) => answerRun(ctx, input),
  'quiz.review': async (ctx, { personId }) => reviewStep(ctx, personId),
  'quiz.reviewAnswer': async (ctx, input) => answerReview(ctx, input),
  'quiz.ledger': async (ctx, { personId }) => ledger(ctx, personId),
  'quiz.rewards': async (ctx) => rewardList(ctx),
  'quiz.redemptions': async (ctx, { personId }) => redemptionsOf(ctx, personId),
  'quiz.redeem': async (ctx, { personId, rewardId }) => redeem(ctx, personId, rewardId),
  'quiz.report': async (ctx, { personId, questionId, text }) => reportQuestion(ctx, personId, questionId, text),
  'quiz.standings': async (ctx, { by, from, to }) => standings(ctx, by, from, to),
};
