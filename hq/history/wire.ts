// A history entry as a device may receive it: scoped like the rows it may hold, values masked
// for its role (ids and phones for instructors and auditors, hidden addresses and amounts).
import type { Role } from '../../shared/domain/enums.js';
import { maskRow, maskValue } from '../../shared/history/sensitive.js';
import type { WireHistoryEntry } from '../../shared/history/wire.js';
import { fromWire, toWire, type WireWriter } from '../../shared/history/writer.js';
import { num } from '../store.js';
import type { HqHistoryTable } from './table.js';

const parse = (s: string | null): unknown => (s === null ? null : (JSON.parse(s) as unknown));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** `full`: values as the role may hold them (organisers and HQ: full; others masked). */
export function maskedValues(role: Role | 'operator', e: Pick<HqHistoryTable, 'tbl' | 'col' | 'op' | 'old_value' | 'new_value'>, full: boolean): { o: string | null; n: string | null } {
  if (e.op === 'insert') {
    const row = parse(e.new_value);
    return { o: null, n: row && typeof row === 'object' ? text(maskRow(role, e.tbl, row as Record<string, unknown>, full).value) : e.new_value };
  }
  return { o: text(maskValue(role, e.tbl, e.col, parse(e.old_value), full).value), n: text(maskValue(role, e.tbl, e.col, parse(e.new_value), full).value) };
}

export function toWireEntry(role: Role, e: HqHistoryTable): WireHistoryEntry {
  const { o, n } = maskedValues(role, e, true);
  let w: WireWriter | null = null;
  if (e.writer) {
    const who = fromWire(JSON.parse(e.writer) as WireWriter);
    w = who ? toWire(who) : null;
  }
  return { seq: num(e.seq), t: e.tbl, r: e.row_id, p: e.scope_path, op: e.op as WireHistoryEntry['op'], c: e.col, o, n, w, d: e.device_id, h: e.hlc, at: e.at };
}
