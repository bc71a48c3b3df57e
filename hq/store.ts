// HQ's database: one SQLite file by default, PostgreSQL when given a connection string. The
// same SQL runs on both; text columns use byte order ("C" collation on PostgreSQL) because
// stamps and scope paths are compared as text. HQ keeps no state in memory that matters, so
// several processes can serve one PostgreSQL database.
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';

export type Dialect = 'sqlite' | 'pg';

export interface HqStore {
  db: Kysely<any>;
  dialect: Dialect;
  close(): Promise<void>;
}

export const HQ_SCHEMA_VERSION = 1;

function ddl(d: Dialect): string[] {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  const big = 'BIGINT';
  const bytes = d === 'pg' ? 'BYTEA' : 'BLOB';
  return [
    `CREATE TABLE IF NOT EXISTS hq_meta (key ${text} PRIMARY KEY, value ${text} NOT NULL)`,
    // The global version: every row, move and conflict record change takes the next number. Its
    // row lock serialises writers, so numbers commit in order and a cursor never skips one.
    `CREATE TABLE IF NOT EXISTS hq_counter (id INTEGER PRIMARY KEY, version ${big} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS hq_enrol_codes (code_hash ${text} PRIMARY KEY, user_name ${text} NOT NULL, role ${text} NOT NULL,
      scope_path ${text} NOT NULL, created_at ${text} NOT NULL, expires_at ${big} NOT NULL, used_at ${text}, used_by ${text})`,
    `CREATE TABLE IF NOT EXISTS hq_devices (device_id ${text} PRIMARY KEY, secret_hash ${text} NOT NULL, user_name ${text} NOT NULL,
      role ${text} NOT NULL, scope_path ${text} NOT NULL, name ${text}, app_version ${text}, enrolled_at ${text} NOT NULL,
      revoked_at ${text}, last_seen_at ${text}, last_seq ${big} NOT NULL DEFAULT 0)`,
    // Current state: one row per synced row, cells as JSON {col: [value, hlc, version, base]}.
    `CREATE TABLE IF NOT EXISTS hq_rows (tbl ${text} NOT NULL, row_id ${text} NOT NULL, scope_path ${text} NOT NULL,
      cells ${text} NOT NULL, version ${big} NOT NULL, scope_version ${big} NOT NULL, PRIMARY KEY (tbl, row_id))`,
    `CREATE INDEX IF NOT EXISTS hq_rows_version ON hq_rows (version)`,
    // Every write received, by device and sequence number: deduplication and the stored answer.
    `CREATE TABLE IF NOT EXISTS hq_writes (device_id ${text} NOT NULL, seq ${big} NOT NULL, tbl ${text} NOT NULL, row_id ${text} NOT NULL,
      hlc ${text} NOT NULL, answer ${text} NOT NULL, received_at ${text} NOT NULL, PRIMARY KEY (device_id, seq))`,
    // Writes that are not (or no longer) a cell's current value: the history conflict records come from.
    `CREATE TABLE IF NOT EXISTS hq_cell_history (tbl ${text} NOT NULL, row_id ${text} NOT NULL, col ${text} NOT NULL, hlc ${text} NOT NULL,
      base ${text} NOT NULL, value ${text}, PRIMARY KEY (tbl, row_id, col, hlc))`,
    `CREATE TABLE IF NOT EXISTS hq_moves (version ${big} PRIMARY KEY, tbl ${text} NOT NULL, row_id ${text} NOT NULL,
      old_scope ${text} NOT NULL, new_scope ${text} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS hq_conflicts (id ${text} PRIMARY KEY, tbl ${text} NOT NULL, row_id ${text} NOT NULL, col ${text} NOT NULL,
      scope_path ${text} NOT NULL, loser_hlc ${text} NOT NULL, loser_value ${text}, loser_user ${text} NOT NULL,
      winner_hlc ${text} NOT NULL, winner_value ${text}, winner_user ${text} NOT NULL, version ${big} NOT NULL, deleted INTEGER NOT NULL DEFAULT 0)`,
    `CREATE UNIQUE INDEX IF NOT EXISTS hq_conflicts_loser ON hq_conflicts (tbl, row_id, col, loser_hlc)`,
    `CREATE INDEX IF NOT EXISTS hq_conflicts_version ON hq_conflicts (version)`,
    `CREATE TABLE IF NOT EXISTS hq_restamps (device_id ${text} NOT NULL, orig_hlc ${text} NOT NULL, new_hlc ${text} NOT NULL,
      tbl ${text} NOT NULL, row_id ${text} NOT NULL, at ${text} NOT NULL, PRIMARY KEY (device_id, orig_hlc))`,
    `CREATE TABLE IF NOT EXISTS hq_nonces (device_id ${text} NOT NULL, nonce ${text} NOT NULL, at ${big} NOT NULL, PRIMARY KEY (device_id, nonce))`,
    `CREATE INDEX IF NOT EXISTS hq_nonces_at ON hq_nonces (at)`,
    `CREATE TABLE IF NOT EXISTS hq_log (id ${text} PRIMARY KEY, at ${text} NOT NULL, kind ${text} NOT NULL, device_id ${text}, detail ${text} NOT NULL)`,
    // Wrong enrolment codes per address within the last window (hq/enrolLimit.ts).
    `CREATE TABLE IF NOT EXISTS hq_enrol_failures (ip ${text} NOT NULL, at ${big} NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS hq_enrol_failures_ip ON hq_enrol_failures (ip, at)`,
    // Attachment files by sha-256, in the database so that every HQ process serves them (hq/blobs.ts);
    // parts of an upload wait in hq_blob_parts (per device) until the last one arrives and the hash is checked.
    `CREATE TABLE IF NOT EXISTS hq_blobs (sha256 ${text} PRIMARY KEY, size ${big} NOT NULL, data ${bytes} NOT NULL, created_at ${text} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS hq_blob_parts (sha256 ${text} NOT NULL, device_id ${text} NOT NULL, pos ${big} NOT NULL, len ${big} NOT NULL,
      size ${big} NOT NULL, data ${bytes} NOT NULL, at ${big} NOT NULL, PRIMARY KEY (sha256, device_id, pos))`,
    `CREATE INDEX IF NOT EXISTS hq_blob_parts_at ON hq_blob_parts (at)`,
    // Photos are compressed already; stored uncompressed, PostgreSQL reads a part without detoasting the whole file.
    ...(d === 'pg' ? ['ALTER TABLE hq_blobs ALTER COLUMN data SET STORAGE EXTERNAL', 'ALTER TABLE hq_blob_parts ALTER COLUMN data SET STORAGE EXTERNAL'] : []),
  ];
}

