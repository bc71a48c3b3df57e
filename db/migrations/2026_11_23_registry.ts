// Frozen once landed. The registry in depth (issue 4): a full-text index over people kept in step
// by triggers, and the synced records of who exported, revealed, imported and merged what.
//
// Search: `people_fts` is a contentless FTS5 table with the trigram tokenizer (any 3+ character
// substring of a name, pinyin, phone, citizen id or outlet/branch name). Every value is stored
// between '|' sentinels so that a 2-character query can still match as a prefix ("|zs") or a
// suffix ("建国|"). Pinyin is computed inside SQLite from `pinyin_chars` (a frozen per-character
// table), so the triggers need no application function and keep working for every writer: the
// API, sync applying remote rows, the synthetic generator's raw inserts.
// `people_search` maps a person to a stable INTEGER rowid of the FTS row (people's own rowid may
// change on VACUUM) and keeps the computed pinyin for duplicate detection.
import { sql, type Kysely } from 'kysely';
import { PINYIN_GROUPS, SURNAME_READINGS } from './2026_11_23_registry_pinyin.js';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const MAX_NAME = 40; // personInput caps names at 40 characters
const positions = Array.from({ length: MAX_NAME }, (_, i) => `(${i + 1})`).join(',');

// Pinyin of each character of the person's name, in order; the first character uses its surname
// reading when it has one. Letters and digits pass through lowercased; other symbols (·) drop.
const syllables = `
  SELECT v.column1 AS i, p.name, p.scope_path, p.political_status, p.outlet_id,
    coalesce(CASE WHEN v.column1 = 1 THEN c.sur END, c.py,
    CASE WHEN substr(p.name, v.column1, 1) GLOB '[A-Za-z0-9]' THEN lower(substr(p.name, v.column1, 1)) ELSE '' END) AS py
  FROM (VALUES ${positions}) v
  JOIN people p ON p.id = NEW.person_id AND p.deleted = 0
  LEFT JOIN pinyin_chars c ON c.ch = substr(p.name, v.column1, 1)
  WHERE v.column1 <= length(p.name)`;

