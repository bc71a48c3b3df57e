// HQ on SQLite writes in WAL mode, and SQLite copies the WAL back into the database file (a
// checkpoint) on the connection whose commit crossed the threshold: inside a push's answer, on the
// thread that answers every device. In a profile of a province's first push (bench/pushDriver.ts,
// 55,883 rows) commits took 0.87 s of HQ's time, 0.28 s with this thread; HQ side 4.6–5.0 s became
// 4.2–4.3 s (interleaved runs). Here checkpoints run on a thread of their own with a second
// connection, while the writer goes on: a PASSIVE checkpoint copies what is committed and never
// waits for, or blocks, the writer. The writer still checkpoints itself if the WAL runs far ahead
// (SAFETY_BYTES), so the WAL stays bounded if this thread falls behind or stops.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** The writer's own checkpoint threshold once this runs (SQLite's default is 1000 pages, 4–16 MB). */
export const SAFETY_BYTES = 64 * 1024 * 1024;

/** SQLite counts the threshold in pages, whose size differs between older and newer HQ files (hq/store.ts). */
const safetyPages = (raw: Database.Database): number => Math.ceil(SAFETY_BYTES / (raw.pragma('page_size', { simple: true }) as number));
/** The WAL size from which the thread is started: a store that never writes much never starts one. */
export const START_BYTES = 4 * 1024 * 1024;

const EVERY_MS = 100;

// CommonJS, run as a worker's eval'd script: the worker needs no loader for TypeScript.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
let warned = false;
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); }
  catch (e) { if (!warned) { warned = true; parentPort.postMessage({ warn: String(e && e.message || e) }); } }
};
const timer = setInterval(tick, workerData.every);
parentPort.on('message', (m) => {
  if (m === 'stop') { clearInterval(timer); tick(); db.close(); parentPort.close(); }
});
`;

export interface Checkpointer {
  /** Whether the thread has been started (the WAL once reached START_BYTES). */
  readonly running: boolean;
  /** Ends the thread after one last checkpoint; call before closing the writer's connection. */
  stop(): Promise<void>;
}

/** Watches `file`'s WAL from the writer's connection `raw`, and checkpoints on another thread once it grows. */
export function walCheckpointer(raw: Database.Database, file: string, opts: { startBytes?: number; every?: number } = {}): Checkpointer {
  raw.pragma(`wal_autocheckpoint = ${safetyPages(raw)}`);
  let worker: Worker | undefined;
  let stopped = false;
  const start = () => {
    worker = new Worker(SOURCE, { eval: true, workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), every: opts.every ?? EVERY_MS } });
    worker.unref();
    worker.on('message', (m: { warn?: string }) => m.warn && console.warn(`[hq] WAL checkpoint: ${m.warn}`));
    worker.on('error', (e) => {
      console.warn(`[hq] WAL checkpoint thread stopped: ${e.message}; the writer checkpoints itself`);
      raw.pragma('wal_autocheckpoint = 1000');
    });
  };
  const watch = setInterval(() => {
    let size = 0;
    try {
      size = statSync(`${file}-wal`).size;
    } catch {
      return; // no WAL yet
    }
    if (size < (opts.startBytes ?? START_BYTES)) return;
    clearInterval(watch);
    if (!stopped) start();
  }, opts.every ?? EVERY_MS);
  watch.unref();
  return {
    get running() {
      return worker !== undefined;
    },
    async stop() {
      stopped = true;
      clearInterval(watch);
      const w = worker;
      if (!w) return;
      const exited = new Promise<void>((done) => w.once('exit', () => done()));
      w.ref(); // an unreferenced thread would not keep the process alive while we wait for it
      w.postMessage('stop');
      await exited;
    },
  };
}
