// Frozen once landed. Record history (审计留痕, issue 15 item 4) and the writer of every change:
// - sync_outbox.writer: who made the change ({"n": name, "r": role}), sent with the push;
//   NULL for entries written before (HQ records them as by an unknown writer).
// - record_history: one row per changed field of a local update (old → new as JSON), one per
//   created row (new_value: the row's columns) or deleted row, written by the capture triggers
//   in the writing transaction (source 'app'); and the entries of other devices' changes from
//   HQ's history (source 'sync', hq_seq their place in HQ's chain). Never synced as rows itself.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`ALTER TABLE sync_outbox ADD COLUMN writer TEXT`).execute(db);
  await sql.raw(`CREATE TABLE record_history (
    id INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL, row_id TEXT NOT NULL, scope_path TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
    col TEXT NOT NULL, old_value TEXT, new_value TEXT,
    writer TEXT, device_id TEXT, hlc TEXT NOT NULL, at TEXT,
    source TEXT NOT NULL CHECK (source IN ('app','sync')),
    hq_seq INTEGER UNIQUE)`).execute(db);
  await sql.raw(`CREATE INDEX record_history_row ON record_history (tbl, row_id)`).execute(db);
}
