// The console's tables as Kysely sees them (hq/migrations/2026_12_05_console.ts).
import type { ColumnType } from 'kysely';

// As hq/schema.ts's Int8 (not imported from there: hq/schema.ts joins these tables into HqDB).
type Int8 = ColumnType<number | string, number, number>;

export type ConsoleRole = 'hq_admin' | 'county_organiser';

export interface HqConsoleUsersTable {
  user_name: string;
  display_name: string;
  role: ConsoleRole;
  scope_path: string;
  /** `scrypt$N$r$p$salt$hash` (hq/console/password.ts). */
  password_hash: string;
  failed_count: number;
  /** Epoch ms; null: not locked. */
  locked_until: Int8 | null;
  created_at: string;
  created_by: string | null;
  disabled_at: string | null;
}

export interface HqConsoleSessionsTable {
  id_hash: string;
  user_name: string;
  csrf: string;
  created_at: Int8;
  last_at: Int8;
}

export interface HqConsoleAuditTable {
  id: string;
  at: string;
  user_name: string;
  action: string;
  /** The scope the action touched: a county organiser reads only the audit of their county. */
  scope_path: string;
  target: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

/** hq/migrations/2026_12_06_device_reports.ts: the device's own account of itself at its last hello. */
export interface HqDeviceReportsTable {
  device_id: string;
  reported_at: string;
  schema_version: string;
  /** Null: the device's app is too old to report these. */
  waiting: number | null;
  oldest_unsent_at: string | null;
  /** `{ zh, en, at }` of the device's last failed session; null: its last session succeeded. */
  last_error_json: string | null;
}

export interface ConsoleDB {
  hq_device_reports: HqDeviceReportsTable;
  hq_console_users: HqConsoleUsersTable;
  hq_console_sessions: HqConsoleSessionsTable;
  hq_console_audit: HqConsoleAuditTable;
}
