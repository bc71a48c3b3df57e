// Work typed before enrolment never vanishes (issue 15: after enrolling as an instructor, 15 records
// were refused, marked gone and deleted). With a review, HQ's answer is held and the device shows
// what the new role and scope would refuse; finishing keeps those records on the device, out of the
// push, exportable to Excel, until the user lets them go. Real HQ over HTTP, real stores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../db/backend.js';
import type { FilePayload } from '../../shared/contract/define.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import type { SyncStatus } from '../../shared/sync/contract.js';
import type { EnrolReview, KeptRecord } from '../../shared/sync/enrolKeep.js';
import { startTestHq, type TestHq } from '../sync/support.js';

let hq: TestHq;
let dir: string;
let b: Backend;
beforeAll(async () => {
  hq = await startTestHq();
  dir = mkdtempSync(join(tmpdir(), 'rc-enrol-keep-'));
  b = await startBackend(dir, { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
});
afterAll(async () => {
  await b?.close();
  await hq?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(name: string, input: unknown): Promise<T> {
  const r = await b.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

/** The text of an .xlsx written by db/people/xlsx/write.ts (stored entries, deflated). */
function sheetText(base64: string): string {
  const zip = Buffer.from(base64, 'base64');
  let out = '';
  for (let at = 0; at < zip.length - 30; ) {
    if (zip.readUInt32LE(at) !== 0x04034b50) break;
    const size = zip.readUInt32LE(at + 18);
    const nameLen = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLen).toString();
    const body = zip.subarray(at + 30 + nameLen + extra, at + 30 + nameLen + extra + size);
    if (name === 'xl/worksheets/sheet1.xml') out = inflateRawSync(body).toString();
    at += 30 + nameLen + extra + size;
  }
  return out;
}

let units: { top: string; city: string; lintong: string };
const unitIds = () => (b.profile.store.raw.prepare('SELECT id FROM org_units').all() as { id: string }[]).map((u) => u.id);
let personId: string;
const cid = makeCitizenId('610115', '1985-03-02', 321, false);

it('before enrolment completes, shows what an instructor of Lintong would be refused, and nothing is sent', async () => {
  const top = await ok<{ id: string }>('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await ok<{ id: string }>('orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: top.id });
  const lintong = await ok<{ id: string }>('orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
  units = { top: top.id, city: city.id, lintong: lintong.id };
  const outlet = await ok<{ id: string }>('outlets.save', { code: 'LT01', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: lintong.id });
  personId = (await ok<{ id: string }>('people.save', { name: '骊山测试员', citizenId: cid, politicalStatus: 'masses', outletId: outlet.id, phone: '13912340000' })).id;

  const code = await hq.code('临潼指导员', 'instructor', '/hq/xa/xa-lintong/');
  const after = await ok<SyncStatus>('sync.enrol', { hqUrl: hq.url, code, review: true });
  expect(after).toMatchObject({ enrolled: false });
  const r = await ok<EnrolReview>('sync.enrolReview', {});
  expect(r).toMatchObject({ pending: true, role: 'instructor', userName: '临潼指导员', scopePath: '/hq/xa/xa-lintong/' });
  const labels = r.refused.map((k) => k.label);
  // Instructors do not change org units or outlets; the person they may keep and send.
  expect(labels).toEqual(expect.arrayContaining(['陕西省公司 · hq', '西安分公司 · xa', '临潼区分公司 · xa-lintong', '临潼骊山路营业厅 · LT01']));
  expect(r.refused.some((k) => k.rowId === personId)).toBe(false);
  expect(r.refused.find((k) => k.label.startsWith('临潼骊山路营业厅'))).toMatchObject({ code: 'role', reasonEn: 'Instructors cannot change this kind of record' });
  // The top units lie outside Lintong too; the reason named is the first rule broken (scope).
  expect(r.refused.find((k) => k.label.startsWith('陕西省公司'))).toMatchObject({ code: 'scope', reason: '超出本设备的管理范围' });
  expect(await hq.store.db.selectFrom('hq_rows').select('row_id').where('row_id', 'in', [personId, outlet.id]).execute()).toHaveLength(0);
  // A second enrolment while one waits is refused with the reason.
  const again = await b.call('sync.enrol', { hqUrl: hq.url, code: 'ABCD-EFGH-JKLM', review: true });
  expect(again).toMatchObject({ ok: false, error: { messageEn: expect.stringContaining('review it and finish it first') } });

  const xlsx = await ok<FilePayload>('sync.keptExport', {});
  expect(xlsx).toMatchObject({ rows: r.refused.length, mime: expect.stringContaining('spreadsheetml') });
  expect(xlsx.fileName).toMatch(/^注册时保留的记录_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const text = sheetText(xlsx.base64);
  expect(text).toContain('临潼骊山路营业厅');
  expect(text).toContain('Instructors cannot change this kind of record');
});

it('finishing keeps the refused records on the device, out of the push: nothing is refused, marked gone or deleted', async () => {
  const before = await ok<EnrolReview>('sync.enrolReview', {});
  const done = await ok<EnrolReview>('sync.enrolFinish', {});
  expect(done).toMatchObject({ pending: false, role: 'instructor' });
  expect(done.refused.map((k) => k.rowId).sort()).toEqual(before.refused.map((k) => k.rowId).sort());
  const status = await ok<SyncStatus>('sync.status', {});
  expect(status).toMatchObject({ enrolled: true, pending: 0, openRejections: 0 });
  // The person reached HQ; the refused records did not, and are still here.
  expect(await hq.store.db.selectFrom('hq_rows').select('row_id').where('row_id', '=', personId).execute()).toHaveLength(1);
  await ok('sync.now', {});
  // Still in the store (outside an instructor's lists, which show Lintong only: read the table itself).
  expect(unitIds()).toEqual(expect.arrayContaining([units.top, units.city, units.lintong]));
  const kept = await ok<KeptRecord[]>('sync.kept', {});
  expect(kept.length).toBe(before.refused.length);
  expect(kept.every((k) => k.keptAt)).toBe(true);
  expect((await ok<{ rows: unknown[] }>('sync.rejections', {})).rows).toHaveLength(0);
  expect(await ok<FilePayload>('sync.keptExport', {})).toMatchObject({ rows: kept.length });
});

it('lets the kept records go only on an explicit decision, and then they leave this device only', async () => {
  expect(await b.call('sync.keptDiscard', {})).toMatchObject({ ok: false, error: { code: 'validation' } });
  const { removed } = await ok<{ removed: number }>('sync.keptDiscard', { confirm: true });
  expect(removed).toBeGreaterThan(0);
  expect(await ok<KeptRecord[]>('sync.kept', {})).toEqual([]);
  expect(unitIds()).not.toContain(units.top);
  expect(unitIds()).not.toContain(units.lintong);
  expect((await ok<SyncStatus>('sync.status', {})).pending).toBe(0); // letting go sends nothing to HQ
});
