// The device's history table as Kysely sees it (it is local bookkeeping, not part of db/schema.ts's synced model).
import type { StoredHistoryRow } from '../../shared/history/present.js';
import type { Db } from '../context.js';

/** A stored row as shared/history/present.ts reads it, plus the device's bookkeeping. */
export interface RecordHistoryTable extends StoredHistoryRow {
  id: number;
  scope_path: string;
  hq_seq: number | null;
}

export const historyDb = (db: Db) => db.withTables<{ record_history: RecordHistoryTable }>();
