// HQ's schema lives in dated migrations (hq/migrations/). An HQ upgraded in place adopts the database
// the HQ before migrations made, keeping and serving every row; a new HQ gets the same schema; a
// restart runs nothing; several HQ processes starting at once on one database all come up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { listDevices } from '../../hq/admin.js';
import { purgeTombstones } from '../../hq/purge.js';
import type { HqDB } from '../../hq/schema.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { spawnEntry, type Child } from '../sync/spawn.js';
import { createPgDatabase } from '../sync/support.js';
import { createLegacyHq } from './legacySchema.js';
import { dumpHq, fillLegacy, HQ_TABLES, type LegacyFacts } from './legacyRows.js';
import { servesLegacy } from './legacyServed.js';
import { schemaShape, withoutMigrator } from './schemaShape.js';

const ALL = ['2026_12_03_core', '2026_12_04_blob_holders', '2026_12_04_sign_keys', '2026_12_04_usage', '2026_12_05_console', '2026_12_05_history', '2026_12_06_device_reports', '2026_12_07_county_totals', '2026_12_07_dues_secretary', '2026_12_08_row_stamps', '2026_12_09_history_head'];
/** Tables the migrations after the core one add. */
const LATER_TABLES = ['hq_blob_holders', 'hq_sign_keys', 'hq_usage', 'hq_console_users', 'hq_console_sessions', 'hq_console_audit', 'hq_history', 'hq_device_reports', 'hq_county_totals',
  // and columns, named table.column (2026_12_07_dues_secretary: the person an enrolment code names)
  'hq_devices.person_id', 'hq_enrol_codes.person_id',
  // (2026_12_08_row_stamps: a row's stamps apart from its values, hq/cells.ts)
  'hq_rows.stamps',
  // (2026_12_09_history_head: the history chain's last link on the counter row)
  'hq_counter.history_seq', 'hq_counter.history_hash',
  // and indexes on older tables (2026_12_07_county_totals: one county's rows of a table)
  'hq_rows_tbl_scope'];

/** A database made and filled by the HQ before migrations; returns what it holds. */
async function legacyDb(target: string): Promise<{ facts: LegacyFacts; dump: Awaited<ReturnType<typeof dumpHq>>; shape: Awaited<ReturnType<typeof schemaShape>> }> {
  const old = await createLegacyHq(target);
  try {
    const facts = await fillLegacy(old);
    return { facts, dump: await dumpHq(old), shape: await schemaShape(old) };
  } finally {
    await old.close();
  }
}

async function withStore<T>(target: string, fn: (s: HqStore) => Promise<T>): Promise<T> {
  const s = await openHqStore(target);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

const migrationsRun = async (s: HqStore) => Number((await sql<{ n: unknown }>`SELECT count(*) AS n FROM kysely_migration`.execute(s.db)).rows[0]!.n);

function describeMigrations(label: string, freshTarget: () => Promise<string>): void {
  describe(`HQ migrations on ${label}`, () => {
    it('adopts a database from before migrations in place: every row kept, and HQ serves them', async () => {
      const target = await freshTarget();
      const before = await legacyDb(target);
      for (const t of HQ_TABLES) expect(before.dump[t]!.length, `${t} has rows`).toBeGreaterThan(0);
      await withStore(target, async (store) => {
        expect(store.migrated).toEqual(ALL);
        expect(await dumpHq(store)).toEqual(before.dump);
        // Nothing of the old schema changed: later migrations only add tables (the migrator's bookkeeping aside).
        const now = withoutMigrator(await schemaShape(store));
        const added = (x: string) => LATER_TABLES.some((t) => x.includes(t));
        expect({ tables: now.tables.filter((x) => !added(x)), columns: now.columns.filter((x) => !added(x)), indexes: now.indexes.filter((x) => !added(x)) }).toEqual(before.shape);
        await servesLegacy(store, before.facts);
        const purge = await purgeTombstones(store, { dryRun: true });
        expect(purge.purged).toEqual({ outlets: 1 }); // the synced device acknowledged it; the one that never pulled holds nothing
      });
    }, 60_000);

    it('gives a new database the same schema as an adopted one', async () => {
      const adopted = await freshTarget();
      await legacyDb(adopted);
      const fresh = await freshTarget();
      const [a, f] = await Promise.all([withStore(adopted, schemaShape), withStore(fresh, schemaShape)]);
      expect(f.tables).toEqual(expect.arrayContaining([...HQ_TABLES]));
      expect(f).toEqual(a);
    }, 60_000);

    it('runs nothing when opened again, and changes nothing', async () => {
      const adopted = await freshTarget();
      await legacyDb(adopted);
      const fresh = await freshTarget();
      for (const target of [adopted, fresh]) {
        const first = await withStore(target, async (s) => ({ migrated: s.migrated, dump: await dumpHq(s) }));
        expect(first.migrated).toEqual(ALL);
        await withStore(target, async (s) => {
          expect(s.migrated).toEqual([]);
          expect(await dumpHq(s)).toEqual(first.dump);
          expect(await migrationsRun(s)).toBe(ALL.length);
        });
      }
    }, 60_000);
  });
}

describe('HQ migrations on SQLite files', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  describeMigrations('SQLite', async () => join(dirs[dirs.push(mkdtempSync(join(tmpdir(), 'rc-hq-mig-'))) - 1]!, 'hq.sqlite'));
});

