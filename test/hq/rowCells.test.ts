// HQ stores a row's stamps once per row, not once per cell (hq/cells.ts). What must hold: a row reads
// back exactly as written; rows stored in the old form (a stamp in every cell) are served, merged and
// purged as before and take the new form when next written; SQL that looks at values in the text
// (the tombstone index, json_extract) still finds them; and the stored text is much smaller.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/core/ids.js';
import { encodeHlc, Hlc } from '../../shared/sync/hlc.js';
import type { CellValue, WireWrite } from '../../shared/sync/protocol.js';
import { readCells, storedCells, type Cell } from '../../hq/cells.js';
import { HQ_NODE, type Actor } from '../../hq/merge.js';
import { pull } from '../../hq/pull.js';
import { applyPush } from '../../hq/push.js';
import { openHqStore, tombstoneTest, type HqStore } from '../../hq/store.js';
import { spawnEntry } from '../sync/spawn.js';
import { bothEngines, type Engine } from './bothEngines.js';
import { rewriteOldRows } from '../../hq/stampsApart.js';
import { heldCells } from './heldCells.js';
import { createLegacyHq } from './legacySchema.js';
import { fillLegacy } from './legacyRows.js';

const stores = bothEngines('rc-row-cells-');

const SCOPE = '/hq/hz/hz-hantai/';
const hq: Actor = { deviceId: HQ_NODE, userName: '总部', role: 'hq_admin', scopePath: '/' };
const device = '01a24142-fe9f-7006-91f0-41f07dcd3b26';
const stamp = (ms: number, node = device) => encodeHlc({ ms, counter: 0, node });
const outlet = (name: string): Record<string, CellValue> => ({
  code: 'LT001', name, channel_type: 'social', county_id: uuidv7(), grid_id: null, address: '汉台区高桥镇', staff_count: 3,
  coverage_org_id: null, instructor_id: null, is_contact_point: 0, opened_on: '2024-03-01', closed_on: null, lat: null, lng: null, scope_path: SCOPE, deleted: 0,
});
const push = (store: HqStore, w: Omit<WireWrite, 's' | 'p'>) => applyPush(store, new Hlc(HQ_NODE), hq, [{ s: 1, p: SCOPE, ...w }], { numbered: false });
/** The row as a pull from scratch serves it: values and the stamp of each. */
async function served(store: HqStore, id: string): Promise<{ c: Record<string, CellValue>; stamps: Record<string, string> }> {
  const a = await pull(store, { deviceId: uuidv7(), role: 'hq_admin', scopePath: '/' }, 0, 1000, 0);
  const r = a.rows.find((x) => x.id === id)!;
  return { c: r.c, stamps: Object.fromEntries(Object.keys(r.c).map((col) => [col, r.hx?.[col] ?? r.h])) };
}

describe('the stored form of a row', () => {
  it('reads back exactly, each stamp listed once, values first', () => {
    const a = stamp(1_700_000_000_000);
    const b = stamp(1_700_000_100_000, 'other-device');
    const cells: Record<string, Cell> = { name: ['高桥营业厅', b, 7, a], code: ['LT001', a, 3, ''], staff_count: [3, a, 3, ''], deleted: [1, b, 7, a], lat: [null, a, 3, ''] };
    const [text, stamps] = storedCells(cells);
    expect(readCells(text, stamps)).toEqual(cells);
    expect(JSON.parse(stamps)).toEqual([[b, 7, a], [a, 3, '']]);
    expect(text).toContain('"deleted":[1,'); // what the tombstone index looks for
    expect(readCells(JSON.stringify(cells), null)).toEqual(cells); // the old form reads the same
    expect(() => readCells(text, JSON.stringify([[a, 3, '']]))).toThrow(/stamp 1 of 1/);
  });
});

