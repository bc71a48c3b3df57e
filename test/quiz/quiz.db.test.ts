// The quiz on a real store through the API: players at the device's outlets, levels that unlock in
// order, runs without repeats that end at the first wrong answer, the daily cap, review the next day,
// retired questions, redemptions that never overdraw, reports, standings; refusals write nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import type { RunStep } from '../../shared/quiz/types.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildQuizWorld, rightAnswer, seedBank, wrongAnswer, type QuizWorld } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: QuizWorld;
const count = (sql: string) => (p.store.raw.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;
const D1 = '2026-12-01';

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildQuizWorld(ctx);
  seedBank(p.store.raw, 3, 8);
});
afterEach(async () => p.cleanup());

/** Plays a whole run; `wrongAt` (1-based) answers that question wrong. */
async function play(c: ApiContext, personId: string, level: number, wrongAt?: number) {
  let step: RunStep = await call(c, 'quiz.start', { personId, level });
  const seen: string[] = [];
  let gained = 0;
  while (step.status === 'open' && step.question) {
    const q = step.question;
    seen.push(q.id);
    const chosen = seen.length === wrongAt ? wrongAnswer(p.store.raw, q.id) : rightAnswer(p.store.raw, q.id);
    const r = await call(c, 'quiz.answer', { runId: step.runId, questionId: q.id, chosen, elapsedMs: 1200 });
    gained += r.gained;
    step = r.step;
  }
  return { step, seen, gained };
}

describe('players and levels', () => {
  it('lists the people at the device\u2019s outlets and opens levels in order', async () => {
    const players = await call(ctx, 'quiz.players', {});
    expect(players.map((x) => [x.name, x.isMember])).toEqual(expect.arrayContaining([['王建国', true], ['李小红', false], ['张村官', false]]));
    const o = await call(at(ctx, D1), 'quiz.overview', { personId: w.clerk.id });
    expect(o.levels.map((l) => [l.level, l.unlocked, l.questions])).toEqual([[1, true, 8], [2, false, 8], [3, false, 8]]);
    const locked = await dispatch(at(ctx, D1), 'quiz.start', { personId: w.clerk.id, level: 2 });
    expect(locked).toMatchObject({ ok: false, error: { message: '第 2 关尚未解锁：请先通过前一关' } });
    expect(count('quiz_runs')).toBe(0);
  });
});

describe('a run', () => {
  it('passes after the level length with no question twice, pays points and the level bonus, and opens the next level', async () => {
    const { step, seen, gained } = await play(at(ctx, D1), w.clerk.id, 1);
    expect(step).toMatchObject({ status: 'passed', correctCount: 5, question: null });
    expect(new Set(seen).size).toBe(5);
    expect(gained).toBe(6); // 5 × 1, plus 2 for the level, cut at the daily cap of 6
    const o = await call(at(ctx, D1), 'quiz.overview', { personId: w.clerk.id });
    expect(o.levels.map((l) => [l.level, l.unlocked, l.passed])).toEqual([[1, true, true], [2, true, false], [3, false, false]]);
    expect(o).toMatchObject({ balance: 6, today: { counted: 6, cap: 6 } });
    expect(count(`sync_outbox WHERE tbl = 'quiz_attempts'`)).toBe(5);
  });

  it('ends at the first wrong answer and shows the right one with its explanation', async () => {
    const c = at(ctx, D1);
    const s = await call(c, 'quiz.start', { personId: w.clerk.id, level: 1 });
    const q = s.question!;
    const r = await call(c, 'quiz.answer', { runId: s.runId, questionId: q.id, chosen: wrongAnswer(p.store.raw, q.id), elapsedMs: 900 });
    expect(r).toMatchObject({ correct: false, answer: rightAnswer(p.store.raw, q.id), explanation: expect.stringMatching(/^解析1-/), gained: 0, step: { status: 'failed', question: null } });
    const again = await dispatch(c, 'quiz.answer', { runId: s.runId, questionId: q.id, chosen: 'A', elapsedMs: 900 });
    expect(again).toMatchObject({ ok: false, error: { message: '本轮答题已结束，请重新开始' } });
    expect(count('quiz_attempts')).toBe(1);
  });

  it('counts an answer after the time limit as wrong', async () => {
    await call(ctx, 'settings.set', { key: 'quiz.timeLimitSeconds', value: 20 });
    const s = await call(at(ctx, D1), 'quiz.start', { personId: w.clerk.id, level: 1 });
    expect(s.timeLimitSeconds).toBe(20);
    const r = await call(at(ctx, D1), 'quiz.answer', { runId: s.runId, questionId: s.question!.id, chosen: rightAnswer(p.store.raw, s.question!.id), elapsedMs: 40_000 });
    expect(r.correct).toBe(false);
  });

  it('never draws a retired question', async () => {
    p.store.raw.exec(`UPDATE quiz_questions SET retired_on = '${D1}' WHERE level = 1 AND stem NOT IN ('第1关第1题', '第1关第2题')`);
    const { seen, step } = await play(at(ctx, D1), w.clerk.id, 1);
    expect(step.length).toBe(2);
    const stems = seen.map((id) => (p.store.raw.prepare('SELECT stem FROM quiz_questions WHERE id = ?').get(id) as { stem: string }).stem).sort();
    expect(stems).toEqual(['第1关第1题', '第1关第2题']);
  });
});

