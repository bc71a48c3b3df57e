// Frozen once landed. The people search FTS index drops its two pinyin columns: every pinyin
// query is a prefix range on the people_search B-trees (db/registry/search.ts), so trigrams of
// py_full and py_initials were written on every save and never read — about 40% of the index.
// The procedures of 2026_11_27_search_deferred are recreated unchanged but for that insert.
import { sql, type Kysely } from 'kysely';
import { deferred, pendingSyllables, perPerson, places, upsert } from './2026_11_27_search_deferred.js';

const ftsCols = `rowid, name, phone, citizen_id, places`;
const ftsValues = `s.rowid, '|' || p.name || '|', '|' || coalesce(p.phone, '') || '|', '|' || coalesce(p.citizen_id, '') || '|', ${places}`;

/** The flush's FTS insert for every pending person (db/registry/searchBulk.ts runs it too). */
export const ftsInsertPending = `INSERT INTO people_fts (${ftsCols})
      SELECT ${ftsValues}
      FROM people_search_pending q JOIN people_search s ON s.person_id = q.person_id
      JOIN people p ON p.id = s.person_id AND p.deleted = 0
      LEFT JOIN outlets o ON o.id = p.outlet_id AND o.deleted = 0`;

const statements = [
  `DROP TRIGGER people_search_refresh_run`,
  `DROP TRIGGER people_search_flush_run`,
  `DROP TABLE people_fts`,
  `CREATE VIRTUAL TABLE people_fts USING fts5(name, phone, citizen_id, places, content='', contentless_delete=1, tokenize='trigram')`,

  `CREATE TRIGGER people_search_refresh_run INSTEAD OF INSERT ON people_search_refresh WHEN NOT ${deferred} BEGIN
    DELETE FROM people_fts WHERE rowid = (SELECT rowid FROM people_search WHERE person_id = NEW.person_id);
    DELETE FROM people_search WHERE person_id = NEW.person_id
      AND NOT EXISTS (SELECT 1 FROM people WHERE id = NEW.person_id AND deleted = 0);
    INSERT INTO people_search (person_id, name, scope_path, political_status, outlet_id, py_full, py_initials, py_given)
      SELECT NEW.person_id, max(name), max(scope_path), max(political_status), max(outlet_id),
        group_concat(py, '' ORDER BY i), group_concat(substr(py, 1, 1), '' ORDER BY i),
        coalesce(group_concat(CASE WHEN i > 1 THEN py END, '' ORDER BY i), '')
      FROM (${perPerson}) WHERE 1 HAVING count(*) > 0
      ${upsert};
    INSERT INTO people_fts (${ftsCols})
      SELECT ${ftsValues}
      FROM people_search s JOIN people p ON p.id = s.person_id AND p.deleted = 0
      LEFT JOIN outlets o ON o.id = p.outlet_id AND o.deleted = 0
      WHERE s.person_id = NEW.person_id;
  END`,

  `CREATE TRIGGER people_search_flush_run INSTEAD OF INSERT ON people_search_flush BEGIN
    DELETE FROM people_search_defer;
    DELETE FROM people_fts WHERE rowid IN (
      SELECT s.rowid FROM people_search_pending q JOIN people_search s ON s.person_id = q.person_id);
    DELETE FROM people_search WHERE person_id IN (SELECT person_id FROM people_search_pending)
      AND NOT EXISTS (SELECT 1 FROM people WHERE id = people_search.person_id AND deleted = 0);
    INSERT INTO people_search (person_id, name, scope_path, political_status, outlet_id, py_full, py_initials, py_given)
      SELECT person_id, max(name), max(scope_path), max(political_status), max(outlet_id),
        group_concat(py, '' ORDER BY i), group_concat(substr(py, 1, 1), '' ORDER BY i),
        coalesce(group_concat(CASE WHEN i > 1 THEN py END, '' ORDER BY i), '')
      FROM (${pendingSyllables}) WHERE 1 GROUP BY person_id
      ${upsert};
    ${ftsInsertPending};
    DELETE FROM people_search_pending;
  END`,

  // Everyone indexed so far, again.
  `INSERT INTO people_fts (${ftsCols})
    SELECT ${ftsValues}
    FROM people_search s JOIN people p ON p.id = s.person_id AND p.deleted = 0
    LEFT JOIN outlets o ON o.id = p.outlet_id AND o.deleted = 0`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const s of statements) await sql.raw(s).execute(trx);
  });
}
