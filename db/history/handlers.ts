// The functions behind shared/history/contract.ts.
import { todayInBeijing } from '../../shared/core/dates.js';
import type { historyContract } from '../../shared/history/contract.js';
import { EXPORT_HEADERS, exportLine } from '../../shared/history/present.js';
import type { HandlerMap } from '../api/types.js';
import { writeAudit } from '../people/audit.js';
import { fileNameFor, writeXlsx, XLSX_MIME } from '../people/xlsx/write.js';
import { scopeFor } from '../scope.js';
import { ApiError } from '../../shared/core/errors.js';
import { historyInPeriod, recordHistory } from './query.js';
import { namesOf, withReferences } from './refs.js';

export const historyHandlers: HandlerMap<keyof typeof historyContract> = {
  'history.forRecord': async (ctx, { tbl, rowId, with: more }) => {
    const all = (await Promise.all([{ tbl, rowId }, ...(more ?? [])].map((r) => recordHistory(ctx, r.tbl, r.rowId)))).flat();
    return withReferences(ctx, all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)));
  },
  'history.export': async (ctx, { from, to, unitId }) => {
    if (from > to) throw new ApiError('validation', '开始日期不能晚于结束日期', 'The start date must not be after the end date');
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    const entries = await withReferences(ctx, await historyInPeriod(ctx, scope, from, to));
    const records = await namesOf(ctx, entries.map((e) => e.rowId));
    const today = todayInBeijing(ctx.now());
    const title = `修改记录 ${from} 至 ${to} · ${scope} · 导出于${today}（身份证号、手机号已脱敏）`;
    const out = await writeXlsx({ sheet: '修改记录', title, columns: EXPORT_HEADERS.map((header) => ({ header })) }, entries.map((e) => exportLine(e, records.get(e.rowId))));
    const base = `修改记录${from}至${to}`;
    const fileName = fileNameFor(base, today);
    await writeAudit(ctx, ctx.db, {
      kind: 'export', description: `导出“${base}”，共${out.rows}行（已脱敏）`, filter: { list: 'history', from, to, unitId: unitId ?? null },
      rowCount: out.rows, fullIds: false, fileName, scopePath: scope,
    });
    return { fileName, mime: XLSX_MIME, base64: out.buffer.toString('base64'), rows: out.rows };
  },
};
