// Sensitive values stay masked in history for roles that may not see them — on the wire (the
// instructor's and auditor's stores never hold them), on screen and in exports — and the exports
// open in Excel (read back with exceljs) with each change, its writer and its device.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { exportHistory } from '../../hq/history/export.js';
import { buildBranch, buildOutlet, buildTree, call, validId } from '../support/builders.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

async function sheetRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

describe('history privacy and exports', () => {
  let hq: TestHq;
  let org: TestDevice;
  let instr: TestDevice;
  let audit: TestDevice;
  const id = validId('1980-03-04');
  const phone = '13912345678';
  const phone2 = '13800001111';
  let personId = '';
  let outletId = '';
  let countyPath = '';
  beforeAll(async () => {
    hq = await startTestHq();
    org = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
    const t = await buildTree(org.context());
    countyPath = (org.store.raw.prepare('SELECT path FROM org_units WHERE id = ?').get(t.county.id) as { path: string }).path;
    const outlet = await buildOutlet(org.context(), t.county.id);
    const branch = await buildBranch(org.context(), t.county.id);
    const base = { name: '周敏', citizenId: id, phone, politicalStatus: 'full_member' as const, outletId: outlet.id, member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } };
    personId = (await call(org.context(), 'people.save', base)).id;
    await call(org.context(), 'people.save', { ...base, id: personId, phone: phone2 });
    outletId = outlet.id;
    await call(org.context(), 'outlets.save', { id: outlet.id, code: outlet.code, name: outlet.name, channelType: 'own_store', countyId: t.county.id, lat: 34.3712, lng: 109.2141 });
    await org.sync();
    instr = await enrolledDevice(hq, { user: '赵指导员', role: 'instructor', scope: countyPath });
    audit = await enrolledDevice(hq, { user: '钱审计', role: 'auditor', scope: '/' });
    await instr.sync();
    await audit.sync();
  }, 60_000);
  afterAll(async () => {
    for (const d of [org, instr, audit]) await d?.cleanup();
    await hq?.close();
  });

  it('an instructor\'s and an auditor\'s stores and screens never hold a full id or phone from history; positions hidden', async () => {
    for (const d of [instr, audit]) {
      const stored = d.store.raw.prepare(`SELECT group_concat(coalesce(old_value, '') || '|' || coalesce(new_value, ''), ';') AS s FROM record_history WHERE row_id = ?`).get(personId) as { s: string };
      expect(stored.s).toContain('13800001111'.slice(-4)); // the masked phone is there …
      for (const secret of [id, phone, phone2]) expect(stored.s).not.toContain(secret); // … the full values are not
      const h = await call(d.context(), 'history.forRecord', { tbl: 'people', rowId: personId });
      const phoneChange = h.find((e) => e.col === 'phone' && e.op === 'update')!;
      expect(phoneChange).toMatchObject({ oldValue: '139****5678', newValue: '138****1111', masked: true, writer: { name: '刘组织员' }, source: 'sync' });
      const pos = await call(d.context(), 'history.forRecord', { tbl: 'outlets', rowId: outletId });
      expect(pos.find((e) => e.col === 'lat')).toMatchObject({ newValue: '＊＊＊', masked: true });
      expect(h.find((e) => e.col === 'citizen_id')!.newValue).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    }
  });

  it('the organiser sees positions; ids and phones stay masked on screen as on the detail screen', async () => {
    const h = await call(org.context(), 'history.forRecord', { tbl: 'people', rowId: personId });
    const pos = await call(org.context(), 'history.forRecord', { tbl: 'outlets', rowId: outletId });
    expect(pos.find((e) => e.col === 'lat')).toMatchObject({ oldValue: null, newValue: '34.3712', source: 'app', masked: false });
    expect(h.find((e) => e.col === 'phone' && e.op === 'update')).toMatchObject({ oldValue: '139****5678', newValue: '138****1111' });
  });

  it('HQ exports one organisation\'s history for a period to Excel, masked unless full values are asked for', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const masked = await sheetRows((await exportHistory(hq.store, { scope: countyPath, from: today, to: today })).buffer);
    const phoneRow = masked.find((r) => r[5]?.startsWith('手机号') && r[4]?.startsWith('修改'))!;
    expect(phoneRow.slice(6, 9)).toEqual(['139****5678', '138****1111', '刘组织员']);
    expect(phoneRow[10]).toBe(org.session.deviceId);
    expect(masked.flat().join('|')).not.toContain(phone2);
    const full = await sheetRows((await exportHistory(hq.store, { scope: countyPath, from: today, to: today, full: true })).buffer);
    expect(full.flat().join('|')).toContain(phone2);
    // Another organisation's scope, or another period: none of it.
    expect((await exportHistory(hq.store, { scope: '/elsewhere/', from: today, to: today })).rows).toBe(0);
    expect((await exportHistory(hq.store, { scope: countyPath, from: '2020-01-01', to: '2020-01-31' })).rows).toBe(0);
  });

  it('a device exports its scope\'s history for a period to Excel, masked, and logs the export', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const f = await call(audit.context(), 'history.export', { from: today, to: today });
    const rows = await sheetRows(Buffer.from(f.base64, 'base64'));
    const phoneRow = rows.find((r) => r[3]?.startsWith('手机号') && r[4] === '139****5678')!;
    expect(phoneRow).toBeDefined();
    expect(phoneRow[6]).toBe('刘组织员');
    expect(rows.flat().join('|')).not.toContain(phone2);
    expect(audit.store.raw.prepare(`SELECT count(*) n FROM registry_audit WHERE kind = 'export' AND description LIKE '%修改记录%'`).get()).toEqual({ n: 1 });
    const bad = await dispatch(audit.context(), 'history.export', { from: today, to: '2020-01-01' });
    expect(bad).toMatchObject({ ok: false, error: { message: '开始日期不能晚于结束日期' } });
  });
});
