// The 同步 screen's operations through the real backend (the dispatch both shells use).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../db/backend.js';
import type { Input, OpName, Result } from '../../shared/contract/index.js';
import { putSetting } from '../../hq/admin.js';
import { revokeDevice } from '../../hq/auth.js';
import { startTestHq, type TestHq } from './support.js';

async function call<K extends OpName>(b: Backend, name: K, input: Input<K>): Promise<Result<K>> {
  const r = await b.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as Result<K>;
}

describe('sync operations', () => {
  let hq: TestHq;
  const dirs: string[] = [];
  const backends: Backend[] = [];
  const open = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-api-'));
    dirs.push(dir);
    const b = await startBackend(dir, { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
    backends.push(b);
    return b;
  };
  beforeAll(async () => {
    hq = await startTestHq();
  });
  afterAll(async () => {
    for (const b of backends) await b.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await hq?.close();
  });

  it('enrols, syncs, lists and re-applies conflicts, and keeps rejected changes with the reason', async () => {
    const admin = await open();
    const organiser = await open();
    const instructor = await open();
    expect((await call(admin, 'sync.status', {})).connection).toBe('not_enrolled');
    const bad = await admin.call('sync.enrol', { hqUrl: hq.url, code: 'WRONG-CODE-0000' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('注册码无效');

    let s = await call(admin, 'sync.enrol', { hqUrl: hq.url, code: await hq.code('省管理员', 'hq_admin', '/') });
    expect(s).toMatchObject({ enrolled: true, connection: 'online', role: 'hq_admin', userName: '省管理员' });
    const hqUnit = await call(admin, 'orgUnits.save', { code: 'hq', name: '省公司', level: 'hq' });
    const city = await call(admin, 'orgUnits.save', { code: 'xa', name: '西安', level: 'city', parentId: hqUnit.id });
    const county = await call(admin, 'orgUnits.save', { code: 'xa-lintong', name: '临潼', level: 'county', parentId: city.id });
    const outlet = await call(admin, 'outlets.save', { code: 'LT001', name: '临潼营业厅', channelType: 'own_store', countyId: county.id });
    expect((await call(admin, 'sync.status', {})).pending).toBeGreaterThan(0);
    s = await call(admin, 'sync.now', {});
    expect(s.pending).toBe(0);
    expect(s.lastSuccessAt).not.toBeNull();

    await call(organiser, 'sync.enrol', { hqUrl: hq.url, code: await hq.code('县组织员', 'county_organiser', '/hq/xa/xa-lintong/') });
    await call(instructor, 'sync.enrol', { hqUrl: hq.url, code: await hq.code('王五', 'instructor', '/hq/xa/xa-lintong/') });
    const units = await call(organiser, 'orgUnits.list', {});
    expect(units.map((u) => u.name)).toEqual(['临潼']); // only its scope came down

    // Both rename the outlet while apart: one wins everywhere, the other is kept as a record.
    const rename = (b: Backend, name: string) => call(b, 'outlets.save', { id: outlet.id, code: 'LT001', name, channelType: 'own_store', countyId: county.id });
    await rename(admin, '临潼营业厅省改');
    // Later by the clock: in the same millisecond two devices' stamps tie, and the tie goes by device id.
    await new Promise((r) => setTimeout(r, 5));
    await rename(organiser, '临潼营业厅县改');
    await call(admin, 'sync.now', {});
    await call(organiser, 'sync.now', {});
    await call(admin, 'sync.now', {});
    const ca = await call(admin, 'sync.conflicts', {});
    const co = await call(organiser, 'sync.conflicts', {});
    expect(ca.total).toBe(1);
    expect(co.rows[0]).toMatchObject({ column: 'name', loser: { value: '临潼营业厅省改', user: '省管理员' }, winner: { value: '临潼营业厅县改', user: '县组织员' } });
    expect(co.rows[0]!.winner.mine).toBe(true);
    expect(ca.rows[0]!.loser.mine).toBe(true);

    // The loser re-applies its value: a new write that now wins everywhere.
    await call(admin, 'sync.reapply', { kind: 'conflict', id: ca.rows[0]!.id });
    expect((await call(admin, 'sync.conflicts', {})).total).toBe(0);
    expect((await call(admin, 'sync.conflicts', { include: 'all' })).rows[0]!.reappliedAt).not.toBeNull();
    await call(admin, 'sync.now', {});
    await call(organiser, 'sync.now', {});
    expect((await call(organiser, 'outlets.get', { id: outlet.id })).name).toBe('临潼营业厅省改');

    // An instructor may not change the org tree: HQ refuses, the record says why, the queue moves on.
    await call(instructor, 'sync.now', {});
    await call(instructor, 'outlets.save', { id: outlet.id, code: 'LT001', name: '指导员改的名', channelType: 'own_store', countyId: county.id });
    await call(instructor, 'outlets.save', { code: 'O1', name: '指导员的网点', channelType: 'rural', countyId: county.id });
    s = await call(instructor, 'sync.now', {});
    expect(s.pending).toBe(0);
    expect(s.openRejections).toBe(2);
    const rej = await call(instructor, 'sync.rejections', {});
    expect(rej.rows.map((r) => r.reason)).toEqual(['党建指导员无权修改此类数据（组织架构、党组织、网点等）', '党建指导员无权修改此类数据（组织架构、党组织、网点等）']);
    expect((await call(instructor, 'outlets.get', { id: outlet.id })).name).toBe('临潼营业厅省改'); // fell back to HQ's value
    expect((await call(instructor, 'outlets.list', { limit: 10, offset: 0 })).total).toBe(1); // the new outlet HQ will not hold is dropped
    await call(instructor, 'sync.dismiss', { kind: 'rejection', id: rej.rows[0]!.id });
    expect((await call(instructor, 'sync.status', {})).openRejections).toBe(1);

    // Reference data set at HQ flows down to every device.
    await putSetting(hq.store, 'quorum.general', 0.6);
    await call(organiser, 'sync.now', {});
    expect((await call(organiser, 'settings.get', {}))['quorum.general']).toBe(0.6);

    // A revoked device is refused, told to wipe, and does.
    await revokeDevice(hq.store, (await call(instructor, 'sync.status', {})).deviceId);
    s = await call(instructor, 'sync.now', {});
    expect(s).toMatchObject({ enrolled: false, pending: 0, openRejections: 0 });
    expect(s.wipedAt).not.toBeNull();
    expect((await call(instructor, 'outlets.list', { limit: 10, offset: 0 })).total).toBe(0);
  }, 60_000);
});
