// The background sync loop of one device. It never blocks the user: it runs between their calls,
// notices when HQ becomes reachable (probing with exponential backoff while it is not), syncs
// soon after local writes, and can be started by hand.
import type { Device } from './state.js';
import type Database from 'better-sqlite3';
import type { SyncConnection } from '../../shared/sync/contract.js';
import type { FirstSyncProgress } from '../../shared/sync/snapshot.js';
import type { Session } from '../context.js';
import { SyncFailure, type FetchLike } from './client.js';
import { waitingChanges } from './outbox.js';
import { isEnrolled, syncOnce } from './session.js';

export interface EngineOptions {
  /** How often to sync when all is well. */
  intervalMs?: number;
  /** How soon after a local write to send it. */
  eagerMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  tickMs?: number;
  fetch?: FetchLike;
}

const engines = new WeakMap<Session, SyncEngine>();

/** The engine serving a session (the API handlers find it through ctx.session). */
export function engineFor(session: Session): SyncEngine | undefined {
  return engines.get(session);
}

export class SyncEngine {
  connection: SyncConnection = 'offline';
  lastError: { message: string; messageEn: string; at: string } | null = null;
  /** A first sync through HQ's snapshot under way in this session (db/sync/snapshot.ts). */
  firstSync: FirstSyncProgress | null = null;
  lastAttemptAt: Date | null = null;
  nextAttemptAt: Date | null = null;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  /** > 0 while exclusive work runs: the loop starts no session meanwhile. */
  private held = 0;
  private readonly o: Required<Omit<EngineOptions, 'fetch'>> & { fetch?: FetchLike };

  constructor(
    readonly dev: Device,
    opts: EngineOptions = {},
  ) {
    this.o = { intervalMs: 60_000, eagerMs: 3_000, minBackoffMs: 2_000, maxBackoffMs: 300_000, tickMs: 1_000, ...opts };
    engines.set(dev.session, this);
  }

  get raw(): Database.Database {
    return this.dev.raw;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.nextAttemptAt = new Date();
    this.timer = setInterval(() => this.tick(), this.o.tickMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  /** Syncs now (waiting for a run already under way first) and resolves when done. */
  async syncNow(): Promise<void> {
    if (this.running) await this.running.catch(() => {});
    this.failures = 0;
    await this.run();
  }

  /** Runs fn with no session under way (waiting for one to end) and none starting until it is done. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.held++;
    try {
      if (this.running) await this.running.catch(() => {});
      return await fn();
    } finally {
      this.held--;
    }
  }

  private pendingCount(): number {
    return waitingChanges(this.raw).count;
  }

  private tick(): void {
    if (this.stopped || this.running || this.held || !isEnrolled(this.raw)) return;
    const now = Date.now();
    const due = this.nextAttemptAt !== null && now >= this.nextAttemptAt.getTime();
    const eager = this.connection === 'online' && this.lastAttemptAt !== null && now - this.lastAttemptAt.getTime() >= this.o.eagerMs && this.pendingCount() > 0;
    if (due || eager) void this.run().catch(() => {});
  }

  private run(): Promise<void> {
    if (!isEnrolled(this.raw)) {
      this.connection = 'not_enrolled';
      return Promise.resolve();
    }
    const p = (async () => {
      this.connection = 'syncing';
      this.lastAttemptAt = new Date();
      try {
        await syncOnce(this.dev, { fetch: this.o.fetch, onFirstSync: (p) => (this.firstSync = p) });
        this.connection = 'online';
        this.lastError = null;
        this.failures = 0;
        this.nextAttemptAt = new Date(Date.now() + this.o.intervalMs);
      } catch (e) {
        this.failures++;
        const f = e instanceof SyncFailure ? e : new SyncFailure('protocol', `同步出错：${String((e as Error)?.message ?? e)}`, `Sync failed: ${String(e)}`);
        this.connection = f.kind === 'offline' ? 'offline' : f.kind === 'revoked' ? 'revoked' : 'error';
        this.lastError = { message: f.zh, messageEn: f.en, at: new Date().toISOString() };
        const backoff = Math.min(this.o.maxBackoffMs, this.o.minBackoffMs * 2 ** Math.min(this.failures - 1, 20));
        this.nextAttemptAt = new Date(Date.now() + backoff * (0.8 + Math.random() * 0.4));
        if (f.kind === 'revoked') this.nextAttemptAt = null;
        throw f;
      } finally {
        this.firstSync = null; // what a stopped first sync reached stays in the store (storedProgress)
      }
    })();
    this.running = p.finally(() => {
      this.running = null;
    });
    return this.running;
  }
}

/** Starts the loop for a profile (db/backend.ts); it idles until the device is enrolled. */
export function startSyncLoop(dev: Device, opts: EngineOptions = {}): SyncEngine {
  const e = new SyncEngine(dev, opts);
  e.connection = isEnrolled(dev.raw) ? 'offline' : 'not_enrolled';
  e.start();
  return e;
}
