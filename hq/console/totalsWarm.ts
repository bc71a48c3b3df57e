// Keeping the overview's county facts current in the background while HQ serves (`npm run hq -- serve`):
// at start and then every few minutes the counties whose rows changed are computed again, and after
// Beijing midnight every county for the new day. Computing a whole province from scratch reads every
// row of HQ's copy (seconds on PostgreSQL); done here, the first overview of a day or after a restart
// finds the facts ready. An overview never depends on it: it computes whatever is stale itself.
import { todayInBeijing } from '../../shared/core/dates.js';
import type { HqStore } from '../store.js';
import { loadUnits } from './facts.js';
import { countyTotals } from './totals.js';

export const TOTALS_EVERY_MS = 5 * 60_000;

/** One pass: every county's facts brought up to date; how many were computed. */
export async function refreshTotals(store: HqStore): Promise<number> {
  const counties = (await loadUnits(store.db, store.dialect)).filter((u) => u.level === 'county');
  return (await countyTotals(store, counties, todayInBeijing())).recomputed;
}

export function scheduleTotals(store: HqStore, opts: { everyMs?: number; log?: (line: string) => void } = {}): () => Promise<void> {
  const every = opts.everyMs ?? TOTALS_EVERY_MS;
  const log = opts.log ?? ((l: string) => console.log(l));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const once = async () => {
    try {
      const t0 = performance.now();
      const n = await refreshTotals(store);
      if (n) log(`[hq] overview: ${n} counties' facts computed in ${Math.round(performance.now() - t0)} ms`);
    } catch (e) {
      log(`[hq] overview facts not computed: ${(e as Error).message}`);
    }
    if (!stopped) (timer = setTimeout(() => (running = once()), every)).unref();
  };
  (timer = setTimeout(() => (running = once()), 1_000)).unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
