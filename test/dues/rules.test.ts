// The dues, standing and review rules at their edges: every band boundary, the back-pay window,
// the 6-month lapse exactly, ⅓ excellent with 3/4/6/7 members.
import { describe, expect, it } from 'vitest';
import { duesStart, duesStatus, monthlyDue, paymentWindowProblem, toFen, type Base } from '../../shared/dues/rules.js';
import { DUES_DEFAULTS, duesSettings } from '../../shared/dues/settings.js';
import { excellentCap } from '../../shared/evaluation/rules.js';
import { extensionProblem, standingOf, type StandingFacts } from '../../shared/people/memberRules.js';

const wage = (yuan: number) => monthlyDue({ category: 'wage', baseFen: toFen(yuan) }, DUES_DEFAULTS);
const pension = (yuan: number) => monthlyDue({ category: 'pension', baseFen: toFen(yuan) }, DUES_DEFAULTS);

describe('dues bands (fen)', () => {
  it('charges 0.5% up to 3000 inclusive, then 1%, 1.5% above 5000 and 2% above 10000', () => {
    expect(wage(3000)).toBe(1500);
    expect(wage(3000.01)).toBe(3000);
    expect(wage(5000)).toBe(5000);
    expect(wage(5000.01)).toBe(7500);
    expect(wage(10000)).toBe(15000);
    expect(wage(10000.01)).toBe(20000);
    expect(wage(2500)).toBe(1250);
  });
  it('charges retirees 0.5% up to 5000 and 1% above; flat categories pay the flat amount', () => {
    expect(pension(5000)).toBe(2500);
    expect(pension(5000.01)).toBe(5000);
    expect(monthlyDue({ category: 'farmer', baseFen: null }, DUES_DEFAULTS)).toBe(20);
    expect(monthlyDue({ category: 'student', baseFen: 999999 }, DUES_DEFAULTS)).toBe(20);
  });
  it('takes rates from reference data, ignoring a malformed band table', () => {
    const s = duesSettings({ 'dues.wageBands': [{ upTo: 4000, rate: 0.01 }, { upTo: null, rate: 0.03 }], 'dues.flat': { farmer: 1, student: 0.5, unemployed: 0.2 } });
    expect(monthlyDue({ category: 'wage', baseFen: 400000 }, s)).toBe(4000);
    expect(monthlyDue({ category: 'wage', baseFen: 400001 }, s)).toBe(12000);
    expect(monthlyDue({ category: 'farmer', baseFen: null }, s)).toBe(100);
    const bad = duesSettings({ 'dues.wageBands': [{ upTo: null, rate: 0.01 }, { upTo: 3000, rate: 0.02 }] });
    expect(bad.wageBands).toEqual(DUES_DEFAULTS.wageBands);
  });
});

describe('arrears and back-pay', () => {
  const bases: Base[] = [{ fromMonth: '2026-01', category: 'wage', baseFen: 400000 }, { fromMonth: '2026-07', category: 'wage', baseFen: 1200000 }];
  it('recalculates from the month the base changes and limits what may be paid to six months back', () => {
    const st = duesStatus('2026-01', bases, new Set(['2026-01', '2026-02']), '2026-11', DUES_DEFAULTS);
    // Mar–Oct unpaid: May–Oct collectible (6 months back from November), Mar–Apr beyond the window
    expect(st.owedMonths).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(st.lapsedMonths).toBe(2);
    expect(st.unpaidRun).toBe(8);
    expect(st.owedFen).toBe(2 * 4000 + 4 * 24000);
    expect(paymentWindowProblem('2026-05', '2026-11', '2026-01', DUES_DEFAULTS)).toBeNull();
    expect(paymentWindowProblem('2026-04', '2026-11', '2026-01', DUES_DEFAULTS)).toBe('too_old');
    expect(paymentWindowProblem('2027-11', '2026-11', '2026-01', DUES_DEFAULTS)).toBeNull();
    expect(paymentWindowProblem('2027-12', '2026-11', '2026-01', DUES_DEFAULTS)).toBe('too_early');
    expect(paymentWindowProblem('2026-05', '2026-11', null, DUES_DEFAULTS)).toBe('no_base');
  });
  it('makes a probationary member owe from admission, a full member from the first base', () => {
    expect(duesStart('2026-03-15', true, bases)).toBe('2026-03');
    expect(duesStart('2010-07-01', false, bases)).toBe('2026-01');
    expect(duesStart('2026-03-15', false, [])).toBeNull();
  });
});

