// The quiz's rules without a store: the daily cap over rows from two devices that were offline,
// run end, level unlock, the review schedule (ts-fsrs replayed from attempts) and the bank check.
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../shared/people/cells.js';
import { BANK_HEADERS, checkBankRows, isRightAnswer } from '../../shared/quiz/bank.js';
import { gainAfterCap, ledgerLines, tally, type Earning } from '../../shared/quiz/ledger.js';
import { dueForReview, reviewCards } from '../../shared/quiz/review.js';
import { runLength, runStatusAfter, unlockedLevels } from '../../shared/quiz/rules.js';
import { QUIZ_DEFAULTS, quizSettings } from '../../shared/quiz/settings.js';

const earn = (day: string, points: number, ref: string): Earning => ({ day, points, kind: 'answer', ref, at: `${day}T02:00:00Z` });

describe('daily cap', () => {
  it('holds across two devices that each let the person earn the full cap offline', () => {
    const deviceA = Array.from({ length: 6 }, (_, i) => earn('2026-12-01', 1, `a${i}`));
    const deviceB = [...Array.from({ length: 5 }, (_, i) => earn('2026-12-01', 1, `b${i}`)), { ...earn('2026-12-01', 2, 'bl'), kind: 'level' as const }];
    // each device alone: at the cap
    expect(tally(deviceA, [], 6).balance).toBe(6);
    expect(tally(deviceB, [], 6).balance).toBe(6);
    // merged (in either order): still 6 that day, the rest shown as over the cap, never negative
    const merged = tally([...deviceA, ...deviceB], [], 6);
    expect(merged).toMatchObject({ earned: 6, overCap: 7, balance: 6 });
    expect(tally([...deviceB, ...deviceA], [], 6).balance).toBe(6);
    // another day counts on its own
    expect(tally([...deviceA, ...deviceB, earn('2026-12-02', 1, 'c')], [], 6).balance).toBe(7);
  });

  it('tells a player what one more answer adds after the cap, and a refused redemption comes back', () => {
    const t = tally(Array.from({ length: 5 }, (_, i) => earn('2026-12-01', 1, `a${i}`)), [], 6);
    expect(gainAfterCap(t, '2026-12-01', 2, 6)).toBe(1);
    expect(gainAfterCap(t, '2026-12-02', 2, 6)).toBe(2);
    const spend = [
      { id: 'r1', status: 'approved' as const, price: 3, at: '2026-12-01T05:00:00Z', rewardName: '流量包', reason: null },
      { id: 'r2', status: 'refused' as const, price: 2, at: '2026-12-01T06:00:00Z', rewardName: '培训名额', reason: '库存不足' },
    ];
    const t2 = tally(Array.from({ length: 5 }, (_, i) => earn('2026-12-01', 1, `a${i}`)), spend, 6);
    expect(t2.balance).toBe(2);
    const lines = ledgerLines(t2, spend);
    // two pending requests from two offline devices for the same points: the later one waits uncounted
    const twice = [1, 2].map((n) => ({ id: `p${n}`, status: 'requested' as const, price: 4, at: `2026-12-01T0${n}:00:00Z`, rewardName: '流量包', reason: null }));
    const held = tally(Array.from({ length: 5 }, (_, i) => earn('2026-12-01', 1, `a${i}`)), twice, 6);
    expect(held).toMatchObject({ spent: 4, balance: 1, held: new Set(['p2']) });
    expect(ledgerLines(held, twice).filter((l) => l.ref.startsWith('p')).map((l) => [l.ref, l.kind, l.points])).toEqual([['p2:redeem', 'held', 0], ['p1:redeem', 'redeem', -4]]);
    expect(lines.filter((l) => l.kind === 'refund')).toEqual([expect.objectContaining({ points: 2, note: '库存不足' })]);
  });
});

describe('runs and levels', () => {
  it('ends at the first wrong answer, or passes after the level length', () => {
    expect(runStatusAfter(1, true, 5)).toBe('open');
    expect(runStatusAfter(4, false, 5)).toBe('failed');
    expect(runStatusAfter(5, true, 5)).toBe('passed');
    expect(runLength(5, 3)).toBe(3);
    expect(runLength(5, 40)).toBe(5);
  });

  it('opens the first level, and each next one once the one before it is passed', () => {
    expect(unlockedLevels([3, 1, 2, 1], new Set())).toEqual([
      { level: 1, unlocked: true, passed: false }, { level: 2, unlocked: false, passed: false }, { level: 3, unlocked: false, passed: false },
    ]);
    expect(unlockedLevels([1, 2, 3], new Set([1])).map((l) => l.unlocked)).toEqual([true, true, false]);
    // a level number missing from the bank does not block the next one
    expect(unlockedLevels([1, 5], new Set([1])).map((l) => l.unlocked)).toEqual([true, true]);
  });

  it('checks answers whatever the order of the letters', () => {
    expect(isRightAnswer('AC', 'CA')).toBe(true);
    expect(isRightAnswer('AC', 'A')).toBe(false);
    expect(isRightAnswer('B', '')).toBe(false);
  });

  it('takes settings from reference data, falling back to the defaults on a bad value', () => {
    expect(quizSettings({ 'quiz.dailyCap': 10, 'quiz.levelLength': -1 })).toMatchObject({ dailyCap: 10, levelLength: QUIZ_DEFAULTS.levelLength });
  });
});

