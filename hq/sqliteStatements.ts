// HQ on SQLite runs every statement on one better-sqlite3 connection, which Kysely asks to prepare
// each statement afresh. Two things are kept here instead: each statement text's prepared form
// (parsing and planning once, not per call: shared/node/keptStatements.ts, which the device's store
// uses too), and a handle on the connection itself for the push's bulk inserts, which run one kept
// single-row statement per row — measured on HQ's history table, that stores a batch in ~55% of the
// time of multi-row VALUES lists that must be parsed per batch.
import type Database from 'better-sqlite3';
import type { Kysely, KyselyPlugin } from 'kysely';
import { KeptStatements } from '../shared/node/keptStatements.js';

/**
 * HQ's one SQLite connection with its prepared statements kept by text (shared/node/keptStatements.ts):
 * Kysely's view of it (`database`), and, as a plugin on the Kysely instance, a handle that every
 * transaction carries for the push's bulk inserts (`insertRows`), which use the same kept statements.
 */
export class SqliteConnection extends KeptStatements<Database.Statement> implements KyselyPlugin {
  constructor(override readonly raw: Database.Database) {
    super(raw);
  }
  transformQuery: KyselyPlugin['transformQuery'] = (a) => a.node;
  transformResult: KyselyPlugin['transformResult'] = async (a) => a.result;

  /** Stores `rows` one statement run per row; only inside a transaction Kysely holds on this connection. */
  insertRows(into: string, rows: unknown[][], tail: string): void {
    const st = this.statement(`INSERT INTO ${into} VALUES (${rows[0]!.map(() => '?').join(', ')}) ${tail}`);
    for (const r of rows) st.run(r);
  }
}

export function sqliteConnectionOf<T>(db: Kysely<T>): SqliteConnection | undefined {
  return db.getExecutor().plugins.find((p): p is SqliteConnection => p instanceof SqliteConnection);
}
