// HQ's database: one SQLite file by default, PostgreSQL when given a connection string. The
// same SQL runs on both; text columns use byte order ("C" collation on PostgreSQL) because
// stamps and scope paths are compared as text. HQ keeps no state in memory that matters, so
// several processes can serve one PostgreSQL database.
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateHq } from './migrate.js';
import { copyCapable, teachCopy } from './pgCopy.js';
import { nameStatements } from './pgNamed.js';
import { SqliteConnection } from './sqliteStatements.js';
import { walCheckpointer } from './walCheckpointer.js';
import type { Dialect, HqDB } from './schema.js';

export type { Dialect } from './schema.js';

export interface HqStore {
  db: Kysely<HqDB>;
  dialect: Dialect;
  /** Migrations this open applied (hq/migrations/); empty when the schema was up to date. */
  migrated: string[];
  close(): Promise<void>;
}

/**
 * Whether a row's cells JSON holds `deleted` = 1 (JSON.stringify writes the cell as `"deleted":[1,…`;
 * inside a string value the quotes would be escaped). The same text as the partial index
 * hq_rows_tombstones (hq/migrations/2026_12_03_core.ts), so that both engines use it.
 */
export function tombstoneTest(d: Dialect): string {
  return d === 'pg' ? `strpos(cells, '"deleted":[1,') > 0` : `instr(cells, '"deleted":[1,') > 0`;
}

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//.test(s);
}

/** The page size of a new HQ file; `npm run hq -- repage` gives an older file this size (hq/repage.ts). */
export const HQ_PAGE_BYTES = 16384;

/** Opens (creating if needed) HQ's database: a file path for SQLite or a postgres:// URL. */
export async function openHqStore(target: string): Promise<HqStore> {
  if (isPostgresUrl(target)) {
    const pool = new pg.Pool({ connectionString: target, max: 6 });
    // An idle connection the server drops (restart, failover, admin) must not take HQ down with it:
    // pg emits it on the pool, and an unhandled 'error' event would end the process.
    pool.on('error', (e) => console.warn(`[hq] idle PostgreSQL connection lost: ${e.message}`));
    teachCopy(pool); // bulk inserts stream through COPY (hq/pgCopy.ts)
    nameStatements(pool); // the hot statements prepared once per connection (hq/pgNamed.ts)
    const db = new Kysely<HqDB>({ dialect: new PostgresDialect({ pool }), plugins: [copyCapable] });
    const migrated = await migrateHq(db, 'pg').catch(async (e: unknown) => {
      await db.destroy();
      throw e;
    });
    return { db, dialect: 'pg', migrated, close: () => db.destroy() };
  }
  const raw = new Database(target);
  raw.pragma('busy_timeout = 10000'); // first: two processes creating the file at once both switch it to WAL
  // 16 KiB pages, as the device's store has, for a new file (one that exists keeps its own until `repage`).
  // A province's first push (bench/pushDriver.ts's 56 requests of 55,883 rows, applied in-process, five
  // interleaved pairs) took 2.8–3.6 s against 3.6–4.2 s with SQLite's 4 KiB, its commits 0.39–0.51 s against 0.72–0.81 s.
  raw.pragma(`page_size = ${HQ_PAGE_BYTES}`);
  raw.pragma('journal_mode = WAL');
  // FULL: a push HQ has answered is on disk before the device drops it from its outbox. NORMAL in WAL
  // mode keeps commits through a crash of HQ but not through a power cut: the device would then hold
  // an acknowledgement for writes HQ no longer has. The cost is one fsync per push (first push of
  // 55,883 rows in 56 batches: HQ side 4.3/4.5 s with NORMAL, 4.6/4.6 s with FULL, interleaved).
  raw.pragma('synchronous = FULL');
  // Checkpoints on a thread of their own, off the pushes' path (hq/walCheckpointer.ts).
  const checkpoints = raw.memory ? undefined : walCheckpointer(raw, target);
  const connection = new SqliteConnection(raw);
  const db = new Kysely<HqDB>({ dialect: new SqliteDialect({ database: connection.database() }), plugins: [connection] });
  const close = async () => {
    await checkpoints?.stop();
    await db.destroy();
  };
  const migrated = await migrateHq(db, 'sqlite').catch(async (e: unknown) => {
    await close();
    throw e;
  });
  return { db, dialect: 'sqlite', migrated, close };
}

/** BIGINT comes back from PostgreSQL as a string. */
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** HQ's version now: the newest change any push has committed. */
export async function headVersion(store: HqStore): Promise<number> {
  return num((await sql<{ version: number | string }>`SELECT version FROM hq_counter WHERE id = 1`.execute(store.db)).rows[0]!.version);
}
