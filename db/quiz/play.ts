// A run of a level: start (the level must be open to the person), answer (recorded, checked, the next
// question drawn in the same call), end at the first wrong answer or after the level's length.
import { todayInBeijing } from '../../shared/core/dates.js';
import { notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope } from '../../shared/core/scope.js';
import { isRightAnswer } from '../../shared/quiz/bank.js';
import { gainAfterCap, tally } from '../../shared/quiz/ledger.js';
import { runLength, runStatusAfter, unlockedLevels } from '../../shared/quiz/rules.js';
import type { QuizSettings } from '../../shared/quiz/settings.js';
import type { AnswerResult, RunStep } from '../../shared/quiz/types.js';
import { nowIso, type ApiContext, type Db } from '../context.js';
import { drawQuestion, earningsOf, playerIn, questionById, questionView, quizSettingsFor, refuse } from './store.js';

/** A few seconds for the tap to travel: the limit shown is the limit kept. */
const GRACE_MS = 2000;

export async function levelCounts(db: Db): Promise<Map<number, number>> {
  const rows = await db.selectFrom('quiz_questions').select(['level', (e) => e.fn.countAll<number>().as('n')])
    .where('retired_on', 'is', null).where('deleted', '=', 0).groupBy('level').execute();
  return new Map(rows.map((r) => [r.level, r.n]));
}

export async function passedLevels(db: Db, personId: string): Promise<Set<number>> {
  const rows = await db.selectFrom('quiz_runs').select('level').distinct().where('person_id', '=', personId).where('status', '=', 'passed').where('deleted', '=', 0).execute();
  return new Set(rows.map((r) => r.level));
}

export async function startRun(ctx: ApiContext, personId: string, level: number): Promise<RunStep> {
  const p = await playerIn(ctx, personId);
  const s = await quizSettingsFor(ctx.db, p.scopePath);
  const counts = await levelCounts(ctx.db);
  const state = unlockedLevels([...counts.keys()], await passedLevels(ctx.db, personId)).find((l) => l.level === level);
  if (!state) throw refuse(`第 ${level} 关没有可用的题目（请先同步总部题库）`, `Level ${level} has no questions (sync the bank from HQ first)`);
  if (!state.unlocked) throw refuse(`第 ${level} 关尚未解锁：请先通过前一关`, `Level ${level} is locked: pass the level before it first`);
  const now = nowIso(ctx);
  // A run left open on this device (the player walked away) ends as failed before another starts.
  await ctx.db.updateTable('quiz_runs').set({ status: 'failed', ended_at: now, updated_at: now })
    .where('person_id', '=', personId).where('status', '=', 'open').where('device_id', '=', ctx.session.deviceId).execute();
  const id = uuidv7();
  const length = runLength(s.levelLength, counts.get(level)!);
  await ctx.db.insertInto('quiz_runs').values({
    id, person_id: personId, level, length, status: 'open', day: todayInBeijing(ctx.now()), started_at: now, device_id: ctx.session.deviceId,
    scope_path: p.scopePath, created_at: now, updated_at: now,
  }).execute();
  const q = await drawQuestion(ctx.db, level, []);
  return { runId: id, level, length, index: 1, correctCount: 0, status: 'open', question: q && questionView(q, s), timeLimitSeconds: s.timeLimitSeconds };
}

export async function answerRun(ctx: ApiContext, input: { runId: string; questionId: string; chosen: string; elapsedMs: number }): Promise<AnswerResult> {
  const run = await ctx.db.selectFrom('quiz_runs').selectAll().where('id', '=', input.runId).where('deleted', '=', 0).executeTakeFirst();
  if (!run) throw notFound('答题记录', 'Run');
  assertInScope(run.scope_path, ctx.session.scopePath, 'person');
  if (run.status !== 'open' || run.device_id !== ctx.session.deviceId) throw refuse('本轮答题已结束，请重新开始', 'This run is over; start a new one');
  const asked = (await ctx.db.selectFrom('quiz_attempts').select('question_id').where('run_id', '=', run.id).execute()).map((a) => a.question_id);
  const q = await questionById(ctx.db, input.questionId);
  if (q.level !== run.level || asked.includes(q.id)) throw refuse('这道题不属于本轮答题', 'This question is not part of this run');
  const s: QuizSettings = await quizSettingsFor(ctx.db, run.scope_path);
  const late = s.timeLimitSeconds > 0 && input.elapsedMs > s.timeLimitSeconds * 1000 + GRACE_MS;
  const correct = !late && isRightAnswer(q.answer, input.chosen);
  const now = nowIso(ctx);
  const day = todayInBeijing(ctx.now());
  // Only today's earnings matter to the cap: the rest of the ledger is not read on this path.
  const t = tally(await earningsOf(ctx.db, run.person_id, day), [], s.dailyCap);
  const points = correct ? s.pointsPerCorrect : 0;
  const before = t.byDay.get(day)?.counted ?? 0;
  let gained = gainAfterCap(t, day, points, s.dailyCap);
  await ctx.db.insertInto('quiz_attempts').values({
    id: uuidv7(), run_id: run.id, person_id: run.person_id, question_id: q.id, mode: 'level', chosen: input.chosen, correct: correct ? 1 : 0,
    points, day, answered_at: now, elapsed_ms: input.elapsedMs, scope_path: run.scope_path, created_at: now, updated_at: now,
  }).execute();
  const correctCount = run.correct + (correct ? 1 : 0);
  const status = runStatusAfter(correctCount, correct, run.length);
  const bonus = status === 'passed' ? s.pointsPerLevel : 0;
  if (bonus) {
    const d = t.byDay.get(day);
    if (d) d.counted += gained;
    else t.byDay.set(day, { gross: points, counted: gained });
    gained += gainAfterCap(t, day, bonus, s.dailyCap);
  }
  await ctx.db.updateTable('quiz_runs').set({ status, correct: correctCount, bonus, ended_at: status === 'open' ? null : now, updated_at: now }).where('id', '=', run.id).execute();
  const next = status === 'open' ? await drawQuestion(ctx.db, run.level, [...asked, q.id]) : null;
  if (status === 'open' && !next) {
    // Questions retired since the run began: what was answered right stands as a pass.
    await ctx.db.updateTable('quiz_runs').set({ status: 'passed', ended_at: now }).where('id', '=', run.id).execute();
  }
  const finalStatus = status === 'open' && !next ? 'passed' : status;
  return {
    correct, answer: q.answer, explanation: q.explanation, gained, capReached: before + gained >= s.dailyCap,
    step: { runId: run.id, level: run.level, length: run.length, index: asked.length + 2, correctCount, status: finalStatus, question: next && questionView(next, s), timeLimitSeconds: s.timeLimitSeconds },
  };
}
