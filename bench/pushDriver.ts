// HQ push apply alone, for profiling and quick figures: a synthetic province's outbox (cached in the
// temp folder by county count) pushed in batches of 1000 to an in-process HQ on SQLite or, with
// PUSH_PG=1, on an embedded PostgreSQL. Besides wall time it counts the CPU time this process spent
// answering pushes, which a shared machine's load disturbs far less (on PostgreSQL the server's own
// CPU is in another process and not counted). Run: `npx tsx bench/pushDriver.ts`; PUSH_STATS=1 prints the
// WAL and database sizes, PUSH_PRAGMA='a=1;b=2' tries SQLite settings on HQ's connection.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openProfile } from '../db/profile.js';
import { enrolDevice } from '../db/sync/enrol.js';
import { clientFor, pushSome } from '../db/sync/session.js';
import { createEnrolCode } from '../hq/auth.js';
import { buildHq } from '../hq/server.js';
import { openHqStore } from '../hq/store.js';
import { startPostgres } from '../test/sync/pg.js';
import { createPgDatabase } from '../test/sync/support.js';
import { loadedDevice } from './syncFixtures.js';

/** The loaded device's store, made once per county count and kept in the temp folder. */
export async function loaderFile(counties: number): Promise<string> {
  const file = join(tmpdir(), `rc-push-loader-${counties}.db`);
  if (existsSync(file)) return file;
  const d = await loadedDevice(counties, 1);
  await d.raw.backup(`${file}.part`);
  await d.close();
  copyFileSync(`${file}.part`, file);
  rmSync(`${file}.part`);
  return file;
}

export interface PushRun {
  rows: number;
  /** Seconds for the whole push, device side included. */
  total: number;
  /** Seconds HQ spent answering /v1/push, from each request's arrival to its answer sent. */
  hqSide: number;
  /** CPU seconds this process spent inside those answers. */
  hqCpu: number;
}

/** Pushes the loader's outbox to a fresh HQ on `target` (a SQLite file in a temp folder when absent). */
export async function pushOnce(file: string, target?: string): Promise<PushRun> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-push-drv-'));
  const store = await openHqStore(target ?? join(dir, 'hq.sqlite'));
  for (const p of (process.env.PUSH_PRAGMA ?? '').split(';').filter(Boolean)) await sql.raw(`PRAGMA ${p}`).execute(store.db);
  const app = buildHq({ store });
  let wall = 0;
  let cpu = 0;
  const began = new WeakMap<object, [number, NodeJS.CpuUsage]>();
  app.addHook('onRequest', async (req) => void began.set(req, [performance.now(), process.cpuUsage()]));
  app.addHook('onResponse', async (req) => {
    const b = began.get(req);
    if (!b || req.url !== '/v1/push') return;
    wall += performance.now() - b[0];
    const c = process.cpuUsage(b[1]);
    cpu += (c.user + c.system) / 1000;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  copyFileSync(file, join(dir, 'red-channel.db'));
  const p = await openProfile(dir);
  const dev = { raw: p.store.raw, session: p.session };
  try {
    await enrolDevice(dev, url, await createEnrolCode(store, { userName: '基准-hq_admin', role: 'hq_admin', scopePath: '/' }));
    const rows = (p.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n;
    const t = performance.now();
    await pushSome(dev, clientFor(dev), { pushBatch: 1000 });
    if (process.env.PUSH_STATS && !target) console.log(`WAL ${(statSync(join(dir, 'hq.sqlite-wal')).size / 1e6).toFixed(1)} MB, database ${(statSync(join(dir, 'hq.sqlite')).size / 1e6).toFixed(1)} MB`);
    return { rows, total: (performance.now() - t) / 1000, hqSide: wall / 1000, hqCpu: cpu / 1000 };
  } finally {
    await p.store.close();
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('pushDriver.ts')) {
  const file = await loaderFile(Number(process.env.BENCH_SYNC_COUNTIES ?? 10));
  const pg = process.env.PUSH_PG ? await startPostgres() : undefined;
  try {
    const r = await pushOnce(file, pg ? await createPgDatabase(pg.url) : undefined);
    const rate = (s: number) => Math.round(r.rows / s).toLocaleString('en');
    console.log(`${pg ? 'PostgreSQL' : 'SQLite'}: ${r.rows} rows, total ${r.total.toFixed(1)} s; HQ side ${r.hqSide.toFixed(1)} s = ${rate(r.hqSide)} rows/s; HQ CPU ${r.hqCpu.toFixed(1)} s = ${rate(r.hqCpu)} rows/s`);
  } finally {
    await pg?.stop();
  }
  const spans = (globalThis as unknown as { __T?: Record<string, number> }).__T;
  if (spans) console.log(Object.entries(spans).map(([k, v]) => `${k} ${Math.round(v)}`).join('\n'));
}
