// Business indicators from the channel system's Excel export: a template listing the scope's outlets
// (with any values already entered), a preview that checks every row, and a commit that writes all
// rows or, if any row is wrong, none. Blank cells leave a value as it is.
import type { z } from 'zod';
import { BUSINESS_KEYS, DUAL_LABELS, type BusinessKey } from '../../shared/assessment/dualTrack.js';
import type { BusinessImportResult, ImportRow, businessImportInput } from '../../shared/assessment/dualTrackApi.js';
import type { FilePayload } from '../../shared/contract/define.js';
import { ApiError } from '../../shared/core/errors.js';
import { isUnder, scopeEnd } from '../../shared/core/scope.js';
import type { Cell } from '../../shared/people/cells.js';
import type { ApiContext } from '../context.js';
import { nowIso } from '../context.js';
import { readWorkbook } from '../people/xlsx/read.js';
import { fileNameFor, writeXlsx, XLSX_MIME } from '../people/xlsx/write.js';
import { loadBusiness, rangeIssues, writeValues } from './businessIndicators.js';

const CODE = '网点编码';
const NAME = '网点名称';
const NOTE = '备注';
const header = (k: BusinessKey) => `${DUAL_LABELS[k].zh}（${DUAL_LABELS[k].unitZh}）`;
export const TEMPLATE_HEADERS = [CODE, NAME, ...BUSINESS_KEYS.map(header), NOTE];

export async function businessTemplate(ctx: ApiContext, scope: string, period: string, today: string): Promise<FilePayload> {
  const outlets = await ctx.db.selectFrom('outlets').select(['id', 'code', 'name']).where('deleted', '=', 0)
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).orderBy('code').execute();
  const values = await loadBusiness(ctx.db, scope, period);
  const out = await writeXlsx(
    { sheet: '经营指标', columns: TEMPLATE_HEADERS.map((h, i) => ({ header: h, width: i === 1 ? 28 : 18, text: i === 0 })) },
    outlets.map((o) => [o.code, o.name, ...BUSINESS_KEYS.map((k) => values.get(o.id)?.[k]?.value ?? null), null]),
  );
  return { fileName: fileNameFor(`经营指标_${period}`, today), mime: XLSX_MIME, base64: out.buffer.toString('base64'), rows: out.rows };
}

const text = (c: Cell | undefined): string => (c?.t === 'text' ? c.v.trim() : c?.t === 'number' ? String(c.v) : '');

function numberOf(c: Cell | undefined): { v: number | undefined } | { bad: string } {
  if (!c || c.t === 'empty') return { v: undefined };
  if (c.t === 'number') return { v: c.v };
  if (c.t === 'text') {
    const t = c.v.trim().replace(/[%％]$/, '');
    if (!t) return { v: undefined };
    const n = Number(t);
    return Number.isFinite(n) ? { v: n } : { bad: c.v };
  }
  return { bad: c.t === 'formula' ? '公式' : c.t };
}

export async function importBusiness(ctx: ApiContext, input: z.infer<typeof businessImportInput>): Promise<BusinessImportResult> {
  const s = ctx.session;
  if (s.role === 'instructor' || s.role === 'auditor')
    throw new ApiError('forbidden', '经营指标由县级组织员或省公司管理员录入', 'Business indicators are entered by county organisers and HQ administrators');
  const sheets = await readWorkbook(Buffer.from(input.base64, 'base64'), input.fileName);
  const sheet = sheets.find((x) => !x.hidden && x.rows.some((r) => text(r[0]) === CODE));
  if (!sheet) throw new ApiError('validation', `“${input.fileName}”中找不到表头“${CODE}”，请使用下载的模板`, `No "${CODE}" header in "${input.fileName}": please use the template`);
  const headAt = sheet.rows.findIndex((r) => text(r[0]) === CODE);
  const head = sheet.rows[headAt]!.map(text);
  const col = new Map(TEMPLATE_HEADERS.map((h) => [h, head.indexOf(h)]));
  const missing = BUSINESS_KEYS.filter((k) => col.get(header(k))! < 0);
  if (missing.length)
    throw new ApiError('validation', `缺少列：${missing.map(header).join('、')}`, `Missing columns: ${missing.map((k) => DUAL_LABELS[k].en).join(', ')}`);
  const outlets = new Map((await ctx.db.selectFrom('outlets').select(['id', 'code', 'name', 'scope_path']).where('deleted', '=', 0).execute()).map((o) => [o.code, o]));
  const seen = new Set<string>();
  const rows: (ImportRow & { outletId: string | null; scopePath: string; note: string | null })[] = [];
  sheet.rows.slice(headAt + 1).forEach((r, i) => {
    const code = text(r[0]);
    if (!code && r.every((c) => c.t === 'empty')) return;
    const rowNo = headAt + i + 2;
    const at = { zh: `第 ${rowNo} 行：`, en: `Row ${rowNo}: ` };
    const errors: { zh: string; en: string }[] = [];
    const o = outlets.get(code);
    if (!code) errors.push({ zh: `${at.zh}网点编码为空`, en: `${at.en}the outlet code is blank` });
    else if (!o) errors.push({ zh: `${at.zh}网点编码“${code}”不存在`, en: `${at.en}no outlet has the code "${code}"` });
    else if (!isUnder(o.scope_path, s.scopePath)) errors.push({ zh: `${at.zh}网点“${o.name}”不在您的管理范围内`, en: `${at.en}the outlet "${o.name}" is outside your scope` });
    if (code && seen.has(code)) errors.push({ zh: `${at.zh}网点编码“${code}”重复出现`, en: `${at.en}the outlet code "${code}" appears twice` });
    seen.add(code);
    const values: Partial<Record<BusinessKey, number | null>> = {};
    for (const k of BUSINESS_KEYS) {
      const n = numberOf(r[col.get(header(k))!]);
      if ('bad' in n) errors.push({ zh: `${at.zh}“${DUAL_LABELS[k].zh}”不是数字（${n.bad}）`, en: `${at.en}"${DUAL_LABELS[k].en}" is not a number (${n.bad})` });
      else if (n.v !== undefined) values[k] = n.v;
    }
    for (const x of rangeIssues(values, at)) errors.push({ zh: x.message, en: x.messageEn });
    const noteCol = col.get(NOTE)!;
    rows.push({ row: rowNo, outletCode: code, outletName: o?.name ?? null, values, errors, outletId: o?.id ?? null, scopePath: o?.scope_path ?? '', note: noteCol >= 0 ? text(r[noteCol]) || null : null });
  });
  const bad = rows.filter((r) => r.errors.length);
  if (!rows.length) throw new ApiError('validation', '表中没有数据行', 'The sheet has no data rows');
  if (input.commit) {
    if (bad.length)
      throw new ApiError('validation', `有 ${bad.length} 行有误，全部未导入：${bad[0]!.errors[0]!.zh}`, `${bad.length} rows are wrong, nothing was imported: ${bad[0]!.errors[0]!.en}`);
    const now = nowIso(ctx);
    for (const r of rows)
      await writeValues(ctx.db, { outletId: r.outletId!, scopePath: r.scopePath, period: input.period, values: r.values, note: r.note ?? `导入：${input.fileName}`, source: 'import', user: s.userName, now });
  }
  return {
    period: input.period, errorRows: bad.length, written: input.commit ? rows.length : 0,
    rows: rows.map(({ outletId: _o, scopePath: _s, note: _n, ...r }) => r),
  };
}
