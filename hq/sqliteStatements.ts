// HQ on SQLite runs every statement on one better-sqlite3 connection, which Kysely asks to prepare
// each statement afresh. Two things are kept here instead: each statement text's prepared form
// (parsing and planning once, not per call), and a handle on the connection itself for the push's
// bulk inserts, which run one cached single-row statement per row — measured on HQ's history table,
// that stores a batch in ~55% of the time of multi-row VALUES lists that must be parsed per batch.
import type Database from 'better-sqlite3';
import type { Kysely, KyselyPlugin, SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * HQ's one SQLite connection with its prepared statements kept by text (bounded): Kysely's view of it
 * (`database`), and, as a plugin on the Kysely instance, a handle that every transaction carries for
 * the push's bulk inserts (`insertRows`), which use the same kept statements.
 */
export class SqliteConnection implements KyselyPlugin {
  private readonly kept = new Map<string, Database.Statement>();
  constructor(
    readonly raw: Database.Database,
    private readonly keep = 256,
  ) {}
  transformQuery: KyselyPlugin['transformQuery'] = (a) => a.node;
  transformResult: KyselyPlugin['transformResult'] = async (a) => a.result;

  /** The prepared form of `text`: kept unless the text is long (the one-off multi-row statements, not worth the memory). */
  statement(text: string): Database.Statement {
    const st = this.kept.get(text);
    if (st) return st;
    const made = this.raw.prepare(text);
    if (text.length <= 4096) {
      if (this.kept.size >= this.keep) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(text, made);
    }
    return made;
  }

  /** Kysely's view of the connection. */
  database(): SqliteDatabase {
    return {
      close: () => this.raw.close(),
      prepare: (text: string): SqliteStatement => {
        const st = this.statement(text);
        // A statement being iterated is busy until the iteration ends: a stream gets one of its own.
        return { reader: st.reader, all: (p) => st.all(p as unknown[]), run: (p) => st.run(p as unknown[]), iterate: (p) => this.raw.prepare(text).iterate(p as unknown[]) };
      },
    };
  }

  /** Stores `rows` one statement run per row; only inside a transaction Kysely holds on this connection. */
  insertRows(into: string, rows: unknown[][], tail: string): void {
    const st = this.statement(`INSERT INTO ${into} VALUES (${rows[0]!.map(() => '?').join(', ')}) ${tail}`);
    for (const r of rows) st.run(r);
  }
}

export function sqliteConnectionOf<T>(db: Kysely<T>): SqliteConnection | undefined {
  return db.getExecutor().plugins.find((p): p is SqliteConnection => p instanceof SqliteConnection);
}
