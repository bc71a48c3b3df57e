// Malformed and hostile files get a clear Chinese error and write nothing: wrong formats, a broken
// zip, a zip bomb, a sheet over the row cap, an oversized upload, and garbage in the base64.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { MAX_IMPORT_ROWS } from '../../shared/people/schemas/import.js';
import { workbook, zipBomb } from '../fixtures/rosters/build.js';
import { buildBranch, buildTree } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
let p: P;
beforeAll(async () => {
  p = await tempProfile({ role: 'county_organiser' });
  const { county } = await buildTree(p.context());
  await buildBranch(p.context(), county.id, { name: '临潼营业部党支部' });
});
afterAll(async () => p.cleanup());

async function refused(buf: Buffer, name = '花名册.xlsx', op: 'roster.preview' | 'roster.commit' = 'roster.commit') {
  const before = (p.store.raw.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  const r = await dispatch(p.context(), op, { file: { name, base64: buf.toString('base64') } });
  expect(r.ok).toBe(false);
  const after = (p.store.raw.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  expect(after).toBe(before);
  return r.ok ? '' : r.error.message;
}

describe('hostile and malformed roster files', () => {
  it('refuses a CSV, an old .xls and random bytes with a message that says what to do', async () => {
    expect(await refused(Buffer.from('姓名,身份证号\n张三,610115198506150011\n'), '花名册.csv')).toContain('是文本文件（如CSV），不是Excel工作簿');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await refused(ole, '花名册.xls')).toContain('旧版 .xls 文件或加密的工作簿');
    expect(await refused(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x00]), 'x.xlsx')).toContain('不是Excel工作簿');
    expect(await refused(Buffer.alloc(0))).toContain('文件是空的');
  });

  it('refuses a truncated (broken) zip and a zip that is not a workbook', async () => {
    const good = await workbook([{ name: 'Sheet1', rows: [['姓名', '身份证号'], ['张三', '610115198506150011']] }]);
    expect(await refused(good.subarray(0, Math.floor(good.length * 0.6)))).toContain('文件已损坏');
    // The same bytes with the central directory intact but one entry's data corrupted.
    const corrupt = Buffer.from(good);
    corrupt.fill(0x55, 200, 400);
    expect(await refused(corrupt)).toMatch(/文件已损坏|无法读取/);
  });

  it('refuses a zip bomb whose header lies about its size', async () => {
    expect(await refused(zipBomb(), 'bomb.xlsx')).toContain('解压后体积异常巨大');
  });

  it('refuses a sheet over the row cap before parsing it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['姓名', '身份证号']);
    for (let i = 0; i < MAX_IMPORT_ROWS + 100; i++) ws.addRow([`人${i}`, '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const msg = await refused(buf, 'huge.xlsx', 'roster.preview');
    expect(msg).toContain(`单次最多导入${MAX_IMPORT_ROWS}行`);
  });

  it('refuses an upload over the size cap and damaged base64 at the contract', async () => {
    const big = await dispatch(p.context(), 'roster.preview', { file: { name: 'big.xlsx', base64: 'A'.repeat(15 * 1024 * 1024) } });
    expect(!big.ok && big.error.message).toContain('文件过大');
    const junk = await dispatch(p.context(), 'roster.preview', { file: { name: 'x.xlsx', base64: '不是base64!!' } });
    expect(!junk.ok && junk.error.message).toContain('文件内容在传输中损坏');
  });

  it('refuses a workbook without a recognisable header', async () => {
    const buf = await workbook([{ name: '统计', rows: [['月份', '数量'], ['1月', 3]] }]);
    expect(await refused(buf)).toContain('没有找到表头');
  });

  it('never evaluates formulas: a formula in a mapped column is a row problem, in another column it is ignored', async () => {
    const buf = await workbook([
      { name: 'Sheet1', rows: [['姓名', '身份证号', '年龄', '入党日期', '所在党支部'], [{ formula: 'HYPERLINK("http://evil","张三")' }, '11010519491231002X', { formula: 'DATEDIF(A1,TODAY(),"y")', result: 70 }, '1975-07-01', '临潼营业部党支部']] },
    ]);
    const r = await dispatch(p.context(), 'roster.preview', { file: { name: 'f.xlsx', base64: buf.toString('base64') } });
    expect(r.ok).toBe(true);
    const row = r.ok ? (r.data as { rows: { problems: { message: string }[] }[] }).rows[0]! : null;
    expect(row!.problems.map((x) => x.message)).toEqual(['姓名：单元格是公式或错误值，请复制后“粘贴为数值”再导入']);
  });
});
