// Frozen once landed. A row's stamps apart from its values (hq/cells.ts): NULL for the rows stored
// before, which keep their stamp in every cell. A new database (no row, no device) writes the new form
// at once; one upgraded in place waits for `npm run hq -- stamps-apart` (hq/stampsApart.ts says why).
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await sql.raw(`ALTER TABLE hq_rows ADD COLUMN stamps ${d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT'}`).execute(db);
  await sql`INSERT INTO hq_meta (key, value) SELECT 'row_stamps_apart', '1'
    WHERE NOT EXISTS (SELECT 1 FROM hq_rows) AND NOT EXISTS (SELECT 1 FROM hq_devices)`.execute(db);
}
