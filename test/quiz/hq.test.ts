// The quiz at HQ outside sync: the CLI (template → dry run → import → the same file refused) on a real
// HQ database, and the console routes behind a guard (refused without it; preview lists every bad row).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HqError } from '../../hq/errors.js';
import { quizCli } from '../../hq/quiz/cli.js';
import { rowsOf, writeAsHq } from '../../hq/quiz/rows.js';
import { registerQuizRoutes } from '../../hq/quiz/routes.js';
import { buildHq } from '../../hq/server.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { bankFile, goodRows } from './bankFile.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-quiz-hq-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HQ command line', () => {
  it('writes a template whose examples import, and refuses the same questions a second time', async () => {
    const db = join(dir, 'cli.sqlite');
    const file = join(dir, '题库模板.xlsx');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await quizCli('quiz-template', [file, '--db', db])).toBe(0);
      expect(existsSync(file)).toBe(true);
      expect(await quizCli('quiz-import', [file, '--db', db, '--dry-run'])).toBe(0);
      expect(await quizCli('quiz-import', [file, '--db', db])).toBe(0);
      expect(await quizCli('quiz-import', [file, '--db', db])).toBe(1);
      expect(err.mock.calls.flat().join('\n')).toMatch(/题库文件有 2 处错误，未导入任何题目[\s\S]*第 2 行：题库中已有相同的题目/);
      expect(await quizCli('quiz-decide', ['--db', db, '--id', 'x'])).toBe(2);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
    const store = await openHqStore(db);
    try {
      expect((await rowsOf(store, 'quiz_questions')).map((q) => q.c.kind).sort()).toEqual(['judge', 'single']);
    } finally {
      await store.close();
    }
  });
});

describe('console routes', () => {
  let store: HqStore;
  beforeAll(async () => {
    store = await openHqStore(join(dir, 'routes.sqlite'));
  });
  afterAll(async () => store.close());

  it('refuse a request without the console\u2019s sign-in, and preview every bad row with one', async () => {
    const app = buildHq({ store });
    registerQuizRoutes(app, {
      store,
      guard: async (req) => {
        const who = req.headers['x-console-user'];
        if (who === '省公司管理员') return { userName: who, scopePath: '/' };
        if (who === '刘组织员') return { userName: who, scopePath: '/hq/xa/xa-lintong/' };
        throw new HqError(401, 'signed_out', '请先登录总部控制台', 'Sign in to the HQ console first');
      },
    });
    const body = { fileName: '题库.xlsx', base64: (await bankFile([...goodRows(1, 2), ['单选', '空答案', '甲', '乙', '', '', '', '', '', '', '业务知识', '易', 1]])).toString('base64') };
    const refused = await app.inject({ method: 'POST', url: '/v1/quiz/preview', payload: body });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ zh: '请先登录总部控制台' });
    const ok = await app.inject({ method: 'POST', url: '/v1/quiz/preview', payload: body, headers: { 'x-console-user': '省公司管理员' } });
    expect(ok.json()).toEqual({ importable: 2, issues: [expect.objectContaining({ row: 4, zh: '第 4 行：没有正确答案' })] });
    const imported = await app.inject({ method: 'POST', url: '/v1/quiz/import', payload: body, headers: { 'x-console-user': '省公司管理员' } });
    expect(imported.statusCode).toBe(400);
    expect(await rowsOf(store, 'quiz_questions')).toHaveLength(0);
    const reward = await app.inject({ method: 'POST', url: '/v1/quiz/rewards', payload: { name: '培训名额', price: 0, stock: 1 }, headers: { 'x-console-user': '省公司管理员' } });
    expect(reward.json()).toMatchObject({ zh: '兑换积分须为正整数' });
    // a county organiser decides requests of their county, never the bank
    const county = await app.inject({ method: 'POST', url: '/v1/quiz/import', payload: body, headers: { 'x-console-user': '刘组织员' } });
    expect(county.statusCode).toBe(403);
    const [rewardId] = await writeAsHq(store, [{ t: 'quiz_rewards', scope: '/', isNew: true, c: { name: '培训名额', name_en: '', description: '', price: 2, stock: 1, active: 1 } }]);
    const [mine, other] = await writeAsHq(store, ['/hq/xa/xa-lintong/', '/hq/bj/'].map((scope) => ({
      t: 'quiz_redemptions' as const, scope, isNew: true,
      c: { reward_id: rewardId!, person_id: '0190a000-0000-7000-8000-000000000031', price: 2, status: 'requested', requested_at: '2026-12-01T02:00:00.000Z', requested_by: '赵指导', decided_at: null, decided_by: null, reason: null },
    })));
    const listed = await app.inject({ method: 'GET', url: '/v1/quiz/redemptions', headers: { 'x-console-user': '刘组织员' } });
    expect((listed.json() as { id: string }[]).map((r) => r.id)).toEqual([mine]);
    const outside = await app.inject({ method: 'POST', url: `/v1/quiz/redemptions/${other}/decide`, payload: { approve: false }, headers: { 'x-console-user': '刘组织员' } });
    expect(outside.statusCode).toBe(403);
    const decided = await app.inject({ method: 'POST', url: `/v1/quiz/redemptions/${mine}/decide`, payload: { approve: true }, headers: { 'x-console-user': '刘组织员' } });
    // no earnings at HQ for this person: the balance cannot pay, so even an approval is refused
    expect(decided.json()).toEqual({ status: 'refused', reason: '积分不足（各设备记录合计），积分已退回' });
    expect((await rowsOf(store, 'quiz_redemptions')).find((r) => r.id === mine)?.c.decided_by).toBe('刘组织员');
    await app.close();
  });
});
