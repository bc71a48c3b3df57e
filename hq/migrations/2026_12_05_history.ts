// Frozen once landed. HQ's record history for the province (审计留痕, issue 15 item 4): one entry
// per applied field change (one per created or deleted row) with old and new value (JSON), the
// writer the device named, the device, the stamp and HQ's time of receipt. Tamper-evident: each
// entry's hash is SHA-256 over the previous entry's hash and the entry's canonical form
// (hq/history/chain.ts); `npm run hq -- history-verify` walks the chain.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  await sql.raw(`CREATE TABLE hq_history (
    seq BIGINT PRIMARY KEY, tbl ${text} NOT NULL, row_id ${text} NOT NULL, scope_path ${text} NOT NULL,
    op ${text} NOT NULL, col ${text} NOT NULL, old_value ${text}, new_value ${text}, writer ${text},
    device_id ${text} NOT NULL, hlc ${text} NOT NULL, at ${text} NOT NULL, source ${text} NOT NULL,
    prev_hash ${text} NOT NULL, hash ${text} NOT NULL)`).execute(db);
  await sql.raw(`CREATE INDEX hq_history_row ON hq_history (tbl, row_id)`).execute(db);
  await sql.raw(`CREATE INDEX hq_history_scope ON hq_history (scope_path, at)`).execute(db);
}
