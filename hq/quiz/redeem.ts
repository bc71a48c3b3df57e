// Rewards and redemptions at HQ. The stock lives here: a request is approved only while stock is left
// and the person's balance (every device's rows, daily cap applied) stays at or above zero; otherwise
// it is refused with the reason, and its points count again on the device once it syncs. Decisions
// are taken one at a time in this process, so two requests for the last item cannot both pass.
import { tally, type Earning, type Spending } from '../../shared/quiz/ledger.js';
import { REFUSALS } from '../../shared/quiz/refusals.js';
import { HqError } from '../errors.js';
import { hqQuizSettings } from './bank.js';
import type { HqStore } from '../store.js';
import { int, rowsOf, str, writeAsHq, type RowCells } from './rows.js';

export interface RewardInput { id?: string; name: string; nameEn?: string; description?: string; price: number; stock: number; active?: boolean }

export async function putReward(store: HqStore, r: RewardInput): Promise<string> {
  if (!r.name.trim()) throw new HqError(400, 'bad_reward', '奖品名称不能为空', 'The reward needs a name');
  if (!Number.isInteger(r.price) || r.price < 1) throw new HqError(400, 'bad_reward', '兑换积分须为正整数', 'The price must be a whole number above 0');
  if (!Number.isInteger(r.stock) || r.stock < 0) throw new HqError(400, 'bad_reward', '库存须为 0 或正整数', 'The stock must be a whole number, 0 or more');
  const c: RowCells = { name: r.name.trim(), name_en: r.nameEn?.trim() ?? '', description: r.description ?? '', price: r.price, stock: r.stock, active: r.active === false ? 0 : 1 };
  const exists = r.id ? (await rowsOf(store, 'quiz_rewards')).some((x) => x.id === r.id) : false;
  const [id] = await writeAsHq(store, [{ t: 'quiz_rewards', ...(r.id ? { r: r.id } : {}), scope: '/', isNew: !exists, c }]);
  return id!;
}

export interface HqRedemption { id: string; personId: string; rewardId: string; rewardName: string; price: number; status: string; requestedBy: string; requestedAt: string; scope: string; reason: string }

export async function listRedemptions(store: HqStore, status?: string): Promise<HqRedemption[]> {
  const rewards = new Map((await rowsOf(store, 'quiz_rewards')).map((w) => [w.id, str(w.c.name)]));
  return (await rowsOf(store, 'quiz_redemptions')).map((r) => ({
    id: r.id, personId: str(r.c.person_id), rewardId: str(r.c.reward_id), rewardName: rewards.get(str(r.c.reward_id)) ?? '', price: int(r.c.price), status: str(r.c.status),
    requestedBy: str(r.c.requested_by), requestedAt: str(r.c.requested_at), scope: r.scope, reason: str(r.c.reason),
  })).filter((r) => !status || r.status === status).sort((a, b) => (a.requestedAt < b.requestedAt ? -1 : 1));
}

/** The person's balance at HQ, from every device's rows, leaving one redemption out. */
async function balanceAt(store: HqStore, scope: string, personId: string, without: string): Promise<number> {
  const mine = (rows: Awaited<ReturnType<typeof rowsOf>>) => rows.filter((r) => str(r.c.person_id) === personId);
  const earnings: Earning[] = [
    ...mine(await rowsOf(store, 'quiz_attempts', scope)).filter((a) => int(a.c.points) > 0).map((a): Earning => ({ day: str(a.c.day), points: int(a.c.points), kind: 'answer', ref: a.id, at: str(a.c.answered_at) })),
    ...mine(await rowsOf(store, 'quiz_runs', scope)).filter((r) => r.c.status === 'passed' && int(r.c.bonus) > 0).map((r): Earning => ({ day: str(r.c.day), points: int(r.c.bonus), kind: 'level', ref: r.id, at: str(r.c.ended_at) })),
  ];
  const spendings: Spending[] = mine(await rowsOf(store, 'quiz_redemptions', scope)).filter((d) => d.id !== without && d.c.status === 'approved')
    .map((d) => ({ id: d.id, status: 'approved', price: int(d.c.price), at: str(d.c.requested_at), rewardName: '', reason: null }));
  const cap = (await hqQuizSettings(store)).dailyCap;
  return tally(earnings, spendings, cap).balance;
}

let queue: Promise<unknown> = Promise.resolve();
const oneAtATime = <T>(f: () => Promise<T>): Promise<T> => {
  const p = queue.then(f, f);
  queue = p.catch(() => undefined);
  return p;
};

export interface Decision { status: 'approved' | 'refused'; reason: string | null }

export function decideRedemption(store: HqStore, id: string, approve: boolean, by: string, reason?: string): Promise<Decision> {
  return oneAtATime(async () => {
    const d = (await rowsOf(store, 'quiz_redemptions')).find((r) => r.id === id);
    if (!d) throw new HqError(404, 'not_found', '没有这条兑换申请', 'No such redemption request');
    if (d.c.status !== 'requested') throw new HqError(409, 'decided', '这条兑换申请已处理', 'This request has already been decided');
    const w = (await rowsOf(store, 'quiz_rewards')).find((r) => r.id === str(d.c.reward_id));
    let verdict: Decision = { status: 'refused', reason: reason?.trim() || REFUSALS.refused.zh };
    if (approve) {
      // The price a device wrote is checked against the catalogue: a forged lower price never buys.
      if (w && int(d.c.price) < int(w.c.price)) verdict = { status: 'refused', reason: REFUSALS.price.zh };
      else if (!w || int(w.c.stock) <= 0) verdict = { status: 'refused', reason: REFUSALS.stock.zh };
      else if ((await balanceAt(store, d.scope, str(d.c.person_id), id)) < int(d.c.price)) verdict = { status: 'refused', reason: REFUSALS.balance.zh };
      else verdict = { status: 'approved', reason: null };
    }
    const now = new Date().toISOString();
    await writeAsHq(store, [
      { t: 'quiz_redemptions', r: id, scope: d.scope, isNew: false, c: { status: verdict.status, decided_at: now, decided_by: by, reason: verdict.reason } },
      ...(verdict.status === 'approved' && w ? [{ t: 'quiz_rewards' as const, r: w.id, scope: w.scope, isNew: false, c: { stock: int(w.c.stock) - 1 } }] : []),
    ]);
    return verdict;
  });
}

/** Decides every pending request, earliest request first: approved while stock and balance allow. */
export async function settlePending(store: HqStore, by: string): Promise<{ id: string; decision: Decision }[]> {
  const out: { id: string; decision: Decision }[] = [];
  for (const r of await listRedemptions(store, 'requested')) out.push({ id: r.id, decision: await decideRedemption(store, r.id, true, by) });
  return out;
}