describe('member standing', () => {
  const f: StandingFacts = { joinDate: '2010-07-01', lastAttendedMonth: '2026-04', recordsFrom: '2025-01', duesUnpaidRun: 0, mobility: 'none', mobilitySince: null, lostContactByHand: false };
  it('flags lapse after exactly six consecutive months without org life, not five', () => {
    expect(standingOf(f, '2026-11-10', DUES_DEFAULTS, 6)).toMatchObject({ noOrgLifeMonths: 6, flags: ['lapse_risk'] });
    expect(standingOf({ ...f, lastAttendedMonth: '2026-05' }, '2026-11-10', DUES_DEFAULTS, 6)).toMatchObject({ noOrgLifeMonths: 5, flags: [] });
  });
  it('flags lapse after six unpaid months alone, and lost contact only when both are missing', () => {
    const recent = { ...f, lastAttendedMonth: '2026-10' };
    expect(standingOf({ ...recent, duesUnpaidRun: 6 }, '2026-11-10', DUES_DEFAULTS, 6).flags).toEqual(['lapse_risk']);
    expect(standingOf({ ...recent, duesUnpaidRun: 5 }, '2026-11-10', DUES_DEFAULTS, 6).flags).toEqual([]);
    expect(standingOf({ ...f, duesUnpaidRun: 6 }, '2026-11-10', DUES_DEFAULTS, 6)).toMatchObject({ flags: ['lapse_risk', 'lost_contact'], lostContactComputed: true });
    expect(standingOf({ ...recent, lostContactByHand: true }, '2026-11-10', DUES_DEFAULTS, 6)).toMatchObject({ flags: ['lost_contact'], lostContactComputed: false });
    expect(standingOf({ ...f, duesUnpaidRun: null }, '2026-11-10', DUES_DEFAULTS, 6)).toMatchObject({ flags: ['lapse_risk'], lostContactComputed: false });
  });
  it('counts org life only from where the records begin, and not at all without records', () => {
    const never = { ...f, lastAttendedMonth: null };
    expect(standingOf({ ...never, recordsFrom: '2026-05' }, '2026-11-10', DUES_DEFAULTS, 6)).toMatchObject({ noOrgLifeMonths: 6, flags: ['lapse_risk'] });
    expect(standingOf({ ...never, recordsFrom: '2026-06' }, '2026-11-10', DUES_DEFAULTS, 6)).toMatchObject({ noOrgLifeMonths: 5, flags: [] });
    expect(standingOf({ ...never, recordsFrom: null }, '2026-11-10', DUES_DEFAULTS, 6)).toMatchObject({ noOrgLifeMonths: 0, flags: [] });
    expect(standingOf({ ...never, joinDate: '2026-06-20', recordsFrom: '2025-01' }, '2026-11-10', DUES_DEFAULTS, 6).noOrgLifeMonths).toBe(5);
  });
  it('makes a transfer due after six months away, not a day before', () => {
    const away = { ...f, lastAttendedMonth: '2026-10', mobility: 'outbound', mobilitySince: '2026-05-10' };
    expect(standingOf(away, '2026-11-10', DUES_DEFAULTS, 6).flags).toEqual(['transfer_due']);
    expect(standingOf(away, '2026-11-09', DUES_DEFAULTS, 6).flags).toEqual([]);
  });
  it('allows one probation extension of 6 to 12 months', () => {
    expect(extensionProblem(6, false, DUES_DEFAULTS)).toBeNull();
    expect(extensionProblem(12, false, DUES_DEFAULTS)).toBeNull();
    expect(extensionProblem(5, false, DUES_DEFAULTS)).toBe('length');
    expect(extensionProblem(13, false, DUES_DEFAULTS)).toBe('length');
    expect(extensionProblem(6, true, DUES_DEFAULTS)).toBe('once');
  });
});

describe('democratic review cap', () => {
  it('allows at most a third excellent: 3→1, 4→1, 6→2, 7→2', () => {
    expect([3, 4, 6, 7].map((n) => excellentCap(n))).toEqual([1, 1, 2, 2]);
  });
});
