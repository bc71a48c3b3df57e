// The writer of each waiting change travels with the push (WireWrite.w): read from the outbox
// entries of the batch in one query. An entry written before writers were recorded goes without.
import type Database from 'better-sqlite3';
import type { WireWrite } from '../../shared/sync/protocol.js';
import { decodeWriter, toWire } from '../../shared/history/writer.js';

export function withWriters(raw: Database.Database, writes: WireWrite[]): WireWrite[] {
  if (!writes.length) return writes;
  const rows = raw
    .prepare(`SELECT seq, writer FROM sync_outbox WHERE seq BETWEEN ? AND ? AND writer IS NOT NULL`)
    .all(writes[0]!.s, writes.at(-1)!.s) as { seq: number; writer: string }[];
  const cache = new Map<string, WireWrite['w']>();
  const bySeq = new Map<number, WireWrite['w']>();
  for (const r of rows) {
    if (!cache.has(r.writer)) {
      const w = decodeWriter(r.writer);
      cache.set(r.writer, w ? toWire(w) : undefined);
    }
    bySeq.set(r.seq, cache.get(r.writer));
  }
  for (const w of writes) {
    const who = bySeq.get(w.s);
    if (who) w.w = who;
  }
  return writes;
}
