// HQ's history export (npm run hq -- history-export) names the records a change points at and the
// changed record itself, from the rows HQ holds, the id beside each name; an id HQ does not hold
// stays as it is.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHistory } from '../../hq/history/export.js';
import { buildBranch, buildOutlet, buildTree, call, validId } from '../support/builders.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

describe('HQ history export names references', () => {
  let hq: TestHq;
  let org: TestDevice;
  beforeAll(async () => {
    hq = await startTestHq();
    org = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
  });
  afterAll(async () => {
    await org?.cleanup();
    await hq?.close();
  });

  it('writes 名称（id） for outlets and the person', async () => {
    const t = await buildTree(org.context());
    const a = await buildOutlet(org.context(), t.county.id, { name: '东关营业厅' });
    const b = await buildOutlet(org.context(), t.county.id, { name: '西关营业厅' });
    const branch = await buildBranch(org.context(), t.county.id);
    const base = { name: '吴刚', citizenId: validId(), politicalStatus: 'full_member' as const, outletId: a.id, member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } };
    const m = await call(org.context(), 'people.save', base);
    await call(org.context(), 'people.save', { ...base, id: m.id, outletId: b.id });
    await org.sync();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const { buffer } = await exportHistory(hq.store, { scope: '/', from: today, to: today });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))));
    const move = rows.find((r) => r[5] === '所在网点 Outlet' && r[4]?.startsWith('修改'))!;
    expect([move[3], move[6], move[7]]).toEqual([`吴刚（${m.id}）`, `东关营业厅（${a.id}）`, `西关营业厅（${b.id}）`]);
  });
});
