// Frozen once landed. What each device sent HQ per Beijing day (hq/quota.ts): changed rows taken and
// bytes received (pushed writes and attachment file parts), against the daily quota in reference data.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  await sql.raw(`CREATE TABLE hq_usage (device_id ${text} NOT NULL, day ${text} NOT NULL, rows BIGINT NOT NULL, bytes BIGINT NOT NULL, PRIMARY KEY (device_id, day))`).execute(db);
}
