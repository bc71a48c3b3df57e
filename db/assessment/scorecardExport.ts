// The dual-track scorecard of a unit and period to .xlsx, like the board's export: every outlet with
// each indicator's raw value, score and weight used, the composite and its light, then the roll-ups.
// No person appears in it (outlets and organisations only), so no role sees more than another;
// the export is logged like every other.
import { DUAL_KEYS, DUAL_LABELS } from '../../shared/assessment/dualTrack.js';
import type { FilePayload } from '../../shared/contract/define.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { CHANNEL_TYPES } from '../../shared/domain/enums.js';
import type { ApiContext } from '../context.js';
import { writeAudit } from '../people/audit.js';
import { fileNameFor, writeXlsx, XLSX_MIME, type CellOut } from '../people/xlsx/write.js';
import { scopeFor } from '../scope.js';
import { scorecards } from './scorecard.js';

const LIGHT = { red: '红', yellow: '黄', green: '绿', none: '—' } as const;
const KIND = { county: '县（区）汇总', grid: '网格汇总', org: '党组织汇总' } as const;

export async function exportScorecard(ctx: ApiContext, e: { unitId?: string; period: string }): Promise<FilePayload> {
  const scope = await scopeFor(ctx.db, ctx.session.scopePath, e.unitId);
  const today = todayInBeijing(ctx.now());
  const { cards, rollups } = await scorecards(ctx.db, scope, e.period, today);
  const perIndicator = DUAL_KEYS.flatMap((k) => [`${DUAL_LABELS[k].zh}（${DUAL_LABELS[k].unitZh}）`, `${DUAL_LABELS[k].zh}得分`, `${DUAL_LABELS[k].zh}权重%`]);
  const columns = ['类型', '县（区）', '网格', '网点/汇总对象', '渠道类型', '党组织', ...perIndicator, '综合得分', '灯', '缺失指标（权重已按比例折算）'];
  const rows: CellOut[][] = cards.map((c) => [
    '网点', c.countyName, c.gridName, c.outletName, CHANNEL_TYPES[c.channelType].zh, c.orgName,
    ...c.indicators.flatMap((i) => [i.raw, i.score, i.raw === null ? null : i.effectiveWeight]),
    c.composite, LIGHT[c.light], c.missing.map((k) => DUAL_LABELS[k].zh).join('、') || null,
  ]);
  for (const r of rollups) {
    rows.push([KIND[r.kind], null, null, `${r.name}（${r.outlets} 个网点的平均）`, null, null, ...perIndicator.map(() => null), r.composite, LIGHT[r.light], null]);
  }
  const base = `双轨考核_${cards[0]?.period ?? e.period}`;
  const out = await writeXlsx({ sheet: '双轨考核', title: `双轨考核 ${e.period}（截至 ${today}）`, columns: columns.map((header) => ({ header })) }, rows);
  const fileName = fileNameFor(base, today);
  await writeAudit(ctx, ctx.db, { kind: 'export', description: `导出“${base}”，共${out.rows}行`, filter: e, rowCount: out.rows, fileName, scopePath: scope });
  return { fileName, mime: XLSX_MIME, base64: out.buffer.toString('base64'), rows: out.rows };
}
