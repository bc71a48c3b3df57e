// Frozen once landed. What each device last told HQ about itself in its hello (schema version, changes
// waiting, the oldest of them, its last sync error), for the console's device table. A table of its own
// rather than columns of hq_devices: it is rewritten at every hello, the device's identity is not.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  await sql.raw(`CREATE TABLE hq_device_reports (
    device_id ${text} PRIMARY KEY, reported_at ${text} NOT NULL, schema_version ${text} NOT NULL,
    waiting INTEGER, oldest_unsent_at ${text}, last_error_json ${text})`).execute(db);
}
