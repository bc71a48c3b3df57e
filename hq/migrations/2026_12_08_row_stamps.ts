// Frozen once landed. A row's stamps apart from its values (hq/cells.ts): NULL for the rows stored
// before, which keep their stamp in every cell and are rewritten in the new form when next written.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await sql.raw(`ALTER TABLE hq_rows ADD COLUMN stamps ${d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT'}`).execute(db);
}