describe('daily cap and review', () => {
  it('stops counting at the cap for the day, and counts again the next day', async () => {
    await play(at(ctx, D1), w.clerk.id, 1);
    const second = await play(at(ctx, D1, 1), w.clerk.id, 2);
    expect(second.gained).toBe(0);
    const l = await call(at(ctx, D1, 1), 'quiz.ledger', { personId: w.clerk.id });
    expect(l).toMatchObject({ balance: 6, earned: 6, overCap: 8 });
    const third = await play(at(ctx, '2026-12-02'), w.clerk.id, 3, 3);
    expect(third.gained).toBe(2);
    expect((await call(at(ctx, '2026-12-02'), 'quiz.ledger', { personId: w.clerk.id })).balance).toBe(8);
  });

  it('brings a wrong answer back for review the next day, not the same day', async () => {
    const { seen } = await play(at(ctx, D1), w.clerk.id, 1, 2);
    expect((await call(at(ctx, D1, 3), 'quiz.review', { personId: w.clerk.id })).due).toBe(0);
    const next = await call(at(ctx, '2026-12-02'), 'quiz.review', { personId: w.clerk.id });
    expect(next).toMatchObject({ due: 1, question: { id: seen[1] } });
    const r = await call(at(ctx, '2026-12-02'), 'quiz.reviewAnswer', { personId: w.clerk.id, questionId: seen[1]!, chosen: rightAnswer(p.store.raw, seen[1]!) });
    expect(r).toMatchObject({ correct: true, next: { due: 0, question: null } });
    expect(count(`quiz_attempts WHERE mode = 'review' AND points = 0`)).toBe(1);
  });
});

