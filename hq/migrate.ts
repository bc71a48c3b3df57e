// Brings HQ's schema up to date when a store opens (hq/migrations/). Several HQ processes may open
// one database at once (serve on several machines, a CLI command beside a running serve, all of them
// restarted after an upgrade): one migrates, the others wait for it and then find nothing to do.
import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { hqMigrations } from './migrations/index.js';
import type { Dialect, HqDB } from './schema.js';

/** The advisory lock HQ took around its schema statements before migrations (see migratePg). */
const LEGACY_SCHEMA_LOCK = 7301;
/** How long a process waits for another one's migration on SQLite before giving up. */
const SQLITE_WAIT_MS = 5 * 60_000;

async function run(migrator: Migrator): Promise<string[]> {
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Kysely's Migrator locks (an advisory lock) and migrates in one transaction on PostgreSQL. An HQ of
 * the version before migrations, started during a rolling upgrade, runs its CREATE … IF NOT EXISTS
 * under 7301: holding it too keeps that process from failing on a table this one is creating.
 */
function migratePg(db: Kysely<HqDB>, provider: MigrationProvider): Promise<string[]> {
  return db.connection().execute(async (c) => {
    await sql`SELECT pg_advisory_lock(${LEGACY_SCHEMA_LOCK})`.execute(c);
    try {
      return await run(new Migrator({ db: c, provider }));
    } finally {
      await sql`SELECT pg_advisory_unlock(${LEGACY_SCHEMA_LOCK})`.execute(c);
    }
  });
}

/**
 * Kysely's Migrator takes no lock on SQLite, and its transaction starts deferred: a process that read
 * "pending" while another was migrating would then fail to write (SQLITE_BUSY, which waiting cannot
 * cure once it has read). BEGIN IMMEDIATE takes the write lock before anything is read, so the second
 * process waits and then finds nothing to do. A SQLite store has one connection, so the Migrator's
 * statements (told not to open a transaction of its own) all run inside this one.
 */
async function migrateSqlite(db: Kysely<HqDB>, provider: MigrationProvider): Promise<string[]> {
  const deadline = Date.now() + SQLITE_WAIT_MS;
  for (;;) {
    try {
      await sql`BEGIN IMMEDIATE`.execute(db); // waits up to the store's busy_timeout
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw e;
    }
  }
  try {
    const done = await run(new Migrator({ db, provider, disableTransactions: true }));
    await sql`COMMIT`.execute(db);
    return done;
  } catch (e) {
    await sql`ROLLBACK`.execute(db).catch(() => {});
    throw e;
  }
}

/** Runs the migrations this database has not had; returns their names (none: it was up to date). */
export async function migrateHq(db: Kysely<HqDB>, d: Dialect): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => hqMigrations(d) };
  // Up to date is the usual case: seen without taking any lock, so a CLI command beside a busy serve does not wait.
  if ((await new Migrator({ db, provider }).getMigrations()).every((m) => m.executedAt)) return [];
  return d === 'pg' ? migratePg(db, provider) : migrateSqlite(db, provider);
}