describe('review schedule', () => {
  const t0 = '2026-12-01T02:00:00.000Z';
  it('brings a wrong answer back the next day, not before, and spaces it out after right answers', () => {
    const cards = reviewCards([{ questionId: 'q1', correct: false, at: t0 }, { questionId: 'q2', correct: true, at: t0 }], 3);
    expect([...cards.keys()]).toEqual(['q1']);
    expect(dueForReview(cards, new Date('2026-12-01T10:00:00Z'))).toEqual([]);
    expect(dueForReview(cards, new Date('2026-12-02T03:00:00Z')).map((c) => c.questionId)).toEqual(['q1']);
    const day1 = cards.get('q1')!.due.getTime();
    const after = reviewCards([{ questionId: 'q1', correct: false, at: t0 }, { questionId: 'q1', correct: true, at: '2026-12-02T03:00:00Z' }], 3).get('q1')!;
    expect(after.due.getTime() - new Date('2026-12-02T03:00:00Z').getTime()).toBeGreaterThan(day1 - new Date(t0).getTime());
    expect(after.streak).toBe(1);
  });

  it('lets a question graduate after enough right answers in a row; a wrong one starts again', () => {
    const a = [{ questionId: 'q', correct: false, at: t0 }, ...['2026-12-02', '2026-12-05', '2026-12-15'].map((d) => ({ questionId: 'q', correct: true, at: `${d}T03:00:00Z` }))];
    expect(reviewCards(a, 3).get('q')!.graduated).toBe(true);
    expect(reviewCards([...a, { questionId: 'q', correct: false, at: '2027-01-20T03:00:00Z' }], 3).get('q')).toMatchObject({ graduated: false, streak: 0, lapses: 2 });
  });
});

describe('bank check', () => {
  const head = [...BANK_HEADERS];
  const row = (vals: (string | number | null | 'F')[]): Cell[] => vals.map((v) => (v === null || v === '' ? { t: 'empty' } : v === 'F' ? { t: 'formula' } : typeof v === 'number' ? { t: 'number', v } : { t: 'text', v }));
  const cats = QUIZ_DEFAULTS.categories;

  it('refuses every bad row with its problem in Chinese and English', () => {
    const r = checkBankRows(head, [
      row(['单选', '党费按什么周期交纳？', '每月', '每季度', '', '', '', '', 'A', '按月', '党规党纪', '易', 1]),
      row(['单选', '没有答案的题', '甲', '乙', '', '', '', '', '', '', '党规党纪', '易', 1]),
      row(['单选', '党费按什么周期交纳', '每月', '每年', '', '', '', '', 'A', '', '党规党纪', '易', 1]),
      row(['判断', '分类不对的题', '', '', '', '', '', '', '正确', '', '天文地理', '易', 1]),
      row(['多选', '带公式的题', '甲', '乙', 'F', '', '', '', 'AB', '', '业务知识', '中', 2]),
      row(['多选', '只有一个答案的多选题', '甲', '乙', '丙', '', '', '', 'C', '', '业务知识', '中', 2]),
    ], 1, cats, new Set());
    expect(r.issues.map((i) => i.zh)).toEqual([
      '第 3 行：没有正确答案',
      '第 4 行：与第 2 行是重复的题目',
      expect.stringMatching(/^第 5 行：分类“天文地理”不存在/),
      '第 6 行：“选项C”是公式，请复制后“粘贴为数值”再导入',
      '第 7 行：多选题至少有两个正确答案（现为“C”）',
    ]);
    expect(r.issues.every((i) => i.en.startsWith('Row '))).toBe(true);
  });

  it('reads a good file: letters sorted, true/false as A/B, a question already in the bank refused', () => {
    const r = checkBankRows(head, [
      row(['多选', '哪些属于三会一课？', '支部党员大会', '支委会', '党小组会', '主题党日', '', '', 'C,A B', '', '党规党纪', '', '第2关']),
      row(['判断', '反诈宣传可以进社区。', '', '', '', '', '', '', '对', '', 'anti_fraud', '难', 1]),
    ], 1, cats, new Set());
    expect(r.issues).toEqual([]);
    expect(r.questions.map((q) => [q.kind, q.answer, q.options.length, q.level, q.difficulty, q.category])).toEqual([['multiple', 'ABC', 4, 2, 2, 'party_rules'], ['judge', 'A', 2, 1, 3, 'anti_fraud']]);
    const again = checkBankRows(head, [row(['判断', '反诈宣传可以进社区', '', '', '', '', '', '', '错', '', '反诈知识', '', 1])], 1, cats, new Set(['反诈宣传可以进社区']));
    expect(again.issues.map((i) => i.zh)).toEqual(['第 2 行：题库中已有相同的题目']);
  });
});
