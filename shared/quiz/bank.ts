// The question bank as HQ imports it from Excel: the template's columns and the check of every row.
// Pure: HQ reads the workbook into cells (hq/quiz/xlsx.ts), this decides what each row means and
// what is wrong with it, in Chinese and English. Nothing is imported while any row is wrong.
import type { Cell } from '../people/cells.js';
import { cleanText, tidyText } from '../domain/text.js';
import type { QuizCategory } from './settings.js';

export const QUESTION_KINDS = {
  single: { zh: '单选', en: 'Single choice' },
  multiple: { zh: '多选', en: 'Multiple choice' },
  judge: { zh: '判断', en: 'True / false' },
} as const;
export type QuestionKind = keyof typeof QUESTION_KINDS;

export const DIFFICULTIES = { 1: { zh: '易', en: 'Easy' }, 2: { zh: '中', en: 'Medium' }, 3: { zh: '难', en: 'Hard' } } as const;

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const JUDGE_OPTIONS = ['正确', '错误'];

export const BANK_HEADERS = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '正确答案', '解析', '分类', '难度', '关卡'] as const;
type Header = (typeof BANK_HEADERS)[number];

export interface BankQuestion {
  kind: QuestionKind;
  stem: string;
  options: string[];
  /** The right letters, sorted ('A', 'AC'; a true/false question: A = 正确, B = 错误). */
  answer: string;
  explanation: string;
  category: string;
  difficulty: 1 | 2 | 3;
  level: number;
}

export interface RowIssue { row: number; zh: string; en: string }

/** The key two questions are "the same question" by: the stem without spaces and punctuation. */
export const stemKey = (s: string): string => cleanText(s).replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();

const KIND_WORDS: Record<string, QuestionKind> = { 单选: 'single', 单选题: 'single', single: 'single', 多选: 'multiple', 多选题: 'multiple', multiple: 'multiple', 判断: 'judge', 判断题: 'judge', judge: 'judge' };
const TRUE_WORDS = new Set(['正确', '对', '√', '是', 'T', 'TRUE', 'Y', 'A']);
const FALSE_WORDS = new Set(['错误', '错', '×', '否', 'F', 'FALSE', 'N', 'B']);
const DIFF_WORDS: Record<string, 1 | 2 | 3> = { 易: 1, 简单: 1, '1': 1, 中: 2, 中等: 2, '2': 2, 难: 3, 困难: 3, '3': 3 };

const text = (c: Cell | undefined): string => (c?.t === 'text' ? tidyText(c.v) : c?.t === 'number' ? String(c.v) : c?.t === 'bool' ? (c.v ? 'TRUE' : 'FALSE') : '');

export interface BankCheck { questions: (BankQuestion & { row: number })[]; issues: RowIssue[] }

/**
 * Checks the data rows under the header row. `headerRow` is the 1-based sheet row of the header;
 * `existing` the stem keys of questions already in the bank and not retired.
 */
