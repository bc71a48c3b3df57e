// The pairing agreements register (结对共建台账) to .xlsx, one audit row per export.
import type { FilePayload } from '../../shared/contract/define.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { CADENCE_UNITS, PAIRING_RATIOS } from '../../shared/pairing/rules.js';
import type { ApiContext } from '../context.js';
import { writeAudit } from '../people/audit.js';
import { fileNameFor, writeXlsx, XLSX_MIME } from '../people/xlsx/write.js';
import { scopeFor } from '../scope.js';
import { listPairings } from './pairings.js';

export async function exportPairings(ctx: ApiContext, e: { unitId?: string }): Promise<FilePayload> {
  const scope = await scopeFor(ctx.db, ctx.session.scopePath, e.unitId);
  const today = todayInBeijing(ctx.now());
  const page = await listPairings(ctx.db, scope, { limit: 1000, offset: 0 }, today);
  const base = '结对共建台账';
  const out = await writeXlsx(
    { sheet: '结对共建', title: `结对共建协议台账（截至 ${today}）`, columns: ['协议', '牵头党组织', '结对方式', '结对方', '联席会议频次', '签约日期', '开始', '结束', '已关联联席会议', '是否按期', '未达标期间', '协议内容'].map((header) => ({ header })) },
    page.rows.map((p) => [
      p.title, p.orgName, PAIRING_RATIOS[p.ratio].zh, p.partners.map((x) => x.name).join('、'), `${CADENCE_UNITS[p.cadenceUnit].zh}${p.cadenceMin}次`, p.signedOn, p.startsOn, p.endsOn,
      p.meetings, p.kept ? '按期' : '未按期', p.missed.join('、') || null, p.terms,
    ]),
  );
  const fileName = fileNameFor(base, today);
  await writeAudit(ctx, ctx.db, { kind: 'export', description: `导出“${base}”，共${out.rows}行`, filter: e, rowCount: out.rows, fileName, scopePath: scope });
  return { fileName, mime: XLSX_MIME, base64: out.buffer.toString('base64'), rows: out.rows };
}
