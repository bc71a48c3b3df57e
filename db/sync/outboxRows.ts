// Which waiting writes touch a row, for one push run of many batches. After each batch the device
// asks which later waiting writes touch the batch's rows (db/sync/outbox.ts). The outbox has no row
// index (one more index would slow every captured change), so each batch scanned what was still
// waiting: a province's first push (55,883 writes in 56 batches) scanned ~1.6M entries. Here the
// outbox is read once per run, and after that only the entries newer than what was read.
import { rowKey, toPending, type Local, type OutboxRow, type PendingWrite } from './local.js';

type Entry = { seq: number; tbl: string; row_id: string };

export class OutboxRows {
  private readonly seqs = new Map<string, number[]>();
  /** Entries up to this number have been read into `seqs`. */
  private readTo = 0;

  constructor(private readonly local: Local) {}

  private catchUp(): void {
    const rows = this.local.stmt(`SELECT seq, tbl, row_id FROM sync_outbox WHERE seq > ? AND tbl <> '' ORDER BY seq`).all(this.readTo) as Entry[];
    for (const r of rows) {
      const k = rowKey(r.tbl, r.row_id);
      const list = this.seqs.get(k);
      if (list) list.push(r.seq);
      else this.seqs.set(k, [r.seq]);
    }
    if (rows.length) this.readTo = rows.at(-1)!.seq;
  }

  /** As Local.pendingForRows: waiting writes after `afterSeq` that touch the given rows, in order. */
  pendingForRows(afterSeq: number, rows: { tbl: string; rowId: string }[]): PendingWrite[] {
    this.catchUp();
    const keys = new Set(rows.map((r) => rowKey(r.tbl, r.rowId)));
    const want: number[] = [];
    for (const k of keys) for (const s of this.seqs.get(k) ?? []) if (s > afterSeq) want.push(s);
    if (!want.length) return [];
    const found = this.local
      .stmt(`SELECT seq, tbl, row_id, hlc, scope, cols, base FROM sync_outbox WHERE seq IN (SELECT value FROM json_each(?)) AND tbl <> '' ORDER BY seq`)
      .all(JSON.stringify(want)) as OutboxRow[];
    // An entry found under another row means the outbox was renumbered meanwhile (re-enrolling keeps
    // waiting writes that way, db/sync/enrolKeep.ts): the scan answers instead.
    if (found.some((r) => !keys.has(rowKey(r.tbl, r.row_id)))) return this.local.pendingForRows(afterSeq, rows);
    return found.map(toPending);
  }
}
