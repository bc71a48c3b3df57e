// CHECK constraints verified once per table after a bulk insert instead of row by row. SQLite runs
// a table's CHECK constraints for every row it inserts, and in that code an IN list of three or more
// values (`status IN ('present','absent','excused')`) is built into a temporary b-tree anew for each
// row, where a query builds it once: a third of the insert time of a first sync went there. So the
// rows go in with the constraints off (PRAGMA ignore_check_constraints, which also makes SQLite
// recompile every prepared statement, so none keeps the setting), and one query per table then looks
// for a new row that breaks any of them, with the same expressions, on the same stored values (SQLite
// applies column affinity before it evaluates a CHECK). Should one do so, everything inserted is
// undone (a savepoint) and inserted again with the constraints on, exactly as before, so a refused
// row meets the same fate and the same message. A table whose CHECKs cannot be read with certainty
// keeps them on.
import type Database from 'better-sqlite3';

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Index after the quoted token (string, identifier) or comment starting at i, or i when there is none there. */
function skipQuoted(sql: string, i: number): number {
  const c = sql[i];
  const close = c === "'" || c === '"' || c === '`' ? c : c === '[' ? ']' : null;
  if (close) {
    let j = i + 1;
    for (;;) {
      const k = sql.indexOf(close, j);
      if (k < 0) return sql.length;
      if (close !== ']' && sql[k + 1] === close) j = k + 2; // a doubled quote stands for itself
      else return k + 1;
    }
  }
  if (c === '-' && sql[i + 1] === '-') {
    const k = sql.indexOf('\n', i);
    return k < 0 ? sql.length : k + 1;
  }
  if (c === '/' && sql[i + 1] === '*') {
    const k = sql.indexOf('*/', i + 2);
    return k < 0 ? sql.length : k + 2;
  }
  return i;
}

const WORD = /[A-Za-z0-9_$\u0080-\uffff]/;

/**
 * The CHECK expressions of a CREATE TABLE statement, column and table constraints alike, or null
 * when the statement cannot be read with certainty (a CHECK not followed by a parenthesis, an
 * unbalanced one).
 */
export function checkExpressions(createSql: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < createSql.length) {
    const j = skipQuoted(createSql, i);
    if (j !== i) {
      i = j;
      continue;
    }
    if (!WORD.test(createSql[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < createSql.length && WORD.test(createSql[end]!)) end++;
    if (createSql.slice(i, end).toUpperCase() === 'CHECK') {
      let k = end;
      for (;;) {
        while (k < createSql.length && /\s/.test(createSql[k]!)) k++;
        const comment = createSql.startsWith('--', k) || createSql.startsWith('/*', k);
        if (!comment) break;
        k = skipQuoted(createSql, k);
      }
      if (createSql[k] !== '(') return null;
      let depth = 0;
      let m = k;
      while (m < createSql.length) {
        const q = skipQuoted(createSql, m);
        if (q !== m) {
          m = q;
          continue;
        }
        if (createSql[m] === '(') depth++;
        else if (createSql[m] === ')' && --depth === 0) break;
        m++;
      }
      if (depth !== 0) return null;
      out.push(createSql.slice(k + 1, m));
      end = m + 1;
    }
    i = end;
  }
  return out;
}

interface Verifier {
  /** Finds a row past the given rowid that breaks a CHECK. */
  broken: Database.Statement;
  last: Database.Statement;
}

/** null: the table has no CHECK; undefined: its CHECKs cannot be verified this way. */
function verifierOf(raw: Database.Database, table: string, sql: string): Verifier | null | undefined {
  const exprs = checkExpressions(sql);
  if (!exprs) return undefined;
  if (!exprs.length) return null;
  // Rows appended to a rowid table get rowids above every earlier one, unless the rowid is a column of its own.
  if (/\bWITHOUT\s+ROWID\b/i.test(sql)) return undefined;
  const pk = raw.prepare(`SELECT type FROM pragma_table_info(?) WHERE pk > 0`).all(table) as { type: string }[];
  if (pk.length === 1 && /^INTEGER$/i.test(pk[0]!.type.trim())) return undefined;
  try {
    // A CHECK fails where its expression is false; NULL passes, as NOT NULL is NULL.
    const broken = raw.prepare(`SELECT 1 FROM ${ident(table)} WHERE rowid > ? AND NOT (${exprs.map((e) => `(${e})`).join(' AND ')}) LIMIT 1`);
    const last = raw.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${ident(table)}`);
    return { broken, last };
  } catch {
    return undefined;
  }
}

// Per connection, by the table's CREATE statement as it stands (a migration may change it).
const verifiers = new WeakMap<Database.Database, Map<string, Verifier | null | undefined>>();
function verifier(raw: Database.Database, table: string): Verifier | null | undefined {
  const row = raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string | null } | undefined;
  if (!row?.sql) return undefined;
  let m = verifiers.get(raw);
  if (!m) verifiers.set(raw, (m = new Map()));
  const key = `${table}\u0000${row.sql}`;
  if (!m.has(key)) m.set(key, verifierOf(raw, table, row.sql));
  return m.get(key);
}

const SAVEPOINT = 'rc_checks_after_insert';

/**
 * Runs `insert` (which writes rows of `tables`, and tables without CHECKs) inside the caller's
 * transaction with CHECK constraints off, then verifies them on the new rows; if any row breaks one,
 * undoes the insert and runs it again with them on (so `insert` must be repeatable: whatever it
 * counts outside the store it must count afresh).
 */
export function insertCheckingAfter<T>(raw: Database.Database, tables: string[], insert: () => T): T {
  const checked = [...new Set(tables)].map((t) => [t, verifier(raw, t)] as const);
  if (!checked.some(([, v]) => v) || checked.some(([, v]) => v === undefined) || raw.pragma('ignore_check_constraints', { simple: true })) return insert();
  const from = checked.map(([, v]) => (v ? (v.last.get() as { n: number }).n : 0));
  raw.exec(`SAVEPOINT ${SAVEPOINT}`);
  let out: T;
  try {
    raw.pragma('ignore_check_constraints = ON');
    try {
      out = insert();
    } finally {
      raw.pragma('ignore_check_constraints = OFF');
    }
  } catch (e) {
    raw.exec(`ROLLBACK TO ${SAVEPOINT}; RELEASE ${SAVEPOINT}`);
    throw e;
  }
  const sound = checked.every(([, v], i) => !v || v.broken.get(from[i]) === undefined);
  if (sound) {
    raw.exec(`RELEASE ${SAVEPOINT}`);
    return out;
  }
  raw.exec(`ROLLBACK TO ${SAVEPOINT}; RELEASE ${SAVEPOINT}`);
  return insert();
}
