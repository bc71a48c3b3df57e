// Frozen once landed. The person of the registry an enrolment code names (the user is that person),
// kept on the device enrolled with it. Whether that person is a branch secretary is not stored: HQ
// reads it from the organisation's secretary at each pull (hq/duesReveal.ts), so a change of
// secretary moves the right to see that branch's dues amounts at the next sync, both ways.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  await sql.raw(`ALTER TABLE hq_enrol_codes ADD COLUMN person_id ${text}`).execute(db);
  await sql.raw(`ALTER TABLE hq_devices ADD COLUMN person_id ${text}`).execute(db);
}
