// Review of wrongly answered questions: what is due now (ts-fsrs replayed over the person's attempts,
// shared/quiz/review.ts) and an answer to one. Review answers earn no points: points come from levels.
import { todayInBeijing } from '../../shared/core/dates.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { isRightAnswer } from '../../shared/quiz/bank.js';
import { dueForReview, reviewCards } from '../../shared/quiz/review.js';
import type { ReviewResult, ReviewStep } from '../../shared/quiz/types.js';
import { nowIso, type ApiContext } from '../context.js';
import { playerIn, questionById, questionView, quizSettingsFor, refuse } from './store.js';

async function dueList(ctx: ApiContext, personId: string, graduate: number) {
  const attempts = await ctx.db.selectFrom('quiz_attempts as a').innerJoin('quiz_questions as q', 'q.id', 'a.question_id')
    .select(['a.question_id', 'a.correct', 'a.answered_at']).where('a.person_id', '=', personId).where('a.deleted', '=', 0)
    .where('q.retired_on', 'is', null).where('q.deleted', '=', 0).execute();
  const cards = reviewCards(attempts.map((a) => ({ questionId: a.question_id, correct: a.correct === 1, at: a.answered_at })), graduate);
  return dueForReview(cards, ctx.now());
}

export async function reviewStep(ctx: ApiContext, personId: string): Promise<ReviewStep> {
  const p = await playerIn(ctx, personId);
  const s = await quizSettingsFor(ctx.db, p.scopePath);
  const due = await dueList(ctx, personId, s.reviewGraduate);
  const first = due[0];
  return { due: due.length, question: first ? questionView(await questionById(ctx.db, first.questionId), s) : null };
}

export async function answerReview(ctx: ApiContext, input: { personId: string; questionId: string; chosen: string }): Promise<ReviewResult> {
  const p = await playerIn(ctx, input.personId);
  const s = await quizSettingsFor(ctx.db, p.scopePath);
  const due = await dueList(ctx, input.personId, s.reviewGraduate);
  if (!due.some((c) => c.questionId === input.questionId)) throw refuse('这道题现在不需要复习', 'This question is not due for review now');
  const q = await questionById(ctx.db, input.questionId);
  const correct = isRightAnswer(q.answer, input.chosen);
  const now = nowIso(ctx);
  await ctx.db.insertInto('quiz_attempts').values({
    id: uuidv7(), run_id: null, person_id: p.id, question_id: q.id, mode: 'review', chosen: input.chosen, correct: correct ? 1 : 0,
    points: 0, day: todayInBeijing(ctx.now()), answered_at: now, scope_path: p.scopePath, created_at: now, updated_at: now,
  }).execute();
  return { correct, answer: q.answer, explanation: q.explanation, next: await reviewStep(ctx, p.id) };
}
