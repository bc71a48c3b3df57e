// The scorecard to Excel and on paper: the sheet (read back with exceljs) holds every outlet's raw
// values, scores, weights used, composite and light, then the roll-ups; the export is logged; the
// printed cards carry all eight indicators. No person appears in it, so nothing needs masking.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld, themeDay, type World } from '../orglife/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const NOW = new Date('2026-11-20T04:00:00Z');

beforeEach(async () => {
  p = await tempProfile();
  ctx = { ...p.context(), now: () => NOW, session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
  w = await buildWorld(ctx);
  await call(ctx, 'activities.save', { ...themeDay(w, '2026-10-08'), venueOutletIds: [w.outlet.id] });
  await call(ctx, 'assessment.business.save', { outletId: w.outlet.id, period: '2026-Q4', values: { revenue_growth: 5, core_penetration: 45, satisfaction: 90, complaint_rate: 2 } });
});
afterEach(async () => p.cleanup());

describe('the scorecard export', () => {
  it('writes every outlet’s indicators, composite and light, and the roll-ups, and logs the export', async () => {
    const card = await call(ctx, 'assessment.outletCard', { outletId: w.outlet.id, period: '2026-Q4' });
    const f = await call(ctx, 'assessment.scorecard.export', { period: '2026-Q4' });
    expect(f.fileName).toMatch(/^双轨考核_2026-Q4.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('双轨考核');
    expect(String(ws.getCell('A1').value)).toContain('双轨考核 2026-Q4');
    const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 6)).toEqual(['类型', '县（区）', '网格', '网点/汇总对象', '渠道类型', '党组织']);
    expect(header).toContain('渠道收入增长（%）');
    expect(header).toContain('渠道收入增长得分');
    expect(header.slice(-3)).toEqual(['综合得分', '灯', '缺失指标（权重已按比例折算）']);
    const rows = [];
    for (let r = 3; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
    const mine = rows.find((r) => r[3] === card.outletName)!;
    expect(mine[0]).toBe('网点');
    const col = (h: string) => header.indexOf(h);
    expect(mine[col('渠道收入增长（%）')]).toBe(5);
    expect(mine[col('渠道收入增长得分')]).toBe(card.indicators.find((i) => i.key === 'revenue_growth')!.score);
    expect(mine[col('综合得分')]).toBe(card.composite);
    expect(mine[col('灯')]).toBe({ red: '红', yellow: '黄', green: '绿', none: '—' }[card.light]);
    expect(rows.some((r) => r[0] === '党组织汇总' && String(r[3]).startsWith(w.branch.name))).toBe(true);
    expect(f.rows).toBe(rows.length);
    const audit = await ctx.db.selectFrom('registry_audit').selectAll().where('kind', '=', 'export').execute();
    expect(audit.map((a) => a.description)).toContain(`导出“双轨考核_2026-Q4”，共${f.rows}行`);
  });

  it('gives the print every outlet’s eight indicators', async () => {
    const r = await call(ctx, 'assessment.scorecard.cards', { period: '2026-Q4' });
    const mine = r.cards.find((c) => c.outletId === w.outlet.id)!;
    expect(mine.indicators.map((i) => i.key)).toEqual(['org_coverage', 'org_life', 'vanguard', 'instructor_duty', 'revenue_growth', 'core_penetration', 'satisfaction', 'complaint_rate']);
    expect(r.rollups.some((x) => x.kind === 'org' && x.id === w.branch.id)).toBe(true);
  });
});
