// The question bank at HQ: preview an Excel file (every bad row with its problem, in Chinese and
// English), import it all or nothing, retire a question (it stops being asked; its attempts stay),
// and read what players reported as wrong.
import { checkBankRows, stemKey, type BankCheck } from '../../shared/quiz/bank.js';
import { quizSettings, type QuizCategory, type QuizSettings } from '../../shared/quiz/settings.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { rowsOf, str, writeAsHq } from './rows.js';
import { readBankSheet } from './xlsx.js';

/** The quiz settings in force province-wide (HQ's `quiz.*` at '/', else the defaults). */
export async function hqQuizSettings(store: HqStore): Promise<QuizSettings> {
  const raw: Record<string, unknown> = {};
  for (const r of await rowsOf(store, 'settings', '/')) {
    const key = str(r.c.key);
    if (key.startsWith('quiz.')) {
      try {
        raw[key] = JSON.parse(str(r.c.value_json));
      } catch {
        // not JSON: the default holds
      }
    }
  }
  return quizSettings(raw);
}

export const hqCategories = async (store: HqStore): Promise<QuizCategory[]> => (await hqQuizSettings(store)).categories;

export async function previewBank(store: HqStore, buf: Buffer): Promise<BankCheck> {
  const sheet = await readBankSheet(buf);
  const existing = new Set((await rowsOf(store, 'quiz_questions')).filter((q) => !q.c.retired_on).map((q) => stemKey(str(q.c.stem))));
  return checkBankRows(sheet.head, sheet.rows, sheet.headerRow, await hqCategories(store), existing);
}

/** Imports every question of the file, or — if any row is wrong — none (the error lists every row's problem). */
export async function importBank(store: HqStore, buf: Buffer): Promise<{ imported: number; batch: string }> {
  const check = await previewBank(store, buf);
  if (check.issues.length)
    throw new HqError(400, 'bad_rows', `题库文件有 ${check.issues.length} 处错误，未导入任何题目：\n${check.issues.map((i) => i.zh).join('\n')}`,
      `The bank file has ${check.issues.length} problems; nothing was imported:\n${check.issues.map((i) => i.en).join('\n')}`, { issues: check.issues });
  const batch = uuidv7();
  await writeAsHq(store, check.questions.map((q) => ({
    t: 'quiz_questions', scope: '/', isNew: true,
    c: { kind: q.kind, stem: q.stem, options_json: JSON.stringify(q.options), answer: q.answer, explanation: q.explanation, category: q.category, difficulty: q.difficulty, level: q.level, retired_on: null, batch },
  })));
  return { imported: check.questions.length, batch };
}

export async function retireQuestion(store: HqStore, id: string, on: string): Promise<void> {
  const q = (await rowsOf(store, 'quiz_questions')).find((r) => r.id === id);
  if (!q) throw new HqError(404, 'not_found', '没有这道题', 'No such question');
  if (q.c.retired_on) return;
  await writeAsHq(store, [{ t: 'quiz_questions', r: id, scope: q.scope, isNew: false, c: { retired_on: on } }]);
}

export interface QuestionReport { id: string; questionId: string; stem: string; text: string; reportedBy: string; scope: string; at: string }

export async function listReports(store: HqStore): Promise<QuestionReport[]> {
  const stems = new Map((await rowsOf(store, 'quiz_questions')).map((q) => [q.id, str(q.c.stem)]));
  return (await rowsOf(store, 'quiz_reports')).map((r) => ({
    id: r.id, questionId: str(r.c.question_id), stem: stems.get(str(r.c.question_id)) ?? '', text: str(r.c.text), reportedBy: str(r.c.reported_by), scope: r.scope, at: str(r.c.created_at),
  })).sort((a, b) => (a.at < b.at ? 1 : -1));
}
