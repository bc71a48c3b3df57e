// The rewards catalogue (from HQ), redemption requests (decided at HQ: hq/quiz/redeem.ts) and
// reports of a wrong question. A request is refused here when the person's balance, after the daily
// cap and counting requests still pending, would go below zero; HQ checks again with every device's rows.
import { uuidv7 } from '../../shared/core/ids.js';
import { tally } from '../../shared/quiz/ledger.js';
import type { QuizRedemption, QuizReward } from '../../shared/quiz/types.js';
import { nowIso, type ApiContext } from '../context.js';
import { earningsOf, playerIn, questionById, quizSettingsFor, refuse, spendingsOf } from './store.js';

export async function rewardList(ctx: ApiContext): Promise<QuizReward[]> {
  const rows = await ctx.db.selectFrom('quiz_rewards').select(['id', 'name', 'name_en', 'description', 'price', 'stock'])
    .where('deleted', '=', 0).where('active', '=', 1).orderBy('price').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en || r.name, description: r.description, price: r.price, stock: r.stock }));
}

export async function redemptionsOf(ctx: ApiContext, personId: string): Promise<QuizRedemption[]> {
  await playerIn(ctx, personId);
  const rows = await ctx.db.selectFrom('quiz_redemptions as d').leftJoin('quiz_rewards as w', 'w.id', 'd.reward_id')
    .select(['d.id', 'd.reward_id', 'w.name', 'd.price', 'd.status', 'd.requested_at', 'd.decided_at', 'd.decided_by', 'd.reason'])
    .where('d.person_id', '=', personId).where('d.deleted', '=', 0).orderBy('d.requested_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, rewardId: r.reward_id, rewardName: r.name ?? '', price: r.price, status: r.status, requestedAt: r.requested_at,
    decidedAt: r.decided_at, decidedBy: r.decided_by, reason: r.reason,
  }));
}

export async function redeem(ctx: ApiContext, personId: string, rewardId: string): Promise<QuizRedemption> {
  const p = await playerIn(ctx, personId);
  const s = await quizSettingsFor(ctx.db, p.scopePath);
  const w = await ctx.db.selectFrom('quiz_rewards').selectAll().where('id', '=', rewardId).where('deleted', '=', 0).executeTakeFirst();
  if (!w || !w.active) throw refuse('该奖品不存在或已下架', 'This reward does not exist or has been withdrawn');
  if (w.stock <= 0) throw refuse(`“${w.name}”已兑完`, `"${w.name_en || w.name}" is out of stock`);
  const t = tally(await earningsOf(ctx.db, personId), await spendingsOf(ctx.db, personId), s.dailyCap);
  if (t.balance < w.price) throw refuse(`积分不足：兑换需 ${w.price} 分，现有 ${t.balance} 分`, `Not enough points: ${w.price} needed, ${t.balance} available`);
  const now = nowIso(ctx);
  const id = uuidv7();
  await ctx.db.insertInto('quiz_redemptions').values({
    id, reward_id: w.id, person_id: personId, price: w.price, status: 'requested', requested_at: now, requested_by: ctx.session.userName,
    scope_path: p.scopePath, created_at: now, updated_at: now,
  }).execute();
  return { id, rewardId: w.id, rewardName: w.name, price: w.price, status: 'requested', requestedAt: now, decidedAt: null, decidedBy: null, reason: null };
}

export async function reportQuestion(ctx: ApiContext, personId: string, questionId: string, text: string): Promise<{ id: string }> {
  const p = await playerIn(ctx, personId);
  await questionById(ctx.db, questionId);
  const now = nowIso(ctx);
  const id = uuidv7();
  await ctx.db.insertInto('quiz_reports').values({ id, question_id: questionId, person_id: p.id, text, reported_by: ctx.session.userName, scope_path: p.scopePath, created_at: now, updated_at: now }).execute();
  return { id };
}
