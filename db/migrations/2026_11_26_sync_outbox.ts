// Frozen once landed. The outbox without AUTOINCREMENT: keeping sqlite_sequence up to date cost a
// page write per captured change (a third of capture's cost on a small update). Sequence numbers
// still never repeat: the acknowledged write with the highest number stays behind as a marker row
// (tbl = '') until a newer write exists (db/sync/local.ts), so the next rowid is always higher.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The capture triggers name the outbox; they are regenerated on the next open (db/sync/capture.ts).
  const triggers = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_cap_%'`.execute(db);
  for (const t of triggers.rows) await sql.raw(`DROP TRIGGER "${t.name}"`).execute(db);
  await sql.raw(`CREATE TABLE sync_outbox_next (
    seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, hlc TEXT NOT NULL,
    scope TEXT NOT NULL, cols TEXT NOT NULL, base TEXT)`).execute(db);
  await sql.raw(`INSERT INTO sync_outbox_next SELECT seq, tbl, row_id, hlc, scope, cols, base FROM sync_outbox`).execute(db);
  // Numbers already handed out (and acknowledged) must not come again: leave a marker at the top.
  await sql.raw(`INSERT INTO sync_outbox_next (seq, tbl, row_id, hlc, scope, cols)
    SELECT s.seq, '', '', '', '/', '{}' FROM sqlite_sequence s
    WHERE s.name = 'sync_outbox' AND s.seq > coalesce((SELECT max(seq) FROM sync_outbox), 0)`).execute(db);
  await sql.raw(`DROP TABLE sync_outbox`).execute(db);
  await sql.raw(`ALTER TABLE sync_outbox_next RENAME TO sync_outbox`).execute(db);
}
