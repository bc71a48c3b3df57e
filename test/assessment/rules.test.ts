// The warning rules at every edge of DOMAIN.md's table, escalation after exactly two reds, the
// threshold sets refused, and the three lists' status moves.
import { describe, expect, it } from 'vitest';
import { countLight, escalates, ratioLight, wholeMonthsBetween } from '../../shared/assessment/lights.js';
import { assertAssessmentSetting, assessmentSettings, THRESHOLD_DEFAULTS } from '../../shared/assessment/thresholds.js';
import { assertMove, assertVerifier, canMove, overdueDays } from '../../shared/assessment/items.js';
import { ApiError } from '../../shared/core/errors.js';

const t = THRESHOLD_DEFAULTS;

describe('threshold edges (DOMAIN.md defaults)', () => {
  it.each([
    ['coverage', 0.98, 'green'], ['coverage', 0.9799, 'yellow'], ['coverage', 0.9, 'yellow'], ['coverage', 0.8999, 'red'],
    ['contact', 0.8, 'green'], ['contact', 0.7999, 'yellow'], ['contact', 0.6, 'yellow'], ['contact', 0.5999, 'red'],
    ['attendance', 0.9, 'green'], ['attendance', 0.8999, 'yellow'], ['attendance', 0.75, 'yellow'], ['attendance', 0.7499, 'red'],
    ['data_quality', 1, 'green'], ['data_quality', 0.9999, 'yellow'], ['data_quality', 0.97, 'yellow'], ['data_quality', 0.9699, 'red'],
  ] as const)('%s at %s is %s', (k, v, colour) => {
    expect(ratioLight(v, t[k])).toBe(colour);
  });
  it('has no light when there is nothing to measure', () => expect(ratioLight(null, t.coverage)).toBe('none'));
  it.each([
    ['member_gap', 2, 'green'], ['member_gap', 3, 'yellow'], ['member_gap', 4, 'yellow'], ['member_gap', 5, 'red'],
    ['probation_overdue', 0, 'green'], ['probation_overdue', 1, 'yellow'], ['probation_overdue', 30, 'yellow'], ['probation_overdue', 31, 'red'],
    ['rectification_overdue', 0, 'green'], ['rectification_overdue', 1, 'yellow'], ['rectification_overdue', 15, 'yellow'], ['rectification_overdue', 16, 'red'],
  ] as const)('%s at %s is %s', (k, v, colour) => {
    expect(countLight(v, t[k])).toBe(colour);
  });
  it('counts whole months the way a calendar does', () => {
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(wholeMonthsBetween('2026-01-31', '2026-03-01')).toBe(1);
    expect(wholeMonthsBetween('2026-06-15', '2026-11-14')).toBe(4);
    expect(wholeMonthsBetween('2026-06-15', '2026-11-15')).toBe(5);
  });
});

describe('two reds in a row escalate', () => {
  it('not after one red', () => expect(escalates([{ period: '2026-10', colour: 'red' }], '2026-10')).toBe(false));
  it('after exactly two adjacent reds', () =>
    expect(escalates([{ period: '2026-09', colour: 'red' }, { period: '2026-10', colour: 'red' }], '2026-10')).toBe(true));
  it('not with a green between', () =>
    expect(escalates([{ period: '2026-08', colour: 'red' }, { period: '2026-09', colour: 'green' }, { period: '2026-10', colour: 'red' }], '2026-10')).toBe(false));
  it('not with a month missing between', () =>
    expect(escalates([{ period: '2026-08', colour: 'red' }, { period: '2026-10', colour: 'red' }], '2026-10')).toBe(false));
  it('not when the later month is yellow', () =>
    expect(escalates([{ period: '2026-09', colour: 'red' }, { period: '2026-10', colour: 'yellow' }], '2026-10')).toBe(false));
  it('across a year end', () => expect(escalates([{ period: '2025-12', colour: 'red' }, { period: '2026-01', colour: 'red' }], '2026-01')).toBe(true));
});

const refusal = (key: string, value: unknown) => {
  try {
    assertAssessmentSetting(key, value);
    return null;
  } catch (e) {
    return e instanceof ApiError ? e : null;
  }
};

describe('threshold sets', () => {
  it('refuses overlapping bands in Chinese, naming the indicator', () => {
    const e = refusal('assessment.thresholds', { attendance: { green: 0.7, yellow: 0.8 } });
    expect(e?.code).toBe('validation');
    expect(e?.messageZh).toContain('出勤率');
    expect(e?.messageZh).toContain('重叠');
    expect(refusal('assessment.thresholds', { member_gap: { yellowFrom: 5, redFrom: 3 } })?.messageZh).toContain('党员未参加组织生活月数');
  });
  it('refuses a count band that leaves no green, and a malformed value', () => {
    expect(refusal('assessment.thresholds', { rectification_overdue: { yellowFrom: 0, redFrom: 16 } })?.messageZh).toContain('至少为 1');
    expect(refusal('assessment.thresholds', { coverage: { green: 'x' } })?.messageZh).toContain('格式不正确');
    expect(refusal('assessment.thresholds', { nonsense: 1 })).not.toBeNull();
    expect(refusal('assessment.unknown', 1)?.messageZh).toContain('未知');
  });
  it('accepts a changed row and keeps the rest at their defaults', () => {
    expect(refusal('assessment.thresholds', { attendance: { green: 0.95 } })).toBeNull();
    const s = assessmentSettings({ 'assessment.thresholds': { attendance: { green: 0.95 } } });
    expect(s.thresholds.attendance).toEqual({ green: 0.95, yellow: 0.75 });
    expect(s.thresholds.coverage).toEqual(t.coverage);
    expect(ratioLight(0.93, s.thresholds.attendance)).toBe('yellow');
  });
  it('ignores a stored bad set (synced from elsewhere) rather than using it', () => {
    expect(assessmentSettings({ 'assessment.thresholds': { attendance: { green: 0.5, yellow: 0.8 } } }).thresholds).toEqual(t);
  });
});

describe('three lists', () => {
  it('moves one step at a time, and a verifier may send a done item back', () => {
    expect(canMove('open', 'in_progress')).toBe(true);
    expect(canMove('open', 'done')).toBe(false);
    expect(canMove('done', 'verified')).toBe(true);
    expect(canMove('done', 'in_progress')).toBe(true);
    expect(canMove('verified', 'done')).toBe(false);
    expect(() => assertMove('open', 'verified')).toThrow(expect.objectContaining({ messageZh: '事项当前为“待办理”，不能改为“已验收”' }));
  });
  it('is verified only by someone other than the owner and the one who completed it', () => {
    const owner = { personName: '王建国', userName: null };
    expect(() => assertVerifier(owner, '王建国', '王建国')).toThrow(ApiError);
    expect(() => assertVerifier({ personName: null, userName: '组织员甲' }, '组织员甲', '组织员甲')).toThrow(ApiError);
    expect(() => assertVerifier({ personName: null, userName: null }, '组织员甲', '组织员甲')).toThrow(ApiError);
    expect(() => assertVerifier(owner, '王建国', '李秀英')).not.toThrow();
  });
  it('computes overdue days until the item is done', () => {
    expect(overdueDays('2026-11-01', 'open', '2026-11-16')).toBe(15);
    expect(overdueDays('2026-11-01', 'in_progress', '2026-11-01')).toBe(0);
    expect(overdueDays('2026-11-01', 'done', '2026-11-16')).toBe(0);
    expect(overdueDays(null, 'open', '2026-11-16')).toBe(0);
  });
});