describe('rewards', () => {
  it('refuses a redemption the balance cannot pay, and takes the price off when it can', async () => {
    const T = new Date().toISOString();
    p.store.raw.prepare(`INSERT INTO quiz_rewards (id, name, name_en, price, stock, scope_path, created_at, updated_at) VALUES ('0190a000-0000-7000-8000-0000000000f1', '1GB 流量包', '1 GB data', 5, 1, '/', ?, ?)`).run(T, T);
    const poor = await dispatch(at(ctx, D1), 'quiz.redeem', { personId: w.clerk.id, rewardId: '0190a000-0000-7000-8000-0000000000f1' });
    expect(poor).toMatchObject({ ok: false, error: { message: '积分不足：兑换需 5 分，现有 0 分' } });
    expect(count('quiz_redemptions')).toBe(0);
    await play(at(ctx, D1), w.clerk.id, 1);
    const r = await call(at(ctx, D1), 'quiz.redeem', { personId: w.clerk.id, rewardId: '0190a000-0000-7000-8000-0000000000f1' });
    expect(r).toMatchObject({ status: 'requested', price: 5 });
    expect((await call(at(ctx, D1), 'quiz.ledger', { personId: w.clerk.id })).balance).toBe(1);
    expect(await dispatch(at(ctx, D1), 'quiz.redeem', { personId: w.clerk.id, rewardId: '0190a000-0000-7000-8000-0000000000f1' })).toMatchObject({ ok: false });
    // HQ refuses it (out of stock); the synced decision gives the points back
    p.store.raw.prepare(`UPDATE quiz_redemptions SET status = 'refused', reason = '库存不足，积分已退回'`).run();
    const l = await call(at(ctx, D1), 'quiz.ledger', { personId: w.clerk.id });
    expect(l.balance).toBe(6);
    expect(l.lines.find((x) => x.kind === 'refund')).toMatchObject({ points: 5, note: '库存不足，积分已退回' });
  });

  it('records a report that a question is wrong, to go to HQ', async () => {
    const s = await call(at(ctx, D1), 'quiz.start', { personId: w.clerk.id, level: 1 });
    await call(at(ctx, D1), 'quiz.report', { personId: w.clerk.id, questionId: s.question!.id, text: '选项有两个都对' });
    expect(count(`sync_outbox WHERE tbl = 'quiz_reports'`)).toBe(1);
  });
});

describe('standings', () => {
  it('show participation, average score and levels passed per outlet and grid, without names unless switched on', async () => {
    await play(at(ctx, D1), w.clerk.id, 1);
    await play(at(ctx, D1), w.member.id, 1, 1);
    const s = await call(ctx, 'quiz.standings', { by: 'outlet', from: '2026-12-01', to: '2026-12-31' });
    expect(s.rows.map((r) => [r.name, r.people, r.players, r.participation, r.avgScore, r.levelsPassed])).toEqual([
      ['骊山路营业厅', 2, 2, 1, 50, 1], ['仁宗村服务点', 1, 0, 0, null, 0],
    ]);
    expect(s.individuals).toBeNull();
    const g = await call(ctx, 'quiz.standings', { by: 'grid', from: '2026-12-01', to: '2026-12-31' });
    expect(g.rows).toHaveLength(1);
    expect(g.rows[0]).toMatchObject({ people: 3, players: 2 });
    await call(ctx, 'settings.set', { key: 'quiz.publicRanking', value: true });
    const named = await call(ctx, 'quiz.standings', { by: 'branch', from: '2026-12-01', to: '2026-12-31' });
    expect(named.individuals?.[0]).toMatchObject({ name: '李小红', levelsPassed: 1, earned: 6 });
  });
});

describe('settings', () => {
  it('refuses a quiz setting out of range or unknown, in both languages, and writes nothing', async () => {
    const bad = await dispatch(ctx, 'settings.set', { key: 'quiz.dailyCap', value: -3 });
    expect(bad).toMatchObject({ ok: false, error: { message: '输入有误：闯关赛设置“quiz.dailyCap”的取值不符合要求', messageEn: 'Invalid input: The value of quiz.dailyCap is invalid' } });
    expect(await dispatch(ctx, 'settings.set', { key: 'quiz.colour', value: 'red' })).toMatchObject({ ok: false, error: { message: '输入有误：未知的闯关赛设置项：quiz.colour' } });
    expect(count(`settings WHERE key LIKE 'quiz.%'`)).toBe(0);
    await call(ctx, 'settings.set', { key: 'quiz.dailyCap', value: 10 });
    expect((await call(at(ctx, D1), 'quiz.overview', { personId: w.clerk.id })).today.cap).toBe(10);
  });
});
