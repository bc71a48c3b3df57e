// The quiz through a real HQ over HTTP: the bank imported at HQ (a bad file refused row by row,
// nothing written) reaches a county device by sync; two devices play the same person offline and
// meet at the daily cap without conflicts; both redeem the last reward at once and HQ approves one,
// refuses the other and its points come back on the device; a report reaches HQ; a retired question
// stops being asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { importBank, listReports, previewBank, retireQuestion } from '../../hq/quiz/bank.js';
import { listRedemptions, putReward, settlePending } from '../../hq/quiz/redeem.js';
import { rowsOf } from '../../hq/quiz/rows.js';
import { HqError } from '../../hq/errors.js';
import type { RunStep } from '../../shared/quiz/types.js';
import { call } from '../support/builders.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';
import { bankFile, goodRows } from './bankFile.js';
import { at, buildQuizWorld, type QuizWorld } from './world.js';

const D1 = '2026-12-01';
const conflicts = (d: TestDevice) => (d.store.raw.prepare('SELECT (SELECT count(*) FROM sync_conflicts) + (SELECT count(*) FROM sync_rejections) AS n').get() as { n: number }).n;
const count = (d: TestDevice, sql: string) => (d.store.raw.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;

async function playLevel(d: TestDevice, personId: string, level: number) {
  const c = at(d.context(), D1);
  let step: RunStep = await call(c, 'quiz.start', { personId, level });
  while (step.status === 'open' && step.question) step = (await call(c, 'quiz.answer', { runId: step.runId, questionId: step.question.id, chosen: 'A', elapsedMs: 800 })).step;
  return step;
}

describe('quiz over sync', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  let w: QuizWorld;
  let rewardId: string;
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
    w = await buildQuizWorld(a.context());
    await a.sync();
    b = await enrolledDevice(hq, { user: '孙指导', role: 'instructor', scope: w.county.path });
    await b.sync();
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await hq?.close();
  });

  it('refuses a bank file with bad rows, row by row in Chinese, and writes nothing', async () => {
    const file = await bankFile([
      ...goodRows(1, 2),
      ['单选', '没有正确答案的题', '甲', '乙', '', '', '', '', '', '', '业务知识', '易', 1],
      ['单选', '第1关题目1：哪一项正确？', '甲', '乙', '', '', '', '', 'A', '', '业务知识', '易', 1],
      ['判断', '分类不存在的题', '', '', '', '', '', '', '正确', '', '天文', '易', 1],
      ['单选', '有公式的题', { formula: '"甲"&"乙"', result: '甲乙' }, '乙', '', '', '', '', 'A', '', '业务知识', '易', 1],
    ]);
    const preview = await previewBank(hq.store, file);
    expect(preview.issues.map((i) => i.zh)).toEqual([
      '第 4 行：没有正确答案',
      '第 5 行：与第 2 行是重复的题目',
      expect.stringMatching(/^第 6 行：分类“天文”不存在（可用：业务知识、党规党纪/),
      '第 7 行：“选项A”是公式，请复制后“粘贴为数值”再导入',
    ]);
    const err = await importBank(hq.store, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HqError);
    expect((err as HqError).zh).toMatch(/^题库文件有 4 处错误，未导入任何题目/);
    expect(await rowsOf(hq.store, 'quiz_questions')).toHaveLength(0);
  });

  it('sends an imported bank and the rewards down to a county device', async () => {
    expect(await importBank(hq.store, await bankFile(goodRows(2, 5)))).toMatchObject({ imported: 10 });
    rewardId = await putReward(hq.store, { name: '1GB 流量包', nameEn: '1 GB data pack', price: 5, stock: 1 });
    await a.sync();
    await b.sync();
    for (const d of [a, b]) expect(count(d, 'quiz_questions WHERE retired_on IS NULL')).toBe(10);
    expect((await call(b.context(), 'quiz.rewards', {})).map((r) => [r.name, r.price, r.stock])).toEqual([['1GB 流量包', 5, 1]]);
    // the same file again: every question is already in the bank
    expect((await previewBank(hq.store, await bankFile(goodRows(2, 5)))).issues).toHaveLength(10);
  });

  it('lets two offline devices play the same person, and meets at the daily cap without conflicts', async () => {
    expect(await playLevel(a, w.clerk.id, 1)).toMatchObject({ status: 'passed' });
    expect(await playLevel(b, w.clerk.id, 1)).toMatchObject({ status: 'passed' });
    for (const d of [a, b]) expect((await call(at(d.context(), D1), 'quiz.ledger', { personId: w.clerk.id })).balance).toBe(6);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect(count(d, 'quiz_attempts')).toBe(10);
      expect(await call(at(d.context(), D1), 'quiz.ledger', { personId: w.clerk.id })).toMatchObject({ balance: 6, earned: 6, overCap: 8 });
    }
    expect([conflicts(a), conflicts(b)]).toEqual([0, 0]);
  });

  it('approves one of two offline requests for the last reward, refuses the other and returns its points', async () => {
    const ra = await call(at(a.context(), D1, 1), 'quiz.redeem', { personId: w.clerk.id, rewardId });
    const rb = await call(at(b.context(), D1, 2), 'quiz.redeem', { personId: w.clerk.id, rewardId });
    await a.sync();
    await b.sync();
    expect((await listRedemptions(hq.store, 'requested')).map((r) => r.id).sort()).toEqual([ra.id, rb.id].sort());
    // B now holds both requests, pending: its balance counts the earlier one only, never below zero
    expect((await call(at(b.context(), D1, 3), 'quiz.ledger', { personId: w.clerk.id })).balance).toBe(1);
    const decided = await settlePending(hq.store, '总部');
    expect(decided.map((d) => d.decision.status)).toEqual(['approved', 'refused']);
    expect(decided[1]!.decision.reason).toBe('库存不足，积分已退回');
    expect((await rowsOf(hq.store, 'quiz_rewards'))[0]!.c.stock).toBe(0);
    await a.sync();
    await b.sync();
    for (const d of [a, b]) {
      const mine = await call(d.context(), 'quiz.redemptions', { personId: w.clerk.id });
      expect(mine.map((r) => [r.id, r.status])).toEqual(expect.arrayContaining([[ra.id, 'approved'], [rb.id, 'refused']]));
      const l = await call(at(d.context(), D1, 3), 'quiz.ledger', { personId: w.clerk.id });
      expect(l.balance).toBe(1);
      expect(l.lines.find((x) => x.kind === 'refund')).toMatchObject({ points: 5, note: '库存不足，积分已退回' });
      expect((await call(d.context(), 'quiz.rewards', {}))[0]!.stock).toBe(0);
      expect(await dispatch(at(d.context(), D1, 3), 'quiz.redeem', { personId: w.clerk.id, rewardId })).toMatchObject({ ok: false, error: { message: '“1GB 流量包”已兑完' } });
    }
    expect([conflicts(a), conflicts(b)]).toEqual([0, 0]);
  });

  it('takes a report to HQ, and a question retired at HQ stops being asked', async () => {
    const s = await call(at(b.context(), D1, 4), 'quiz.start', { personId: w.villager.id, level: 1 });
    await call(at(b.context(), D1, 4), 'quiz.report', { personId: w.villager.id, questionId: s.question!.id, text: '题干有错别字' });
    await b.sync();
    expect((await listReports(hq.store)).map((r) => [r.questionId, r.text, r.reportedBy])).toEqual([[s.question!.id, '题干有错别字', '孙指导']]);
    const level1 = (await rowsOf(hq.store, 'quiz_questions')).filter((q) => q.c.level === 1);
    for (const q of level1.slice(1)) await retireQuestion(hq.store, q.id, D1);
    await b.sync();
    const run = await call(at(b.context(), D1, 5), 'quiz.start', { personId: w.villager.id, level: 1 });
    expect(run).toMatchObject({ length: 1, question: { id: level1[0]!.id } });
    // past attempts of retired questions stay
    expect(count(b, 'quiz_attempts')).toBe(10);
  });

  it('refuses a tampered device that approves its own request or asks at a forged price', async () => {
    const refused = b.store.raw.prepare(`SELECT * FROM quiz_redemptions WHERE status = 'refused'`).get() as Record<string, unknown>;
    const before = conflicts(b);
    // written past the app, straight into the store: the capture triggers still send it
    b.store.raw.prepare(`UPDATE quiz_redemptions SET status = 'approved', reason = NULL WHERE id = ?`).run(refused.id);
    const forged = { ...refused, id: '0190a000-0000-7000-8000-0000000f0f01', price: 0, status: 'requested', decided_at: null, decided_by: null, reason: null };
    const cols = Object.keys(forged);
    b.store.raw.prepare(`INSERT INTO quiz_redemptions (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(forged);
    await b.sync();
    expect((await rowsOf(hq.store, 'quiz_redemptions')).find((r) => r.id === refused.id)!.c.status).toBe('refused');
    expect(conflicts(b)).toBe(before + 1);
    expect(b.store.raw.prepare(`SELECT reason_zh FROM sync_rejections ORDER BY rowid DESC LIMIT 1`).get()).toEqual({ reason_zh: '兑换申请只能由总部审批，设备不能修改' });
    const decided = await settlePending(hq.store, '总部');
    expect(decided).toEqual([{ id: forged.id, decision: { status: 'refused', reason: '申请积分与奖品目录不符，积分已退回' } }]);
  });
});
