// The board and the three lists to .xlsx, like the registry's lists: one sheet, an audit row per
// export. Neither carries citizen ids or phones; a three-list item about a member's negative outcome
// comes masked from listItems for whoever may not read it (shared/assessment/itemPrivacy.ts).
import { ITEM_KIND_LABELS, ITEM_STATUS_LABELS } from '../../shared/assessment/items.js';
import { INDICATOR_LABELS, RATIO_INDICATORS } from '../../shared/assessment/thresholds.js';
import type { BoardLight } from '../../shared/assessment/types.js';
import type { FilePayload } from '../../shared/contract/define.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import type { ApiContext } from '../context.js';
import { writeAudit } from '../people/audit.js';
import { fileNameFor, writeXlsx, XLSX_MIME, type CellOut } from '../people/xlsx/write.js';
import { scopeFor } from '../scope.js';
import { board } from './board.js';
import { listItems } from './items.js';

const COLOUR = { red: '红', yellow: '黄', green: '绿', none: '—' } as const;
const SUBJECT = { county: '县（区）', grid: '网格', org: '党组织', outlet: '网点' } as const;
const ratio = new Set<string>(RATIO_INDICATORS);

function valueText(l: BoardLight): CellOut {
  if (l.value === null) return null;
  return ratio.has(l.indicator) ? `${(l.value * 100).toFixed(1)}%` : l.value;
}

export async function exportAssessment(ctx: ApiContext, e: { list: 'board' | 'items'; unitId?: string; period?: string }): Promise<FilePayload> {
  const scope = await scopeFor(ctx.db, ctx.session.scopePath, e.unitId);
  const today = todayInBeijing(ctx.now());
  let base: string;
  let out: { buffer: Buffer; rows: number };
  if (e.list === 'board') {
    const period = e.period ?? today.slice(0, 7);
    const b = await board(ctx.db, scope, { period, today, trendPeriods: 1 });
    base = `红黄绿灯预警_${period}`;
    out = await writeXlsx(
      { sheet: '预警看板', title: `预警看板 ${period}（截至 ${b.asOf}）`, columns: ['对象类型', '对象', '指标', '灯', '数值', '汇总', '原因数', '原因（前20条）'].map((header) => ({ header })) },
      b.lights.map((l) => [
        SUBJECT[l.subjectKind], l.subjectName, INDICATOR_LABELS[l.indicator].zh, COLOUR[l.colour], valueText(l), l.derived ? '下级最差' : null, l.causeCount,
        l.causes.slice(0, 20).map((c) => `${c.name}${c.detail ? `：${c.detail.zh}` : ''}`).join('；'),
      ]),
    );
  } else {
    const page = await listItems(ctx.db, ctx.session, scope, { limit: 1000, offset: 0 }, today);
    base = '三单台账';
    out = await writeXlsx(
      { sheet: '三单台账', columns: ['类别', '事项', '对象', '责任人', '完成时限', '状态', '逾期天数', '整改情况/佐证', '完成人', '验收人', '来源'].map((header) => ({ header })) },
      page.rows.map((r) => [
        ITEM_KIND_LABELS[r.kind].zh, r.title, r.masked ? '*' : r.subjectName, r.ownerName ?? r.ownerUser ?? (r.ownerRole ? '县级组织员' : null), r.dueOn, ITEM_STATUS_LABELS[r.status].zh,
        r.overdueDays || null, r.masked ? '*' : r.evidence, r.doneBy, r.verifiedBy, { manual: '手工', warning: '预警', points: '积分', review: '复盘' }[r.source],
      ]),
    );
  }
  const fileName = fileNameFor(base, today);
  await writeAudit(ctx, ctx.db, { kind: 'export', description: `导出“${base}”，共${out.rows}行`, filter: e, rowCount: out.rows, fileName, scopePath: scope });
  return { fileName, mime: XLSX_MIME, base64: out.buffer.toString('base64'), rows: out.rows };
}
