// Frozen once landed. Relay by file (db/sync/relay/): every answer file imported, by the id in its
// header, so that importing the same answer again changes nothing and says so; with the bundle it
// answered and what it brought, for the 同步 screen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE sync_relay_imports (
    answer_id TEXT PRIMARY KEY, bundle_id TEXT NOT NULL, made_at TEXT NOT NULL, imported_at TEXT NOT NULL,
    summary TEXT NOT NULL) WITHOUT ROWID`).execute(db);
}
