// HQ's export names the records a change points at (and the changed record itself) from the rows
// HQ holds: one query per named table for the whole export (shared/history/references.ts).
import type { Kysely } from 'kysely';
import { NAMED_TABLES } from '../../shared/history/references.js';
import type { Cell } from '../rowset.js';
import type { HqDB } from '../schema.js';

export async function hqNamesOf(db: Kysely<HqDB>, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  const out = new Map<string, string>();
  for (const [table, column] of NAMED_TABLES) {
    for (let i = 0; i < list.length; i += 500) {
      const part = list.slice(i, i + 500).filter((id) => !out.has(id));
      if (!part.length) continue;
      const rows = await db.selectFrom('hq_rows').select(['row_id', 'cells']).where('tbl', '=', table).where('row_id', 'in', part).execute();
      for (const r of rows) {
        const v = (JSON.parse(r.cells) as Record<string, Cell | undefined>)[column]?.[0];
        if (typeof v === 'string' && v) out.set(r.row_id, v);
      }
    }
  }
  return out;
}
