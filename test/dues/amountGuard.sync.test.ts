// HQ's guard on dues amounts: devices of roles that may not see them hold null instead, so a null
// (or a negative or fractional amount) pushed back must never replace the real one. A county
// organiser's device tampered with past the app — straight into its store, the capture triggers
// still send it — is refused per change; HQ and a second organiser keep the real amount and base,
// and a legitimate later payment on the same device still goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../hq/quiz/rows.js';
import { call } from '../support/builders.js';
import { at, buildWorld, type World } from '../points/world.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

describe('a crafted push cannot null a dues amount', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  let w: World;
  const nov = (d: TestDevice) => at(d.context(), '2026-11-10');
  const rejections = (d: TestDevice) => d.store.raw.prepare('SELECT reason_zh FROM sync_rejections').all() as { reason_zh: string }[];
  const hqCell = async (tbl: string, col: string) => (await rowsOf(hq.store, tbl)).map((r) => r.c[col]).sort();
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
    b = await enrolledDevice(hq, { user: '周组织员', role: 'county_organiser', scope: '/' });
    w = await buildWorld(a.context());
    await call(nov(a), 'dues.setBase', { personId: w.full[0]!.id, fromMonth: '2026-05', category: 'wage', base: 8765.43 });
    await call(nov(a), 'dues.pay', { personId: w.full[0]!.id, months: ['2026-05', '2026-06'], paidOn: '2026-11-09', collector: '李秀英', method: 'cash' });
    await a.sync();
    await b.sync();
  }, 60_000);
  afterAll(async () => {
    for (const d of [a, b]) await d?.cleanup();
    await hq?.close();
  });

  it('refuses a nulled amount and base, a negative and a fractional amount', async () => {
    expect(await hqCell('dues_payments', 'amount_fen')).toEqual([13148, 13148]);
    const [p1, p2] = (a.store.raw.prepare('SELECT id FROM dues_payments ORDER BY month').all() as { id: string }[]).map((r) => r.id);
    a.store.raw.prepare('UPDATE dues_payments SET amount_fen = NULL WHERE id = ?').run(p1);
    a.store.raw.prepare('UPDATE dues_payments SET amount_fen = -5 WHERE id = ?').run(p2);
    a.store.raw.prepare('UPDATE dues_bases SET base_fen = NULL').run();
    await a.sync();
    a.store.raw.prepare('UPDATE dues_payments SET amount_fen = 100.5 WHERE id = ?').run(p2);
    await a.sync();
    expect(await hqCell('dues_payments', 'amount_fen')).toEqual([13148, 13148]);
    expect(await hqCell('dues_bases', 'base_fen')).toEqual([876543]);
    expect(rejections(a).map((r) => r.reason_zh)).toEqual(Array(4).fill('党费金额不能清空或改为非法值，本条变更未处理'));
    await b.sync();
    expect(b.store.raw.prepare('SELECT amount_fen FROM dues_payments ORDER BY month').all()).toEqual([{ amount_fen: 13148 }, { amount_fen: 13148 }]);
    expect(b.store.raw.prepare('SELECT base_fen FROM dues_bases').all()).toEqual([{ base_fen: 876543 }]);
    const m = await call(nov(b), 'dues.member', { personId: w.full[0]!.id });
    expect(m.payments.map((x) => x.amount)).toEqual(['131.48', '131.48']);
  });

  it('still takes a real payment from the same device', async () => {
    await call(nov(a), 'dues.pay', { personId: w.full[0]!.id, months: ['2026-07'], paidOn: '2026-11-10', collector: '李秀英', method: 'wechat' });
    await a.sync();
    expect(await hqCell('dues_payments', 'amount_fen')).toEqual([13148, 13148, 13148]);
    expect(rejections(a)).toHaveLength(4);
  });
});
