// HQ's tables as Kysely sees them, as hq/migrations/ leave them. Migrations are written against
// Kysely<any> and never import this: they must keep meaning what they meant when they landed.
import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../shared/domain/enums.js';
import type { ConsoleDB } from './console/schema.js';

export type Dialect = 'sqlite' | 'pg';

/** BIGINT: better-sqlite3 answers a number, pg a string (it may exceed 2^53); read it through num(). */
export type Int8 = ColumnType<number | string, number, number>;
/** BLOB on SQLite, BYTEA on PostgreSQL; both drivers answer a Buffer. */
export type Bytes = Uint8Array;

export interface HqMetaTable {
  key: string;
  value: string;
}

export interface HqCounterTable {
  id: number;
  version: Int8;
  /** The history chain's last link (hq/migrations/2026_12_09_history_head.ts); NULL: read hq_history. */
  history_seq: Int8 | null;
  history_hash: string | null;
}

export interface HqEnrolCodesTable {
  code_hash: string;
  user_name: string;
  role: Role;
  scope_path: string;
  created_at: string;
  expires_at: Int8;
  used_at: string | null;
  used_by: string | null;
  /** The registry person the user is (hq/migrations/2026_12_07_dues_secretary.ts); null: none named. */
  person_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface HqDevicesTable {
  device_id: string;
  secret_hash: string;
  user_name: string;
  role: Role;
  scope_path: string;
  name: string | null;
  app_version: string | null;
  enrolled_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  last_seq: ColumnType<number | string, number | undefined, number>;
  /** Null: never pulled, so it holds nothing (hq/purge.ts). */
  acked_version: Int8 | null;
  last_pull_at: string | null;
  first_pull_version: Int8 | null;
  /** The registry person the user is (hq/migrations/2026_12_07_dues_secretary.ts); null: none named. */
  person_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface HqRowsTable {
  tbl: string;
  row_id: string;
  scope_path: string;
  /** JSON {col: [value, stamp index]}, or {col: [value, hlc, version, base]} when stamps is null (hq/cells.ts). */
  cells: string;
  /** JSON [[hlc, version, base], …] (hq/cells.ts); null for rows stored before it. */
  stamps: string | null;
  version: Int8;
  scope_version: Int8;
}

export interface HqWritesTable {
  device_id: string;
  seq: Int8;
  tbl: string;
  row_id: string;
  hlc: string;
  /** JSON of the stored answer (hq/merge.ts StoredAnswer). */
  answer: string;
  received_at: string;
}

export interface HqCellHistoryTable {
  tbl: string;
  row_id: string;
  col: string;
  hlc: string;
  base: string;
  value: string | null;
}

export interface HqMovesTable {
  version: Int8;
  tbl: string;
  row_id: string;
  old_scope: string;
  new_scope: string;
}

export interface HqConflictsTable {
  id: string;
  tbl: string;
  row_id: string;
  col: string;
  scope_path: string;
  loser_hlc: string;
  loser_value: string | null;
  loser_user: string;
  winner_hlc: string;
  winner_value: string | null;
  winner_user: string;
  version: Int8;
  deleted: Generated<number>;
}

export interface HqRestampsTable {
  device_id: string;
  orig_hlc: string;
  new_hlc: string;
  tbl: string;
  row_id: string;
  at: string;
}

export interface HqNoncesTable {
  device_id: string;
  nonce: string;
  at: Int8;
}

export interface HqLogTable {
  id: string;
  at: string;
  kind: string;
  device_id: string | null;
  detail: string;
}

export interface HqEnrolFailuresTable {
  ip: string;
  at: Int8;
}

export interface HqBlobsTable {
  sha256: string;
  size: Int8;
  data: Bytes;
  created_at: string;
}

export interface HqBlobPartsTable {
  sha256: string;
  device_id: string;
  pos: Int8;
  len: Int8;
  size: Int8;
  data: Bytes;
  at: Int8;
}

/** A device that proved it holds a file (sent its bytes, or was served them through a row it may see). */
export interface HqBlobHoldersTable {
  sha256: string;
  device_id: string;
  at: string;
}

/** A device's request-signing public key (shared/node/requestSign.ts). */
export interface HqSignKeysTable {
  device_id: string;
  public_key: string;
  at: string;
}

/** What a device sent per Beijing day (hq/quota.ts). */
export interface HqUsageTable {
  device_id: string;
  day: string;
  rows: Int8;
  bytes: Int8;
}

export interface HqDeviceKeysTable {
  device_id: string;
  public_key: string;
  at: string;
}

export interface HqPurgedTable {
  tbl: string;
  row_id: string;
  version: Int8;
  purged_at: string;
}

export interface HqDB extends ConsoleDB {
  hq_meta: HqMetaTable;
  hq_counter: HqCounterTable;
  hq_enrol_codes: HqEnrolCodesTable;
  hq_devices: HqDevicesTable;
  hq_rows: HqRowsTable;
  hq_writes: HqWritesTable;
  hq_cell_history: HqCellHistoryTable;
  hq_moves: HqMovesTable;
  hq_conflicts: HqConflictsTable;
  hq_restamps: HqRestampsTable;
  hq_nonces: HqNoncesTable;
  hq_log: HqLogTable;
  hq_enrol_failures: HqEnrolFailuresTable;
  hq_blobs: HqBlobsTable;
  hq_blob_parts: HqBlobPartsTable;
  hq_blob_holders: HqBlobHoldersTable;
  hq_sign_keys: HqSignKeysTable;
  hq_usage: HqUsageTable;
  hq_device_keys: HqDeviceKeysTable;
  hq_purged: HqPurgedTable;
}
