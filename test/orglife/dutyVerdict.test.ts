// Field trial: 履职情况 showed "漏访 6" beside a reason saying one visit was missed, and a yellow light
// with no reason at all. The count, the light and the reasons now come out of one computation
// (shared/orglife/dutyVerdict.ts); these pin it at its edges and check that the three agree on a
// sweep of generated instructors.
import { describe, expect, it } from 'vitest';
import { computeDuties, type ContactPoint, type DutyActivityCount, type VisitCount } from '../../shared/orglife/duties.js';
import { ORGLIFE_DEFAULTS } from '../../shared/orglife/settings.js';

const s = ORGLIFE_DEFAULTS;
const cp = (outletId: string, from = '2025-01-01'): ContactPoint => ({ instructorId: 'i1', outletId, outletName: `网点${outletId}`, from, to: null });
const visit = (outletId: string, month: string): VisitCount => ({ outletId, month, n: 1 });
const act = (type: string, month: string): DutyActivityCount => ({ instructorId: 'i1', type, month, n: 1 });
/** Everything but the visits done for 2026: a lecture and talks in each half, a campaign. */
const allDuties = [act('lecture', '2026-03'), act('lecture', '2026-08'), act('talk', '2026-03'), act('talk', '2026-08'), act('task_force', '2026-05')];
const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-${String(from + i).padStart(2, '0')}`);
const duty = (o: { cps: ContactPoint[]; visits: VisitCount[]; asOf: string; activities?: DutyActivityCount[]; from?: string; to?: string }) =>
  computeDuties({
    instructors: [{ id: 'i1', name: '赵指导' }], contactPoints: o.cps, visits: o.visits, activities: o.activities ?? allDuties,
    from: o.from ?? '2026-07-01', to: o.to ?? '2026-12-31', asOf: o.asOf, settings: s,
  })[0]!;
const rules = (d: ReturnType<typeof duty>) => d.reasons.map((r) => r.rule);

describe('the missed-visit count, the light and the reasons agree', () => {
  it('no visit missed: green, 0, no reason', () => {
    const d = duty({ cps: [cp('1')], visits: months(7, 10).map((m) => visit('1', m)), asOf: '2026-11-10' });
    expect(d).toMatchObject({ missedVisits: 0, light: 'green', reasons: [] });
  });

  it('exactly one missed: yellow, 1, and the reason says 1 and where', () => {
    const d = duty({ cps: [cp('1')], visits: ['2026-07', '2026-09', '2026-10'].map((m) => visit('1', m)), asOf: '2026-11-10' });
    expect(d.missedVisits).toBe(1);
    expect(d.light).toBe('yellow');
    expect(d.reasons).toEqual([{ rule: 'visits_missed', light: 'yellow', count: 1, subjects: ['网点1'], text: { zh: '漏访 1 次（1 个联系点：网点1）', en: '1 visit missed (1 contact point: 网点1)' } }]);
  });

  it('six missed, once each at six contact points (the field trial): 漏访 6 and a reason that says 6', () => {
    const ids = ['1', '2', '3', '4', '5', '6'];
    // Each contact point missed one month, never two in a row.
    const visits = ids.flatMap((id, i) => months(7, 10).filter((_, j) => j !== i % 4).map((m) => visit(id, m)));
    const d = duty({ cps: ids.map((id) => cp(id)), visits, asOf: '2026-11-10' });
    expect(d.missedVisits).toBe(6);
    expect(d.light).toBe('yellow');
    expect(d.reasons).toHaveLength(1);
    expect(d.reasons[0]!.text.zh).toBe('漏访 6 次（6 个联系点：网点1、网点2、网点3 等）');
    expect(d.reasons[0]!.text.en).toBe('6 visits missed (6 contact points: 网点1, 网点2, 网点3 and 3 more)');
  });

  it('two missed apart stay yellow; two in a row turn red, with both reasons and the same count', () => {
    const apart = duty({ cps: [cp('1')], visits: ['2026-08', '2026-10'].map((m) => visit('1', m)), asOf: '2026-11-10' });
    expect(apart).toMatchObject({ missedVisits: 2, light: 'yellow' });
    expect(rules(apart)).toEqual(['visits_missed']);
    const inARow = duty({ cps: [cp('1')], visits: ['2026-07', '2026-10'].map((m) => visit('1', m)), asOf: '2026-11-10' });
    expect(inARow).toMatchObject({ missedVisits: 2, light: 'red' });
    expect(inARow.reasons.map((r) => `${r.light}:${r.rule}:${r.count}`)).toEqual(['red:visits_in_a_row:1', 'yellow:visits_missed:2']);
    expect(inARow.reasons[0]!.text.zh).toBe('1 个联系点连续 2 个月以上未走访（最长连续 2 个月）：网点1');
  });

  it('a visit not yet made after the 20th: yellow, and the reason says so (it used to be yellow with no reason)', () => {
    const visits = months(7, 10).map((m) => visit('1', m));
    expect(duty({ cps: [cp('1')], visits, asOf: '2026-11-20' })).toMatchObject({ light: 'green', reasons: [] });
    const d = duty({ cps: [cp('1')], visits, asOf: '2026-11-21' });
    expect(d).toMatchObject({ missedVisits: 0, light: 'yellow' });
    expect(d.reasons.map((r) => r.text.zh)).toEqual(['1 个联系点2026年11月尚未走访，2026-11-30 截止：网点1']);
  });

  it('the year’s campaign not yet joined in its last quarter: yellow with that reason', () => {
    const d = duty({ cps: [], visits: [], asOf: '2026-10-01', activities: allDuties.filter((a) => a.type !== 'task_force') });
    expect(d.light).toBe('yellow');
    expect(d.reasons.map((r) => r.text.zh)).toEqual(['2026年尚未参与攻坚项目，2026-12-31 截止']);
    expect(duty({ cps: [], visits: [], asOf: '2026-09-30', activities: allDuties.filter((a) => a.type !== 'task_force') }).light).toBe('green');
  });

  it('a half-year without a lecture is red and says which half', () => {
    const d = duty({ cps: [], visits: [], asOf: '2026-07-01', from: '2026-01-01', activities: [] });
    expect(d.light).toBe('red');
    expect(d.reasons[0]).toMatchObject({ rule: 'lecture_missed', light: 'red', count: 1, text: { zh: '2026年上半年未讲党课', en: 'No lecture in 2026 H1' } });
    expect(rules(d)).toEqual(['lecture_missed', 'talk_missed']);
  });

  it('nothing started yet: no light and no reason', () => {
    expect(duty({ cps: [cp('1')], visits: [], asOf: '2025-12-31', activities: [] })).toMatchObject({ light: 'none', missedVisits: 0, reasons: [] });
  });
});

describe('on a sweep of generated instructors', () => {
  // A small deterministic generator: the same cases on every run.
  let seed = 7;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

  it('every yellow or red light has a reason of that colour, a green one none, and the missed-visit reason states 漏访', () => {
    for (let n = 0; n < 400; n++) {
      const cps = Array.from({ length: Math.floor(rnd() * 6) }, (_, i) => cp(String(i), rnd() < 0.3 ? '2026-09-01' : '2025-01-01'));
      const visits = cps.flatMap((c) => months(1, 12).filter(() => rnd() < 0.7).map((m) => visit(c.outletId, m)));
      const activities = allDuties.filter(() => rnd() < 0.6);
      const asOf = `2026-${String(7 + Math.floor(rnd() * 6)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const d = duty({ cps, visits, asOf, activities });
      const missed = d.contactPoints.reduce((k, c) => k + c.periods.filter((p) => p.status === 'missed').length, 0);
      expect(d.missedVisits).toBe(missed);
      const stated = d.reasons.find((r) => r.rule === 'visits_missed');
      expect(stated?.count ?? 0).toBe(missed);
      if (missed) expect(stated!.text.zh.startsWith(`漏访 ${missed} 次`)).toBe(true);
      if (d.light === 'red' || d.light === 'yellow') expect(d.reasons.some((r) => r.light === d.light)).toBe(true);
      else expect(d.reasons).toEqual([]);
      expect(d.reasons.some((r) => r.light === 'red')).toBe(d.light === 'red');
    }
  });
});
