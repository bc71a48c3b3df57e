// When does a write count as a *concurrent loss* (and so deserve a conflict record)?
// Order all accepted writes of one cell by stamp. Each write is overwritten by the next one.
// The overwrite was deliberate when the next writer had the earlier value in front of them,
// i.e. the next write's base stamp is the earlier write's stamp; otherwise the two were
// concurrent and the earlier value was lost without anyone seeing it. Because this depends only
// on the set of writes, never on the order HQ received them, every replica and the test oracle
// agree on it.
import { APPEND_ONLY, QUIET_COLUMNS } from './tables.js';
import type { CellValue } from './protocol.js';

export interface CellWrite {
  hlc: string;
  /** The stamp of the value this write replaced on its device ('' when there was none). */
  base: string;
  value: CellValue;
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  return a === b;
}

export function isConcurrentLoss(table: string, column: string, earlier: CellWrite, next: CellWrite): boolean {
  if (APPEND_ONLY.has(table) || QUIET_COLUMNS.has(column)) return false;
  if (next.base === earlier.hlc) return false;
  // Nothing is lost when both wrote the same value (two devices deleting the same record).
  return !sameValue(earlier.value, next.value);
}

/** All concurrent losses among a cell's writes (used by the property test's oracle). */
export function concurrentLosses(table: string, column: string, writes: CellWrite[]): CellWrite[] {
  const sorted = [...writes].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const out: CellWrite[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) if (isConcurrentLoss(table, column, sorted[i]!, sorted[i + 1]!)) out.push(sorted[i]!);
  return out;
}
