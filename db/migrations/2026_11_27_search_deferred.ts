// Frozen once landed. The people search index (2026_11_23_registry) can be brought up to date in
// one set-based pass instead of person by person: sync's bulk apply (db/sync/apply.ts) re-indexed
// each arriving person through the refresh procedure at ~175 µs apiece, most of an initial sync.
//
// While `people_search_defer` holds a row, a refresh only notes the person in
// `people_search_pending`; inserting into the view `people_search_flush` then re-indexes every
// pending person at once (the same values the per-person procedure computes) and ends the
// deferral. Both happen inside the writer's transaction, so a crash leaves neither a deferral nor a
// stale index behind. Without a deferral everything behaves exactly as before.
import { sql, type Kysely } from 'kysely';

const MAX_NAME = 40; // as in 2026_11_23_registry
const positions = Array.from({ length: MAX_NAME }, (_, i) => `(${i + 1})`).join(',');

// The per-person procedure of 2026_11_23_registry, unchanged, now only when no deferral is on.
export const perPerson = `
  SELECT v.column1 AS i, p.name, p.scope_path, p.political_status, p.outlet_id,
    coalesce(CASE WHEN v.column1 = 1 THEN c.sur END, c.py,
    CASE WHEN substr(p.name, v.column1, 1) GLOB '[A-Za-z0-9]' THEN lower(substr(p.name, v.column1, 1)) ELSE '' END) AS py
  FROM (VALUES ${positions}) v
  JOIN people p ON p.id = NEW.person_id AND p.deleted = 0
  LEFT JOIN pinyin_chars c ON c.ch = substr(p.name, v.column1, 1)
  WHERE v.column1 <= length(p.name)`;

// The same syllables for every pending person.
export const pendingSyllables = `
  SELECT p.id AS person_id, v.column1 AS i, p.name, p.scope_path, p.political_status, p.outlet_id,
    coalesce(CASE WHEN v.column1 = 1 THEN c.sur END, c.py,
    CASE WHEN substr(p.name, v.column1, 1) GLOB '[A-Za-z0-9]' THEN lower(substr(p.name, v.column1, 1)) ELSE '' END) AS py
  FROM people_search_pending q
  JOIN people p ON p.id = q.person_id AND p.deleted = 0
  JOIN (VALUES ${positions}) v ON v.column1 <= length(p.name)
  LEFT JOIN pinyin_chars c ON c.ch = substr(p.name, v.column1, 1)`;

export const upsert = `ON CONFLICT (person_id) DO UPDATE SET name = excluded.name, scope_path = excluded.scope_path,
        political_status = excluded.political_status, outlet_id = excluded.outlet_id,
        py_full = excluded.py_full, py_initials = excluded.py_initials, py_given = excluded.py_given`;

export const places = `'|' || coalesce(o.name, '') || '|' || coalesce(o.code, '') || '|' || coalesce((
          SELECT b.name FROM members m JOIN party_orgs b ON b.id = m.branch_id AND b.deleted = 0
          WHERE m.person_id = p.id AND m.deleted = 0 LIMIT 1), '') || '|'`;

const ftsValues = `s.rowid, '|' || p.name || '|', '|' || s.py_full || '|', '|' || s.py_initials || '|',
        '|' || coalesce(p.phone, '') || '|', '|' || coalesce(p.citizen_id, '') || '|', ${places}`;

export const deferred = `EXISTS (SELECT 1 FROM people_search_defer)`;

const statements = [
  `CREATE TABLE people_search_defer (on_since TEXT NOT NULL)`,
  `CREATE TABLE people_search_pending (person_id TEXT PRIMARY KEY) WITHOUT ROWID`,

  `DROP TRIGGER people_search_refresh_run`,
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
    INSERT INTO people_fts (rowid, name, py_full, py_initials, phone, citizen_id, places)
      SELECT ${ftsValues}
      FROM people_search s JOIN people p ON p.id = s.person_id AND p.deleted = 0
      LEFT JOIN outlets o ON o.id = p.outlet_id AND o.deleted = 0
      WHERE s.person_id = NEW.person_id;
  END`,
  `CREATE TRIGGER people_search_refresh_defer INSTEAD OF INSERT ON people_search_refresh WHEN ${deferred} BEGIN
    INSERT OR IGNORE INTO people_search_pending (person_id) VALUES (NEW.person_id);
  END`,

  // A view used as a procedure: inserting any row into it re-indexes every pending person and ends the deferral.
  `CREATE VIEW people_search_flush AS SELECT NULL AS go WHERE 0`,
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
    INSERT INTO people_fts (rowid, name, py_full, py_initials, phone, citizen_id, places)
      SELECT ${ftsValues}
      FROM people_search_pending q JOIN people_search s ON s.person_id = q.person_id
      JOIN people p ON p.id = s.person_id AND p.deleted = 0
      LEFT JOIN outlets o ON o.id = p.outlet_id AND o.deleted = 0;
    DELETE FROM people_search_pending;
  END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const s of statements) await sql.raw(s).execute(trx);
  });
}