const statements = [
  `CREATE TABLE pinyin_chars (ch TEXT PRIMARY KEY, py TEXT NOT NULL, sur TEXT) WITHOUT ROWID`,

  // Narrow copies of name, scope, status and outlet let a search filter and sort its hits without
  // reading the wide people rows (2–4× faster on a 100k store).
  // Pinyin prefixes (full, initials, given name) are B-tree ranges: faster than trigrams, whose
  // common syllables ("ang", "han") have doclists of tens of thousands of rows.
  `CREATE TABLE people_search (
    rowid INTEGER PRIMARY KEY, person_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, scope_path TEXT NOT NULL,
    political_status TEXT NOT NULL, outlet_id TEXT, py_full TEXT NOT NULL, py_initials TEXT NOT NULL, py_given TEXT NOT NULL)`,
  `CREATE INDEX people_search_name ON people_search(name, person_id, scope_path, political_status, outlet_id)`,
  `CREATE INDEX people_search_initials ON people_search(py_initials, name, person_id, scope_path, political_status, outlet_id)`,
  `CREATE INDEX people_search_full ON people_search(py_full, name, person_id, scope_path, political_status, outlet_id)`,
  `CREATE INDEX people_search_given ON people_search(py_given, name, person_id, scope_path, political_status, outlet_id)`,
  `CREATE VIRTUAL TABLE people_fts USING fts5(
    name, py_full, py_initials, phone, citizen_id, places, content='', contentless_delete=1, tokenize='trigram')`,

  // A view used as a procedure: inserting a person id into it re-indexes that person.
  `CREATE VIEW people_search_refresh AS SELECT NULL AS person_id WHERE 0`,
  `CREATE TRIGGER people_search_refresh_run INSTEAD OF INSERT ON people_search_refresh BEGIN
    DELETE FROM people_fts WHERE rowid = (SELECT rowid FROM people_search WHERE person_id = NEW.person_id);
    DELETE FROM people_search WHERE person_id = NEW.person_id
      AND NOT EXISTS (SELECT 1 FROM people WHERE id = NEW.person_id AND deleted = 0);
    INSERT INTO people_search (person_id, name, scope_path, political_status, outlet_id, py_full, py_initials, py_given)
      SELECT NEW.person_id, max(name), max(scope_path), max(political_status), max(outlet_id),
        group_concat(py, '' ORDER BY i), group_concat(substr(py, 1, 1), '' ORDER BY i),
        coalesce(group_concat(CASE WHEN i > 1 THEN py END, '' ORDER BY i), '')
      FROM (${syllables}) WHERE 1 HAVING count(*) > 0
      ON CONFLICT (person_id) DO UPDATE SET name = excluded.name, scope_path = excluded.scope_path,
        political_status = excluded.political_status, outlet_id = excluded.outlet_id,
        py_full = excluded.py_full, py_initials = excluded.py_initials, py_given = excluded.py_given;
    INSERT INTO people_fts (rowid, name, py_full, py_initials, phone, citizen_id, places)
      SELECT s.rowid, '|' || p.name || '|', '|' || s.py_full || '|', '|' || s.py_initials || '|',
        '|' || coalesce(p.phone, '') || '|', '|' || coalesce(p.citizen_id, '') || '|',
        '|' || coalesce(o.name, '') || '|' || coalesce(o.code, '') || '|' || coalesce((
          SELECT b.name FROM members m JOIN party_orgs b ON b.id = m.branch_id AND b.deleted = 0
          WHERE m.person_id = p.id AND m.deleted = 0 LIMIT 1), '') || '|'
      FROM people_search s JOIN people p ON p.id = s.person_id AND p.deleted = 0
      LEFT JOIN outlets o ON o.id = p.outlet_id AND o.deleted = 0
      WHERE s.person_id = NEW.person_id;
  END`,

  `CREATE TRIGGER people_search_people_i AFTER INSERT ON people BEGIN
    INSERT INTO people_search_refresh (person_id) VALUES (NEW.id);
  END`,
  `CREATE TRIGGER people_search_people_u AFTER UPDATE OF name, phone, citizen_id, outlet_id, political_status, scope_path, deleted ON people BEGIN
    INSERT INTO people_search_refresh (person_id) VALUES (NEW.id);
  END`,
  `CREATE TRIGGER people_search_people_d AFTER DELETE ON people BEGIN
    INSERT INTO people_search_refresh (person_id) VALUES (OLD.id);
  END`,
  `CREATE TRIGGER people_search_members_i AFTER INSERT ON members BEGIN
    INSERT INTO people_search_refresh (person_id) VALUES (NEW.person_id);
  END`,
  `CREATE TRIGGER people_search_members_u AFTER UPDATE OF person_id, branch_id, deleted ON members BEGIN
    INSERT INTO people_search_refresh (person_id) VALUES (NEW.person_id);
    INSERT INTO people_search_refresh (person_id) SELECT OLD.person_id WHERE OLD.person_id IS NOT NEW.person_id;
  END`,
  `CREATE TRIGGER people_search_members_d AFTER DELETE ON members BEGIN
    INSERT INTO people_search_refresh (person_id) VALUES (OLD.person_id);
  END`,
  // Sync may deliver a person before the outlet or branch it points at: index them on arrival too.
  `CREATE TRIGGER people_search_outlets_i AFTER INSERT ON outlets BEGIN
    INSERT INTO people_search_refresh (person_id) SELECT id FROM people WHERE outlet_id = NEW.id AND deleted = 0;
  END`,
  `CREATE TRIGGER people_search_outlets_u AFTER UPDATE OF name, code, deleted ON outlets BEGIN
    INSERT INTO people_search_refresh (person_id) SELECT id FROM people WHERE outlet_id = NEW.id AND deleted = 0;
  END`,
  `CREATE TRIGGER people_search_orgs_i AFTER INSERT ON party_orgs BEGIN
    INSERT INTO people_search_refresh (person_id) SELECT person_id FROM members WHERE branch_id = NEW.id AND deleted = 0;
  END`,
  `CREATE TRIGGER people_search_orgs_u AFTER UPDATE OF name, deleted ON party_orgs BEGIN
    INSERT INTO people_search_refresh (person_id) SELECT person_id FROM members WHERE branch_id = NEW.id AND deleted = 0;
  END`,

  // Who exported, revealed or imported what (DOMAIN.md, Privacy: "log who exported what").
  `CREATE TABLE registry_audit (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('export','reveal','import')),
    subject_id TEXT, description TEXT NOT NULL, filter_json TEXT, row_count INTEGER NOT NULL DEFAULT 0,
    full_ids INTEGER NOT NULL DEFAULT 0, file_name TEXT, user_name TEXT NOT NULL, role TEXT NOT NULL, device_id TEXT NOT NULL,
    ${synced})`,
  `CREATE INDEX registry_audit_scope ON registry_audit(scope_path, created_at)`,
  `CREATE INDEX registry_audit_subject ON registry_audit(subject_id)`,

  // Changes of standing, mobility, lost contact, political status and recruit stage, as history.
  `CREATE TABLE member_history (
    id TEXT PRIMARY KEY, person_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('standing','mobility','lost_contact','political_status','recruit_stage','branch')),
    from_value TEXT, to_value TEXT, on_date TEXT NOT NULL, reason TEXT, recorded_by TEXT NOT NULL,
    ${synced})`,
  `CREATE INDEX member_history_person ON member_history(person_id, on_date)`,

  // A merge of two registrations of one person: the loser is tombstoned, this row points it at the
  // survivor and keeps its last values and the rows that were re-pointed.
  `CREATE TABLE person_merges (
    id TEXT PRIMARY KEY, survivor_id TEXT NOT NULL, loser_id TEXT NOT NULL, reason TEXT NOT NULL,
    loser_snapshot_json TEXT NOT NULL, repointed_json TEXT NOT NULL, merged_by TEXT NOT NULL,
    ${synced})`,
  `CREATE INDEX person_merges_survivor ON person_merges(survivor_id)`,
  `CREATE INDEX person_merges_loser ON person_merges(loser_id)`,

  // Indexes the registry's lists lean on (duplicates by name + birth date; coverage by county).
  `CREATE INDEX people_name_birth ON people(name, birth_date)`,
  `CREATE INDEX outlets_grid ON outlets(grid_id)`,
  `CREATE INDEX outlets_instructor ON outlets(instructor_id)`,
];

function pinyinRows(): [string, string, string | null][] {
  const sur = new Map<string, string>();
  for (const pair of SURNAME_READINGS.split(' ')) sur.set(pair[0]!, pair.slice(1));
  const rows: [string, string, string | null][] = [];
  for (const chunk of PINYIN_GROUPS)
    for (const group of chunk.split(';')) {
      const [py, chars] = group.split(':') as [string, string];
      for (const ch of chars) rows.push([ch, py, sur.get(ch) ?? null]);
    }
  return rows;
}

export async function up(db: Kysely<any>): Promise<void> {
  // SQLite migrations run outside a transaction in Kysely: take one, so a failure leaves nothing half-made.
  await db.transaction().execute(async (trx) => {
    for (const s of statements) await sql.raw(s).execute(trx);
    const rows = pinyinRows();
    for (let i = 0; i < rows.length; i += 400) {
      const part = rows.slice(i, i + 400);
      await sql`INSERT INTO pinyin_chars (ch, py, sur) VALUES ${sql.join(part.map((r) => sql`(${r[0]}, ${r[1]}, ${r[2]})`))}`.execute(trx);
    }
    await sql`INSERT INTO people_search_refresh (person_id) SELECT id FROM people WHERE deleted = 0`.execute(trx);
  });
}
