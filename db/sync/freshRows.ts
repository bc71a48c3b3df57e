// The rows of a pull that this device holds nothing of, gathered per table before the bulk load
// (./bulk.ts) writes them: each row's cells with their stamps, and the column lists rows share.
import type { CellValue } from '../../shared/sync/protocol.js';

export interface Stamped {
  value: CellValue;
  hlc: string;
}

/**
 * One fresh row, merged from every event of the batch that carried it. `c` and `hx` are the wire
 * row's own objects until a second event for the row arrives (most rows arrive once).
 */
export interface FreshRow {
  t: string;
  id: string;
  /** The row stamp of its first event: what the one-by-one path would keep as the row clock. */
  h: string;
  c: Record<string, CellValue>;
  /** Stamps of the cells whose stamp is not `h`. */
  hx: Record<string, string> | undefined;
  /** Events merged into it (each counts as an applied row, as it would one by one). */
  events: number;
  /** Whether c and hx are copies this row may change (not the wire row's). */
  own?: boolean;
  /** The columns of `c` in order, shared by the rows that carry the same ones (see ColumnLists). */
  cols?: string[];
}

/**
 * Rows of a table nearly always carry the same columns in the same order: each wire row is
 * compared with the table's previous one (no string built, no set looked up per cell), and rows
 * that match share one column list, which also groups them for the multi-row inserts.
 */
export class ColumnLists {
  private last = new Map<string, { cols: string[]; known: boolean }>();

  /** The row's column list, and whether the local table has every one of those columns. */
  of(t: string, c: Record<string, unknown>, known: Set<string>): { cols: string[]; known: boolean } {
    const prev = this.last.get(t);
    if (prev) {
      let i = 0;
      let same = true;
      for (const k in c) {
        if (prev.cols[i++] !== k) {
          same = false;
          break;
        }
      }
      if (same && i === prev.cols.length) return prev;
    }
    const cols = Object.keys(c);
    const next = { cols, known: cols.every((k) => known.has(k)) };
    this.last.set(t, next);
    return next;
  }
}

/** Fresh rows of a batch by table and id (no combined key string built per row). */
export class FreshRows {
  readonly byTable = new Map<string, Map<string, FreshRow>>();
  size = 0;
  get(t: string, id: string): FreshRow | undefined {
    return this.byTable.get(t)?.get(id);
  }
  add(r: FreshRow): void {
    let m = this.byTable.get(r.t);
    if (!m) this.byTable.set(r.t, (m = new Map()));
    if (!m.has(r.id)) this.size++;
    m.set(r.id, r);
  }
  delete(t: string, id: string): void {
    if (this.byTable.get(t)?.delete(id)) this.size--;
  }
}

export const cellHlc = (r: { h: string; hx?: Record<string, string> }, col: string): string => r.hx?.[col] ?? r.h;

/** Folds a later event's cells into a fresh row: per cell, the higher stamp wins. */
export function mergeInto(r: FreshRow, c: Record<string, CellValue>, h: string, hx: Record<string, string> | undefined, known: Set<string>): void {
  for (const col in c) {
    if (!known.has(col)) continue;
    const hlc = hx?.[col] ?? h;
    if (col in r.c && cellHlc(r, col) >= hlc) continue;
    if (!r.own) {
      r.c = { ...r.c };
      r.hx = { ...r.hx };
      r.own = true;
    }
    r.cols = undefined;
    r.c[col] = c[col]!;
    if (hlc === r.h) delete r.hx![col];
    else r.hx![col] = hlc;
  }
}
