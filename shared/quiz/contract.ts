// The quiz operations (党建知识闯关赛): players, runs, review, the points ledger, rewards, standings.
import { z } from 'zod';
import { read, write } from '../contract/define.js';
import { answerInput, personInput, playersInput, redeemInput, reportInput, reviewAnswerInput, standingsInput, startInput } from './schemas.js';
import type { AnswerResult, QuizLedger, QuizOverview, QuizPlayer, QuizRedemption, QuizReward, QuizStandings, ReviewResult, ReviewStep, RunStep } from './types.js';

export const quizContract = {
  'quiz.players': read<QuizPlayer[]>()(playersInput),
  'quiz.overview': read<QuizOverview>()(personInput),
  'quiz.start': write<RunStep>()(startInput),
  'quiz.answer': write<AnswerResult>()(answerInput),
  'quiz.review': read<ReviewStep>()(personInput),
  'quiz.reviewAnswer': write<ReviewResult>()(reviewAnswerInput),
  'quiz.ledger': read<QuizLedger>()(personInput),
  'quiz.rewards': read<QuizReward[]>()(z.strictObject({})),
  'quiz.redemptions': read<QuizRedemption[]>()(personInput),
  'quiz.redeem': write<QuizRedemption>()(redeemInput),
  'quiz.report': write<{ id: string }>()(reportInput),
  'quiz.standings': read<QuizStandings>()(standingsInput),
} as const;
