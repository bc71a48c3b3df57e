// At most PUSH_SLOTS pushes of one HQ process inside PostgreSQL at once; the others wait here, first
// come first served. Every push waits for the writer lock (hq/push.ts), which lets one push through at
// a time across every HQ process, and a push waiting for it holds one of its pool's six connections.
// Under the thousand-device load a push waited ~90 ms there on average, and six pushes queued there
// hold the whole pool: hellos and pulls, which take no lock, then wait for a connection behind them
// (test/hq/pushGate.test.ts). Waiting here, a push holds nothing. Two slots: one push holding the lock and one with its reads done, ready
// to take it next.
import type { HqStore } from './store.js';

export const PUSH_SLOTS = 2;

export class Gate {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(slots: number) {
    this.free = slots;
  }

  /** Runs `fn` once a slot is free, and frees the slot however `fn` ends. */
  async admit<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight on: nobody arriving meanwhile overtakes the queue
      else this.free++;
    }
  }

  /** Pushes waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }
}

const gates = new WeakMap<HqStore, Gate>();

/** The gate of `store`'s pushes: one per store, as each HQ process has one pool. */
export function pushGate(store: HqStore): Gate {
  let g = gates.get(store);
  if (!g) gates.set(store, (g = new Gate(PUSH_SLOTS)));
  return g;
}
