// Frozen once landed. people_quality_blank (2026_12_06_zz_board_speed) tested a field's first
// character with `unicode(col) IN (25 codes)`, nine times. Evaluating an index's WHERE term, SQLite
// builds such a list afresh for every row it writes: a first sync of ~10k people spent ~140 ms on
// this one index (a fifth of the whole snapshot load). `instr(char(codes), substr(col, 1, 1)) > 0`
// asks the same — is the first character one of them — without a list, and holds the same rows.
// qualityFacts.ts builds the same text (SQLite uses a partial index only for a query repeating it).
// Index only: nothing synced changes.
import { sql, type Kysely } from 'kysely';

// Every character JavaScript's trim() removes (as qualityFacts.ts).
const SPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const CODES = '9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279';
const blank = (c: string) =>
  `${c === 'name' ? '' : `${c} IS NULL OR `}${c} = '' OR (instr(char(${CODES}), substr(${c}, 1, 1)) > 0 AND trim(${c}, '${SPACE}') = '')`;
const ANY_BLANK = `(${['name', 'gender', 'birth_date', 'citizen_id', 'phone', 'outlet_id', 'ethnicity', 'education', 'post'].map(blank).join(' OR ')})`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP INDEX IF EXISTS people_quality_blank`).execute(db);
  await sql.raw(`CREATE INDEX people_quality_blank ON people(scope_path) WHERE deleted = 0 AND ${ANY_BLANK}`).execute(db);
}
