// Frozen once landed. Each device's request-signing public key (shared/node/requestSign.ts): set at
// enrolment, or — for a device enrolled before signing — on its first call with its old bearer
// secret, after which a bearer secret is refused for that device.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  await sql.raw(`CREATE TABLE hq_sign_keys (device_id ${text} PRIMARY KEY, public_key ${text} NOT NULL, at ${text} NOT NULL)`).execute(db);
}