describe('HQ migrations on SQLite, several processes at once', () => {
  it('starts every HQ process opening one old database at once; one migrates it, the others wait and find it done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-hq-mig-'));
    const file = join(dir, 'hq.sqlite');
    try {
      const before = await legacyDb(file);
      // As at a database one migration behind: the migrator's own tables are there already.
      const raw = new Kysely<HqDB>({ dialect: new SqliteDialect({ database: new Database(file) }) });
      await new Migrator({ db: raw, provider: { getMigrations: async () => ({}) } }).migrateToLatest();
      await raw.destroy();
      // A serve holds the writer lock (hq/push.ts) while they start: they all find the migration pending,
      // and the change it commits meanwhile is what a process that read before it must not trip over.
      const busy = new Database(file);
      busy.exec('BEGIN IMMEDIATE; UPDATE hq_counter SET version = version WHERE id = 1');
      const procs: Child[] = [];
      for (let i = 0; i < 3; i++) procs.push(await spawnEntry('hq', ['devices', '--db', file]));
      await new Promise((ok) => setTimeout(ok, 2000));
      busy.exec('COMMIT');
      busy.close();
      const codes = await Promise.all(procs.map((p) => new Promise<number | null>((ok) => (p.proc.exitCode !== null ? ok(p.proc.exitCode) : p.proc.once('exit', (c) => ok(c))))));
      const outputs = procs.map((p) => p.output());
      expect(codes, outputs.join('\n----\n')).toEqual([0, 0, 0]);
      for (const o of outputs) expect(o).toContain(before.facts.device.userName);
      expect(outputs.filter((o) => o.includes(`schema migrated (${ALL.join(', ')})`))).toHaveLength(1);
      await withStore(file, async (s) => {
        expect(s.migrated).toEqual([]);
        expect(await dumpHq(s)).toEqual(before.dump);
        expect(await migrationsRun(s)).toBe(ALL.length);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('HQ migrations on PostgreSQL', () => {
  // Started by the first test that needs it, so that every test fails (never skips) when it cannot start.
  let server: Promise<RunningPg> | undefined;
  const fresh = async () => createPgDatabase((await (server ??= startPostgres())).url);
  afterAll(async () => {
    await (await server?.catch(() => undefined))?.stop();
  });

  describeMigrations('PostgreSQL', fresh);

  it('brings up two HQ processes opening one database at once, old or new; the schema is migrated once', async () => {
    for (const old of [true, false]) {
      const target = await fresh();
      const before = old ? await legacyDb(target) : null;
      // An HQ of the version before migrations starting at the same moment holds 7301 while it runs its schema statements.
      const earlier = new pg.Client({ connectionString: target });
      await earlier.connect();
      await earlier.query('SELECT pg_advisory_lock(7301)');
      const opening = Promise.all([openHqStore(target), openHqStore(target)]);
      await new Promise((ok) => setTimeout(ok, 500));
      await earlier.query('SELECT pg_advisory_unlock(7301)');
      await earlier.end();
      const stores = await opening;
      try {
        expect(stores.map((s) => s.migrated).sort()).toEqual([[], ALL]);
        expect(await migrationsRun(stores[0]!)).toBe(ALL.length);
        if (before) expect(await dumpHq(stores[1]!)).toEqual(before.dump);
        for (const s of stores) expect((await listDevices(s)).map((d) => d.user_name).sort()).toEqual(before ? ['丢失的设备', '指导员乙', '县组织员甲'].sort() : []);
      } finally {
        for (const s of stores) await s.close();
      }
    }
  }, 120_000);
});
