// The warning board's history and the three lists across devices through a real HQ: lights kept
// and items opened at an organiser's device reach an instructor's; the owner completes an item on
// their device, the organiser verifies it on theirs, and both end with the same rows and no conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { buildWorld, type World } from '../orglife/world.js';
import { enrolledDevice, snapshot, startTestHq, type TestDevice, type TestHq } from './support.js';

const NOW = new Date('2026-11-20T04:00:00Z');
const TABLES = ['rectification_items', 'light_history'];

describe('assessment over sync', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  let w: World;
  const ctx = (d: TestDevice): ApiContext => ({ ...d.context(), now: () => NOW });
  const refused = (d: TestDevice) => (d.store.raw.prepare('SELECT (SELECT count(*) FROM sync_conflicts) + (SELECT count(*) FROM sync_rejections) AS n').get() as { n: number }).n;
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
    b = await enrolledDevice(hq, { user: '王建国', role: 'instructor', scope: '/' });
    w = await buildWorld(ctx(a));
    await a.sync();
    await b.sync();
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await hq?.close();
  });

  it('carries kept lights, escalations and an item through its whole life between two devices', async () => {
    const kept = await call(ctx(a), 'assessment.record', { period: '2026-10' });
    expect(kept.escalated).toBeGreaterThan(0);
    const item = await call(ctx(a), 'rectification.save', {
      kind: 'problem', title: '三会一课记录不全', subjectKind: 'org', subjectId: w.branch.id, ownerPersonId: w.full[0]!.id, dueOn: '2026-12-15',
    });
    await a.sync();
    await b.sync();
    expect(snapshot(b.store.raw, TABLES)).toEqual(snapshot(a.store.raw, TABLES));
    // The instructor's board shows the trend kept at the organiser's device.
    expect((await call(ctx(b), 'assessment.board', { period: '2026-10' })).trend.map((t) => t.period)).toEqual(['2026-09', '2026-10']);

    const mine = (await call(ctx(b), 'rectification.list', { mine: true })).rows.map((r) => r.id);
    expect(mine).toContain(item.id);
    await call(ctx(b), 'rectification.move', { id: item.id, to: 'in_progress' });
    await call(ctx(b), 'rectification.move', { id: item.id, to: 'done', evidence: '已补齐10月记录' });
    await b.sync();
    await a.sync();
    expect(await call(ctx(a), 'rectification.move', { id: item.id, to: 'verified' })).toMatchObject({ status: 'verified', doneBy: '王建国', verifiedBy: '刘组织员' });
    await a.sync();
    await b.sync();
    expect((await call(ctx(b), 'rectification.list', { status: 'verified' })).rows.map((r) => r.id)).toEqual([item.id]);
    expect(snapshot(b.store.raw, TABLES)).toEqual(snapshot(a.store.raw, TABLES));
    expect([refused(a), refused(b)]).toEqual([0, 0]);
  });
});
