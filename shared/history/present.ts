// Turning stored history rows (values as JSON text) into what a viewer sees: a created row
// becomes one entry per field it was created with, every value masked as the viewer's role requires.
import type { Role } from '../domain/enums.js';
import { hlcMs, hlcNode } from '../sync/hlc.js';
import { QUIET_COLUMNS } from '../sync/tables.js';
import { columnLabel } from './labels.js';
import { named } from './references.js';
import { maskRow, maskValue } from './sensitive.js';
import type { HistoryEntry, HistoryOp, HistorySource } from './types.js';
import { decodeWriter } from './writer.js';

export interface StoredHistoryRow {
  id: number | string;
  tbl: string;
  row_id: string;
  op: string;
  col: string;
  old_value: string | null;
  new_value: string | null;
  writer: string | null;
  device_id: string | null;
  hlc: string;
  at: string | null;
  source: string;
}

/** Bookkeeping a created row carries that is no field of the record. */
const NOT_FIELDS = new Set(['scope_path', 'created_at', 'synthetic', 'deleted', ...QUIET_COLUMNS]);

const parse = (s: string | null): unknown => {
  if (s === null) return null;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
};

export const shown = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

export function presentRow(r: StoredHistoryRow, role: Role | 'operator', full = false): HistoryEntry[] {
  const base = {
    tbl: r.tbl,
    rowId: r.row_id,
    op: r.op as HistoryOp,
    writer: decodeWriter(r.writer),
    deviceId: r.device_id ?? hlcNode(r.hlc),
    at: r.at ?? new Date(hlcMs(r.hlc)).toISOString(),
    source: r.source as HistorySource,
  };
  if (r.op === 'insert') {
    const row = parse(r.new_value);
    const fields = row && typeof row === 'object' ? (row as Record<string, unknown>) : {};
    const m = maskRow(role, r.tbl, fields, full).value;
    return Object.entries(m)
      .filter(([c, v]) => !NOT_FIELDS.has(c) && v !== null)
      .map(([c, v]) => ({ ...base, id: `${r.id}:${c}`, col: c, label: columnLabel(c, r.tbl), oldValue: null, newValue: shown(v), masked: m[c] !== fields[c] }));
  }
  const o = maskValue(role, r.tbl, r.col, parse(r.old_value), full);
  const n = maskValue(role, r.tbl, r.col, parse(r.new_value), full);
  return [{ ...base, id: String(r.id), col: r.col, label: columnLabel(r.col, r.tbl), oldValue: shown(o.value), newValue: shown(n.value), masked: o.masked || n.masked }];
}

/** One line of an export: 时间, 表, 记录, 字段, 原值, 新值, 修改人, 角色, 设备, 途径. */
export const EXPORT_HEADERS = ['时间 Time', '表 Table', '记录 Record', '字段 Field', '原值 Old', '新值 New', '修改人 Writer', '角色 Role', '设备 Device', '途径 Via'];


/** `record`: the name of the changed record itself, when known. */
export function exportLine(e: HistoryEntry, record?: string): (string | null)[] {
  return [
    e.at, e.tbl, named(e.rowId, record), `${e.label.zh} ${e.label.en}`, named(e.oldValue, e.oldRef), named(e.newValue, e.newRef), e.writer?.name ?? '未知 unknown', e.writer?.role ?? null, e.deviceId,
    e.source === 'app' ? '本机 app' : '同步 sync',
  ];
}
