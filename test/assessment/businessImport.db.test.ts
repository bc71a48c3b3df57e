// Business indicators from Excel: the template lists the scope's outlets with what is already
// entered; a sheet with any wrong row is shown row by row and refused whole on commit (nothing
// written); a good sheet is written and the scorecard names the import as the source.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { TEMPLATE_HEADERS } from '../../db/assessment/businessImport.js';
import { readWorkbook } from '../../db/people/xlsx/read.js';
import { writeXlsx, type CellOut } from '../../db/people/xlsx/write.js';
import { buildOutlet, buildTree, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld, type World } from '../orglife/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
let code: string;
const NOW = new Date('2026-11-20T04:00:00Z');

beforeEach(async () => {
  p = await tempProfile();
  ctx = { ...p.context(), now: () => NOW, session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
  w = await buildWorld(ctx);
  code = (await ctx.db.selectFrom('outlets').select('code').where('id', '=', w.outlet.id).executeTakeFirstOrThrow()).code;
});
afterEach(async () => p.cleanup());

const sheet = async (rows: CellOut[][]) =>
  (await writeXlsx({ sheet: '经营指标', columns: TEMPLATE_HEADERS.map((header) => ({ header })) }, rows)).buffer.toString('base64');
const rows = () => ctx.db.selectFrom('business_indicators').selectAll().execute();

describe('business indicators from Excel', () => {
  it('offers a template with the outlets and the values already entered', async () => {
    await call(ctx, 'assessment.business.save', { outletId: w.outlet.id, period: '2026-Q4', values: { satisfaction: 91 } });
    const f = await call(ctx, 'assessment.business.template', { period: '2026-Q4' });
    const [s] = await readWorkbook(Buffer.from(f.base64, 'base64'), f.fileName);
    expect(s!.rows[0]!.map((c) => (c.t === 'text' ? c.v : null))).toEqual(TEMPLATE_HEADERS);
    const mine = s!.rows.find((r) => r[0]?.t === 'text' && r[0].v === code)!;
    expect(mine[4]).toEqual({ t: 'number', v: 91 });
  });

  it('shows every wrong row and, on commit, writes none of the sheet', async () => {
    const t = await buildTree(ctx);
    const far = await buildOutlet(ctx, t.county.id, { name: '远方营业厅' });
    const farCode = (await ctx.db.selectFrom('outlets').select('code').where('id', '=', far.id).executeTakeFirstOrThrow()).code;
    const local = { ...ctx, session: { ...ctx.session, scopePath: w.county.path } };
    const base64 = await sheet([[code, null, 5, 40, 120, 2, null], ['NOPE-1', null, 1, 1, 90, 1, null], [farCode, null, 1, 1, 90, 1, null], [code, null, 'abc', null, null, null, null]]);
    const preview = await call(local, 'assessment.business.import', { period: '2026-Q4', fileName: '渠道系统导出.xlsx', base64, commit: false });
    expect(preview.errorRows).toBe(4);
    expect(preview.rows.map((r) => r.errors.map((e) => e.zh)).flat()).toEqual([
      '第 2 行：“客户满意度”应在 0 到 100（分）之间，填写的是 120',
      '第 3 行：网点编码“NOPE-1”不存在',
      '第 4 行：网点“远方营业厅”不在您的管理范围内',
      `第 5 行：网点编码“${code}”重复出现`,
      '第 5 行：“渠道收入增长”不是数字（abc）',
    ]);
    await expect(call(local, 'assessment.business.import', { period: '2026-Q4', fileName: '渠道系统导出.xlsx', base64, commit: true })).rejects.toThrow('有 4 行有误，全部未导入');
    expect(await rows()).toEqual([]);
  });

  it('writes a good sheet whole and the scorecard names the import', async () => {
    const other = await buildOutlet(ctx, w.county.id, { name: '华清路营业厅' });
    const otherCode = (await ctx.db.selectFrom('outlets').select('code').where('id', '=', other.id).executeTakeFirstOrThrow()).code;
    const base64 = await sheet([[code, '骊山路营业厅', 5, '40%', 92, 2, '10月报表'], [otherCode, null, -3, 20, null, 8, null]]);
    const r = await call(ctx, 'assessment.business.import', { period: '2026-Q4', fileName: '渠道系统导出.xlsx', base64, commit: true });
    expect([r.errorRows, r.written]).toEqual([0, 2]);
    expect(await rows()).toHaveLength(7);
    const c = await call(ctx, 'assessment.outletCard', { outletId: w.outlet.id, period: '2026-Q4' });
    expect(c.indicators.find((i) => i.key === 'core_penetration')).toMatchObject({ raw: 40 });
    expect(c.indicators.find((i) => i.key === 'satisfaction')!.source.zh).toBe('导入：县组织员，2026-11-20（10月报表）');
    const o = await call(ctx, 'assessment.outletCard', { outletId: other.id, period: '2026-Q4' });
    expect(o.missing).toContain('satisfaction');
  });
});
