// Frozen once landed. Indexes for the warning board's data-quality light (db/assessment/qualityFacts.ts)
// at an HQ administrator's scope, where reading ~100k people rows three times cost ~0.6 s:
// - people_quality_blank / people_quality_unsound_id: partial indexes holding only the people with a
//   blank field of any kind the rule may require, or a citizen id failing GB 11643 (a few hundred in
//   a province). SQLite uses them only when the query repeats their WHERE term exactly, so
//   qualityFacts.ts builds the same text (test/assessment/qualityIndexes.db.test.ts checks the plan).
//   `name` is NOT NULL: its "IS NULL" is left out, as SQLite drops it from a query before matching.
// - people_quality_citizen / people_quality_name_birth / people_quality_outlet: covering indexes, so
//   shared citizen ids, shared name and birth date, and the people per outlet and scope path are
//   counted from an index instead of the table's wide rows.
// Indexes only: nothing synced changes.
import { sql, type Kysely } from 'kysely';

// Every character JavaScript's trim() removes (as qualityFacts.ts).
const SPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const CODES = '9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279';
const blank = (c: string) =>
  `${c === 'name' ? '' : `${c} IS NULL OR `}${c} = '' OR (unicode(${c}) IN (${CODES}) AND trim(${c}, '${SPACE}') = '')`;
const ANY_BLANK = `(${['name', 'gender', 'birth_date', 'citizen_id', 'phone', 'outlet_id', 'ethnicity', 'education', 'post'].map(blank).join(' OR ')})`;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const BIRTH = `substr(citizen_id, 7, 4) || '-' || substr(citizen_id, 11, 2) || '-' || substr(citizen_id, 13, 2)`;
const SOUND = `(length(citizen_id) = 18 AND citizen_id GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9X]'
    AND substr(citizen_id, 7, 4) BETWEEN '1900' AND '2100' AND date(${BIRTH}) = ${BIRTH}
    AND substr('10X98765432', (${WEIGHTS.map((w, i) => `(unicode(substr(citizen_id, ${i + 1}, 1)) - 48) * ${w}`).join(' + ')}) % 11 + 1, 1) = substr(citizen_id, 18, 1))`;

const statements = [
  `CREATE INDEX people_quality_blank ON people(scope_path) WHERE deleted = 0 AND ${ANY_BLANK}`,
  `CREATE INDEX people_quality_unsound_id ON people(scope_path) WHERE deleted = 0 AND citizen_id <> '' AND NOT ${SOUND}`,
  `CREATE INDEX people_quality_citizen ON people(citizen_id, scope_path) WHERE deleted = 0 AND citizen_id <> ''`,
  `CREATE INDEX people_quality_name_birth ON people(name, birth_date, scope_path) WHERE deleted = 0 AND birth_date <> ''`,
  `CREATE INDEX people_quality_outlet ON people(outlet_id, scope_path) WHERE deleted = 0`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
