// Prepared statements kept by text, for a better-sqlite3 connection that Kysely drives (the device's
// store, db/open.ts, and HQ on SQLite, hq/sqliteStatements.ts). Kysely asks the connection to prepare
// every statement afresh, and SQLite then parses and plans it again — on the device with the capture
// triggers it fires compiled into it: a captured outlet save through the API took 1.72 ms with
// statements prepared per call and 0.86 ms with them kept (p50, bench/syncCapture.ts, one run each).
// Typed by shape rather than by the driver's types: shared/node/ imports no database library.

/** What this needs of a prepared statement (better-sqlite3's Statement). */
export interface PreparedLike {
  readonly reader: boolean;
  all(params: readonly unknown[]): unknown[];
  run(params: readonly unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(params: readonly unknown[]): IterableIterator<unknown>;
}

/** What this needs of the connection (better-sqlite3's Database). */
export interface ConnectionLike<S extends PreparedLike> {
  prepare(text: string): S;
  close(): unknown;
}

/** Longer texts are the one-off multi-row statements: not worth the memory. */
const MAX_KEPT_TEXT = 4096;

export class KeptStatements<S extends PreparedLike> {
  private readonly kept = new Map<string, S>();
  constructor(
    readonly raw: ConnectionLike<S>,
    private readonly keep = 256,
  ) {}

  /** The prepared form of `text`, kept (the oldest dropped past `keep`) unless the text is long. */
  statement(text: string): S {
    const st = this.kept.get(text);
    if (st) return st;
    const made = this.raw.prepare(text);
    if (text.length <= MAX_KEPT_TEXT) {
      if (this.kept.size >= this.keep) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(text, made);
    }
    return made;
  }

  /** The connection as Kysely's SqliteDialect takes it, its statements kept. */
  database() {
    return {
      close: () => void this.raw.close(),
      prepare: (text: string) => {
        const st = this.statement(text);
        // A statement being iterated is busy until the iteration ends: a stream gets one of its own.
        return {
          reader: st.reader,
          all: (p: readonly unknown[]) => st.all(p),
          run: (p: readonly unknown[]) => st.run(p),
          iterate: (p: readonly unknown[]) => this.raw.prepare(text).iterate(p),
        };
      },
    };
  }
}
