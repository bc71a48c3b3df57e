// The statistics to .xlsx the way county offices file them: one sheet per table, a title row with
// the scope and period, the header, the counts, and a note saying which counts are as of today.
import ExcelJS from 'exceljs';
import type { FilePayload } from '../../shared/contract/define.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import type { StatisticsQuery } from '../../shared/statistics/schemas.js';
import { periodLabel, scopeLabel, statisticsTables } from '../../shared/statistics/tables.js';
import type { ApiContext } from '../context.js';
import { writeAudit } from '../people/audit.js';
import { fileNameFor, XLSX_MIME } from '../people/xlsx/write.js';
import { reportFor } from './scoped.js';

export async function exportStatistics(ctx: ApiContext, q: StatisticsQuery): Promise<FilePayload> {
  const { path, report } = await reportFor(ctx, q);
  const today = todayInBeijing(ctx.now());
  const wb = new ExcelJS.Workbook();
  let rows = 0;
  for (const t of statisticsTables(report, 'zh')) {
    const ws = wb.addWorksheet(t.name);
    ws.addRow([t.title]).font = { bold: true, size: 13 };
    ws.mergeCells(1, 1, 1, t.columns.length);
    ws.addRow(t.columns).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    rows += t.rows.length;
    ws.addRow([`在册数为 ${today} 记录中的现状；期内数按 ${report.from} 至 ${report.to} 的日期统计。只含数量，不含个人信息。`]);
    ws.columns.forEach((c, i) => { c.width = i === 0 ? 26 : 14; });
  }
  const base = `党内统计_${scopeLabel(report, 'zh')}_${periodLabel(report, 'zh')}`;
  const fileName = fileNameFor(base, today);
  await writeAudit(ctx, ctx.db, { kind: 'export', description: `导出“${base}”，共${rows}行`, filter: q, rowCount: rows, fileName, scopePath: path });
  return { fileName, mime: XLSX_MIME, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), rows };
}
