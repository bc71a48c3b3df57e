// The same quarter published on two offline devices opens the three-list items once: both devices
// derive the same item ids from the publication and the member, so after sync each flagged member
// has exactly one rectification item, on both devices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, recordQ3, at, type World } from '../points/world.js';
import { call } from '../support/builders.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from './support.js';

describe('three-list items from points over sync', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  let w: World;
  const ids = (d: TestDevice) => (d.store.raw.prepare(`SELECT id, subject_id FROM rectification_items WHERE deleted = 0 AND source = 'points' ORDER BY id`).all() as { id: string; subject_id: string }[]);
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
    b = await enrolledDevice(hq, { user: '周组织员', role: 'county_organiser', scope: '/' });
    w = await buildWorld(a.context());
    await recordQ3(a.context(), w);
    await a.sync();
    await b.sync();
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await hq?.close();
  });

  it('opens one item per flagged member when both devices publish the quarter offline', async () => {
    await call(at(a.context(), '2026-10-05'), 'points.publish', { orgId: w.branch.id, quarter: '2026-Q3' });
    await call(at(b.context(), '2026-10-05'), 'points.publish', { orgId: w.branch.id, quarter: '2026-Q3' });
    expect(ids(a)).toHaveLength(2);
    expect(ids(b)).toEqual(ids(a));
    await a.sync();
    await b.sync();
    await a.sync();
    expect(ids(a)).toHaveLength(2);
    expect(ids(b)).toEqual(ids(a));
    expect(ids(a).map((i) => i.subject_id).sort()).toEqual([w.full[3]!.id, w.probationary.id].sort());
  });
});
