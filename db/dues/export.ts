// The dues ledger of a scope for a year to .xlsx: one line per month paid. Amounts only where the
// user may see them (db/dues/visibility.ts: a county organiser every member's, a branch secretary
// their branch's); other lines keep the paid month with the amount masked. Every export is logged.
import { todayInBeijing } from '../../shared/core/dates.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { FilePayload } from '../../shared/contract/define.js';
import { PAY_METHODS, yuanText, type PayMethod } from '../../shared/dues/rules.js';
import type { ApiContext } from '../context.js';
import { writeAudit } from '../people/audit.js';
import { fileNameFor, writeXlsx, XLSX_MIME } from '../people/xlsx/write.js';
import { amountsView, seesAmountsOf, seesAnyAmount } from './visibility.js';

export async function exportLedger(ctx: ApiContext, scope: string, year: number): Promise<FilePayload> {
  const view = await amountsView(ctx);
  const sees = seesAnyAmount(view);
  const today = todayInBeijing(ctx.now());
  const rows = await ctx.db
    .selectFrom('dues_payments as d')
    .leftJoin('people as p', 'p.id', 'd.person_id')
    .leftJoin('party_orgs as o', 'o.id', 'd.org_id')
    .select(['d.person_id', 'p.name', 'o.name as branch', 'd.month', 'd.amount_fen', 'd.paid_on', 'd.collector', 'd.method', 'd.recorded_by'])
    .where('d.deleted', '=', 0).where('d.scope_path', '>=', scope).where('d.scope_path', '<', scopeEnd(scope))
    .where('d.month', '>=', `${year}-01`).where('d.month', '<=', `${year}-12`)
    .orderBy('o.name').orderBy('p.name').orderBy('d.month')
    .execute();
  const shown = (r: (typeof rows)[number]) => (seesAmountsOf(view, r.person_id) ? r.amount_fen : null);
  const total = rows.reduce((n, r) => n + (shown(r) ?? 0), 0);
  const scopeNote = view.all ? '' : `（仅${view.branches.map((b) => b.name).join('、')}党员的金额，其余已隐藏）`;
  const title = `${year}年党费收缴台账 · 导出于${today}${sees ? ` · 合计 ${yuanText(total)} 元${scopeNote}` : '（金额涉及个人收入，已隐藏）'}`;
  const out = await writeXlsx(
    { sheet: '党费台账', title, columns: ['支部', '姓名', '所属月份', '金额（元）', '缴纳日期', '收缴人', '缴纳方式', '登记人'].map((header) => ({ header })) },
    rows.map((r) => [r.branch, r.name, r.month, shown(r) !== null ? yuanText(shown(r)!) : '*', r.paid_on, r.collector, PAY_METHODS[r.method as PayMethod]?.zh ?? r.method, r.recorded_by]),
  );
  const base = `${year}年党费收缴台账`;
  const fileName = fileNameFor(base, today);
  await writeAudit(ctx, ctx.db, {
    kind: 'export', description: `导出“${base}”，共${out.rows}行${sees ? scopeNote : '（金额已隐藏）'}`, filter: { list: 'dues', year },
    rowCount: out.rows, fullIds: sees, fileName, scopePath: scope,
  });
  return { fileName, mime: XLSX_MIME, base64: out.buffer.toString('base64'), rows: out.rows };
}
