// The milestone tracker (里程碑节点对账表, DOMAIN.md "Reports") to .xlsx, one audit row per export.
import type { FilePayload } from '../../shared/contract/define.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { NODE_STATES } from '../../shared/milestones/rules.js';
import type { ApiContext } from '../context.js';
import { writeAudit } from '../people/audit.js';
import { fileNameFor, writeXlsx, XLSX_MIME } from '../people/xlsx/write.js';
import { scopeFor } from '../scope.js';
import { listNodes } from './nodes.js';

export async function exportMilestones(ctx: ApiContext, e: { unitId?: string; year: number }): Promise<FilePayload> {
  const scope = await scopeFor(ctx.db, ctx.session.scopePath, e.unitId);
  const today = todayInBeijing(ctx.now());
  const rows = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await listNodes(ctx.db, scope, { year: e.year, limit: 1000, offset }, today);
    rows.push(...page.rows);
    if (page.rows.length < 1000) break;
  }
  const base = `里程碑节点对账_${e.year}`;
  const out = await writeXlsx(
    {
      sheet: '节点对账', title: `${e.year}年里程碑节点对账（截至 ${today}）`,
      columns: ['党组织', '岗区队', '年度目标', '节点', '期间', '责任人', '完成标准', '完成时限', '完成日期', '状态', '逾期天数', '佐证材料', '整改单'].map((header) => ({ header })),
    },
    rows.map((n) => [
      n.orgName, n.teamName, n.goalTitle, n.title, n.periodKey, n.ownerName, n.standard, n.dueOn, n.doneOn, NODE_STATES[n.state].zh, n.lateDays || null, n.evidence,
      n.itemId ? '已发起' : null,
    ]),
  );
  const fileName = fileNameFor(base, today);
  await writeAudit(ctx, ctx.db, { kind: 'export', description: `导出“${base}”，共${out.rows}行`, filter: e, rowCount: out.rows, fileName, scopePath: scope });
  return { fileName, mime: XLSX_MIME, base64: out.buffer.toString('base64'), rows: out.rows };
}
