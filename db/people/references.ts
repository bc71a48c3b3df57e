// Where rows point at a person. Discovered from the live schema rather than listed by hand, so a
// table a later issue adds (points, dues, talks …) is re-pointed by a merge without anyone
// remembering to: any synced table with a `person_id` or `*_person_id` column, plus the recruit
// pipeline's cultivators and introducers.
import { sql } from 'kysely';
import type { Db } from '../context.js';

export interface RefColumn {
  table: string;
  column: string;
}

const EXTRA = new Set(['recruits.cultivator1_id', 'recruits.cultivator2_id', 'recruits.introducer1_id', 'recruits.introducer2_id']);
/** Derived or audit tables: the index rebuilds itself, and an audit row records what happened to whom. */
const SKIP = new Set(['people_search', 'person_merges', 'registry_audit']);

let cached: { key: string; cols: RefColumn[] } | null = null;

export async function referenceColumns(db: Db): Promise<RefColumn[]> {
  const rows = await sql<{ tbl: string; col: string }>`
    SELECT m.name AS tbl, c.name AS col FROM sqlite_master m JOIN pragma_table_info(m.name) c
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.cid`.execute(db);
  const key = rows.rows.map((r) => `${r.tbl}.${r.col}`).join(',');
  if (cached?.key === key) return cached.cols;
  const colsOf = new Map<string, Set<string>>();
  for (const r of rows.rows) (colsOf.get(r.tbl) ?? colsOf.set(r.tbl, new Set()).get(r.tbl)!).add(r.col);
  const out: RefColumn[] = [];
  for (const [table, cols] of colsOf) {
    if (SKIP.has(table) || !cols.has('deleted') || !cols.has('updated_at') || !cols.has('id')) continue;
    for (const column of cols) if (/^(\w+_)?person_id$/.test(column) || EXTRA.has(`${table}.${column}`)) out.push({ table, column });
  }
  cached = { key, cols: out };
  return out;
}
