// How HQ stores a row's cells (hq_rows.cells and hq_rows.stamps). Most cells of a row were written
// together and share one stamp (hlc, version, base): each cell keeps its value and the index of its
// stamp in the row's list of stamps, instead of repeating a 52-character stamp in every cell (on a
// province's first push that repetition was 61% of the cells' bytes). Rows stored before this form
// have no stamps and hold [value, hlc, version, base] per cell; both read the same. The value stays
// first either way, so SQL that looks at `"col":[value` (the tombstone index, json_extract '$.col[0]',
// LIKE) reads both.
import type { CellValue } from '../shared/sync/protocol.js';

/** [value, hlc, version, base] */
export type Cell = [CellValue, string, number, string];
type Stamp = [string, number, string];

/** A row's cells as the merge, the pull and the purge use them, from either stored form. */
export function readCells(cells: string, stamps: string | null): Record<string, Cell> {
  if (stamps === null) return JSON.parse(cells) as Record<string, Cell>;
  const list = JSON.parse(stamps) as Stamp[];
  const compact = JSON.parse(cells) as Record<string, [CellValue, number]>;
  const out: Record<string, Cell> = {};
  for (const col in compact) {
    const [value, i] = compact[col]!;
    const s = list[i];
    if (!s) throw new Error(`hq_rows: cell ${col} names stamp ${i} of ${list.length}`);
    out[col] = [value, s[0], s[1], s[2]];
  }
  return out;
}

/** The stored form: [cells, stamps], each stamp listed once, in the order the cells first use it. */
export function storedCells(cells: Record<string, Cell>): [string, string] {
  const list: Stamp[] = [];
  const compact: Record<string, [CellValue, number]> = {};
  for (const col in cells) {
    const c = cells[col]!;
    // A row has few distinct stamps: a scan beats building a key per cell.
    let i = 0;
    while (i < list.length && !(list[i]![0] === c[1] && list[i]![1] === c[2] && list[i]![2] === c[3])) i++;
    if (i === list.length) list.push([c[1], c[2], c[3]]);
    compact[col] = [c[0], i];
  }
  return [JSON.stringify(compact), JSON.stringify(list)];
}
