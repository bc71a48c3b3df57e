// The quiz at HQ outside sync: the CLI (template → dry run → import → the same file refused) on a real
// HQ database. The console's quiz pages are tested in test/console/quizPages.test.ts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { quizCli } from '../../hq/quiz/cli.js';
import { rowsOf } from '../../hq/quiz/rows.js';
import { openHqStore } from '../../hq/store.js';

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
