// The deferred search flush (migrations 2026_11_27_search_deferred and 2026_11_28_search_slim) for
// thousands of pending people at once, as after a first sync. The SQL procedure spells each name
// out character by character in a join and sorts the syllables back together, ~12 µs a person;
// here the same pinyin comes from the same frozen character table held in memory, and the
// people_search indexes are rebuilt once instead of grown row by row. The result is the one the
// procedure gives (test/registry/searchDeferred.test.ts compares them).
import type Database from 'better-sqlite3';
import { ftsInsertPending } from '../migrations/2026_11_28_search_slim.js';

/** Below this many pending people the SQL procedure is as fast. */
export const BULK_FLUSH_FROM = 500;
const MAX_NAME = 40; // the procedure reads the first 40 characters of a name
const ROWS_PER_INSERT = 100;

interface CharReading {
  py: string;
  sur: string | null;
}

// pinyin_chars is frozen data (migration 2026_11_23_registry_pinyin), the same in every store:
// read once per process.
let readings: Map<string, CharReading> | null = null;

function charTable(raw: Database.Database): Map<string, CharReading> {
  if (!readings) {
    const m = new Map<string, CharReading>();
    for (const [ch, py, sur] of raw.prepare(`SELECT ch, py, sur FROM pinyin_chars`).raw().all() as [string, string, string | null][]) m.set(ch, { py, sur });
    readings = m;
  }
  return readings;
}

const ASCII_ALNUM = /^[A-Za-z0-9]$/;

/** py_full, py_initials and py_given of a name, as the SQL procedure computes them; null for an empty name. */
export function namePinyin(table: Map<string, CharReading>, name: string): [string, string, string] | null {
  const chars = Array.from(name).slice(0, MAX_NAME);
  if (!chars.length) return null;
  let full = '';
  let initials = '';
  let given = '';
  chars.forEach((ch, i) => {
    const c = table.get(ch);
    const py = i === 0 && c && c.sur !== null ? c.sur : c ? c.py : ASCII_ALNUM.test(ch) ? ch.toLowerCase() : '';
    full += py;
    initials += Array.from(py)[0] ?? '';
    if (i > 0) given += py;
  });
  return [full, initials, given];
}

const SEARCH_COLS = ['person_id', 'name', 'scope_path', 'political_status', 'outlet_id', 'py_full', 'py_initials', 'py_given'];
const statements = new WeakMap<Database.Database, Map<number, Database.Statement>>();
const upsert = (raw: Database.Database, rows: number): Database.Statement => {
  let m = statements.get(raw);
  if (!m) statements.set(raw, (m = new Map()));
  let s = m.get(rows);
  if (!s) m.set(rows, (s = raw.prepare(upsertSql(rows))));
  return s;
};
const upsertSql = (rows: number) =>
  `INSERT INTO people_search (${SEARCH_COLS.join(', ')}) VALUES ${Array(rows).fill(`(${SEARCH_COLS.map(() => '?').join(',')})`).join(',')}
   ON CONFLICT (person_id) DO UPDATE SET name = excluded.name, scope_path = excluded.scope_path,
     political_status = excluded.political_status, outlet_id = excluded.outlet_id,
     py_full = excluded.py_full, py_initials = excluded.py_initials, py_given = excluded.py_given`;

/** Ends a search deferral: re-indexes every pending person (inside the caller's transaction). */
export function flushSearch(raw: Database.Database): void {
  const pending = (raw.prepare(`SELECT count(*) AS n FROM people_search_pending`).get() as { n: number }).n;
  if (pending < BULK_FLUSH_FROM) {
    raw.prepare(`INSERT INTO people_search_flush (go) VALUES (1)`).run();
    return;
  }
  raw.exec(`DELETE FROM people_search_defer;
    DELETE FROM people_fts WHERE rowid IN (SELECT s.rowid FROM people_search_pending q JOIN people_search s ON s.person_id = q.person_id);
    DELETE FROM people_search WHERE person_id IN (SELECT person_id FROM people_search_pending)
      AND NOT EXISTS (SELECT 1 FROM people WHERE id = people_search.person_id AND deleted = 0);`);
  const held = (raw.prepare(`SELECT count(*) AS n FROM people_search`).get() as { n: number }).n;
  const indexes = pending >= held
    ? (raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people_search' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`).all() as { name: string; sql: string }[])
    : [];
  for (const i of indexes) raw.exec(`DROP INDEX "${i.name}"`);

  const table = charTable(raw);
  const people = raw
    .prepare(`SELECT p.id, p.name, p.scope_path, p.political_status, p.outlet_id
      FROM people_search_pending q JOIN people p ON p.id = q.person_id AND p.deleted = 0 ORDER BY p.id`)
    .raw()
    .all() as [string, string, string, string, string | null][];
  const values: unknown[] = [];
  let n = 0;
  const put = () => {
    if (n) upsert(raw, n).run(values);
    values.length = 0;
    n = 0;
  };
  for (const [id, name, scope, status, outlet] of people) {
    const py = namePinyin(table, name);
    if (!py) continue;
    values.push(id, name, scope, status, outlet, ...py);
    if (++n === ROWS_PER_INSERT) put();
  }
  put();
  for (const i of indexes) raw.exec(i.sql);
  raw.exec(`${ftsInsertPending}; DELETE FROM people_search_pending;`);
}
