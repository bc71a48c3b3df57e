// Frozen once landed. The device side of sync (ARCHITECTURE.md, "Sync"): the outbox of captured
// local writes, the clocks of the values held, and the records a person must be able to see —
// conflicts (values that lost) and rejections (changes HQ refused). The capture triggers are not
// here: db/sync/capture.ts regenerates them from the live tables on every open.
import { sql, type Kysely } from 'kysely';

const statements = [
  // One row per local write of one row. AUTOINCREMENT: a sequence number is never reused, even
  // after the outbox empties, because HQ deduplicates on (device, seq).
  `CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, row_id TEXT NOT NULL, hlc TEXT NOT NULL,
    scope TEXT NOT NULL, cols TEXT NOT NULL, base TEXT)`,

  // The stamp of the value held, per row (most rows arrive whole and keep one stamp) with
  // per-cell exceptions: one clock row per row instead of one per cell keeps initial sync fast.
  `CREATE TABLE sync_row_clock (tbl TEXT NOT NULL, row_id TEXT NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID`,
  `CREATE TABLE sync_cell_clock (tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, hlc TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, col)) WITHOUT ROWID`,

  // Conflict records come from HQ (the one place that sees every write) and are kept per scope.
  `CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, scope_path TEXT NOT NULL,
    loser_value TEXT, loser_hlc TEXT NOT NULL, loser_device TEXT NOT NULL, loser_user TEXT NOT NULL,
    winner_value TEXT, winner_hlc TEXT NOT NULL, winner_device TEXT NOT NULL, winner_user TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0, dismissed_at TEXT, reapplied_at TEXT)`,
  `CREATE INDEX sync_conflicts_row ON sync_conflicts (tbl, row_id)`,

  // Changes HQ refused, kept with the reason until the user re-applies or dismisses them.
  `CREATE TABLE sync_rejections (
    id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, hlc TEXT NOT NULL,
    cols TEXT NOT NULL, code TEXT NOT NULL, reason_zh TEXT NOT NULL, reason_en TEXT NOT NULL, at TEXT NOT NULL,
    dismissed_at TEXT, reapplied_at TEXT)`,
  `CREATE UNIQUE INDEX sync_rejections_seq ON sync_rejections (seq)`,

  // Pulled rows the local schema refused (e.g. a value a newer app allows); retried on the next change.
  `CREATE TABLE sync_stash (tbl TEXT NOT NULL, row_id TEXT NOT NULL, cells TEXT NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id)) WITHOUT ROWID`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
