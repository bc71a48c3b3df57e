// 结对共建 cadence at its edges: a meeting on a period's last day counts; a period that ended
// yesterday without one is missed; the running period stays open; 1:1 and 1:N partner counts.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/core/errors.js';
import { assertAgreementDates, assertParties, cadenceCheck } from '../../shared/pairing/rules.js';

function refusal(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    expect(e.messageEn.length).toBeGreaterThan(0);
    return e.messageZh;
  }
}

describe('a pairing cadence', () => {
  it('is kept when each ended month had its meeting, the last day included', () => {
    const c = cadenceCheck('2026-09-01', null, ['2026-09-30', '2026-10-15'], 'month', 1, '2026-11-20');
    expect(c.periods.map((p) => [p.key, p.state])).toEqual([['2026-09', 'kept'], ['2026-10', 'kept'], ['2026-11', 'open']]);
    expect(c.kept).toBe(true);
  });
  it('misses a month the day after it ends, not on its last day', () => {
    expect(cadenceCheck('2026-10-01', null, [], 'month', 1, '2026-10-31').periods.map((p) => p.state)).toEqual(['open']);
    const c = cadenceCheck('2026-10-01', null, [], 'month', 1, '2026-11-01');
    expect([c.kept, c.missed]).toEqual([false, ['2026-10']]);
  });
  it('counts quarters and a minimum above one', () => {
    const c = cadenceCheck('2026-01-10', null, ['2026-02-01', '2026-03-31', '2026-05-01'], 'quarter', 2, '2026-07-01');
    expect(c.periods.map((p) => [p.key, p.held, p.state])).toEqual([['2026-Q1', 2, 'kept'], ['2026-Q2', 1, 'missed'], ['2026-Q3', 0, 'open']]);
  });
  it('stops at the agreement end and ignores meetings before its start', () => {
    const c = cadenceCheck('2026-03-15', '2026-04-30', ['2026-03-01'], 'month', 1, '2026-11-20');
    expect(c.periods.map((p) => [p.key, p.held, p.state])).toEqual([['2026-03', 0, 'missed'], ['2026-04', 0, 'missed']]);
  });
});

describe('an agreement', () => {
  it('has one partner for 1:1 and two or more for 1:N, never itself', () => {
    expect(refusal(() => assertParties('one_to_one', [], ['浦发银行商鼎路支行党支部'], 'lead'))).toBeNull();
    expect(refusal(() => assertParties('one_to_one', ['b'], ['银行'], 'lead'))).toMatch(/有且只有一个/);
    expect(refusal(() => assertParties('one_to_many', ['b'], [], 'lead'))).toMatch(/至少需要两个/);
    expect(refusal(() => assertParties('one_to_many', ['b', 'lead'], [], 'lead'))).toMatch(/不能与自己结对/);
    expect(refusal(() => assertParties('one_to_many', ['b', 'b'], [], 'lead'))).toMatch(/重复/);
  });
  it('is signed by today and ends after it starts', () => {
    expect(refusal(() => assertAgreementDates('2026-11-21', '2026-11-01', null, '2026-11-20'))).toMatch(/签约日期/);
    expect(refusal(() => assertAgreementDates('2026-11-20', '2026-11-01', '2026-10-31', '2026-11-20'))).toMatch(/结束日期/);
  });
});
