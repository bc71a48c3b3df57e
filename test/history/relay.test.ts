// Relay by USB file carries HQ's record history back to the offline device: the answer brings the
// entries its next online sync's history fetch would bring (its scope only, masked for its role),
// so who changed what on a record shows there before the device ever reaches HQ again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../db/sync/relay/export.js';
import { importAnswer } from '../../db/sync/relay/import.js';
import { relayFile } from '../../hq/relay/file.js';
import { buildBranch, buildOutlet, buildTree, call, validId } from '../support/builders.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

/** What a device keeps of HQ's history (entries other devices made), comparable between devices. */
const pulled = (d: TestDevice) =>
  d.store.raw.prepare(`SELECT hq_seq, tbl, row_id, op, col, old_value, new_value, writer, device_id FROM record_history WHERE source = 'sync' ORDER BY hq_seq`).all();

describe('relay by file carries record history', () => {
  let hq: TestHq;
  let org: TestDevice;
  let offline: TestDevice;
  let online: TestDevice;
  let dir = '';
  const id = validId('1979-11-02');
  const phone = '13712345678';
  const phone2 = '13600002222';
  beforeAll(async () => {
    hq = await startTestHq();
    org = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
    dir = mkdtempSync(join(tmpdir(), 'rc-hrelay-'));
  });
  afterAll(async () => {
    for (const d of [org, offline, online]) await d?.cleanup();
    await hq?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('brings the changes of its scope, masked for its role, as an online sync would, and only once', async () => {
    const t = await buildTree(org.context());
    const other = await buildTree(org.context());
    const countyPath = (org.store.raw.prepare('SELECT path FROM org_units WHERE id = ?').get(t.county.id) as { path: string }).path;
    const outlet = await buildOutlet(org.context(), t.county.id);
    const elsewhere = await buildOutlet(org.context(), other.county.id);
    const branch = await buildBranch(org.context(), t.county.id);
    await org.sync();
    // Two instructors of the county: one works offline (relay only after its first sync), one online.
    offline = await enrolledDevice(hq, { user: '赵指导员', role: 'instructor', scope: countyPath });
    online = await enrolledDevice(hq, { user: '孙指导员', role: 'instructor', scope: countyPath });
    await offline.sync();
    await online.sync();

    const base = { name: '周敏', citizenId: id, phone, politicalStatus: 'full_member' as const, outletId: outlet.id, member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } };
    const person = await call(org.context(), 'people.save', base);
    await call(org.context(), 'people.save', { ...base, id: person.id, phone: phone2 });
    await call(org.context(), 'outlets.save', { id: elsewhere.id, code: elsewhere.code, name: '别县改名', channelType: 'own_store', countyId: other.county.id });
    await org.sync();

    // The offline device: its history has none of it yet.
    expect((await call(offline.context(), 'history.forRecord', { tbl: 'people', rowId: person.id })).length).toBe(0);
    const b = await exportBundle(offline.dev);
    const bundlePath = join(dir, b.fileName);
    writeFileSync(bundlePath, b.bytes);
    const { out } = await relayFile(hq.store, bundlePath);
    const r = await importAnswer(offline.dev, new Uint8Array(readFileSync(out)));
    expect(r.outcome).toBe('imported');

    const h = await call(offline.context(), 'history.forRecord', { tbl: 'people', rowId: person.id });
    expect(h.find((e) => e.col === 'phone' && e.op === 'update')).toMatchObject({ oldValue: '137****5678', newValue: '136****2222', masked: true, writer: { name: '刘组织员' }, source: 'sync' });
    expect(h.find((e) => e.col === 'citizen_id')!.newValue).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    // The store never holds a full id or phone from history, and nothing of another county.
    const all = JSON.stringify(offline.store.raw.prepare(`SELECT * FROM record_history`).all());
    for (const secret of [id, phone, phone2, '别县改名']) expect(all).not.toContain(secret);

    // The same entries as the online instructor's history fetch brought.
    await online.sync();
    expect(pulled(offline)).toEqual(pulled(online));
    expect(pulled(offline).length).toBeGreaterThan(3);

    // Importing the answer again changes nothing; a next bundle carries no entry twice.
    const n = pulled(offline).length;
    expect((await importAnswer(offline.dev, new Uint8Array(readFileSync(out)))).outcome).toBe('already');
    const b2 = await exportBundle(offline.dev);
    const path2 = join(dir, `2-${b2.fileName}`);
    writeFileSync(path2, b2.bytes);
    await importAnswer(offline.dev, new Uint8Array(readFileSync((await relayFile(hq.store, path2)).out)));
    expect(pulled(offline).length).toBe(n);
  });
});
