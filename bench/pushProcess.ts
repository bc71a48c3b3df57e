// The pushing device of the sync benchmark's HQ push figures, in a process of its own as a laptop is
// (started by bench/syncPush.ts). From the benchmark's own process, which has just generated the province
// and holds its rows, three pushes measured HQ's side at 19.9k / 18.8k / 16.3k rows/s; from a process of
// its own, in the next run, 24.7k / 26.5k / 27.6k (SQLite, the same code). Which part of that process's
// work slowed HQ was not pinned down; a real push comes from a laptop of its own.
// Args: the loaded device's store file, HQ's address, an enrolment code. Prints one JSON line.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProfile } from '../db/profile.js';
import { enrolDevice } from '../db/sync/enrol.js';
import { clientFor, pushSome } from '../db/sync/session.js';
import { timedTransport } from './syncFixtures.js';

export interface PushReport {
  rows: number;
  /** Seconds for the whole push, the device's batching and acknowledging included. */
  total: number;
  /** Seconds HQ worked on the push's requests. */
  atHq: number;
}

const [loaderFile, url, code] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'rc-bench-loader-'));
try {
  copyFileSync(loaderFile!, join(dir, 'red-channel.db'));
  const p = await openProfile(dir);
  const dev = { raw: p.store.raw, session: p.session };
  try {
    await enrolDevice(dev, url!, code!);
    const rows = (p.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n;
    const timed = timedTransport();
    const t = performance.now();
    await pushSome(dev, clientFor(dev, { transport: timed.transport }), { pushBatch: 1000 });
    const report: PushReport = { rows, total: (performance.now() - t) / 1000, atHq: (timed.spent.get('/v1/push') ?? 0) / 1000 };
    console.log(`PUSH ${JSON.stringify(report)}`);
  } finally {
    await p.store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
