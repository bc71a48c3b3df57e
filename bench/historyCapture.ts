// What record history (审计留痕) adds to a local write, measured in one run against two baselines on
// identical stores: no capture at all, and capture as it was before history (the outbox entry
// only: the same triggers with the history statement and the writer taken out), and history as it
// was before hq_seq's index became partial (the UNIQUE column: every local change had an entry).
// Run: `npx tsx bench/historyCapture.ts` (`ROUNDS=40` for a quick look). Prints medians of
// interleaved rounds and the best round, in wall time and in this process's CPU time (steadier on a
// shared machine: other processes' load shows in wall time only).
import { uuidv7 } from '../shared/core/ids.js';
import { dispatch } from '../db/api/index.js';
import { withoutCapture } from '../db/sync/state.js';
import { tempDevice, type TempDevice } from './syncFixtures.js';

const N = 2000;
type Mode = 'none' | 'outbox' | 'history' | 'uniqueSeq';
const MODES: Mode[] = ['none', 'outbox', 'history', 'uniqueSeq'];
const ROUNDS = Number(process.env.ROUNDS ?? 120);
type Store = TempDevice & { ids: string[]; countyId: string; mode: Mode };

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

/** record_history as before 2026_12_06_zzz_history_seq: hq_seq UNIQUE on the column (the capture triggers kept as they are). */
function uniqueSeq(raw: TempDevice['raw']): void {
  raw.pragma('legacy_alter_table = ON');
  raw.exec(`ALTER TABLE record_history RENAME TO rh_partial`);
  raw.pragma('legacy_alter_table = OFF');
  raw.exec(`CREATE TABLE record_history (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, scope_path TEXT NOT NULL, op TEXT NOT NULL,
    col TEXT NOT NULL, old_value TEXT, new_value TEXT, writer TEXT, device_id TEXT, hlc TEXT NOT NULL, at TEXT, source TEXT NOT NULL, hq_seq INTEGER UNIQUE);
    DROP TABLE rh_partial;
    CREATE INDEX record_history_row ON record_history (tbl, row_id); CREATE INDEX record_history_tbl_hlc ON record_history (tbl, hlc);`);
}

async function store(mode: Mode): Promise<Store> {
  const d = await tempDevice();
  if (mode === 'none') for (const { name } of d.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_cap_%'`).all() as { name: string }[]) d.raw.exec(`DROP TRIGGER "${name}"`);
  if (mode === 'outbox') withoutHistory(d.raw);
  if (mode === 'uniqueSeq') uniqueSeq(d.raw);
  const ids = Array.from({ length: N }, () => uuidv7());
  const countyId = uuidv7();
  withoutCapture(d.raw, () =>
    d.raw.transaction(() => {
      d.raw.prepare(`INSERT INTO org_units (id, code, name, level, path, scope_path, created_at, updated_at) VALUES (?, 'c', '县', 'county', '/hq/c/', '/hq/c/', 't', 't')`).run(countyId);
      const ins = d.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'rural', ?, '/hq/c/', 't', 't')`);
      ids.forEach((id, i) => ins.run(id, `B${i}`, `网点${i}`, countyId));
    })(),
  );
  return { ...d, ids, countyId, mode };
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const best = (a: number[]) => Math.min(...a);
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

async function main(): Promise<void> {
  const stores = { none: await store('none'), outbox: await store('outbox'), history: await store('history'), uniqueSeq: await store('uniqueSeq') };
  const modes = MODES;
  const updates = new Map(modes.map((m) => [m, stores[m].raw.prepare('UPDATE outlets SET name = ?, updated_at = ? WHERE id = ?')] as const));
  try {
    const kinds: [string, (d: Store, i: number) => unknown][] = [
      ['UPDATE of 2 columns, own transaction', (d, i) => d.raw.prepare('UPDATE outlets SET name = ?, updated_at = ? WHERE id = ?').run(`改${i}`, String(i), d.ids[i % N])],
      // The statement prepared once: no trigger compilation, what is left is the write and its commit.
      ['UPDATE of 2 columns, prepared once, own transaction', (d, i) => updates.get(d.mode)!.run(`再改${i}`, `p${i}`, d.ids[i % N])],
      ['INSERT of a new row, own transaction', (d, i) =>
        d.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, '新', 'rural', ?, '/hq/c/', 't', 't')`).run(uuidv7(), `N${i}`, d.countyId)],
    ];
    for (const [label, op] of kinds) {
      const t = times();
      for (let r = 0; r < ROUNDS; r++) {
        const order = r % 3 === 0 ? modes : r % 3 === 1 ? [...modes].reverse() : (['outbox', 'history', 'none', 'uniqueSeq'] as Mode[]);
        for (const m of order) timed(t, m, 25, (i) => op(stores[m], r * 25 + i));
      }
      report(label, t);
    }
    const t = times();
    for (let r = 0; r < Math.ceil(ROUNDS / 10); r++) {
      for (const m of modes) {
        const d = stores[m];
        const s = performance.now();
        const c = process.cpuUsage();
        for (let i = 0; i < 25; i++) {
          const k = r * 25 + i;
          const res = await dispatch(d.profile.context(), 'outlets.save', { id: d.ids[k % N], code: `B${k % N}`, name: `保存${k}`, channelType: 'rural', countyId: d.countyId });
          if (!res.ok) throw new Error(res.error.message);
        }
        const u = process.cpuUsage(c);
        t.wall[m].push((performance.now() - s) / 25);
        t.cpu[m].push((u.user + u.system) / 1000 / 25);
      }
    }
    report('outlets.save through the API', t);
  } finally {
    for (const m of modes) await stores[m].close();
  }
}

interface Times { wall: Record<Mode, number[]>; cpu: Record<Mode, number[]> }
const times = (): Times => ({ wall: { none: [], outbox: [], history: [], uniqueSeq: [] }, cpu: { none: [], outbox: [], history: [], uniqueSeq: [] } });

/** Runs `n` synchronous writes as one round of mode `m`: per-write wall and CPU time (ms). */
function timed(t: Times, m: Mode, n: number, op: (i: number) => unknown): void {
  const s = performance.now();
  const c = process.cpuUsage();
  for (let i = 0; i < n; i++) op(i);
  const u = process.cpuUsage(c);
  t.wall[m].push((performance.now() - s) / n);
  t.cpu[m].push((u.user + u.system) / 1000 / n);
}

function report(label: string, t: Times): void {
  console.log(label);
  for (const kind of ['wall', 'cpu'] as const) {
    const [n, o, h, q] = [t[kind].none, t[kind].outbox, t[kind].history, t[kind].uniqueSeq];
    console.log(`  ${kind}: no capture ${us(median(n))} · capture before history ${us(median(o))} · with history ${us(median(h))} · with history, hq_seq UNIQUE as before ${us(median(q))} (median round per write)`);
    console.log(`    history over capture ${(median(h) / median(o)).toFixed(2)}× median, ${(best(h) / best(o)).toFixed(2)}× best (as before: ${(median(q) / median(o)).toFixed(2)}×, ${(best(q) / best(o)).toFixed(2)}×); ` +
      `with history over no capture ${(median(h) / median(n)).toFixed(2)}× median, ${(best(h) / best(n)).toFixed(2)}× best (as before: ${(median(q) / median(n)).toFixed(2)}×, ${(best(q) / best(n)).toFixed(2)}×)`);
  }
}

await main();
