// Record history across a real HQ over HTTP: two devices edit the same person; HQ's chained
// history and both devices' history show both changes with their writers, and the conflict the
// two edits made names its writer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindWriter } from '../../db/history/writer.js';
import { listConflicts } from '../../db/sync/records.js';
import { historyDb } from '../../hq/history/table.js';
import { verifyChain } from '../../hq/history/verify.js';
import { decodeWriter } from '../../shared/history/writer.js';
import type { HistoryEntry } from '../../shared/history/types.js';
import { buildBranch, buildOutlet, buildTree, call, validId } from '../support/builders.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

const postOf = (h: HistoryEntry[]) => h.filter((e) => e.col === 'post' && e.op === 'update').map((e) => ({ old: e.oldValue, new: e.newValue, who: e.writer?.name, source: e.source }));

describe('record history across a sync', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '张组织员', role: 'county_organiser', scope: '/' });
    b = await enrolledDevice(hq, { user: '李组织员', role: 'county_organiser', scope: '/' });
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await hq?.close();
  });

  it('keeps who changed what on HQ (chained) and on both devices, and names the writer of a conflict', async () => {
    const tree = await buildTree(a.context());
    const outlet = await buildOutlet(a.context(), tree.county.id);
    const branch = await buildBranch(a.context(), tree.county.id);
    const base = { name: '王五', citizenId: validId(), politicalStatus: 'full_member' as const, outletId: outlet.id, member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } };
    const m = await call(a.context(), 'people.save', { ...base, post: 'clerk' });
    await a.sync();
    await b.sync();
    // A edits, syncs; B (not yet knowing) edits the same field; both sync.
    await call(a.context(), 'people.save', { ...base, id: m.id, post: 'store_manager' });
    await a.sync();
    // On B a colleague signed in (per-user sign-in binds the writer the same way): the change is theirs, not the enrolled user's.
    bindWriter(b.store.raw, () => ({ name: '王值班员', role: 'county_organiser' }));
    await call(b.context(), 'people.save', { ...base, id: m.id, post: 'grid_leader' });
    await b.sync();
    await a.sync();

    // HQ: both changes, each with its writer and device, chained.
    const rows = await historyDb(hq.store.db).selectFrom('hq_history').selectAll().where('tbl', '=', 'people').where('row_id', '=', m.id).where('col', '=', 'post').orderBy('seq').execute();
    expect(rows.map((r) => [JSON.parse(r.old_value!), JSON.parse(r.new_value!), decodeWriter(r.writer)?.name, r.device_id])).toEqual([
      ['clerk', 'store_manager', '张组织员', a.session.deviceId],
      ['store_manager', 'grid_leader', '王值班员', b.session.deviceId],
    ]);
    expect((await verifyChain(hq.store)).broken).toBeNull();

    // Both devices: the two edits, newest first, with writers; each device's own is 'app', the other's 'sync'.
    const ha = postOf(await call(a.context(), 'history.forRecord', { tbl: 'people', rowId: m.id }));
    const hb = postOf(await call(b.context(), 'history.forRecord', { tbl: 'people', rowId: m.id }));
    expect(ha).toEqual([
      { old: 'store_manager', new: 'grid_leader', who: '王值班员', source: 'sync' },
      { old: 'clerk', new: 'store_manager', who: '张组织员', source: 'app' },
    ]);
    expect(hb.map((e) => [e.who, e.new, e.source])).toEqual([
      ['王值班员', 'grid_leader', 'app'],
      ['张组织员', 'store_manager', 'sync'],
    ]);
    // B's own edit is recorded as made from what B had (店员); HQ's entry says what it replaced there (店长).
    expect(hb[0]!.old).toBe('clerk');
    // The creation is in the history too: A created the person with the first post.
    const created = (await call(b.context(), 'history.forRecord', { tbl: 'people', rowId: m.id })).find((e) => e.op === 'insert' && e.col === 'post');
    expect(created).toMatchObject({ newValue: 'clerk', writer: { name: '张组织员' }, source: 'sync' });

    // The conflict on the 同步 screen names who wrote the losing and the winning value.
    const conflicts = await listConflicts(a.store.db, a.store.raw, a.session, { include: 'all', limit: 50, offset: 0 });
    const c = conflicts.rows.find((x) => x.column === 'post');
    expect(c).toBeDefined();
    expect([c!.loser.user, c!.winner.user].sort()).toEqual(['张组织员', '王值班员'].sort());
  });

  it('keeps a change from a device that names no writer (an older app) as by an unknown writer', async () => {
    const tree = await buildTree(a.context());
    await call(a.context(), 'orgUnits.save', { id: tree.grid.id, code: tree.grid.code, name: '旧版改名', level: 'grid', parentId: tree.county.id });
    // What an app from before writers were recorded leaves in its outbox.
    a.store.raw.prepare(`UPDATE sync_outbox SET writer = NULL`).run();
    await a.sync();
    await b.sync();
    const row = await historyDb(hq.store.db).selectFrom('hq_history').selectAll().where('row_id', '=', tree.grid.id).where('col', '=', 'name').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ writer: null, device_id: a.session.deviceId, new_value: JSON.stringify('旧版改名') });
    const seen = (await call(b.context(), 'history.forRecord', { tbl: 'org_units', rowId: tree.grid.id })).find((e) => e.col === 'name' && e.op === 'update');
    expect(seen).toMatchObject({ writer: null, deviceId: a.session.deviceId, newValue: '旧版改名', source: 'sync' });
    expect((await verifyChain(hq.store)).broken).toBeNull();
  });
});
