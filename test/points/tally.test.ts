// The points arithmetic at its edges: yearly caps across quarters in date order, grade bands,
// the yearly mean, ranking and the lowest of a branch, and HQ's bounds on a county's rule set.
import { describe, expect, it } from 'vitest';
import { POINTS_DEFAULTS, boundIssues, pointsSettings, type PointsItem } from '../../shared/points/settings.js';
import { countedPoints, gradeOf, nextQuarter, quarterEnd, quarterOf, rankRows, tallyQuarter, yearlyScore, type CapUse, type LedgerEntry } from '../../shared/points/tally.js';

let n = 0;
const entry = (personId: string, quarter: string, itemKey: string, points: number, occurredOn = `${quarter.slice(0, 4)}-0${(+quarter.slice(6) - 1) * 3 + 1}-15`): LedgerEntry =>
  ({ id: `e${String(++n).padStart(4, '0')}`, personId, quarter, occurredOn, itemKey, points, createdAt: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}Z` });
const s = POINTS_DEFAULTS;
const members = (...names: string[]) => names.map((name, i) => ({ personId: `p${i}`, name, probationary: false }));

describe('quarters', () => {
  it('names the quarter of a day and the next one across a year end', () => {
    expect([quarterOf('2026-01-01'), quarterOf('2026-03-31'), quarterOf('2026-04-01'), quarterOf('2026-12-31')]).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
    expect([nextQuarter('2026-Q3'), nextQuarter('2026-Q4')]).toEqual(['2026-Q4', '2027-Q1']);
    expect([quarterEnd('2026-Q1'), quarterEnd('2024-Q1'), quarterEnd('2026-Q4')]).toEqual(['2026-03-31', '2024-03-31', '2026-12-31']);
  });
});

describe('yearly caps', () => {
  it('stops counting an item at its cap, carried across quarters in date order', () => {
    // 三会一课 +3, cap 12: four attendances in Q1 reach the cap; the fifth (Q2) counts nothing.
    const used: CapUse = {};
    const q1 = [1, 2, 3, 4].map(() => entry('p0', '2026-Q1', 'sanhui_yike', 3));
    expect([...countedPoints(q1, s.items, used).values()]).toEqual([3, 3, 3, 3]);
    const q2 = [entry('p0', '2026-Q2', 'sanhui_yike', 3), entry('p0', '2026-Q2', 'theme_day', 2)];
    expect([...countedPoints(q2, s.items, used).values()]).toEqual([0, 2]);
  });

  it('counts the part of an entry that still fits under the cap, and deductions in full', () => {
    const used: CapUse = { p0: { theme_day: 7 } };
    const es = [entry('p0', '2026-Q3', 'theme_day', 2), entry('p0', '2026-Q3', 'discipline', -5), entry('p0', '2026-Q3', 'discipline', -5)];
    expect([...countedPoints(es, s.items, used).values()]).toEqual([1, -5, -5]);
  });

  it('orders by the day of the deed, not by the order the entries were written', () => {
    const used: CapUse = { p0: { theme_day: 6 } };
    const late = entry('p0', '2026-Q1', 'theme_day', 2, '2026-03-20');
    const early = entry('p0', '2026-Q1', 'theme_day', 2, '2026-01-10');
    const c = countedPoints([late, early], s.items, used);
    expect([c.get(early.id), c.get(late.id)]).toEqual([2, 0]);
  });
});

describe('grades', () => {
  it('puts 59/60, 79/80, 89/90 on the right side of each band', () => {
    expect([59, 59.9, 60, 79, 79.9, 80, 89, 89.9, 90, 100].map((x) => gradeOf(x, s.grades))).toEqual(
      ['poor', 'poor', 'pass', 'pass', 'pass', 'good', 'good', 'good', 'excellent', 'excellent']);
  });

  it('follows bands an organiser changed', () => {
    expect(gradeOf(85, { excellent: 85, good: 75, pass: 55 })).toBe('excellent');
    expect(gradeOf(55, { excellent: 85, good: 75, pass: 55 })).toBe('pass');
  });
});

describe('quarterly tally and ranking', () => {
  it('is base + capped sum, ranked with ties sharing a rank, and flags probationary members', () => {
    const ms = [...members('甲', '乙', '丙'), { personId: 'p3', name: '丁', probationary: true }];
    const es = [
      ...[1, 2, 3, 4, 5].map(() => entry('p0', '2026-Q1', 'sanhui_yike', 3)), // 15 written, 12 counted
      entry('p1', '2026-Q1', 'theme_day', 2), entry('p2', '2026-Q1', 'theme_day', 2),
      entry('p3', '2026-Q1', 'discipline', -5), entry('p3', '2026-Q1', 'absence', -3), entry('p3', '2026-Q1', 'absence', -3),
    ];
    const rows = tallyQuarter(ms, es, s, {});
    expect(rows.map((r) => [r.name, r.total, r.rank, r.grade, r.probationary])).toEqual([
      ['甲', 82, 1, 'good', false], ['乙', 72, 2, 'pass', false], ['丙', 72, 2, 'pass', false], ['丁', 59, 4, 'poor', true],
    ]);
    expect(rows[0]).toMatchObject({ earned: 12, overCap: 3, deducted: 0 });
    expect(rows[3]).toMatchObject({ deducted: 11, lowest: true });
  });

  it('lists as lowest the 较差 grades or the bottom 10% (rounded up, ties included)', () => {
    const r = (total: number) => ({ total, grade: gradeOf(total, s.grades) });
    // 12 members, none poor: bottom 10% of 12 is 2 people → the two lowest (and a tie with the second).
    const rows = rankRows([95, 90, 88, 85, 84, 83, 82, 81, 80, 75, 72, 72].map(r), s.lowest);
    expect(rows.filter((x) => x.lowest).map((x) => x.total)).toEqual([72, 72]);
    const tie = rankRows([95, 90, 88, 85, 84, 83, 82, 81, 80, 75, 75, 72].map(r), s.lowest);
    expect(tie.filter((x) => x.lowest).map((x) => x.total)).toEqual([75, 75, 72]);
    // 3 members: 10% rounds up to one; a 较差 member is listed whatever the share.
    expect(rankRows([70, 65, 59].map(r), s.lowest).filter((x) => x.lowest).map((x) => x.total)).toEqual([59]);
    expect(rankRows([58, 59, 90].map(r), s.lowest).filter((x) => x.lowest).map((x) => x.total)).toEqual([59, 58]);
    expect(rankRows([58, 90].map(r), { grades: [], bottomShare: 0 }).filter((x) => x.lowest)).toEqual([]);
  });
});

describe('yearly score', () => {
  it('is the mean of the quarters scored, graded like a quarter', () => {
    expect(yearlyScore([80, 90, 85, 84], s.grades)).toEqual({ score: 84.8, grade: 'good' });
    expect(yearlyScore([89, 90], s.grades)).toEqual({ score: 89.5, grade: 'good' });
    expect(yearlyScore([60, 59], s.grades)).toEqual({ score: 59.5, grade: 'poor' });
    expect(yearlyScore([], s.grades)).toBeNull();
  });
});

describe('rule set and HQ bounds', () => {
  const item = (over: Partial<PointsItem>): PointsItem => ({ ...POINTS_DEFAULTS.items[0]!, ...over });

  it('uses a county rule set inside the bounds and refuses one outside them, keeping the province default', () => {
    const mine = [item({ value: 4, cap: 16 })];
    expect(pointsSettings({ 'points.items': mine, 'points.base': 75 }).items).toEqual(mine);
    expect(pointsSettings({ 'points.base': 75 }).base).toBe(75);
    expect(pointsSettings({ 'points.items': [item({ value: 11 })] }).items).toEqual(POINTS_DEFAULTS.items);
    expect(pointsSettings({ 'points.items': [item({ cap: 41 })] }).items).toEqual(POINTS_DEFAULTS.items);
    expect(pointsSettings({ 'points.base': 81 }).base).toBe(70);
    // HQ widens the bounds: the same rule set now counts.
    const wide = { ...POINTS_DEFAULTS.bounds, maxValue: 12 };
    expect(pointsSettings({ 'points.items': [item({ value: 11 })] }, wide).items[0]!.value).toBe(11);
  });

  it('says in both languages what breaks the bounds', () => {
    const issues = boundIssues([item({ value: 11, cap: null }), item({ key: 'x', kind: 'deduction', value: 5, cap: null })], 85, POINTS_DEFAULTS.bounds);
    expect(issues.map((i) => i.zh)).toEqual([
      '基础分须在 60–80 之间', '“参加三会一课”的分值须在 0–10 之间', '“参加三会一课”的年度上限须设置且不超过 40 分', '“参加三会一课”须为负分，且不超过 20 分',
    ]);
    expect(issues[0]!.en).toBe('The base must be between 60 and 80');
  });

  it('falls back to the default for a malformed value and for grade bands out of order', () => {
    expect(pointsSettings({ 'points.grades': { excellent: 80, good: 85, pass: 60 } }).grades).toEqual(POINTS_DEFAULTS.grades);
    expect(pointsSettings({ 'points.objectionDays': 'seven' }).objectionDays).toBe(7);
    expect(pointsSettings({ 'points.objectionDays': 10 }).objectionDays).toBe(10);
  });
});
