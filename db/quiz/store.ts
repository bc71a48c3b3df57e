// Lookups the quiz operations share: its settings for a scope, the player (a person at one of the
// scope's outlets), questions as the player sees them, and the rows a person's ledger is made of.
import { sql } from 'kysely';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { assertInScope, scopeEnd } from '../../shared/core/scope.js';
import type { QuestionKind } from '../../shared/quiz/bank.js';
import type { Earning, Spending } from '../../shared/quiz/ledger.js';
import { quizSettings, type QuizSettings } from '../../shared/quiz/settings.js';
import type { QuizPlayer, QuizQuestionView } from '../../shared/quiz/types.js';
import type { ApiContext, Db } from '../context.js';
import { readSettings } from '../system/settings.js';

export async function quizSettingsFor(db: Db, scope: string): Promise<QuizSettings> {
  return quizSettings(await readSettings(db, scope));
}

export interface Player extends QuizPlayer { scopePath: string; outletId: string }

export async function playerIn(ctx: ApiContext, personId: string): Promise<Player> {
  const p = await ctx.db.selectFrom('people as p').innerJoin('outlets as o', 'o.id', 'p.outlet_id')
    .leftJoin('members as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.deleted', '=', 0))
    .select(['p.id', 'p.name', 'p.scope_path', 'o.id as outletId', 'o.name as outletName', 'm.id as memberId'])
    .where('p.id', '=', personId).where('p.deleted', '=', 0).executeTakeFirst();
  if (!p) throw notFound('答题人（网点人员）', 'Player (a person at an outlet)');
  assertInScope(p.scope_path, ctx.session.scopePath, 'person');
  return { id: p.id, name: p.name, outletName: p.outletName, isMember: p.memberId !== null, scopePath: p.scope_path, outletId: p.outletId };
}

export async function playersIn(ctx: ApiContext, q: string | undefined): Promise<QuizPlayer[]> {
  const s = ctx.session.scopePath;
  let query = ctx.db.selectFrom('people as p').innerJoin('outlets as o', 'o.id', 'p.outlet_id')
    .leftJoin('members as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.deleted', '=', 0))
    .select(['p.id', 'p.name', 'o.name as outletName', 'm.id as memberId'])
    .where('p.deleted', '=', 0).where('p.scope_path', '>=', s).where('p.scope_path', '<', scopeEnd(s));
  if (q?.trim()) query = query.where((e) => e.or([e('p.name', 'like', `%${q.trim()}%`), e('o.name', 'like', `%${q.trim()}%`)]));
  const rows = await query.orderBy('o.name').orderBy('p.name').limit(500).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, outletName: r.outletName, isMember: r.memberId !== null }));
}

export interface QuestionRow { id: string; kind: QuestionKind; stem: string; options_json: string; answer: string; explanation: string; category: string; difficulty: number; level: number; retired_on: string | null }

export async function questionById(db: Db, id: string): Promise<QuestionRow> {
  const q = await db.selectFrom('quiz_questions').select(['id', 'kind', 'stem', 'options_json', 'answer', 'explanation', 'category', 'difficulty', 'level', 'retired_on'])
    .where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!q) throw notFound('题目', 'Question');
  return q;
}

export function questionView(q: QuestionRow, s: QuizSettings): QuizQuestionView {
  const c = s.categories.find((x) => x.key === q.category);
  return {
    id: q.id, kind: q.kind, stem: q.stem, options: JSON.parse(q.options_json) as string[], category: q.category,
    categoryZh: c?.zh ?? q.category, categoryEn: c?.en ?? q.category, difficulty: q.difficulty, level: q.level,
  };
}

/** A random question of the level that is in use and not yet asked in this run (null: none left). */
export async function drawQuestion(db: Db, level: number, asked: string[]): Promise<QuestionRow | null> {
  let q = db.selectFrom('quiz_questions').select(['id', 'kind', 'stem', 'options_json', 'answer', 'explanation', 'category', 'difficulty', 'level', 'retired_on'])
    .where('level', '=', level).where('retired_on', 'is', null).where('deleted', '=', 0);
  if (asked.length) q = q.where('id', 'not in', asked);
  // A level holds hundreds of questions at most: random() over them costs well under a millisecond.
  return (await q.orderBy(sql`random()`).limit(1).executeTakeFirst()) ?? null;
}

/** A person's earnings (of one day only, when `day` is given: all the daily cap needs). */
export async function earningsOf(db: Db, personId: string, day?: string): Promise<Earning[]> {
  let aq = db.selectFrom('quiz_attempts').select(['id', 'day', 'points', 'answered_at']).where('person_id', '=', personId).where('deleted', '=', 0).where('points', '>', 0);
  let rq = db.selectFrom('quiz_runs').select(['id', 'day', 'bonus', 'ended_at', 'started_at']).where('person_id', '=', personId).where('deleted', '=', 0).where('status', '=', 'passed').where('bonus', '>', 0);
  if (day) {
    aq = aq.where('day', '=', day);
    rq = rq.where('day', '=', day);
  }
  const a = await aq.execute();
  const r = await rq.execute();
  return [
    ...a.map((x): Earning => ({ day: x.day, points: x.points, kind: 'answer', ref: x.id, at: x.answered_at })),
    ...r.map((x): Earning => ({ day: x.day, points: x.bonus, kind: 'level', ref: x.id, at: x.ended_at ?? x.started_at })),
  ];
}

export async function spendingsOf(db: Db, personId: string): Promise<Spending[]> {
  const rows = await db.selectFrom('quiz_redemptions as d').leftJoin('quiz_rewards as w', 'w.id', 'd.reward_id')
    .select(['d.id', 'd.status', 'd.price', 'd.requested_at', 'd.reason', 'w.name']).where('d.person_id', '=', personId).where('d.deleted', '=', 0).execute();
  return rows.map((r) => ({ id: r.id, status: r.status, price: r.price, at: r.requested_at, rewardName: r.name ?? '', reason: r.reason }));
}

export function refuse(zh: string, en: string): ApiError {
  return new ApiError('validation', zh, en);
}
