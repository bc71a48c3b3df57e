// Points across devices through a real HQ: entries from two offline devices add up without a
// conflict (automatic ones derived on both meet as one row), and a quarter approved and locked at
// one device is respected by the other after sync — even for an entry written there before it knew.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { buildWorld, recordQ3, at, totals, type World } from '../points/world.js';
import { call } from '../support/builders.js';
import { enrolledDevice, snapshot, startTestHq, type TestDevice, type TestHq } from './support.js';

describe('points over sync', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  let w: World;
  const Q3 = () => ({ orgId: w.branch.id, quarter: '2026-Q3' });
  /** Conflicts recorded plus writes HQ refused: both must stay at zero. */
  const conflicts = (d: TestDevice) => (d.store.raw.prepare('SELECT (SELECT count(*) FROM sync_conflicts) + (SELECT count(*) FROM sync_rejections) AS n').get() as { n: number }).n;
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
    b = await enrolledDevice(hq, { user: '孙指导', role: 'instructor', scope: '/' });
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

  it('adds up entries written on two offline devices, without conflicts or doubled automatic entries', async () => {
    // Apart: both derive the quarter's automatic entries and each adds a manual one for 张伟.
    expect((await call(at(a.context(), '2026-10-02'), 'points.derive', Q3())).added).toBe(7);
    expect((await call(at(b.context(), '2026-10-02'), 'points.derive', Q3())).added).toBe(7);
    await call(at(a.context(), '2026-10-02'), 'points.addEntry', { personId: w.full[2]!.id, itemKey: 'honour', occurredOn: '2026-09-10', reason: '获评服务之星' });
    await call(at(b.context(), '2026-10-02'), 'points.addEntry', { personId: w.full[2]!.id, itemKey: 'volunteer', occurredOn: '2026-09-12', reason: '反诈进社区' });
    await a.sync();
    await b.sync();
    await a.sync();
    expect(snapshot(b.store.raw, ['points_entries'])).toEqual(snapshot(a.store.raw, ['points_entries']));
    expect(snapshot(a.store.raw, ['points_entries']).points_entries).toHaveLength(9);
    expect([conflicts(a), conflicts(b)]).toEqual([0, 0]);
    const ta = await call(at(a.context(), '2026-10-03'), 'points.table', Q3());
    const tb = await call(at(b.context(), '2026-10-03'), 'points.table', Q3());
    expect(totals(ta.rows)).toEqual({ 王建国: 77, 李秀英: 74, 张伟: 81, 刘洋: 70, 陈预备: 70 });
    expect(totals(tb.rows)).toEqual(totals(ta.rows));
  });

  it('keeps a lock made at one device on the other after sync', async () => {
    const pub = await call(at(a.context(), '2026-10-05'), 'points.publish', Q3());
    const approved = await call(at(a.context(), '2026-10-13'), 'points.approve', { publicationId: pub.publication!.id });
    // B has not heard of the lock yet: its entry goes into Q3 on B.
    const offline = await call(at(b.context(), '2026-10-14'), 'points.addEntry', { personId: w.full[3]!.id, itemKey: 'volunteer', occurredOn: '2026-09-15', reason: '志愿服务补录' });
    expect(offline.quarter).toBe('2026-Q3');
    await b.sync();
    await a.sync();
    await b.sync();
    // Both now show the approved Q3 exactly, and count B's late entry in Q4.
    for (const d of [a, b]) {
      const q3 = await call(at(d.context(), '2026-10-15'), 'points.table', Q3());
      expect(q3.status).toBe('approved');
      expect(totals(q3.rows)).toEqual(totals(approved.rows));
      const q4 = await call(at(d.context(), '2026-10-15'), 'points.table', { orgId: w.branch.id, quarter: '2026-Q4' });
      expect(totals(q4.rows).刘洋).toBe(72);
    }
    // A new entry for Q3 on B now goes to Q4 and says why; B cannot reopen (not its role).
    const after = await call(at(b.context(), '2026-10-15'), 'points.addEntry', { personId: w.full[1]!.id, itemKey: 'honour', occurredOn: '2026-09-30', reason: '季度表彰' });
    expect(after).toMatchObject({ quarter: '2026-Q4', movedFrom: '2026-Q3' });
    const reopen = await dispatch(at(b.context(), '2026-10-15'), 'points.reopen', { publicationId: pub.publication!.id, reason: '想补录' });
    expect(reopen.ok).toBe(false);
    expect([conflicts(a), conflicts(b)]).toEqual([0, 0]);
  });
});
