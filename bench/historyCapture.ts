// What record history (审计留痕) adds to a local write, measured in one run against two baselines on
// identical stores: no capture at all, and capture as it was before history (the outbox entry
// only: the same triggers with the history statement and the writer taken out). Run:
// `npx tsx bench/historyCapture.ts`. Prints medians of interleaved rounds and the best round.
import { uuidv7 } from '../shared/core/ids.js';
import { dispatch } from '../db/api/index.js';
import { withoutCapture } from '../db/sync/state.js';
import { tempDevice, type TempDevice } from './syncFixtures.js';

const N = 2000;
type Mode = 'none' | 'outbox' | 'history';
type Store = TempDevice & { ids: string[]; countyId: string };

/** The capture triggers as they were before history: the outbox insert alone, no writer. */
function withoutHistory(raw: TempDevice['raw']): void {
  const trig = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_cap_%'`).all() as { name: string; sql: string }[];
  for (const { name, sql } of trig) {
    const old = sql
      .replace(/\n {2}INSERT INTO record_history[^\n]*/, '')
      .replace('(tbl, row_id, hlc, scope, cols, writer)', '(tbl, row_id, hlc, scope, cols)')
      .replace(/, history_writer\(\)/, '');
    raw.exec(`DROP TRIGGER "${name}"`);
    raw.exec(old);
  }
}

async function store(mode: Mode): Promise<Store> {
  const d = await tempDevice();
  if (mode === 'none') for (const { name } of d.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_cap_%'`).all() as { name: string }[]) d.raw.exec(`DROP TRIGGER "${name}"`);
  if (mode === 'outbox') withoutHistory(d.raw);
  const ids = Array.from({ length: N }, () => uuidv7());
  const countyId = uuidv7();
  withoutCapture(d.raw, () =>
    d.raw.transaction(() => {
      d.raw.prepare(`INSERT INTO org_units (id, code, name, level, path, scope_path, created_at, updated_at) VALUES (?, 'c', '县', 'county', '/hq/c/', '/hq/c/', 't', 't')`).run(countyId);
      const ins = d.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'rural', ?, '/hq/c/', 't', 't')`);
      ids.forEach((id, i) => ins.run(id, `B${i}`, `网点${i}`, countyId));
    })(),
  );
  return { ...d, ids, countyId };
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const best = (a: number[]) => Math.min(...a);
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

async function main(): Promise<void> {
  const stores = { none: await store('none'), outbox: await store('outbox'), history: await store('history') };
  const modes: Mode[] = ['none', 'outbox', 'history'];
  try {
    const kinds: [string, (d: Store, i: number) => unknown][] = [
      ['UPDATE of 2 columns, own transaction', (d, i) => d.raw.prepare('UPDATE outlets SET name = ?, updated_at = ? WHERE id = ?').run(`改${i}`, String(i), d.ids[i % N])],
      ['INSERT of a new row, own transaction', (d, i) =>
        d.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, '新', 'rural', ?, '/hq/c/', 't', 't')`).run(uuidv7(), `N${i}`, d.countyId)],
    ];
    for (const [label, op] of kinds) {
      const t: Record<Mode, number[]> = { none: [], outbox: [], history: [] };
      for (let r = 0; r < 120; r++) {
        const order = r % 3 === 0 ? modes : r % 3 === 1 ? [...modes].reverse() : ['outbox', 'history', 'none'] as Mode[];
        for (const m of order) {
          const s = performance.now();
          for (let i = 0; i < 25; i++) op(stores[m], r * 25 + i);
          t[m].push((performance.now() - s) / 25);
        }
      }
      report(label, t);
    }
    const t: Record<Mode, number[]> = { none: [], outbox: [], history: [] };
    for (let r = 0; r < 12; r++) {
      for (const m of modes) {
        const d = stores[m];
        const s = performance.now();
        for (let i = 0; i < 25; i++) {
          const k = r * 25 + i;
          const res = await dispatch(d.profile.context(), 'outlets.save', { id: d.ids[k % N], code: `B${k % N}`, name: `保存${k}`, channelType: 'rural', countyId: d.countyId });
          if (!res.ok) throw new Error(res.error.message);
        }
        t[m].push((performance.now() - s) / 25);
      }
    }
    report('outlets.save through the API', t);
  } finally {
    for (const m of modes) await stores[m].close();
  }
}

function report(label: string, t: Record<'none' | 'outbox' | 'history', number[]>): void {
  const [n, o, h] = [t.none, t.outbox, t.history];
  console.log(`${label}: no capture ${us(median(n))} · capture before history ${us(median(o))} · capture with history ${us(median(h))} (median round per write)`);
  console.log(`  history over capture: ${(median(h) / median(o)).toFixed(2)}× median, ${(best(h) / best(o)).toFixed(2)}× best round; capture with history over no capture: ${(median(h) / median(n)).toFixed(2)}× median, ${(best(h) / best(n)).toFixed(2)}× best`);
}

await main();
