// The first sync as a device makes it (db/sync/snapshot.ts): HQ's snapshot of its scope, loaded
// part by part, then the pull from its version; timed end to end and for the load alone. The first
// device of its kind has HQ build the snapshot (cold); the following ones are served the cached copy.
import { clientFor, pullSome } from '../db/sync/session.js';
import { firstSync } from '../db/sync/snapshot.js';
import { statsOf, type Bench } from './harness.js';
import { countingTransport, type BenchHq, type SyncDevice } from './syncFixtures.js';
import { plainInsertMs } from './syncWire.js';

export interface FirstSyncRun {
  total: number;
  apply: number;
  rows: number;
  bytes: number;
  plain: number;
  /** Milliseconds of the plain-table insert of all the scope's rows, measured right before this run (the machine is shared: a pair meets the same moment). */
  ceilingMs?: number;
}

/** One device's first sync through the snapshot (enrolled at `url`, HQ's own process), after a plain insert of `rows` for its pair. */
export async function snapshotSync(hq: BenchHq, d: SyncDevice, url: string, rows: Map<string, Record<string, unknown>[]>): Promise<FirstSyncRun> {
  const counter = countingTransport();
  try {
    const ceilingMs = plainInsertMs(rows);
    await hq.enrol(d, 'county_organiser', '/hq/', undefined, url);
    counter.reset();
    let apply = 0;
    const t = performance.now();
    const c = clientFor(d.dev, { transport: counter.transport });
    const r = await firstSync(d.dev, c, { onLoaded: (ms) => (apply += ms) });
    const after = await pullSome(d.dev, c, { onApplied: (ms) => (apply += ms) });
    const total = (performance.now() - t) / 1000;
    await counter.settle();
    return { total, apply: apply / 1000, rows: (r?.rows ?? 0) + after.rows, bytes: counter.received, plain: counter.receivedPlain, ceilingMs };
  } finally {
    await d.close();
  }
}

const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} rows/s`;
/** The harness's own p50, so the figures match the recorded lines. */
const median = (xs: number[]) => statsOf(xs).p50;

/** Figures of the snapshot runs (the first one cold) beside the chunked first sync of the same run and the plain-insert ceiling. */
export function snapshotFigures(b: Bench, runs: FirstSyncRun[], chunked: FirstSyncRun[], ceilingSeconds: number, total: number): void {
  const [cold, ...warm] = runs;
  if (!cold || !warm.length) return;
  b.record('first sync through the snapshot: end to end (cached at HQ)', warm.map((r) => r.total * 1000), { baseline: 'initial sync: end to end (pull over HTTP + apply)' });
  b.record('first sync through the snapshot: device load only', warm.map((r) => r.apply * 1000), { baseline: 'plain-table insert ceiling (primary key only)' });
  const rows = warm[0]!.rows;
  const e2e = median(warm.map((r) => r.total));
  const load = median(warm.map((r) => r.apply));
  const ceiling = total / ceilingSeconds;
  const chunkedE2e = median(chunked.map((r) => r.total));
  b.figure('first sync through the snapshot, end to end (p50, snapshot cached at HQ)', `${rate(rows, e2e)} (${(e2e * 1000).toFixed(0)} ms for ${rows.toLocaleString('en')} rows; must ≥ 40k); best ${rate(rows, Math.min(...warm.map((r) => r.total)))}`);
  b.figure('…against the chunked first sync of the same run (p50)', `${(chunkedE2e / e2e).toFixed(1)}× faster (chunked ${rate(chunked[0]?.rows ?? rows, chunkedE2e)}, ${(chunkedE2e * 1000).toFixed(0)} ms)`);
  b.figure('first sync through the snapshot, first device of its kind (HQ builds the snapshot)', `${rate(cold.rows, cold.total)} (${(cold.total * 1000).toFixed(0)} ms)`);
  b.figure('snapshot load on the device against the plain-insert ceiling (p50)', `${rate(rows, load)} = ${((rows / load / ceiling) * 100).toFixed(0)}% of ${rate(total, ceilingSeconds)} (must ≥ 40%); best ${((rows / Math.min(...warm.map((r) => r.apply)) / ceiling) * 100).toFixed(0)}%`);
  const pairs = warm.map((r) => r.rows / r.apply / (total / (r.ceilingMs! / 1000)));
  b.figure('…the same, each load against a plain insert made just before it', `run by run ${pairs.map((x) => `${(x * 100).toFixed(0)}%`).join(' ')} (p50 ${(median(pairs) * 100).toFixed(0)}%; must ≥ 40%)`);
  b.figure('first sync through the snapshot, bytes on the wire', `${(warm[0]!.bytes / 1e6).toFixed(1)} MB compressed = ${(warm[0]!.bytes / rows).toFixed(0)} B/row (must ≤ 150); ${(warm[0]!.plain / rows).toFixed(0)} B/row decoded`);
}
