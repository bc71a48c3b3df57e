// The writer of one change, by its stamp, from record history: the 同步 screen's conflict list
// names who wrote each side (the person, not only the device's enrolled user).
import type Database from 'better-sqlite3';
import { decodeWriter } from '../../shared/history/writer.js';

export function writerNameOf(raw: Database.Database, tbl: string, rowId: string, hlc: string): string | null {
  const r = raw.prepare(`SELECT writer FROM record_history WHERE tbl = ? AND row_id = ? AND hlc = ? AND writer IS NOT NULL LIMIT 1`).get(tbl, rowId, hlc) as { writer: string } | undefined;
  return decodeWriter(r?.writer)?.name ?? null;
}
