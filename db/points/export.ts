// The quarterly table to .xlsx, as shown (the frozen table once published). Deductions and the
// 三单 flag are negative outcomes (DOMAIN.md Privacy): masked for roles that may not see them;
// totals and grades stay, as they are what a branch publishes. Every export is logged.
import { todayInBeijing } from '../../shared/core/dates.js';
import type { FilePayload } from '../../shared/contract/define.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import { GRADES } from '../../shared/points/tally.js';
import { canSeeFullIds, type ApiContext } from '../context.js';
import { writeAudit } from '../people/audit.js';
import { fileNameFor, writeXlsx, XLSX_MIME } from '../people/xlsx/write.js';
import type { Branch } from './store.js';
import { quarterTable } from './table.js';

const STATUS = { draft: '未公示', published: '公示中', approved: '已审定锁定' } as const;

export async function exportQuarter(ctx: ApiContext, branch: Branch, quarter: string, s: PointsSettings): Promise<FilePayload> {
  const t = await quarterTable(ctx, branch, quarter, s);
  const full = canSeeFullIds(ctx.session.role);
  const today = todayInBeijing(ctx.now());
  const title = `${branch.name} ${quarter} 党员积分 · ${STATUS[t.status]} · 导出于${today}${full ? '' : '（扣分和三单名单已脱敏）'}`;
  const out = await writeXlsx(
    { sheet: '党员积分', title, columns: ['排名', '姓名', '预备党员', '基础分', '加分', '扣分', '超上限未计', '季度得分', '等级', '列入三单'].map((header) => ({ header })) },
    t.rows.map((r) => [r.rank, r.name, r.probationary ? '是' : null, r.base, r.earned, full ? r.deducted : '*', r.overCap, r.total, GRADES[r.grade].zh, full ? (r.lowest ? '是' : null) : '*']),
  );
  const base = `${branch.name}${quarter}党员积分`;
  const fileName = fileNameFor(base, today);
  await writeAudit(ctx, ctx.db, {
    kind: 'export', description: `导出“${base}”，共${out.rows}行${full ? '' : '（扣分和三单名单已脱敏）'}`, filter: { list: 'points', orgId: branch.id, quarter },
    rowCount: out.rows, fullIds: full, fileName, scopePath: branch.scopePath,
  });
  return { fileName, mime: XLSX_MIME, base64: out.buffer.toString('base64'), rows: out.rows };
}
