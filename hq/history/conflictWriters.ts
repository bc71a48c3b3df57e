// Conflict records name who wrote each side. The row set (hq/rowset.ts) knows only the device of
// a stamp, so on its own it would name that device's enrolled user; on a shared outlet PC that is
// not the person who made the change. Before the push's records are written, the ones it writes or
// rewrites get the writer of each stamp: from the push's own writes (WireWrite.w), else from HQ's
// history (which recorded the writer of every applied change), read a few thousand stamps per
// query, not one query per row. A stamp whose writer nobody recorded (an older app, HQ's own writes)
// keeps the device's user name.
import { CompiledQuery, PostgresAdapter, type Transaction } from 'kysely';
import type { WireWrite } from '../../shared/sync/protocol.js';
import { decodeWriter, fromWire } from '../../shared/history/writer.js';
import type { StoredAnswer } from '../merge.js';
import { placeOf, type RowSet } from '../rowset.js';
import type { HqDB } from '../schema.js';

/** The writer's name of every stamp on a conflict record this push writes, where one is known. */
export async function conflictWriterNames(trx: Transaction<HqDB>, rows: RowSet, writes: WireWrite[], answers: Map<number, StoredAnswer>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const touched: { tbl: string; rowId: string; hlcs: string[] }[] = [];
  for (const s of rows.rows.values()) {
    const { moved } = placeOf(s);
    if (moved) await rows.conflicts(s); // their records follow the row, so they are rewritten
    const hlcs: string[] = [];
    for (const list of [s.conflicts?.values() ?? [], s.added.values()])
      for (const c of list) if (c.dirty || moved) hlcs.push(c.loser.hlc, c.winner.hlc);
    if (hlcs.length) touched.push({ tbl: s.tbl, rowId: s.rowId, hlcs });
  }
  if (!touched.length) return names;
  for (const w of writes) {
    const n = fromWire(w.w ?? null)?.name;
    if (!n) continue;
    names.set(w.h, n);
    const restamped = answers.get(w.s)?.h;
    if (restamped) names.set(restamped, n);
  }
  // Stamps written by earlier pushes: their writer is in HQ's history. Rows go in groups of one
  // table, a few thousand parameters at most (a moved row brings every record it has).
  const wanted = new Set<string>();
  const groups: { tbl: string; rowIds: Set<string>; hlcs: Set<string> }[] = [];
  for (const t of touched) {
    const hlcs = t.hlcs.filter((h) => !names.has(h));
    if (!hlcs.length) continue;
    let g = groups.at(-1);
    if (!g || g.tbl !== t.tbl || g.rowIds.size + g.hlcs.size + hlcs.length > 5000) groups.push((g = { tbl: t.tbl, rowIds: new Set(), hlcs: new Set() }));
    g.rowIds.add(t.rowId);
    for (const h of hlcs) {
      g.hlcs.add(h);
      wanted.add(`${t.tbl}\u0000${t.rowId}\u0000${h}`);
    }
  }
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  const marks = (from: number, n: number) => Array.from({ length: n }, (_, i) => (pg ? `$${from + i}` : '?')).join(', ');
  for (const { tbl, rowIds, hlcs } of groups) {
    const found = await trx.executeQuery<{ row_id: string; hlc: string; writer: string }>(CompiledQuery.raw(
      `SELECT row_id, hlc, writer FROM hq_history WHERE tbl = ${marks(1, 1)} AND row_id IN (${marks(2, rowIds.size)}) AND hlc IN (${marks(2 + rowIds.size, hlcs.size)}) AND writer IS NOT NULL`,
      [tbl, ...rowIds, ...hlcs],
    ));
    for (const f of found.rows) {
      if (!wanted.has(`${tbl}\u0000${f.row_id}\u0000${f.hlc}`)) continue; // the stamp of another row
      const n = decodeWriter(f.writer)?.name;
      if (n) names.set(f.hlc, n);
    }
  }
  return names;
}
