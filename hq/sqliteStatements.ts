// HQ on SQLite runs every statement on one better-sqlite3 connection, which Kysely asks to prepare
// each statement afresh. Two things are kept here instead: each statement text's prepared form
// (parsing and planning once, not per call), and a handle on the connection itself for the push's
// bulk inserts, which run one cached single-row statement per row — measured on HQ's history table,
// that stores a batch in ~55% of the time of multi-row VALUES lists that must be parsed per batch.
import type Database from 'better-sqlite3';
import type { Kysely, KyselyPlugin, SqliteDatabase, SqliteStatement } from 'kysely';

/** Kysely's view of the connection, with prepared statements kept by text (bounded). */
export function cachingDatabase(raw: Database.Database, keep = 256): SqliteDatabase {
  const kept = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(text: string): SqliteStatement {
      const st = kept.get(text) ?? raw.prepare(text);
      // Long texts are the one-off multi-row statements: not worth the memory.
      if (!kept.has(text) && text.length <= 4096) {
        if (kept.size >= keep) kept.delete(kept.keys().next().value!);
        kept.set(text, st);
      }
      // A statement being iterated is busy until the iteration ends: a stream gets one of its own.
      return { reader: st.reader, all: (p) => st.all(p as unknown[]), run: (p) => st.run(p as unknown[]), iterate: (p) => raw.prepare(text).iterate(p as unknown[]) };
    },
  };
}

/** Marks a store's Kysely (and every transaction of it) with the connection underneath. */
export class SqliteConnection implements KyselyPlugin {
  private readonly inserts = new Map<string, Database.Statement>();
  constructor(readonly raw: Database.Database) {}
  transformQuery: KyselyPlugin['transformQuery'] = (a) => a.node;
  transformResult: KyselyPlugin['transformResult'] = async (a) => a.result;

  /** Stores `rows` one statement run per row; only inside a transaction Kysely holds on this connection. */
  insertRows(into: string, rows: unknown[][], tail: string): void {
    const text = `INSERT INTO ${into} VALUES (${rows[0]!.map(() => '?').join(', ')}) ${tail}`;
    let st = this.inserts.get(text);
    if (!st) this.inserts.set(text, (st = this.raw.prepare(text)));
    for (const r of rows) st.run(r);
  }
}

export function sqliteConnectionOf<T>(db: Kysely<T>): SqliteConnection | undefined {
  return db.getExecutor().plugins.find((p): p is SqliteConnection => p instanceof SqliteConnection);
}