describe.each<Engine>(['sqlite', 'pg'])('rows at HQ on %s', (engine) => {
  it('stores a pushed row in the compact form, under half the old form’s size, and serves it unchanged', async () => {
    const store = stores[engine];
    const id = uuidv7();
    const h = stamp(Date.now() - 60_000);
    const values = outlet('高桥营业厅');
    await push(store, { t: 'outlets', r: id, h, c: values });
    const row = (await sql<{ cells: string; stamps: string | null }>`SELECT cells, stamps FROM hq_rows WHERE row_id = ${id}`.execute(store.db)).rows[0]!;
    expect(row.stamps).not.toBeNull();
    expect(JSON.parse(row.stamps!)).toHaveLength(1);
    const held = readCells(row.cells, row.stamps);
    expect(row.cells.length + row.stamps!.length).toBeLessThan(JSON.stringify(held).length / 2);
    const s = await served(store, id);
    expect(s.c).toEqual(values);
    expect(new Set(Object.values(s.stamps))).toEqual(new Set([h]));
  });

  it('serves and merges a row stored in the old form, then rewrites it in the new one keeping each cell’s stamp', async () => {
    const store = stores[engine];
    const id = uuidv7();
    const h1 = stamp(Date.now() - 3_600_000);
    const legacy: Record<string, Cell> = Object.fromEntries(Object.entries(outlet('旧网点')).map(([c, v]) => [c, [v, h1, 1, ''] as Cell]));
    await sql`INSERT INTO hq_rows (tbl, row_id, scope_path, cells, version, scope_version) VALUES ('outlets', ${id}, ${SCOPE}, ${JSON.stringify(legacy)}, 1, 1)`.execute(store.db);
    expect((await served(store, id)).c.name).toBe('旧网点');

    const h2 = stamp(Date.now() - 60_000);
    const [answer] = await push(store, { t: 'outlets', r: id, h: h2, b: h1, c: { name: '新网点', staff_count: 5 } });
    expect(answer!.res).toEqual({ name: 'a', staff_count: 'a' });
    const after = await heldCells(store.db, 'outlets', id);
    expect(after.name!.slice(0, 2)).toEqual(['新网点', h2]);
    expect(after.staff_count!.slice(0, 2)).toEqual([5, h2]);
    expect(after.address).toEqual(['汉台区高桥镇', h1, 1, '']); // untouched: value, stamp and version as they were
    expect((await sql<{ stamps: string | null }>`SELECT stamps FROM hq_rows WHERE row_id = ${id}`.execute(store.db)).rows[0]!.stamps).not.toBeNull();

    const s = await served(store, id);
    expect([s.c.name, s.c.staff_count, s.c.address]).toEqual(['新网点', 5, '汉台区高桥镇']);
    expect([s.stamps.name, s.stamps.address]).toEqual([h2, h1]);
    // An older write to the same cell lands in its history, not over the newer value.
    const [late] = await push(store, { t: 'outlets', r: id, h: stamp(Date.now() - 1_800_000), b: h1, c: { name: '迟到的改名' } });
    expect(late!.res).toEqual({ name: 's' });
    expect((await heldCells(store.db, 'outlets', id)).name![0]).toBe('新网点');
  });

  it('finds a row deleted in the new form through the tombstone test and json_extract of values', async () => {
    const store = stores[engine];
    const id = uuidv7();
    await push(store, { t: 'outlets', r: id, h: stamp(Date.now() - 120_000), c: outlet('将撤销的网点') });
    await push(store, { t: 'outlets', r: id, h: stamp(Date.now() - 60_000), c: { deleted: 1 } });
    const tomb = await sql<{ row_id: string }>`SELECT row_id FROM hq_rows WHERE ${sql.raw(tombstoneTest(store.dialect))} AND row_id = ${id}`.execute(store.db);
    expect(tomb.rows.map((r) => r.row_id)).toEqual([id]);
    const name = engine === 'pg'
      ? sql<{ v: string }>`SELECT (cells::json -> 'name' ->> 0) AS v FROM hq_rows WHERE row_id = ${id}`
      : sql<{ v: string }>`SELECT json_extract(cells, '$.name[0]') AS v FROM hq_rows WHERE row_id = ${id}`;
    expect((await name.execute(store.db)).rows[0]!.v).toBe('将撤销的网点');
  });
});

