// Frozen once landed. Record history's number in HQ's chain (hq_seq) is unique only among the
// entries that came from HQ: a local change has none. The column's UNIQUE constraint indexed every
// local change too (a NULL entry), one more page written by every local write's commit; a partial
// unique index leaves local changes out (measured: bench/historyCapture.ts). SQLite cannot drop a
// column constraint, so the table is rebuilt. The capture triggers name record_history: legacy
// renaming leaves them untouched, and they find the new table by name.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`PRAGMA legacy_alter_table = ON`).execute(db);
  await sql.raw(`ALTER TABLE record_history RENAME TO record_history_v1`).execute(db);
  await sql.raw(`PRAGMA legacy_alter_table = OFF`).execute(db);
  await sql.raw(`CREATE TABLE record_history (
    id INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL, row_id TEXT NOT NULL, scope_path TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
    col TEXT NOT NULL, old_value TEXT, new_value TEXT,
    writer TEXT, device_id TEXT, hlc TEXT NOT NULL, at TEXT,
    source TEXT NOT NULL CHECK (source IN ('app','sync')),
    hq_seq INTEGER)`).execute(db);
  await sql.raw(`INSERT INTO record_history (id, tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id, hlc, at, source, hq_seq)
    SELECT id, tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id, hlc, at, source, hq_seq FROM record_history_v1`).execute(db);
  await sql.raw(`DROP TABLE record_history_v1`).execute(db);
  await sql.raw(`CREATE INDEX record_history_row ON record_history (tbl, row_id)`).execute(db);
  await sql.raw(`CREATE INDEX record_history_tbl_hlc ON record_history (tbl, hlc)`).execute(db);
  await sql.raw(`CREATE UNIQUE INDEX record_history_hq_seq ON record_history (hq_seq) WHERE hq_seq IS NOT NULL`).execute(db);
}
