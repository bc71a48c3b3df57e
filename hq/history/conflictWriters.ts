// Conflict records name who wrote each side. The row set (hq/rowset.ts) knows only the device of
// a stamp, so it names that device's enrolled user; on a shared outlet PC that is not the person
// who made the change. Right after the push's records are written, the ones it wrote or rewrote
// get the writer of each stamp: from the push's own writes (WireWrite.w), else from HQ's history
// (which recorded the writer of every applied change). A stamp whose writer nobody recorded (an
// older app, HQ's own writes) keeps the device's user name.
import { sql, type Transaction } from 'kysely';
import type { WireWrite } from '../../shared/sync/protocol.js';
import { decodeWriter, fromWire } from '../../shared/history/writer.js';
import type { StoredAnswer } from '../merge.js';
import type { ConflictRec, RowSet } from '../rowset.js';
import type { HqDB } from '../schema.js';
import { historyDb } from './table.js';

export async function nameConflictWriters(trx: Transaction<HqDB>, rows: RowSet, writes: WireWrite[], answers: Map<number, StoredAnswer>): Promise<void> {
  const touched: { tbl: string; rowId: string; c: ConflictRec }[] = [];
  for (const s of rows.rows.values()) {
    const moved = s.exists && s.scope !== s.origScope;
    for (const list of [s.conflicts?.values() ?? [], s.added.values()])
      for (const c of list) if (c.dirty || moved) touched.push({ tbl: s.tbl, rowId: s.rowId, c });
  }
  if (!touched.length) return;
  const names = new Map<string, string>();
  for (const w of writes) {
    const n = fromWire(w.w ?? null)?.name;
    if (!n) continue;
    names.set(w.h, n);
    const restamped = answers.get(w.s)?.h;
    if (restamped) names.set(restamped, n);
  }
  // Stamps written by earlier pushes: their writer is in HQ's history (one query per row, rows with conflicts are few).
  const byRow = new Map<string, { tbl: string; rowId: string; hlcs: Set<string> }>();
  for (const t of touched)
    for (const h of [t.c.loser.hlc, t.c.winner.hlc]) {
      if (names.has(h)) continue;
      const k = `${t.tbl}\u0000${t.rowId}`;
      (byRow.get(k) ?? byRow.set(k, { tbl: t.tbl, rowId: t.rowId, hlcs: new Set() }).get(k)!).hlcs.add(h);
    }
  for (const r of byRow.values()) {
    const found = await historyDb(trx)
      .selectFrom('hq_history').select(['hlc', 'writer'])
      .where('tbl', '=', r.tbl).where('row_id', '=', r.rowId).where('hlc', 'in', [...r.hlcs]).where('writer', 'is not', null)
      .execute();
    for (const f of found) {
      const n = decodeWriter(f.writer)?.name;
      if (n) names.set(f.hlc, n);
    }
  }
  for (const { c } of touched) {
    const loser = names.get(c.loser.hlc);
    const winner = names.get(c.winner.hlc);
    if (!loser && !winner) continue;
    await sql`UPDATE hq_conflicts SET loser_user = COALESCE(${loser ?? null}, loser_user), winner_user = COALESCE(${winner ?? null}, winner_user) WHERE id = ${c.id}`.execute(trx);
  }
}
