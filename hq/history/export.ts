// HQ's history of one organisation (a scope) for a period, to .xlsx: every entry with field,
// old → new, writer, role, device and time. Ids and phones masked and addresses hidden unless the
// operator asks for full values; every export is logged in HQ's log (who asked, what, how many).
import ExcelJS from 'exceljs';
import { sql, type SqlBool } from 'kysely';
import { columnLabel } from '../../shared/history/labels.js';
import { shown } from '../../shared/history/present.js';
import { isReference, named } from '../../shared/history/references.js';
import { decodeWriter } from '../../shared/history/writer.js';
import { ROLES } from '../../shared/domain/enums.js';
import { logEvent } from '../log.js';
import type { HqStore } from '../store.js';
import { num } from '../store.js';
import { historyDb } from './table.js';
import { hqNamesOf } from './names.js';
import { maskedValues } from './wire.js';

const END = '\uffff';
/** A stored JSON value as a cell shows it: text as text, anything else as its JSON. */
const cell = (j: string | null) => (j === null ? null : shown(JSON.parse(j) as unknown));
const OP = { insert: '新建 created', update: '修改 changed', delete: '删除 deleted' } as const;

export interface ExportOptions {
  scope: string;
  from: string;
  to: string;
  full?: boolean;
  by?: string;
}

/** Beijing days [from, to] as HQ's receipt times (UTC ISO). */
function period(from: string, to: string): [string, string] {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) throw new Error('--from/--to must be dates YYYY-MM-DD, from not after to');
  return [start.toISOString(), end.toISOString()];
}

export async function exportHistory(store: HqStore, opts: ExportOptions): Promise<{ buffer: Buffer; rows: number }> {
  const [start, end] = period(opts.from, opts.to);
  const rows = await historyDb(store.db)
    .selectFrom('hq_history')
    .selectAll()
    .where(sql<SqlBool>`scope_path >= ${opts.scope} AND scope_path < ${opts.scope + END}`)
    .where('at', '>=', start)
    .where('at', '<', end)
    .orderBy('seq')
    .execute();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('修改记录');
  ws.addRow([`修改记录 History · ${opts.scope} · ${opts.from} 至 ${opts.to}${opts.full ? '' : '（身份证号、手机号已脱敏，地址等已隐藏）'}`]);
  ws.addRow(['序号 No.', '时间 Time', '表 Table', '记录 Record', '操作 Action', '字段 Field', '原值 Old', '新值 New', '修改人 Writer', '角色 Role', '设备 Device', '链哈希 Hash']);
  ws.getRow(2).font = { bold: true };
  const values = rows.map((r) => maskedValues('operator', r, !!opts.full)).map((v) => ({ o: cell(v.o), n: cell(v.n) }));
  // References read as names (the id beside them), and each changed record by its name.
  const refs: string[] = rows.map((r) => r.row_id);
  rows.forEach((r, i) => { for (const x of [values[i]!.o, values[i]!.n]) if (isReference(r.col, x)) refs.push(x); });
  const names = await hqNamesOf(store.db, refs);
  const ref = (col: string, x: string | null) => (isReference(col, x) ? named(x, names.get(x)) : x);
  for (const [i, r] of rows.entries()) {
    const v = values[i]!;
    const w = decodeWriter(r.writer);
    const label = columnLabel(r.col, r.tbl);
    ws.addRow([
      num(r.seq), r.at, r.tbl, named(r.row_id, names.get(r.row_id)), OP[r.op as keyof typeof OP] ?? r.op, r.col ? `${label.zh} ${label.en}` : '', ref(r.col, v.o), ref(r.col, v.n),
      w?.name ?? '未知 unknown', w?.role ? ROLES[w.role].zh : '', r.device_id, r.hash.slice(0, 16),
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = [8, 26, 16, 38, 12, 18, 24, 24, 14, 12, 38, 18][i]));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await logEvent(store, 'history_export', null, { by: opts.by ?? process.env.USER ?? 'operator', scope: opts.scope, from: opts.from, to: opts.to, rows: rows.length, full: !!opts.full });
  return { buffer, rows: rows.length };
}