async function migrate(db: Kysely<any>, d: Dialect): Promise<void> {
  if (d === 'pg') await sql`SELECT pg_advisory_lock(7301)`.execute(db); // two processes starting at once
  try {
    for (const s of ddl(d)) await sql.raw(s).execute(db);
    await sql`INSERT INTO hq_counter (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`.execute(db);
    await sql`INSERT INTO hq_meta (key, value) VALUES ('schema_version', ${String(HQ_SCHEMA_VERSION)}) ON CONFLICT (key) DO NOTHING`.execute(db);
  } finally {
    if (d === 'pg') await sql`SELECT pg_advisory_unlock(7301)`.execute(db);
  }
}

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//.test(s);
}

/** Opens (creating if needed) HQ's database: a file path for SQLite or a postgres:// URL. */
export async function openHqStore(target: string): Promise<HqStore> {
  if (isPostgresUrl(target)) {
    // One connection per pool for pg's advisory lock to stay on the session that took it.
    const pool = new pg.Pool({ connectionString: target, max: 6 });
    // An idle connection the server drops (restart, failover, admin) must not take HQ down with it:
    // pg emits it on the pool, and an unhandled 'error' event would end the process.
    pool.on('error', (e) => console.warn(`[hq] idle PostgreSQL connection lost: ${e.message}`));
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    await db.connection().execute((c) => migrate(c, 'pg'));
    return { db, dialect: 'pg', close: () => db.destroy() };
  }
  const raw = new Database(target);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 10000');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, 'sqlite');
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** BIGINT comes back from PostgreSQL as a string. */
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
