// A frozen snapshot of how HQ made its schema before migrations (hq/store.ts at bc6eea9): at every
// start it ran these statements, added the columns of ADDED_COLUMNS where missing (running their
// fill), and seeded the counter and schema_version. Never edit it: it is what HQ databases in the
// field were made by, and hq/migrations/ must adopt them as they are.
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Dialect, HqDB } from '../../hq/schema.js';
import type { HqStore } from '../../hq/store.js';

function ddl(d: Dialect): string[] {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  const big = 'BIGINT';
  const bytes = d === 'pg' ? 'BYTEA' : 'BLOB';
  const tombstone = d === 'pg' ? `strpos(cells, '"deleted":[1,') > 0` : `instr(cells, '"deleted":[1,') > 0`; // its tombstoneTest(d)
  return [
    `CREATE TABLE IF NOT EXISTS hq_meta (key ${text} PRIMARY KEY, value ${text} NOT NULL)`,
    // The global version: every row, move and conflict record change takes the next number. Its
    // row lock serialises writers, so numbers commit in order and a cursor never skips one.
    `CREATE TABLE IF NOT EXISTS hq_counter (id INTEGER PRIMARY KEY, version ${big} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS hq_enrol_codes (code_hash ${text} PRIMARY KEY, user_name ${text} NOT NULL, role ${text} NOT NULL,
      scope_path ${text} NOT NULL, created_at ${text} NOT NULL, expires_at ${big} NOT NULL, used_at ${text}, used_by ${text})`,
    `CREATE TABLE IF NOT EXISTS hq_devices (device_id ${text} PRIMARY KEY, secret_hash ${text} NOT NULL, user_name ${text} NOT NULL,
      role ${text} NOT NULL, scope_path ${text} NOT NULL, name ${text}, app_version ${text}, enrolled_at ${text} NOT NULL,
      revoked_at ${text}, last_seen_at ${text}, last_seq ${big} NOT NULL DEFAULT 0)`, // + ADDED_COLUMNS below
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
    // Each device's X25519 public key for relay by file (hq/relay/keys.ts); HQ's own pair is in hq_meta.
    `CREATE TABLE IF NOT EXISTS hq_device_keys (device_id ${text} PRIMARY KEY, public_key ${text} NOT NULL, at ${text} NOT NULL)`,
    // Tombstones purged once no device may still hold the row live (hq/purge.ts): one line per row, so
    // that a later write to it is refused with a reason instead of bringing back half a row.
    `CREATE TABLE IF NOT EXISTS hq_purged (tbl ${text} NOT NULL, row_id ${text} NOT NULL, version ${big} NOT NULL, purged_at ${text} NOT NULL,
      PRIMARY KEY (tbl, row_id))`,
    // Only the tombstones, in version order: the purge reads them without scanning every row.
    `CREATE INDEX IF NOT EXISTS hq_rows_tombstones ON hq_rows (version) WHERE ${tombstone}`,
    `CREATE INDEX IF NOT EXISTS hq_moves_row ON hq_moves (tbl, row_id)`,
    // Photos are compressed already; stored uncompressed, PostgreSQL reads a part without detoasting the whole file.
    ...(d === 'pg' ? ['ALTER TABLE hq_blobs ALTER COLUMN data SET STORAGE EXTERNAL', 'ALTER TABLE hq_blob_parts ALTER COLUMN data SET STORAGE EXTERNAL'] : []),
  ];
}

/** What the old HQ ran on an empty database, in order. */
export function legacySchema(d: Dialect): string[] {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  return [
    ...ddl(d),
    'ALTER TABLE hq_devices ADD COLUMN acked_version BIGINT',
    'UPDATE hq_devices SET acked_version = 0 WHERE last_seen_at IS NOT NULL',
    `ALTER TABLE hq_devices ADD COLUMN last_pull_at ${text}`,
    'ALTER TABLE hq_devices ADD COLUMN first_pull_version BIGINT',
    'UPDATE hq_devices SET first_pull_version = 0 WHERE last_seen_at IS NOT NULL',
    'INSERT INTO hq_counter (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING',
    "INSERT INTO hq_meta (key, value) VALUES ('schema_version', '1') ON CONFLICT (key) DO NOTHING",
  ];
}

/**
 * Makes `target` (a SQLite file or a postgres:// URL) an HQ database as the old HQ left it, and opens
 * it without running any migration, for a test to fill as that HQ would have.
 */
export async function createLegacyHq(target: string): Promise<HqStore> {
  if (target.startsWith('postgres')) {
    const c = new pg.Client({ connectionString: target });
    await c.connect();
    for (const q of legacySchema('pg')) await c.query(q);
    await c.end();
    const pool = new pg.Pool({ connectionString: target, max: 2 });
    pool.on('error', () => {});
    const db = new Kysely<HqDB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'pg', migrated: [], close: () => db.destroy() };
  }
  const raw = new Database(target);
  raw.pragma('journal_mode = WAL');
  for (const q of legacySchema('sqlite')) raw.exec(q);
  const db = new Kysely<HqDB>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, dialect: 'sqlite', migrated: [], close: () => db.destroy() };
}