describe.each<Engine>(['sqlite', 'pg'])('a database upgraded in place on %s', (engine) => {
  it('keeps the old form, which an HQ process of the version before reads, until stamps-apart, which rewrites the old rows leaving values and versions as they were', async () => {
    const target = await stores.fresh(engine);
    const old = await createLegacyHq(target);
    const facts = await fillLegacy(old);
    await old.close();
    const store = await openHqStore(target);
    try {
      const form = async (id: string) => (await sql<{ cells: string; stamps: string | null }>`SELECT cells, stamps FROM hq_rows WHERE row_id = ${id}`.execute(store.db)).rows[0]!;
      const h1 = stamp(Date.now() - 60_000);
      const fresh = uuidv7();
      await applyPush(store, new Hlc(HQ_NODE), hq, [
        { s: 1, p: '/hq/xa/xa-lintong/', t: 'outlets', r: facts.outlet.id, h: h1, c: { name: '升级后改名' } },
        { s: 2, p: SCOPE, t: 'outlets', r: fresh, h: h1, c: outlet('升级后新增') },
      ], { numbered: false });
      for (const id of [facts.outlet.id, fresh]) {
        const row = await form(id);
        expect(row.stamps).toBeNull();
        expect(JSON.parse(row.cells).name).toEqual([expect.any(String), h1, expect.any(Number), expect.any(String)]); // what an older HQ reads
      }

      await expect(rewriteOldRows(store.db)).rejects.toThrow(/stamps-apart/); // not before every process reads the new form
      const all = async () => (await sql<{ tbl: string; row_id: string; cells: string; stamps: string | null; version: unknown; scope_version: unknown }>`
        SELECT tbl, row_id, cells, stamps, version, scope_version FROM hq_rows ORDER BY tbl, row_id`.execute(store.db)).rows;
      const before = await all();
      const servedBefore = await pull(store, { deviceId: uuidv7(), role: 'hq_admin', scopePath: '/' }, 0, 1000, 0);

      const args = ['stamps-apart', ...(engine === 'pg' ? ['--pg', target] : ['--db', target])];
      const cli = await spawnEntry('hq', args);
      expect(await cli.waitFor(/旧格式的记录已全部改写/)).toContain(`（${before.length} 行，内容与版本不变）`);
      expect(cli.output()).toContain('已启用');
      const after = await all();
      expect(after.filter((r) => r.stamps === null)).toEqual([]);
      expect(after.map((r) => [r.tbl, r.row_id, String(r.version), String(r.scope_version), readCells(r.cells, r.stamps)]))
        .toEqual(before.map((r) => [r.tbl, r.row_id, String(r.version), String(r.scope_version), readCells(r.cells, r.stamps)]));
      expect(after.reduce((n, r) => n + r.cells.length + r.stamps!.length, 0)).toBeLessThan(before.reduce((n, r) => n + r.cells.length, 0));
      const servedAfter = await pull(store, { deviceId: uuidv7(), role: 'hq_admin', scopePath: '/' }, 0, 1000, 0);
      expect({ ...servedAfter, hqTime: 0 }).toEqual({ ...servedBefore, hqTime: 0 });
      const again = await spawnEntry('hq', args);
      expect(await again.waitFor(/旧格式的记录已全部改写/)).toContain('（0 行');
      expect(again.output()).toContain('早已启用');

      const h2 = stamp(Date.now() - 30_000);
      await applyPush(store, new Hlc(HQ_NODE), hq, [{ s: 1, p: SCOPE, t: 'outlets', r: fresh, h: h2, b: h1, c: { staff_count: 9 } }], { numbered: false });
      expect((await form(fresh)).stamps).not.toBeNull();
      const cells = await heldCells(store.db, 'outlets', fresh);
      expect(cells.staff_count!.slice(0, 2)).toEqual([9, h2]);
      expect(cells.name!.slice(0, 2)).toEqual(['升级后新增', h1]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
