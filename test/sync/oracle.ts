// The property test's independent account of what happened: every user write with the stamp
// it got and the stamp of the value it overwrote on its device, and the state HQ should end in.
import type Database from 'better-sqlite3';
import { concurrentLosses, type CellWrite } from '../../shared/sync/conflicts.js';
import type { CellValue } from '../../shared/sync/protocol.js';

export interface OracleWrite extends CellWrite {
  tbl: string;
  rowId: string;
  col: string;
}

/** The stamp of the value a device shows for a cell right now: its newest unsent write or what sync stored. */
export function heldStamp(raw: Database.Database, tbl: string, rowId: string, col: string): string {
  let h = '';
  for (const r of raw.prepare(`SELECT hlc, cols FROM sync_outbox WHERE tbl = ? AND row_id = ?`).all(tbl, rowId) as { hlc: string; cols: string }[])
    if (col in JSON.parse(r.cols) && r.hlc > h) h = r.hlc;
  const cell = raw.prepare(`SELECT hlc FROM sync_cell_clock WHERE tbl = ? AND row_id = ? AND col = ?`).get(tbl, rowId, col) as { hlc: string } | undefined;
  const held = cell?.hlc ?? (raw.prepare(`SELECT hlc FROM sync_row_clock WHERE tbl = ? AND row_id = ?`).get(tbl, rowId) as { hlc: string } | undefined)?.hlc ?? '';
  return held > h ? held : h;
}

export class Oracle {
  readonly writes: OracleWrite[] = [];

  /** Runs a local write and records what it captured. */
  record(raw: Database.Database, tbl: string, rowId: string, cols: string[], write: () => void): void {
    const before = Object.fromEntries(cols.map((c) => [c, heldStamp(raw, tbl, rowId, c)]));
    const last = (raw.prepare(`SELECT max(seq) AS s FROM sync_outbox`).get() as { s: number | null }).s ?? 0;
    write();
    const rows = raw.prepare(`SELECT hlc, cols FROM sync_outbox WHERE seq > ?`).all(last) as { hlc: string; cols: string }[];
    for (const r of rows) {
      const captured = JSON.parse(r.cols) as Record<string, CellValue>;
      for (const [col, value] of Object.entries(captured)) this.writes.push({ tbl, rowId, col, hlc: r.hlc, base: before[col] ?? '', value });
    }
  }

  conflictCount(): number {
    const cells = new Map<string, OracleWrite[]>();
    for (const w of this.writes) {
      const k = `${w.tbl}\u0000${w.rowId}\u0000${w.col}`;
      (cells.get(k) ?? cells.set(k, []).get(k)!).push(w);
    }
    let n = 0;
    for (const list of cells.values()) n += concurrentLosses(list[0]!.tbl, list[0]!.col, list).length;
    return n;
  }

  /** The value each cell must end with everywhere: the write with the highest stamp. */
  finalValues(): Map<string, CellValue> {
    const best = new Map<string, OracleWrite>();
    for (const w of this.writes) {
      const k = `${w.tbl}\u0000${w.rowId}\u0000${w.col}`;
      const b = best.get(k);
      if (!b || w.hlc > b.hlc) best.set(k, w);
    }
    return new Map([...best].map(([k, w]) => [k, w.value]));
  }
}
