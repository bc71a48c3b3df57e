// HQ's conflict records name the person who wrote each side (the writer that travels with the
// push), not the enrolled user of the device it came from: two colleagues signed in on two shared
// PCs edit the same field; HQ's record and the copy every device pulls name those two colleagues.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindWriter } from '../../db/history/writer.js';
import { buildBranch, buildOutlet, buildTree, call, validId } from '../support/builders.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

describe('conflict records at HQ name the writers', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  let c: TestDevice;
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '张组织员', role: 'county_organiser', scope: '/' });
    b = await enrolledDevice(hq, { user: '李组织员', role: 'county_organiser', scope: '/' });
    c = await enrolledDevice(hq, { user: '周审计', role: 'county_organiser', scope: '/' });
  });
  afterAll(async () => {
    for (const d of [a, b, c]) await d?.cleanup();
    await hq?.close();
  });

  it('names the signed-in writers on both sides, over HTTP, at HQ and on a device that pulls the record', async () => {
    const tree = await buildTree(a.context());
    const outlet = await buildOutlet(a.context(), tree.county.id);
    const branch = await buildBranch(a.context(), tree.county.id);
    const base = { name: '冲突人', citizenId: validId(), politicalStatus: 'full_member' as const, outletId: outlet.id, member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } };
    const m = await call(a.context(), 'people.save', { ...base, post: 'clerk' });
    await a.sync();
    await b.sync();
    // Neither saw the other's edit: a concurrent loss, recorded at HQ when the second push lands.
    bindWriter(a.store.raw, () => ({ name: '钱值班员', role: 'county_organiser' }));
    bindWriter(b.store.raw, () => ({ name: '孙值班员', role: 'county_organiser' }));
    await call(a.context(), 'people.save', { ...base, id: m.id, post: 'store_manager' });
    await call(b.context(), 'people.save', { ...base, id: m.id, post: 'grid_leader' });
    await a.sync();
    await b.sync();

    const rec = await hq.store.db.selectFrom('hq_conflicts').selectAll().where('row_id', '=', m.id).where('col', '=', 'post').executeTakeFirstOrThrow();
    const users = { [JSON.parse(rec.loser_value!) as string]: rec.loser_user, [JSON.parse(rec.winner_value!) as string]: rec.winner_user };
    // The device's enrolled users (张组织员, 李组织员) made neither change.
    expect(users).toEqual({ store_manager: '钱值班员', grid_leader: '孙值班员' });

    // A third device pulls the record as HQ holds it.
    await c.sync();
    const pulled = c.store.raw.prepare(`SELECT loser_user, winner_user FROM sync_conflicts WHERE row_id = ? AND col = 'post'`).get(m.id) as { loser_user: string; winner_user: string };
    expect([pulled.loser_user, pulled.winner_user].sort()).toEqual(['孙值班员', '钱值班员'].sort());
  });
});
