// Frozen once landed. Roster import's value mapping, remembered per device user and scope: what a
// county office's own words ("营业部支部", "装维师傅") stood for last time, offered again on the next
// import. A device preference like the sync bookkeeping, not a record: it does not sync.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE import_value_mappings (
    user_name TEXT NOT NULL, scope_path TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
    kind TEXT NOT NULL, target TEXT, updated_at TEXT NOT NULL,
    PRIMARY KEY (user_name, scope_path, field, value)) WITHOUT ROWID`).execute(db);
}
