// Local write cost with change capture against the same write without it. "Without" is the same
// store with the capture triggers dropped, so nothing of sync is left on the write path. A third
// store keeps the outbox entry but not record history (the triggers' history statement taken out):
// what the outbox entry alone costs, and so what history adds, in the same rounds.
import { uuidv7 } from '../shared/core/ids.js';
import { dispatch } from '../db/api/index.js';
import { withoutCapture } from '../db/sync/state.js';
import { statsOf, type Bench } from './harness.js';
import { tempDevice, type TempDevice } from './syncFixtures.js';

const N = 2000;

type Capture = 'none' | 'outbox' | 'full';

async function store(capture: Capture): Promise<TempDevice & { ids: string[]; countyId: string }> {
  const d = await tempDevice();
  for (const { name, sql } of d.raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_cap_%'`).all() as { name: string; sql: string }[]) {
    if (capture === 'full') break;
    d.raw.exec(`DROP TRIGGER "${name}"`);
    if (capture === 'outbox') d.raw.exec(sql.replace(/\n {2}INSERT INTO record_history[^\n]*/, ''));
  }
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

export async function captureCost(b: Bench): Promise<void> {
  const plain = await store('none');
  const outboxOnly = await store('outbox');
  const captured = await store('full');
  try {
    const kinds: [string, (d: Awaited<ReturnType<typeof store>>, i: number) => unknown][] = [
      ['UPDATE of 2 columns, own transaction', (d, i) => d.raw.prepare('UPDATE outlets SET name = ?, updated_at = ? WHERE id = ?').run(`改${i}`, String(i), d.ids[i % N])],
      ['INSERT of a new row, own transaction', (d, i) =>
        d.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, '新', 'rural', ?, '/hq/c/', 't', 't')`).run(uuidv7(), `N${i}`, d.countyId)],
    ];
    for (const [label, op] of kinds) {
      // Interleave the two stores in short rounds, many of them, so machine noise hits both alike
      // and the median round is a steady figure on this noisy 2-core machine.
      const plainT: number[] = [];
      const capT: number[] = [];
      const outboxT: number[] = [];
      for (let r = 0; r < 120; r++) {
        const order = [[plain, plainT], [outboxOnly, outboxT], [captured, capT]] as [typeof plain, number[]][];
        for (const [d, out] of r % 2 ? order.reverse() : order) {
          const t = performance.now();
          for (let i = 0; i < 25; i++) op(d, r * 25 + i);
          out.push((performance.now() - t) / 25);
        }
      }
      const base = b.record(`${label}: no capture (per write)`, plainT);
      const s = b.record(`${label}: captured (per write)`, capT, { baseline: `${label}: no capture (per write)` });
      // The best round is the least disturbed by the machine's other load: its ratio is the intrinsic cost.
      b.figure(`${label}: capture cost`, `${(s.p50 / base.p50).toFixed(2)}× median round, ${(s.min / base.min).toFixed(2)}× best round (must ≤ 1.5×)`);
      const o = statsOf(outboxT);
      b.figure(`${label}: the outbox entry alone, without record history`, `${(o.p50 / base.p50).toFixed(2)}× median round, ${(o.min / base.min).toFixed(2)}× best round`);
    }
    // The same through the app's API (validation, checks, the write, reading back), as a user saves.
    const save = async (d: Awaited<ReturnType<typeof store>>, i: number) => {
      const ctx = d.profile.context();
      const r = await dispatch(ctx, 'outlets.save', { id: d.ids[i % N], code: `B${i % N}`, name: `保存${i}`, channelType: 'rural', countyId: d.countyId });
      if (!r.ok) throw new Error(r.error.message);
    };
    const plainT: number[] = [];
    const capT: number[] = [];
    for (let r = 0; r < 12; r++) {
      for (const [d, out] of [[plain, plainT], [captured, capT]] as const) {
        const t = performance.now();
        for (let i = 0; i < 25; i++) await save(d, r * 25 + i);
        out.push((performance.now() - t) / 25);
      }
    }
    const base = b.record('outlets.save through the API: no capture', plainT);
    const s = b.record('outlets.save through the API: captured', capT, { baseline: 'outlets.save through the API: no capture' });
    b.figure('outlets.save through the API: capture cost', `${(s.p50 / base.p50).toFixed(2)}× median round, ${(s.min / base.min).toFixed(2)}× best round (must ≤ 1.5×)`);
  } finally {
    await plain.close();
    await outboxOnly.close();
    await captured.close();
  }
}
