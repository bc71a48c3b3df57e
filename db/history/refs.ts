// A value of history that points at another record (outlet_id, branch_id, county_id, a person …)
// reads as that record's name. Ids are UUIDs unique across tables, so each referenced id is looked
// up in the tables that have a name (shared/history/references.ts): one query per such table for a
// whole history, not one per value. Only records the viewer could open on this device name
// themselves (their scope; org units also above it, as in the tree); an id nobody here knows keeps
// its short form on screen.
import { sql } from 'kysely';
import { isUnder } from '../../shared/core/scope.js';
import { isReference, NAMED_TABLES } from '../../shared/history/references.js';
import type { HistoryEntry } from '../../shared/history/types.js';
import type { ApiContext } from '../context.js';

/** Seen in the tree above one's scope (a county's city, the province). */
const ABOVE_SCOPE = new Set(['org_units']);

/** Names of the records `ids` point at, as the viewer may see them. */
export async function namesOf(ctx: ApiContext, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  const out = new Map<string, string>();
  if (!list.length) return out;
  const scope = ctx.session.scopePath;
  for (const [table, column] of NAMED_TABLES) {
    for (let i = 0; i < list.length && out.size < list.length; i += 500) {
      const part = list.slice(i, i + 500).filter((id) => !out.has(id));
      if (!part.length) continue;
      const r = await sql<{ id: string; label: string; scope_path: string }>`SELECT id, ${sql.ref(column)} AS label, scope_path FROM ${sql.table(table)} WHERE id IN (${sql.join(part)})`.execute(ctx.db);
      for (const row of r.rows) if (row.label && (ABOVE_SCOPE.has(table) || isUnder(row.scope_path, scope))) out.set(row.id, row.label);
    }
  }
  return out;
}

/** The entries with the names of the records their values point at (`oldRef`/`newRef`). */
export async function withReferences(ctx: ApiContext, entries: HistoryEntry[]): Promise<HistoryEntry[]> {
  const ids: string[] = [];
  for (const e of entries) for (const v of [e.oldValue, e.newValue]) if (isReference(e.col, v)) ids.push(v);
  const names = await namesOf(ctx, ids);
  if (!names.size) return entries;
  return entries.map((e) => {
    const o = isReference(e.col, e.oldValue) ? names.get(e.oldValue) : undefined;
    const n = isReference(e.col, e.newValue) ? names.get(e.newValue) : undefined;
    return o || n ? { ...e, ...(o ? { oldRef: o } : {}), ...(n ? { newRef: n } : {}) } : e;
  });
}
