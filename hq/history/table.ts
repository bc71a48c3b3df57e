// HQ's history table as Kysely sees it (kept out of hq/schema.ts: only hq/history/ touches it).
import type { Kysely, Transaction } from 'kysely';
import type { HqDB } from '../schema.js';

export interface HqHistoryTable {
  seq: number | string;
  tbl: string;
  row_id: string;
  scope_path: string;
  op: string;
  col: string;
  old_value: string | null;
  new_value: string | null;
  writer: string | null;
  device_id: string;
  hlc: string;
  at: string;
  source: string;
  prev_hash: string;
  hash: string;
}

export type HistoryDb = Kysely<HqDB & { hq_history: HqHistoryTable }>;

export const historyDb = (db: Kysely<HqDB> | Transaction<HqDB>): HistoryDb => db.withTables<{ hq_history: HqHistoryTable }>();
