// The quiz at HQ outside sync: the CLI (template → dry run → import → the same file refused) on a real
// HQ database, and the console routes behind a guard (refused without it; preview lists every bad row).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HqError } from '../../hq/errors.js';
import { quizCli } from '../../hq/quiz/cli.js';
import { rowsOf } from '../../hq/quiz/rows.js';
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
        if (req.headers['x-console-user'] !== '省公司管理员') throw new HqError(401, 'signed_out', '请先登录总部控制台', 'Sign in to the HQ console first');
        return '省公司管理员';
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
    await app.close();
  });
});
