// Dues and review grades across devices through a real HQ: payments for one member recorded on two
// offline devices add up without a conflict (one ledger line per month paid, even the same month
// twice); an instructor's and an HQ administrator's devices never receive an amount or a base, and
// an instructor receives grades below 优秀 only masked — in its store and on the wire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/builders.js';
import { at, buildWorld, type World } from '../points/world.js';
import { pullRaw } from '../sync/forge.js';
import { enrolledDevice, snapshot, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

describe('dues over sync', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  let instr: TestDevice;
  let admin: TestDevice;
  let w: World;
  const conflicts = (d: TestDevice) => (d.store.raw.prepare('SELECT (SELECT count(*) FROM sync_conflicts) + (SELECT count(*) FROM sync_rejections) AS n').get() as { n: number }).n;
  const nov = (d: TestDevice) => at(d.context(), '2026-11-10');
  const wang = () => w.full[0]!.id;
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
    b = await enrolledDevice(hq, { user: '周组织员', role: 'county_organiser', scope: '/' });
    instr = await enrolledDevice(hq, { user: '孙指导', role: 'instructor', scope: '/' });
    admin = await enrolledDevice(hq, { user: '省管理员', role: 'hq_admin', scope: '/' });
    w = await buildWorld(a.context());
    await call(nov(a), 'dues.setBase', { personId: wang(), fromMonth: '2026-05', category: 'wage', base: 8765.43 });
    await a.sync();
    await b.sync();
  }, 60_000);
  afterAll(async () => {
    for (const d of [a, b, instr, admin]) await d?.cleanup();
    await hq?.close();
  });

  it('adds up payments recorded on two offline devices, without conflicts', async () => {
    const pay = (d: TestDevice, months: string[], collector: string) => call(nov(d), 'dues.pay', { personId: wang(), months, paidOn: '2026-11-09', collector, method: 'cash' });
    await pay(a, ['2026-05', '2026-06', '2026-07'], '李秀英');
    await pay(b, ['2026-08', '2026-09', '2026-10', '2026-07'], '张伟');
    await a.sync();
    await b.sync();
    await a.sync();
    expect(snapshot(b.store.raw, ['dues_payments'])).toEqual(snapshot(a.store.raw, ['dues_payments']));
    expect(snapshot(a.store.raw, ['dues_payments']).dues_payments).toHaveLength(7);
    expect([conflicts(a), conflicts(b)]).toEqual([0, 0]);
    for (const d of [a, b]) {
      const m = await call(nov(d), 'dues.member', { personId: wang() });
      expect(m.row).toMatchObject({ owedMonths: [], owed: '0.00', lastPaidMonth: '2026-10' });
      // 8765.43 × 1.5% = 131.48; July was paid on both devices: two lines, both kept
      expect(m.payments.filter((x) => x.month === '2026-07').map((x) => x.amount)).toEqual(['131.48', '131.48']);
    }
  });

  it('never sends an amount or a base to an instructor or an HQ administrator', async () => {
    for (const d of [instr, admin]) {
      await d.sync();
      const rows = d.store.raw.prepare('SELECT month, amount_fen FROM dues_payments ORDER BY month').all() as { month: string; amount_fen: number | null }[];
      expect(rows).toHaveLength(7);
      expect(rows.every((r) => r.amount_fen === null)).toBe(true);
      expect(d.store.raw.prepare('SELECT base_fen FROM dues_bases').all()).toEqual([{ base_fen: null }]);
      const wire = JSON.stringify((await pullRaw(d)).filter((r) => String(JSON.stringify(r)).includes('dues_')));
      expect(wire).toContain('2026-07');
      expect(wire).not.toMatch(/13148|876543/);
      const m = await call(nov(d), 'dues.member', { personId: wang() });
      expect(m.row).toMatchObject({ owedMonths: [], owed: null, monthly: null });
    }
    const full = a.store.raw.prepare('SELECT amount_fen FROM dues_payments LIMIT 1').get() as { amount_fen: number };
    expect(full.amount_fen).toBe(13148);
  });

  it('sends an instructor grades below 优秀 masked', async () => {
    await call(at(a.context(), '2026-12-20'), 'evaluation.save', {
      orgId: w.branch.id, year: 2026,
      grades: [{ personId: w.full[0]!.id, grade: 'excellent' }, { personId: w.full[1]!.id, grade: 'fail', note: '长期不参加组织生活' }],
    });
    await a.sync();
    await instr.sync();
    await b.sync();
    const grades = (d: TestDevice) => (d.store.raw.prepare('SELECT grade FROM evaluation_grades ORDER BY grade').all() as { grade: string }[]).map((r) => r.grade);
    expect(grades(instr)).toEqual(['*', 'excellent']);
    expect(grades(b)).toEqual(['excellent', 'fail']);
    const wire = JSON.stringify((await pullRaw(instr)).filter((r) => JSON.stringify(r).includes('evaluation')));
    expect(wire).toContain('excellent');
    expect(wire).not.toContain('"fail"');
    expect(conflicts(instr)).toBe(0);
  });
});
