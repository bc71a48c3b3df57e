import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, call } from '../support/builders.js';
import { enrolledDevice, snapshot, startTestHq, type TestDevice, type TestHq } from './support.js';

describe('sync basics', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '张三', role: 'hq_admin', scope: '/' });
    b = await enrolledDevice(hq, { user: '李四', role: 'hq_admin', scope: '/' });
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await hq?.close();
  });

  it('carries one device\'s work to another, and keeps the losing value of a concurrent edit', async () => {
    const tree = await buildTree(a.context());
    await a.sync();
    await b.sync();
    expect(snapshot(b.store.raw, ['org_units'])).toEqual(snapshot(a.store.raw, ['org_units']));
    // Both rename the same grid while apart.
    await call(a.context(), 'orgUnits.save', { id: tree.grid.id, code: tree.grid.code, name: '甲改名', level: 'grid', parentId: tree.county.id });
    await call(b.context(), 'orgUnits.save', { id: tree.grid.id, code: tree.grid.code, name: '乙改名', level: 'grid', parentId: tree.county.id });
    await a.sync();
    await b.sync();
    await a.sync();
    const names = [a, b].map((d) => (d.store.raw.prepare('SELECT name FROM org_units WHERE id = ?').get(tree.grid.id) as { name: string }).name);
    expect(names[0]).toBe(names[1]);
    const ca = a.store.raw.prepare('SELECT * FROM sync_conflicts').all() as { loser_value: string; winner_value: string }[];
    const cb = b.store.raw.prepare('SELECT * FROM sync_conflicts').all();
    expect(ca).toHaveLength(1);
    expect(cb).toEqual(ca);
    expect(JSON.parse(ca[0]!.winner_value)).toBe(names[0]);
    expect(JSON.parse(ca[0]!.loser_value)).toBe(names[0] === '甲改名' ? '乙改名' : '甲改名');
    expect(a.store.raw.prepare(`SELECT count(*) n FROM sync_outbox WHERE tbl <> ''`).get()).toEqual({ n: 0 });
  });
});
