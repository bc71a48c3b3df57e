// HQ push apply, as the sync benchmark measures it: a province's first push (the loaded device's whole
// outbox, in batches of 1000) from a device process of its own (bench/pushProcess.ts) to HQ in a process
// of its own, as HQ is deployed (with its flags, hq/nodeFlags.ts). HQ's time is what its answers say
// (Server-Timing), from arrival to answer ready. Three pushes per engine, each to a fresh HQ database:
// on this 2-core machine one push's figure moved by a third between runs of the benchmark (SQLite 24.6k /
// 19.0k / 20.3k rows/s, PostgreSQL 17.2k / 16.3k / 10.9k, the same code), so the must is judged on the
// median and every run is printed.
import { once } from 'node:events';
import { createEnrolCode } from '../hq/auth.js';
import { spawnHq, spawnTs } from '../test/sync/spawn.js';
import type { Bench } from './harness.js';
import { storedCellBytes, storedCellsFigure } from './hqStoredBytes.js';
import type { PushReport } from './pushProcess.js';
import { benchHq, type BenchHq } from './syncFixtures.js';

export const PUSH_RUNS = 3;

interface PushRun extends PushReport {
  hq: BenchHq;
}

/** One push of the loader's outbox, from a device process of its own, to a fresh HQ on `target` (a SQLite file when absent); the HQ is left open. */
export async function pushOnce(target: string | undefined, loaderFile: string): Promise<PushRun> {
  const hq = await benchHq(target);
  const own = await spawnHq(target ? ['--pg', target] : ['--db', hq.file!]);
  try {
    const code = await createEnrolCode(hq.store, { userName: '基准-hq_admin', role: 'hq_admin', scopePath: '/' });
    const device = spawnTs('bench/pushProcess.ts', [loaderFile, own.url, code]);
    const line = await device.waitFor(/^PUSH /, 300_000);
    if (device.proc.exitCode === null) await once(device.proc, 'exit'); // its copy of the store removed
    return { hq, ...(JSON.parse(line.slice('PUSH '.length)) as PushReport) };
  } catch (e) {
    await hq.close();
    throw e;
  } finally {
    await own.child.kill();
  }
}

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Prints the figures of an engine's pushes; `must` in rows/s, on the median of HQ's side. */
export async function pushFigures(b: Bench, label: string, runs: PushRun[], must: number): Promise<void> {
  const rows = runs[0]!.rows;
  const total = median(runs.map((r) => r.total));
  const atHq = median(runs.map((r) => r.atHq));
  const each = (pick: (r: PushRun) => number) => runs.map((r) => rate(r.rows, pick(r))).join(' / ');
  b.figure(`HQ push apply (${label}, batches of 1000, over HTTP)`, `${rate(rows, total)} rows/s (${rows.toLocaleString('en')} rows in ${total.toFixed(1)} s, median of ${runs.length}; runs ${each((r) => r.total)}), device's batching and acknowledging included`);
  b.figure(
    `HQ push apply (${label}), HQ side only`,
    `${rate(rows, atHq)} rows/s, median of ${runs.length} (runs ${each((r) => r.atHq)}; signature, decompression, validation, checks, merge, write, answer: ${atHq.toFixed(1)} s; must ≥ ${must / 1000}k)`,
  );
  b.figure(`HQ's stored cells after the push (${label})`, storedCellsFigure(await storedCellBytes(runs[runs.length - 1]!.hq.store)));
}