export function checkBankRows(head: string[], rows: Cell[][], headerRow: number, categories: QuizCategory[], existing: Set<string>): BankCheck {
  const issues: RowIssue[] = [];
  const col = new Map<Header, number>(BANK_HEADERS.map((h) => [h, head.indexOf(h)]));
  const missing = (['题型', '题干', '选项A', '选项B', '正确答案', '分类', '关卡'] as const).filter((h) => col.get(h)! < 0);
  if (missing.length) return { questions: [], issues: [{ row: headerRow, zh: `第 ${headerRow} 行：缺少列 ${missing.join('、')}，请使用下载的模板`, en: `Row ${headerRow}: missing columns ${missing.join(', ')}; please use the template` }] };
  const cat = new Map<string, string>();
  for (const c of categories) for (const name of [c.key, c.zh, c.en.toLowerCase()]) cat.set(name, c.key);
  const seen = new Map<string, number>();
  const questions: BankCheck['questions'] = [];
  rows.forEach((r, i) => {
    if (r.every((c) => c.t === 'empty')) return;
    const row = headerRow + i + 1;
    const bad = (zh: string, en: string) => issues.push({ row, zh: `第 ${row} 行：${zh}`, en: `Row ${row}: ${en}` });
    const get = (h: Header) => (col.get(h)! >= 0 ? r[col.get(h)!] : undefined);
    const before = issues.length;
    for (const h of BANK_HEADERS) if (get(h)?.t === 'formula') bad(`“${h}”是公式，请复制后“粘贴为数值”再导入`, `"${h}" is a formula; paste it as a value and import again`);
    if (issues.length > before) return;
    const kind = KIND_WORDS[text(get('题型')).toLowerCase()] ?? KIND_WORDS[text(get('题型'))];
    if (!kind) bad(`题型“${text(get('题型'))}”不正确，应为单选、多选或判断`, `question type "${text(get('题型'))}" must be 单选, 多选 or 判断`);
    const stem = text(get('题干'));
    if (!stem) bad('题干为空', 'the question text is blank');
    else if (stem.length > 500) bad('题干超过 500 字', 'the question text is over 500 characters');
    const optionCells = LETTERS.map((l) => text(get(`选项${l}` as Header)));
    let options = optionCells;
    while (options.length && !options[options.length - 1]) options = options.slice(0, -1);
    const raw = text(get('正确答案')).toUpperCase().replace(/[\s,，、;；]/g, '');
    let answer = '';
    if (kind === 'judge') {
      options = [...JUDGE_OPTIONS];
      if (!raw) bad('没有正确答案', 'no correct answer');
      else if (TRUE_WORDS.has(raw)) answer = 'A';
      else if (FALSE_WORDS.has(raw)) answer = 'B';
      else bad(`判断题的正确答案“${raw}”应为“正确”或“错误”`, `the answer "${raw}" of a true/false question must be 正确 or 错误`);
    } else if (kind) {
      if (options.length < 2 || options.some((o) => !o)) bad('选项须从 A 起连续填写，至少两个', 'options must be filled from A on without gaps, at least two');
      const letters = [...new Set(raw.split(''))].sort();
      if (!raw) bad('没有正确答案', 'no correct answer');
      else if (letters.some((l) => !LETTERS.includes(l as never))) bad(`正确答案“${raw}”应为选项字母，如 A 或 ABD`, `the answer "${raw}" must be option letters such as A or ABD`);
      else if (letters.some((l) => !optionCells[LETTERS.indexOf(l as never)])) bad(`正确答案“${raw}”指向了空白选项`, `the answer "${raw}" points to a blank option`);
      else if (kind === 'single' && letters.length !== 1) bad(`单选题只能有一个正确答案（现为“${raw}”）`, `a single-choice question has exactly one answer (now "${raw}")`);
      else if (kind === 'multiple' && letters.length < 2) bad(`多选题至少有两个正确答案（现为“${raw}”）`, `a multiple-choice question has at least two answers (now "${raw}")`);
      else answer = letters.join('');
    }
    const catText = text(get('分类'));
    const category = cat.get(catText) ?? cat.get(catText.toLowerCase());
    if (!catText) bad('分类为空', 'the category is blank');
    else if (!category) bad(`分类“${catText}”不存在（可用：${categories.map((c) => c.zh).join('、')}）`, `unknown category "${catText}" (known: ${categories.map((c) => c.en).join(', ')})`);
    const diffText = text(get('难度'));
    const difficulty = diffText ? DIFF_WORDS[diffText] : 2;
    if (!difficulty) bad(`难度“${diffText}”应为易、中或难`, `difficulty "${diffText}" must be 易, 中 or 难`);
    const levelText = text(get('关卡')).replace(/^第|关$/g, '');
    const level = Number(levelText);
    if (!Number.isInteger(level) || level < 1 || level > 99) bad(`关卡“${text(get('关卡'))}”应为 1–99 的整数`, `level "${text(get('关卡'))}" must be a whole number 1–99`);
    if (stem) {
      const k = stemKey(stem);
      const first = seen.get(k);
      if (first !== undefined) bad(`与第 ${first} 行是重复的题目`, `duplicates the question in row ${first}`);
      else if (existing.has(k)) bad('题库中已有相同的题目', 'the bank already holds this question');
      else seen.set(k, row);
    }
    if (issues.length > before || !kind || !category || !difficulty) return;
    questions.push({ row, kind, stem, options, answer, explanation: text(get('解析')), category, difficulty, level });
  });
  if (!questions.length && !issues.length) issues.push({ row: headerRow, zh: '文件中没有题目', en: 'The file holds no questions' });
  return { questions, issues };
}

/** Whether a chosen set of letters is the right answer (order and repeats do not matter). */
export function isRightAnswer(answer: string, chosen: string): boolean {
  return [...new Set(chosen.toUpperCase().split(''))].sort().join('') === answer;
}
