// Dues on a real store through the API: a base and its recalculation, payments as ledger lines
// that clear the arrears, refusals that write nothing, amounts hidden from every role but the
// county organiser (screens and export), and the standing list computed from attendance and dues.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildWorld, themeDay, type World } from '../points/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const count = (sql: string) => (p.store.raw.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;
const nov = (role?: 'instructor' | 'county_organiser' | 'hq_admin' | 'auditor') => at(ctx, '2026-11-10', role ?? 'county_organiser');

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const wang = () => w.full[0]!.id;
const pay = (months: string[], role?: Parameters<typeof nov>[0]) =>
  dispatch(nov(role), 'dues.pay', { personId: wang(), months, paidOn: '2026-11-09', collector: '李秀英', method: 'wechat' });

describe('bases and payments', () => {
  beforeEach(async () => {
    await call(nov(), 'dues.setBase', { personId: wang(), fromMonth: '2026-05', category: 'wage', base: 4000 });
    await call(nov(), 'dues.setBase', { personId: wang(), fromMonth: '2026-09', category: 'wage', base: 12000 });
  });

  it('owes from the first base, recalculated from the month it changes, and payments clear the arrears', async () => {
    const before = await call(nov(), 'dues.member', { personId: wang() });
    expect(before.row.owedMonths).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(before.row.owed).toBe('640.00'); // 4 × 40 + 2 × 240
    expect(before.row.monthly).toBe('240.00');
    const after = await call(nov(), 'dues.pay', { personId: wang(), months: ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'], paidOn: '2026-11-09', collector: '李秀英', method: 'cash' });
    expect(after.row).toMatchObject({ owedMonths: [], owed: '0.00', thisMonthPaid: true, lastPaidMonth: '2026-11' });
    expect(after.payments.map((x) => [x.month, x.amount])).toContainEqual(['2026-05', '40.00']);
    expect(after.payments.map((x) => [x.month, x.amount])).toContainEqual(['2026-09', '240.00']);
    expect(count(`sync_outbox WHERE tbl = 'dues_payments'`)).toBe(7);
    const list = await call(nov(), 'dues.list', { filter: 'owing' });
    expect(list.rows.map((r) => r.name)).not.toContain('王建国');
  });

  it('refuses a month paid twice, beyond the back-pay window or too far ahead, writing nothing', async () => {
    expect((await pay(['2026-10'])).ok).toBe(true);
    const again = await pay(['2026-09', '2026-10']);
    expect(again.ok).toBe(false);
    if (!again.ok) expect([again.error.message, again.error.messageEn]).toEqual(['2026-10 的党费已缴纳，不能重复登记', '2026-10 is already paid']);
    await call(nov(), 'dues.setBase', { personId: wang(), fromMonth: '2026-01', category: 'wage', base: 4000 });
    const old = await pay(['2026-04', '2026-05']);
    expect(old.ok).toBe(false);
    if (!old.ok) expect(old.error.message).toContain('超过补缴期限');
    expect((await pay(['2027-12'])).ok).toBe(false);
    expect(count(`dues_payments`)).toBe(1);
  });

  it('shows amounts to the county organiser only; other roles see paid or unpaid, and cannot record', async () => {
    await pay(['2026-10']);
    for (const role of ['instructor', 'hq_admin', 'auditor'] as const) {
      const m = await call(nov(role), 'dues.member', { personId: wang() });
      expect(m.seesAmounts).toBe(false);
      expect(m.row.owed).toBeNull();
      expect(m.row.monthly).toBeNull();
      expect(m.bases.every((b) => b.base === null && b.monthly === null)).toBe(true);
      expect(m.payments.map((x) => [x.month, x.amount])).toEqual([['2026-10', null]]);
      expect(m.row.owedMonths).toHaveLength(5);
      const list = await call(nov(role), 'dues.list', {});
      expect(list.rows.every((r) => r.owed === null && r.monthly === null)).toBe(true);
    }
    for (const role of ['instructor', 'hq_admin'] as const) {
      const r = await pay(['2026-09'], role);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden');
    }
    expect(count('dues_payments')).toBe(1);
  });

  it('exports the ledger with amounts for the organiser and masked for others, logging each export', async () => {
    await pay(['2026-09', '2026-10']);
    const full = await call(nov(), 'dues.export', { year: 2026 });
    const masked = await call(nov('instructor'), 'dues.export', { year: 2026 });
    expect([full.rows, masked.rows]).toEqual([2, 2]);
    const sheet = async (b64: string) => {
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
      return (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    };
    const [a, b] = [await sheet(full.base64), await sheet(masked.base64)];
    expect(a[0]![0]).toContain('合计 480.00 元');
    expect(a.filter((r) => r[1] === '王建国').map((r) => [r[2], r[3]])).toEqual([['2026-09', '240.00'], ['2026-10', '240.00']]);
    expect(b[0]![0]).toContain('金额涉及个人收入，已隐藏');
    expect(b.filter((r) => r[1] === '王建国').map((r) => [r[2], r[3]])).toEqual([['2026-09', '*'], ['2026-10', '*']]);
    expect(count(`registry_audit WHERE kind = 'export' AND description LIKE '%党费%'`)).toBe(2);
    expect(count(`registry_audit WHERE kind = 'export' AND description LIKE '%金额已隐藏%'`)).toBe(1);
  });
});

describe('refusals', () => {
  it('refuses a rate table out of order in settings, in both languages, and applies a valid one from then on', async () => {
    const bad = await dispatch(nov(), 'settings.set', { key: 'dues.wageBands', value: [{ upTo: null, rate: 0.01 }, { upTo: 3000, rate: 0.02 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.messageEn).toContain('bands ascend by ceiling');
    expect(count(`settings WHERE key LIKE 'dues.%'`)).toBe(0);
    await call(nov(), 'settings.set', { key: 'dues.wageBands', value: [{ upTo: 5000, rate: 0.01 }, { upTo: null, rate: 0.02 }] });
    await call(nov(), 'dues.setBase', { personId: wang(), fromMonth: '2026-10', category: 'wage', base: 3000 });
    expect((await call(nov(), 'dues.member', { personId: wang() })).row.monthly).toBe('30.00');
  });

  it('asks for a base before a payment and an amount for a wage base', async () => {
    const r = await pay(['2026-10']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.messageEn).toBe('Set the member\u2019s dues base first');
    const b = await dispatch(nov(), 'dues.setBase', { personId: wang(), fromMonth: '2026-05', category: 'wage' });
    expect(b.ok).toBe(false);
    expect(count('dues_bases')).toBe(0);
  });

  it('makes a probationary member owe from admission', async () => {
    await call(nov(), 'dues.setBase', { personId: w.probationary.id, fromMonth: '2026-03', category: 'student' });
    const m = await call(nov(), 'dues.member', { personId: w.probationary.id });
    // admitted 2025-11-28: owed from 2025-11, the back-pay window keeps the last six months payable
    expect(m.row.start).toBe('2025-11');
    expect(m.row.lapsedMonths).toBe(6);
    expect(m.row.owed).toBe('1.20');
  });
});

describe('standing', () => {
  it('lists members six months without org life as at risk of lapse, and drops them once they attend', async () => {
    await call(ctx, 'activities.save', themeDay(w, '2026-04-10'));
    const s = await call(nov(), 'standing.list', {});
    // present on 2026-04-10: 王建国 李秀英 张伟 (6 months May–Oct); 刘洋 absent, never present since joining
    expect(s.rows.filter((r) => r.flags.includes('lapse_risk')).map((r) => r.name).sort()).toEqual(['刘洋', '张伟', '李秀英', '王建国', '赵外支', '陈预备'].sort());
    await call(ctx, 'activities.save', themeDay(w, '2026-05-12'));
    const t = await call(nov(), 'standing.list', { flag: 'lapse_risk' });
    expect(t.rows.map((r) => r.name)).not.toContain('王建国');
    expect(t.counts.lapse_risk).toBe(t.total);
  });

  it('lights the branch on the warning board: red with its members at risk, green once they are not', async () => {
    await call(ctx, 'activities.save', themeDay(w, '2026-05-12'));
    const light = async () => (await call(nov(), 'assessment.board', { period: '2026-11' })).lights.find((l) => l.subjectId === w.branch.id && l.indicator === 'member_standing');
    const red = await light();
    expect(red).toMatchObject({ colour: 'red', value: 2 });
    expect(red!.causes.map((c) => c.name).sort()).toEqual(['刘洋', '陈预备'].sort());
    expect(red!.causes.find((c) => c.name === '刘洋')!.detail?.zh).toBe('有自行脱党风险（6 个月未参加组织生活）');
    await call(ctx, 'activities.save', themeDay(w, '2026-11-02', { attendance: [...w.full, w.probationary].map((x) => ({ personId: x.id, status: 'present' as const })) }));
    await call(nov(), 'dues.setBase', { personId: wang(), fromMonth: '2026-10', category: 'wage', base: 3000 });
    await pay(['2026-10']);
    expect(await light()).toMatchObject({ colour: 'green', value: 0 });
  });

  it('puts each flagged member in 待办, settled on the member record', async () => {
    await call(ctx, 'activities.save', themeDay(w, '2026-04-10'));
    await call(ctx, 'activities.save', themeDay(w, '2026-05-12'));
    const due = (await call(nov(), 'orgLife.due', {})).items.filter((i) => i.kind === 'standing');
    // 刘洋 (absent both times) and 陈预备 (excused) have had no org life since the records began in April
    expect(due.filter((i) => i.standing === 'lapse_risk').map((i) => i.personName).sort()).toEqual(['刘洋', '赵外支', '陈预备'].sort());
    expect(due.find((i) => i.personName === '刘洋')).toMatchObject({ level: 'overdue', orgId: w.branch.id, settle: { form: 'person', personId: w.full[3]!.id } });
    // and on the member record
    expect(await call(nov('instructor'), 'standing.member', { personId: w.full[3]!.id })).toEqual({ flags: ['lapse_risk'], noOrgLifeMonths: 7, duesUnpaidRun: null });
    expect(await call(nov(), 'standing.member', { personId: wang() })).toBeNull();
  });
});
