// Dual-track data across devices through a real HQ: business values entered at one organiser's
// device and a weight set changed at HQ reach another device, whose scorecard then shows the same
// numbers; nothing is refused or in conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { buildWorld, type World } from '../orglife/world.js';
import { enrolledDevice, snapshot, startTestHq, type TestDevice, type TestHq } from './support.js';

const NOW = new Date('2026-11-20T04:00:00Z');

describe('dual-track over sync', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  let w: World;
  const ctx = (d: TestDevice): ApiContext => ({ ...d.context(), now: () => NOW });
  const refused = (d: TestDevice) => (d.store.raw.prepare('SELECT (SELECT count(*) FROM sync_conflicts) + (SELECT count(*) FROM sync_rejections) AS n').get() as { n: number }).n;
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '省管理员', role: 'hq_admin', scope: '/' });
    b = await enrolledDevice(hq, { user: '王组织员', role: 'county_organiser', scope: '/' });
    w = await buildWorld(ctx(a));
    await a.sync();
    await b.sync();
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await hq?.close();
  });

  it('carries business values and HQ weights to another device, which scores the same', async () => {
    await call(ctx(a), 'assessment.business.save', { outletId: w.outlet.id, period: '2026-Q4', values: { revenue_growth: 4, satisfaction: 90 }, note: '10月报表' });
    const own = { org_coverage: 25, org_life: 5, vanguard: 5, instructor_duty: 5, revenue_growth: 15, core_penetration: 15, satisfaction: 15, complaint_rate: 15 };
    await call(ctx(a), 'settings.set', { key: 'assessment.dual_track', value: { weights: { own_store: own } } });
    const atA = await call(ctx(a), 'assessment.outletCard', { outletId: w.outlet.id, period: '2026-Q4' });
    await a.sync();
    await b.sync();
    expect(snapshot(b.store.raw, ['business_indicators'])).toEqual(snapshot(a.store.raw, ['business_indicators']));
    const atB = await call(ctx(b), 'assessment.outletCard', { outletId: w.outlet.id, period: '2026-Q4' });
    expect(atB.indicators.find((i) => i.key === 'org_coverage')!.weight).toBe(25);
    expect(atB.composite).toBe(atA.composite);
    expect(atB.indicators.find((i) => i.key === 'satisfaction')).toMatchObject({ raw: 90, score: 80 });
    // a correction at B comes back to A as the same row, not a second one
    await call(ctx(b), 'assessment.business.save', { outletId: w.outlet.id, period: '2026-Q4', values: { satisfaction: 95 } });
    await b.sync();
    await a.sync();
    const rows = a.store.raw.prepare(`SELECT indicator, value FROM business_indicators WHERE deleted = 0 ORDER BY indicator`).all();
    expect(rows).toEqual([{ indicator: 'revenue_growth', value: 4 }, { indicator: 'satisfaction', value: 95 }]);
    expect([refused(a), refused(b)]).toEqual([0, 0]);
  });
});
