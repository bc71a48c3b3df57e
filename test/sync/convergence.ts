// The convergence property (ARCHITECTURE.md sync properties 2, 3, 4, 5): any edits, partitions,
// lost, duplicated and re-delivered messages → once everything is delivered, every store holds
// exactly HQ's state for its scope, HQ holds the newest accepted write of every cell, and there is
// one conflict record per concurrent write that lost. Shared by the SQLite and PostgreSQL suites.
import fc from 'fast-check';
import { expect } from 'vitest';
import { isUnder as isUnderScope } from '../../shared/core/scope.js';
import { NARROW, opArb, World, type Op } from './world.js';
import type { TestHq } from './support.js';

type Row = Record<string, unknown>;

async function hqOutlets(hq: TestHq): Promise<Map<string, Row>> {
  const r = await hq.store.db.selectFrom('hq_rows').select(['row_id', 'cells']).where('tbl', '=', 'outlets').execute();
  return new Map(r.map((x) => [x.row_id as string, Object.fromEntries(Object.entries(JSON.parse(x.cells as string) as Record<string, unknown[]>).map(([k, v]) => [k, v[0]]))]));
}

function deviceOutlets(raw: World['devs'][number]['t']['store']['raw']): Map<string, Row> {
  const rows = raw.prepare('SELECT * FROM outlets').all() as Row[];
  return new Map(rows.map(({ id, ...rest }) => [id as string, rest]));
}

export async function checkConverged(w: World): Promise<void> {
  const hq = w.hq;
  const state = await hqOutlets(hq);
  // Which writes HQ refused (device 2 writing rows that had left its grid, or moving rows out of it).
  const rejected = new Set<string>();
  // A re-stamped write is kept with a note among the rejections (code 'restamped'): it was accepted.
  for (const dv of w.devs) for (const r of dv.t.store.raw.prepare("SELECT hlc FROM sync_rejections WHERE code <> 'restamped'").all() as { hlc: string }[]) rejected.add(r.hlc);
  // Writes stamped too far ahead were re-stamped by HQ: the oracle follows HQ's stamps.
  const restamps = await hq.store.db.selectFrom('hq_restamps').select(['orig_hlc', 'new_hlc']).execute();
  const moved = new Map(restamps.map((r) => [r.orig_hlc as string, r.new_hlc as string]));
  const accepted = w.oracle.writes
    .filter((x) => !rejected.has(x.hlc))
    .map((x) => ({ ...x, hlc: moved.get(x.hlc) ?? x.hlc, base: moved.get(x.base) ?? x.base }));
  // HQ holds, in every cell, the accepted write with the highest stamp.
  const best = new Map<string, (typeof accepted)[number]>();
  for (const x of accepted) {
    const k = `${x.rowId}\u0000${x.col}`;
    if (!best.has(k) || best.get(k)!.hlc < x.hlc) best.set(k, x);
  }
  for (const [k, x] of best) expect(state.get(x.rowId)?.[x.col], `HQ cell ${k}`).toEqual(x.value);

  w.devs.forEach((dv, i) => {
    const raw = dv.t.store.raw;
    const scope = i === 2 ? NARROW : '/hq/t/';
    const want = new Map([...state].filter(([, r]) => isUnderScope(String(r.scope_path), scope)));
    const have = deviceOutlets(raw);
    expect([...have.keys()].sort(), `device ${i} rows`).toEqual([...want.keys()].sort());
    for (const [id, r] of want) for (const [col, v] of Object.entries(r)) expect(have.get(id)?.[col], `device ${i} ${id}.${col}`).toEqual(v);
    expect(raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get(), `device ${i} outbox`).toEqual({ n: 0 });
  });

  // One conflict record per concurrent loss, on HQ and on every device (for the rows it holds).
  const expected = (() => {
    const o = new (w.oracle.constructor as typeof import('./oracle.js').Oracle)();
    o.writes.push(...accepted);
    return o.conflictCount();
  })();
  const hqConflicts = await hq.store.db.selectFrom('hq_conflicts').select(['id', 'row_id']).where('deleted', '=', 0).execute();
  expect(hqConflicts.length, 'conflict records at HQ').toBe(expected);
  w.devs.forEach((dv, i) => {
    const held = new Set(deviceOutlets(dv.t.store.raw).keys());
    const mine = (dv.t.store.raw.prepare('SELECT id FROM sync_conflicts WHERE deleted = 0').all() as { id: string }[]).map((r) => r.id).sort();
    const want = hqConflicts.filter((c) => held.has(c.row_id as string)).map((c) => c.id as string).sort();
    expect(mine, `device ${i} conflict records`).toEqual(want);
  });
}

export async function convergenceProperty(makeHq: () => Promise<TestHq>, numRuns: number, seed?: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 60 }), async (ops: Op[]) => {
      const hq = await makeHq();
      const w = new World(hq);
      try {
        await w.setUp();
        for (const op of ops) await w.run(op);
        await w.heal();
        await checkConverged(w);
      } finally {
        await w.tearDown();
        await hq.close();
      }
    }),
    { numRuns, seed, endOnFailure: true },
  );
}
