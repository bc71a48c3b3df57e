// The push half on the device: turn waiting writes into a batch (with the stamp each column
// overwrote), then fold HQ's per-write answers back in one transaction.
import type Database from 'better-sqlite3';
import { hlcMs, maxHlc } from '../../shared/sync/hlc.js';
import { resultsOf, type CellValue, type PushAnswerItem, type PushWireAnswerItem, type WireWrite } from '../../shared/sync/protocol.js';
import { ClockCache, Local, PendingIndex, rowKey, type PendingWrite } from './local.js';
import type { OutboxRows } from './outboxRows.js';
import { clockOf, persistClock, withoutCapture } from './state.js';
import { withWriters } from '../history/outbox.js';

export interface Batch {
  writes: WireWrite[];
  pending: PendingWrite[];
  /** The push run's row index of the outbox, when it keeps one (db/sync/outboxRows.ts). */
  rows?: OutboxRows;
}

/** The next `max` waiting writes, oldest first. A write is one row's change, so batches never split one. */
/** Changes waiting to be sent, and when the oldest of them was made (the 同步 screen, the hello report, relay). */
export function waitingChanges(raw: Database.Database): { count: number; oldestAt: string | null } {
  const count = (raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n;
  const oldest = count ? (raw.prepare(`SELECT hlc FROM sync_outbox WHERE tbl <> '' ORDER BY seq LIMIT 1`).get() as { hlc: string } | undefined) : undefined;
  return { count, oldestAt: oldest ? new Date(hlcMs(oldest.hlc)).toISOString() : null };
}

export function nextBatch(raw: Database.Database, max: number, rows?: OutboxRows): Batch {
  const local = Local.of(raw);
  const pending = local.pending(0, max);
  const clocks = new ClockCache(local);
  clocks.preload(pending);
  // The batch's earlier writes of each row: a column's base is the newest of them that wrote it.
  const earlier = new Map<string, PendingWrite[]>();
  const writes = pending.map((w): WireWrite => {
    const k = rowKey(w.tbl, w.rowId);
    const held = clocks.get(w.tbl, w.rowId);
    const sameRow = earlier.get(k); // this row's writes in the batch so far, this one last
    if (sameRow) sameRow.push(w);
    else earlier.set(k, [w]);
    const out: WireWrite = { s: w.seq, t: w.tbl as WireWrite['t'], r: w.rowId, h: w.hlc, p: w.scope, c: w.cols };
    // A row new to sync, written once in the batch (a first push is all of them): every base is ''.
    if (!sameRow && !w.base && !held.row && !held.cells.size && Object.keys(w.cols).length) return out;
    const base: Record<string, string> = {};
    let only: string | undefined;
    let mixed = false;
    for (const col of Object.keys(w.cols)) {
      // Written over the previous waiting write or the value sync stored, whichever is newer.
      const prev = sameRow?.findLast((x) => x !== w && col in x.cols)?.hlc ?? '';
      const b = (base[col] = w.base?.[col] ?? maxHlc(prev, held.cells.get(col) ?? held.row));
      if (only === undefined) only = b;
      else if (b !== only) mixed = true;
    }
    if (only === undefined || mixed) out.b = base;
    else if (only !== '') out.b = only;
    return out;
  });
  return { writes: withWriters(raw, writes), pending, rows };
}

export interface AckSummary {
  applied: number;
  superseded: number;
  rejected: number;
  restamped: number;
}

function setValue(local: Local, clocks: ClockCache, tbl: string, rowId: string, col: string, value: CellValue, hlc: string) {
  if (!local.rowExists(tbl, rowId) || !local.columns(tbl).has(col)) return;
  try {
    local.updateRow(tbl, rowId, { [col]: value });
    clocks.setCell(tbl, rowId, col, hlc);
  } catch {
    // The local schema refuses HQ's value (e.g. NULL in a required column): keep ours.
  }
}

/** Applies HQ's answers to a pushed batch: acknowledges, records rejections, falls back where told. */
export function applyAnswers(raw: Database.Database, batch: Batch, answers: PushWireAnswerItem[], hqTime: number, now = new Date()): AckSummary {
  const local = Local.of(raw);
  const sum: AckSummary = { applied: 0, superseded: 0, rejected: 0, restamped: 0 };
  const bySeq = new Map(batch.pending.map((w) => [w.seq, w]));
  withoutCapture(raw, () =>
    raw.transaction(() => {
      clockOf(raw).observe(hqTime);
      const lastSeq = batch.pending.at(-1)?.seq ?? 0;
      const still = new Set((raw.prepare(`SELECT seq FROM sync_outbox WHERE seq <= ? AND tbl <> ''`).all(lastSeq) as { seq: number }[]).map((r) => r.seq));
      const later = new PendingIndex((batch.rows ?? local).pendingForRows(lastSeq, batch.pending));
      const clocks = new ClockCache(local);
      clocks.preload(batch.pending);
      const acked: number[] = [];
      const inBatch = new PendingIndex(batch.pending.filter((w) => still.has(w.seq)));
      const toDrop = new Set<PendingWrite>();
      for (const item of answers) {
        const w = bySeq.get(item.s);
        if (!w || !still.has(w.seq)) continue; // answered before (a re-sent batch)
        const a: PushAnswerItem = item.res ? (item as PushAnswerItem) : { ...item, res: resultsOf(item, w.cols) };
        inBatch.remove(w);
        const next = (col: string) => inBatch.firstFor(w.tbl, w.rowId, col, w.seq) ?? later.firstFor(w.tbl, w.rowId, col);
        const eff = a.h ?? w.hlc;
        if (a.h) sum.restamped++;
        // A whole new row, accepted: one row clock instead of a clock per cell.
        const held = clocks.get(w.tbl, w.rowId);
        const whole = !held.row && !held.cells.size && Object.keys(w.cols).length === local.columns(w.tbl).size;
        const alone = !inBatch.forRow(w.tbl, w.rowId).length && !later.forRow(w.tbl, w.rowId).length;
        if (whole && !a.cur && (alone || Object.keys(w.cols).every((c) => !next(c)))) {
          let applied = 0;
          let superseded = 0;
          for (const col in a.res) {
            if (a.res[col] === 'a') applied++;
            else if (a.res[col] === 's') superseded++;
            else break;
          }
          if (applied + superseded === Object.keys(a.res).length) {
            clocks.setRow(w.tbl, w.rowId, eff);
            sum.applied += applied;
            sum.superseded += superseded;
            acked.push(w.seq);
            continue;
          }
        }
        for (const [col, res] of Object.entries(a.res)) {
          if (!(col in w.cols)) continue;
          const after = next(col);
          if (res === 'r') {
            sum.rejected++;
            const cur = a.cur?.[col];
            if (after) {
              if (!after.base || !(col in after.base)) local.setBase(after.seq, (after.base = { ...(after.base ?? {}), [col]: cur?.[1] ?? '' }));
            } else if (cur) setValue(local, clocks, w.tbl, w.rowId, col, cur[0], cur[1]);
            continue;
          }
          if (res === 'a') sum.applied++;
          else sum.superseded++;
          // Our value still stands here unless a remote one newer than our write replaced it.
          if (clocks.cell(w.tbl, w.rowId, col) < w.hlc) {
            // Later waiting writes of this cell now compute their base from it.
            clocks.setCell(w.tbl, w.rowId, col, eff);
            // Re-stamped, and HQ already holds something newer than the new stamp: take it.
            const cur = a.cur?.[col];
            if (cur && cur[1] > eff && !after) setValue(local, clocks, w.tbl, w.rowId, col, cur[0], cur[1]);
          }
        }
        if (a.reason) {
          raw
            .prepare(
              `INSERT INTO sync_rejections (seq, tbl, row_id, hlc, cols, code, reason_zh, reason_en, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (seq) DO NOTHING`,
            )
            .run(w.seq, w.tbl, w.rowId, w.hlc, JSON.stringify(rejectedCols(w, a)), a.reason.code, a.reason.zh, a.reason.en, now.toISOString());
        }
        if (a.gone) toDrop.add(w);
        acked.push(w.seq);
      }
      local.ack(acked);
      // A row HQ will not hold for us goes, unless the user has written to it since.
      for (const w of toDrop) {
        if (!later.forRow(w.tbl, w.rowId).length && !inBatch.forRow(w.tbl, w.rowId).length) local.deleteRow(w.tbl, w.rowId);
      }
      local.dropOldMarkers(lastSeq);
      persistClock(raw);
    })(),
  );
  return sum;
}

function rejectedCols(w: PendingWrite, a: PushAnswerItem): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [col, res] of Object.entries(a.res)) if (res === 'r' && col in w.cols) out[col] = w.cols[col]!;
  return out;
}
