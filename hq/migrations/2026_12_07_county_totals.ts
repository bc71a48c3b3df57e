// Frozen once landed. The province overview's per-county facts (hq/console/totals.ts): what each
// county's figures are made of, as of a day and HQ's version when they were computed, so that an
// overview recomputes only the counties whose rows changed since. The index on (tbl, scope_path)
// lets one county's rows of a table be read without walking the province's.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  await sql.raw(`CREATE TABLE hq_county_totals (
    county_id ${text} PRIMARY KEY, scope_path ${text} NOT NULL, as_of ${text} NOT NULL, version BIGINT NOT NULL,
    facts ${text} NOT NULL, outlets ${text} NOT NULL, computed_at ${text} NOT NULL)`).execute(db);
  await sql.raw('CREATE INDEX hq_rows_tbl_scope ON hq_rows (tbl, scope_path)').execute(db);
}
