// What HQ's rows take as stored, against the same rows with a stamp in every cell (the form before
// hq/cells.ts): both counted from the one store in the same run, so the ratio compares like with like.
import { sql } from 'kysely';
import { readCells } from '../hq/cells.js';
import type { HqStore } from '../hq/store.js';

export async function storedCellBytes(store: HqStore): Promise<{ now: number; stampPerCell: number; rows: number }> {
  const r = await sql<{ cells: string; stamps: string | null }>`SELECT cells, stamps FROM hq_rows`.execute(store.db);
  let now = 0;
  let stampPerCell = 0;
  for (const x of r.rows) {
    now += Buffer.byteLength(x.cells) + (x.stamps === null ? 0 : Buffer.byteLength(x.stamps));
    stampPerCell += Buffer.byteLength(JSON.stringify(readCells(x.cells, x.stamps)));
  }
  return { now, stampPerCell, rows: r.rows.length };
}

export function storedCellsFigure(s: { now: number; stampPerCell: number; rows: number }): string {
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  return `${mb(s.now)} for ${s.rows.toLocaleString('en')} rows with each stamp once per row, against ${mb(s.stampPerCell)} with a stamp in every cell (the form before): ${Math.round((100 * s.now) / s.stampPerCell)}%`;
}
