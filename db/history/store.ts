// The device's history table as Kysely sees it (it is local bookkeeping, not part of db/schema.ts's synced model).
import type { Db } from '../context.js';

export interface RecordHistoryTable {
  id: number;
  tbl: string;
  row_id: string;
  scope_path: string;
  op: string;
  col: string;
  old_value: string | null;
  new_value: string | null;
  writer: string | null;
  device_id: string | null;
  hlc: string;
  at: string | null;
  source: string;
  hq_seq: number | null;
}

export const historyDb = (db: Db) => db.withTables<{ record_history: RecordHistoryTable }>();
