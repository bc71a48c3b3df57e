// The enrolment review and the records kept at enrolment (enrolKeep.ts): what HQ's answer would
// refuse, finishing the held enrolment, and the user's decisions on the kept records (Excel, let go).
import type Database from 'better-sqlite3';
import type { enrolKeepContract, EnrolReview, KeptRecord } from '../../shared/sync/enrolKeep.js';
import { ApiError } from '../../shared/core/errors.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import type { Role } from '../../shared/domain/enums.js';
import { maskRow } from '../../shared/history/sensitive.js';
import type { ApiContext } from '../context.js';
import { fileNameFor, writeXlsx, XLSX_MIME } from '../people/xlsx/write.js';
import { completeEnrolment, heldEnrolment } from './enrol.js';
import { discardKept, listKept, predictRefusals } from './enrolKeep.js';
import type { SyncEngine } from './engine.js';
import type { HandlerMap } from '../api/types.js';

function review(raw: Database.Database): EnrolReview {
  const h = heldEnrolment(raw);
  if (!h) return { pending: false, role: null, userName: null, scopePath: null, refused: [] };
  const a = h.answer;
  return { pending: true, role: a.role, userName: a.userName, scopePath: a.scopePath, refused: predictRefusals(raw, a.role, a.scopePath).map((r) => r.record) };
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One line per kept record, its current values as typed (ids and phones masked, as in every export). */
async function exportRecords(raw: Database.Database, role: Role, records: KeptRecord[], now: Date) {
  const lines = records.map((k) => {
    const row = raw.prepare(`SELECT * FROM ${ident(k.tbl)} WHERE id = ?`).get(k.rowId) as Record<string, unknown> | undefined;
    const content = row ? JSON.stringify(maskRow(role, k.tbl, row).value) : '';
    return [k.tbl, k.label, k.rowId, k.scope, k.reason, k.reasonEn, k.changes, k.keptAt ?? '', content];
  });
  const spec = {
    sheet: '注册时保留的记录',
    title: `注册时新身份无权同步、保留在本机的记录（导出于 ${todayInBeijing(now)}）`,
    columns: [
      { header: '表 Table', width: 18 }, { header: '记录 Record', width: 28 }, { header: '编号 Id', width: 38, text: true },
      { header: '范围 Scope', width: 22 }, { header: '原因', width: 30 }, { header: 'Reason', width: 30 },
      { header: '修改次数 Changes', width: 10 }, { header: '保留于 Kept at', width: 24 }, { header: '内容 Values', width: 80 },
    ],
  };
  const { buffer, rows } = await writeXlsx(spec, lines);
  return { fileName: fileNameFor('注册时保留的记录', todayInBeijing(now)), mime: XLSX_MIME, base64: buffer.toString('base64'), rows };
}

export function enrolKeepHandlers(engine: (ctx: ApiContext) => SyncEngine): HandlerMap<keyof typeof enrolKeepContract> {
  return {
    'sync.enrolReview': async (ctx) => review(engine(ctx).raw),
    'sync.enrolFinish': async (ctx) => {
      const e = engine(ctx);
      const h = heldEnrolment(e.raw);
      if (!h) throw new ApiError('validation', '没有等待完成的注册', 'No enrolment is waiting to be finished');
      const kept = listKept(e.raw).length;
      completeEnrolment({ raw: e.raw, session: ctx.session }, h, ctx.now(), true);
      await e.syncNow().catch(() => {}); // what remains goes to HQ right away; its outcome shows in the status
      return { pending: false, role: h.answer.role, userName: h.answer.userName, scopePath: h.answer.scopePath, refused: listKept(e.raw).slice(kept) };
    },
    'sync.kept': async (ctx) => listKept(engine(ctx).raw),
    'sync.keptExport': async (ctx) => {
      const raw = engine(ctx).raw;
      const r = review(raw);
      return exportRecords(raw, r.role ?? ctx.session.role, r.pending ? r.refused : listKept(raw), ctx.now());
    },
    'sync.keptDiscard': async (ctx) => {
      const raw = engine(ctx).raw;
      if (heldEnrolment(raw)) throw new ApiError('validation', '请先完成注册', 'Finish the enrolment first');
      return { removed: discardKept(raw) };
    },
  };
}
