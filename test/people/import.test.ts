// Roster import on real SQLite: a messy roster previews every row's problems and writes nothing;
// the commit is all-or-nothing; re-importing updates instead of duplicating; the template and a
// full-value export re-import cleanly.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { buildBranch, buildOutlet, buildTree, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { ids, messyRoster, workbook } from '../fixtures/rosters/build.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
let p: P;
beforeEach(async () => {
  p = await tempProfile({ role: 'county_organiser' });
});
afterEach(async () => p.cleanup());

const file = (buf: Buffer, name = '花名册.xlsx') => ({ name, base64: buf.toString('base64') });
const count = (table: string) => (p.store.raw.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted = 0`).get() as { n: number }).n;

async function setup() {
  const ctx = p.context();
  const { county } = await buildTree(ctx);
  const outlet = await buildOutlet(ctx, county.id, { code: 'XA-LT-0001', name: '临潼骊山路营业厅' });
  const branch = await buildBranch(ctx, county.id, { name: '临潼营业部党支部' });
  return { ctx, county, outlet, branch };
}

describe('roster preview', () => {
  it('maps header variants under a merged title, reads messy values and lists every row problem', async () => {
    const { ctx } = await setup();
    const preview = await call(ctx, 'roster.preview', { file: file(await messyRoster('临潼营业部党支部', 'XA-LT-0001')) });
    expect(preview.headerRow).toBe(4);
    const fields = Object.fromEntries(preview.columns.map((c) => [c.header, c.field]));
    expect(fields).toMatchObject({
      序号: null, 党员姓名: 'name', 出生年月: 'birthDate', 公民身份号码: 'citizenId', 入党时间: 'joinDate', 转正时间: 'fullDate',
      所在党组织: 'branch', 联系电话: 'phone', 文化程度: 'education', 所在网点编码: 'outletCode', 人员类别: 'politicalStatus',
    });
    expect(preview.totals).toEqual({ rows: 6, create: 5, update: 0, unchanged: 0, error: 1, warning: 2, ignored: 2 });
    const byName = Object.fromEntries(preview.rows.map((r) => [r.name, r]));
    expect(Object.keys(byName)).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八']);
    const bad = byName['孙八']!;
    expect(bad.rowNo).toBe(12);
    expect(bad.action).toBe('error');
    const messages = bad.problems.map((x) => x.message).join(' | ');
    expect(messages).toContain('身份证号校验位错误');
    expect(messages).toContain('找不到党组织“不存在的支部”');
    expect(byName['张三']!.notes.map((n) => n.message)).toEqual(['入党日期：只有年月，按当月1日记录']);
    // Nothing is written by a preview.
    expect(count('people')).toBe(0);
  });

  it('commits all or nothing, then everything once the bad row is skipped; values are cleaned', async () => {
    const { ctx, outlet } = await setup();
    const f = file(await messyRoster('临潼营业部党支部', 'XA-LT-0001'));
    const refused = await dispatch(ctx, 'roster.commit', { file: f });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/^有1行存在问题（如第12行：身份证号校验位错误/);
    expect(count('people')).toBe(0);

    const done = await call(ctx, 'roster.commit', { file: f, skipInvalid: true });
    expect(done).toEqual({ created: 5, updated: 0, unchanged: 0, skipped: 1, branchesCreated: 0 });
    const rows = p.store.raw
      .prepare(`SELECT p.name, p.citizen_id, p.birth_date, p.gender, p.ethnicity, p.phone, p.education, p.political_status, p.outlet_id,
        m.join_date, m.full_date FROM people p JOIN members m ON m.person_id = p.id ORDER BY p.name`)
      .all() as Record<string, string>[];
    const zhang = rows.find((r) => r.name === '张三')!;
    expect(zhang).toMatchObject({ citizen_id: ids.a, birth_date: '1985-06-15', gender: 'male', ethnicity: '汉族', phone: '13912345678', education: 'bachelor', join_date: '2008-07-01', full_date: '2009-07-01', outlet_id: outlet.id });
    expect(rows.find((r) => r.name === '李四')).toMatchObject({ birth_date: '1990-02-03', join_date: '2015-06-20', phone: '13800001111', education: 'college' });
    expect(rows.find((r) => r.name === '王五')).toMatchObject({ ethnicity: '回族', join_date: '2001-07-01', education: 'senior' });
    expect(rows.find((r) => r.name === '赵六')).toMatchObject({ political_status: 'probationary', full_date: null });
    expect(rows.find((r) => r.name === '钱七')).toMatchObject({ citizen_id: ids.x, birth_date: '1949-12-31', gender: 'female', join_date: '1975-07-01' });
    const log = await call(ctx, 'registry.audit', { kind: 'import' });
    expect(log.rows[0]!.description).toContain('新增5人');
  });

  it('updates on re-import instead of duplicating, and reports unchanged rows', async () => {
    const { ctx } = await setup();
    const header = ['姓名', '身份证号', '入党日期', '所在党支部', '手机号'];
    const first = await workbook([{ name: 'Sheet1', rows: [header, ['张三', ids.a, '2008-07-01', '临潼营业部党支部', '13912345678']] }]);
    expect(await call(ctx, 'roster.commit', { file: file(first) })).toMatchObject({ created: 1 });
    const again = await call(ctx, 'roster.preview', { file: file(first) });
    expect(again.totals).toMatchObject({ create: 0, unchanged: 1 });
    const changed = await workbook([{ name: 'Sheet1', rows: [header, ['张三', ids.a.toLowerCase(), '2008-07-01', '临潼营业部党支部', '13700000000']] }]);
    expect(await call(ctx, 'roster.commit', { file: file(changed) })).toMatchObject({ created: 0, updated: 1 });
    expect(count('people')).toBe(1);
    expect((p.store.raw.prepare('SELECT phone FROM people').get() as { phone: string }).phone).toBe('13700000000');
  });

  it('checks again at commit when the store changed after the preview', async () => {
    const { ctx, county, branch } = await setup();
    const buf = await workbook([{ name: 'Sheet1', rows: [['姓名', '身份证号', '入党日期', '所在党支部'], ['张三', ids.a, '2008-07-01', '临潼营业部党支部']] }]);
    expect((await call(ctx, 'roster.preview', { file: file(buf) })).totals.error).toBe(0);
    // Someone renames the branch in between: the preview's plan no longer holds.
    await call(ctx, 'partyOrgs.save', { id: branch.id, name: '临潼营业部第一党支部', orgType: 'branch', unitId: county.id });
    const r = await dispatch(ctx, 'roster.commit', { file: file(buf) });
    expect(!r.ok && r.error.message).toContain('找不到党组织“临潼营业部党支部”');
    expect(count('people')).toBe(0);
  });

  it('names a formula cell and a number-mangled id as errors, an unknown outlet as a warning', async () => {
    const { ctx } = await setup();
    const buf = await workbook([
      {
        name: 'Sheet1',
        rows: [
          ['姓名', '身份证号码', '入党日期', '党支部', '网点'],
          ['周九', { formula: 'CONCAT("6101","15")', result: '610115' }, '2010-01-01', '临潼营业部党支部', '临潼骊山路营业厅'],
          ['吴十', 610115198506150000, '2010-01-01', '临潼营业部党支部', '没有这个网点'],
        ],
      },
    ]);
    const preview = await call(ctx, 'roster.preview', { file: file(buf) });
    const [formula, number] = preview.rows;
    expect(formula!.problems.map((x) => x.message)).toContain('身份证号：单元格是公式或错误值，请复制后“粘贴为数值”再导入');
    expect(number!.problems.map((x) => x.message).join()).toContain('身份证号被Excel存成了数字');
    // The outlet is optional: the person is not held back for it, the outlet is left out.
    expect(number!.problems.map((x) => x.message).join()).not.toContain('网点');
    expect(number!.notes.map((x) => x.message).join()).toContain('找不到网点“没有这个网点”');
  });

  it('requires a recorded consent for partner staff', async () => {
    const { ctx } = await setup();
    const buf = await workbook([
      { name: 'Sheet1', rows: [['姓名', '身份证号', '人员类别', '用工性质', '网点编码'], ['郑十一', ids.b, '群众', '合作方员工', 'XA-LT-0001']] },
    ]);
    const preview = await call(ctx, 'roster.preview', { file: file(buf) });
    expect(preview.rows[0]!.problems.map((x) => x.message)).toContain('合作方员工须记录本人同意信息采集的日期');
  });

  it('serves a template that imports (empty) and whose headers all map', async () => {
    const { ctx } = await setup();
    const t = await call(ctx, 'roster.template', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['党员花名册', '填写说明']);
    const preview = await call(ctx, 'roster.preview', { file: file(Buffer.from(t.base64, 'base64'), t.fileName) });
    expect(preview.columns.every((c) => c.field !== null)).toBe(true);
    expect(preview.totals.rows).toBe(0);
  });

  it('round-trips a full-value export through the importer unchanged', async () => {
    const { ctx } = await setup();
    await call(ctx, 'roster.commit', { file: file(await messyRoster('临潼营业部党支部', 'XA-LT-0001')), skipInvalid: true });
    const exported = await call(ctx, 'registry.export', { list: 'roster', fullIds: true });
    expect(exported.rows).toBe(5);
    const preview = await call(ctx, 'roster.preview', { file: file(Buffer.from(exported.base64, 'base64'), exported.fileName) });
    expect(preview.totals).toEqual({ rows: 5, create: 0, update: 0, unchanged: 5, error: 0, warning: 0, ignored: 0 });
  });
});
