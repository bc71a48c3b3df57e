// One page of HQ's history as a device may see it: its scope (and reference data above it), after
// its cursor, without tables HQ withholds from its role, values masked for that role. Served by
// POST /v1/history (route.ts) and carried in relay answers (hq/relay/relay.ts), the same for both.
import { sql, type SqlBool } from 'kysely';
import type { HistoryPullAnswer } from '../../shared/history/wire.js';
import { isWithheld } from '../../shared/sync/privacy.js';
import { ancestorPaths, INHERITED_TABLES } from '../../shared/sync/tables.js';
import type { Device } from '../auth.js';
import { num, type HqStore } from '../store.js';
import { historyDb } from './table.js';
import { toWireEntry } from './wire.js';

const END = '\uffff';

export async function historyPage(store: HqStore, d: Pick<Device, 'role' | 'scopePath'>, after: number, limit: number): Promise<HistoryPullAnswer> {
  const db = historyDb(store.db);
  const top = await db.selectFrom('hq_history').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const head = top ? num(top.seq) : 0;
  const scope = d.scopePath;
  const rows = await db
    .selectFrom('hq_history')
    .selectAll()
    .where('seq', '>', after)
    .where('seq', '<=', head)
    .where(sql<SqlBool>`((scope_path >= ${scope} AND scope_path < ${scope + END}) OR (tbl IN (${sql.join([...INHERITED_TABLES])}) AND scope_path IN (${sql.join(ancestorPaths(scope))})))`)
    .orderBy('seq')
    .limit(limit)
    .execute();
  const more = rows.length === limit;
  const cursor = more ? num(rows.at(-1)!.seq) : Math.max(head, after);
  // rows HQ withholds from this role (shared/sync/privacy.ts) have no history on its device either
  return { entries: rows.filter((r) => !isWithheld(d.role, r.tbl)).map((r) => toWireEntry(d.role, r)), cursor, more, hqTime: Date.now() };
}

/** Pages from `after` until caught up or about `maxBytes` of JSON: what one relay answer carries. */
export async function historySince(store: HqStore, d: Pick<Device, 'role' | 'scopePath'>, after: number, maxBytes: number, pageSize: number): Promise<HistoryPullAnswer> {
  const out: HistoryPullAnswer = { entries: [], cursor: after, more: false, hqTime: Date.now() };
  let bytes = 0;
  for (;;) {
    const p = await historyPage(store, d, out.cursor, pageSize);
    out.entries.push(...p.entries);
    Object.assign(out, { cursor: p.cursor, more: p.more, hqTime: p.hqTime });
    bytes += JSON.stringify(p.entries).length;
    if (!p.more || bytes >= maxBytes) return out;
  }
}
