// What HQ holds for one row, cell by cell ([value, hlc, version, base]), whichever stored form the row
// is in (hq/cells.ts): tests look at stamps through this, not at the stored text.
import { sql, type Kysely } from 'kysely';
import { readCells, type Cell } from '../../hq/cells.js';
import type { HqDB } from '../../hq/schema.js';

export async function heldCells(db: Kysely<HqDB>, tbl: string | null, rowId: string): Promise<Record<string, Cell>> {
  const r = await sql<{ cells: string; stamps: string | null }>`SELECT cells, stamps FROM hq_rows WHERE row_id = ${rowId} ${tbl === null ? sql`` : sql`AND tbl = ${tbl}`}`.execute(db);
  if (r.rows.length !== 1) throw new Error(`HQ holds ${r.rows.length} rows ${tbl ?? '*'}/${rowId}`);
  return readCells(r.rows[0]!.cells, r.rows[0]!.stamps);
}
