// A first sync bulk-loads the rows it brings (db/sync/bulk.ts: sorted multi-row inserts, indexes
// and triggers rebuilt, search re-indexed in one pass). The store it leaves must be the one that
// merging chunk by chunk leaves, a failure half-way must leave the store as it was, and the device
// must go on capturing its own writes afterwards.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChunks, CURSOR_KEY } from '../../db/sync/apply.js';
import { capturedTables } from '../../db/sync/capture.js';
import { getMetaRaw } from '../../db/sync/state.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { encodeHlc } from '../../shared/sync/hlc.js';
import type { PullAnswer, WireRow } from '../../shared/sync/protocol.js';
import { generateProvince } from '../synthetic/generate.js';
import { DUES_AMOUNT_COLUMNS } from '../../shared/dues/privacy.js';
import { enrolledDevice, snapshot, startTestHq, type TestDevice, type TestHq } from './support.js';

let hq: TestHq;
const devices: TestDevice[] = [];
beforeEach(async () => {
  hq = await startTestHq();
});
afterEach(async () => {
  for (const d of devices.splice(0)) await d.cleanup();
  await hq.close();
});

async function device(user: string): Promise<TestDevice> {
  const d = await enrolledDevice(hq, { user, role: 'hq_admin', scope: '/' });
  devices.push(d);
  return d;
}

const schema = (raw: Database.Database) => raw.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all();
const outbox = (raw: Database.Database) => (raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n;

function searchIndex(raw: Database.Database, extra: string[] = []) {
  const rows = raw.prepare(`SELECT person_id, name, scope_path, political_status, outlet_id, py_full, py_initials, py_given FROM people_search ORDER BY person_id`).all();
  const hit = raw.prepare(`SELECT s.person_id FROM people_fts f JOIN people_search s ON s.rowid = f.rowid WHERE people_fts MATCH ? ORDER BY 1`);
  // Trigram FTS: a term shorter than 3 characters matches nothing, so every term here has 3 or more.
  const terms = ['营业厅', 'places : "党支部|"', 'phone : "|13"', '610', '营业厅|', 'citizen_id : "|61"', ...extra];
  return { rows, hits: Object.fromEntries(terms.map((t) => [t, hit.all(t.includes(':') ? t : `"${t}"`).map((r) => (r as { person_id: string }).person_id)])) };
}

/** The source as an HQ administrator's device receives it: dues amounts reveal income and reach only county organisers (shared/dues/privacy.ts). */
function asPulledByAdmin(snap: Record<string, unknown[]>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = { ...snap };
  for (const [t, cols] of Object.entries(DUES_AMOUNT_COLUMNS)) {
    if (out[t]) out[t] = out[t].map((r) => ({ ...(r as object), ...Object.fromEntries(cols.map((c) => [c, null])) }));
  }
  return out;
}

function insertOutlet(raw: Database.Database, name: string): string {
  const id = uuidv7();
  const now = new Date().toISOString();
  raw
    .prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, address, staff_count, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'rural', 'c', '村口', 2, '/hq/t/', ?, ?)`)
    .run(id, `B${id.slice(-6)}`, name, now, now);
  return id;
}

describe('first sync in bulk', () => {
  it('leaves rows, clocks, search and schema exactly as chunk-by-chunk merging does, and capture keeps working', async () => {
    const source = await device('来源');
    await generateProvince(source.store.raw, { counties: 1, seed: 11, suppressCapture: null });
    await source.sync({ pushBatch: 1000 });
    const tables = capturedTables(source.store.raw);

    const bulk = await device('整批');
    const r = await bulk.sync(); // one batch: indexes and triggers dropped and rebuilt, search flushed in JS
    expect(r.pulled.rows).toBeGreaterThan(3000);
    const steady = await device('逐块');
    await steady.sync({ pullLimit: 300, applyEvery: 1 }); // small batches: indexes kept, search by the SQL procedure

    expect(snapshot(bulk.store.raw, tables)).toEqual(asPulledByAdmin(snapshot(source.store.raw, tables)));
    expect(snapshot(steady.store.raw, tables)).toEqual(snapshot(bulk.store.raw, tables));
    for (const t of ['sync_row_clock', 'sync_cell_clock']) {
      const all = (raw: Database.Database) => raw.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all();
      expect(all(bulk.store.raw), t).toEqual(all(steady.store.raw));
    }
    expect((bulk.store.raw.prepare(`SELECT count(*) AS n FROM sync_row_clock`).get() as { n: number }).n).toBe(r.pulled.rows);
    // A whole name, framed, as the search screen asks for it; the ends of a phone and an ID number.
    const named = source.store.raw
      .prepare(`SELECT name, phone, citizen_id FROM people WHERE deleted = 0 AND phone IS NOT NULL AND citizen_id IS NOT NULL ORDER BY id LIMIT 1`)
      .get() as { name: string; phone: string; citizen_id: string };
    const extra = [`name : "|${named.name}|"`, `phone : "${named.phone.slice(-2)}|"`, `citizen_id : "${named.citizen_id.slice(-2)}|"`];
    const fromSource = searchIndex(source.store.raw, extra);
    for (const [term, ids] of Object.entries(fromSource.hits)) expect(ids.length, `source hits for ${term}`).toBeGreaterThan(0);
    expect(searchIndex(bulk.store.raw, extra)).toEqual(searchIndex(steady.store.raw, extra));
    expect(searchIndex(bulk.store.raw, extra)).toEqual(fromSource);
    const someone = bulk.store.raw.prepare(`SELECT p.id, o.name AS outlet FROM people p JOIN outlets o ON o.id = p.outlet_id ORDER BY p.id LIMIT 1`).get() as { id: string; outlet: string };
    const byOutlet = bulk.store.raw.prepare(`SELECT s.person_id FROM people_fts f JOIN people_search s ON s.rowid = f.rowid WHERE people_fts MATCH ?`).all(`places : "${someone.outlet}"`);
    expect(byOutlet).toContainEqual({ person_id: someone.id });
    expect(Object.values(searchIndex(bulk.store.raw).hits).flat().length).toBeGreaterThan(100);
    expect(schema(bulk.store.raw)).toEqual(schema(steady.store.raw));
    expect(bulk.store.raw.prepare(`SELECT (SELECT count(*) FROM people_search_defer) + (SELECT count(*) FROM people_search_pending) AS n`).get()).toEqual({ n: 0 });
    expect(outbox(bulk.store.raw)).toBe(0);

    // The rebuilt capture triggers record the device's own writes, and they reach the others.
    const id = (bulk.store.raw.prepare(`SELECT id FROM outlets ORDER BY id LIMIT 1`).get() as { id: string }).id;
    bulk.store.raw.prepare(`UPDATE outlets SET name = '整批后改名营业厅' WHERE id = ?`).run(id);
    expect(outbox(bulk.store.raw)).toBe(1);
    await bulk.sync();
    await steady.sync();
    expect(steady.store.raw.prepare(`SELECT name FROM outlets WHERE id = ?`).get(id)).toEqual({ name: '整批后改名营业厅' });
  }, 60_000);

  it('brings whole a row whose older cells precede the chunk it finally arrives in', async () => {
    // Outlet 0 is created first and renamed last: at HQ its row sits at the newest version while
    // its other cells keep the oldest. A catch-up in chunks must still send all of its cells.
    const a = await device('甲');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push(insertOutlet(a.store.raw, `网点${i}`));
      await a.sync(); // one HQ version each
    }
    a.store.raw.prepare(`UPDATE outlets SET name = '改名' WHERE id = ?`).run(ids[0]);
    await a.sync();
    const b = await device('乙');
    await b.sync({ pullLimit: 10, maxPulls: 1 }); // the first chunk only, as if the connection dropped
    expect(Number(getMetaRaw(b.store.raw, CURSOR_KEY))).toBeGreaterThan(0);
    a.store.raw.prepare(`UPDATE outlets SET staff_count = 9 WHERE id = ?`).run(ids[1]); // and HQ moves on meanwhile
    await a.sync();
    await b.sync({ pullLimit: 10 });
    expect(snapshot(b.store.raw, ['outlets'])).toEqual(snapshot(a.store.raw, ['outlets']));
    expect(b.store.raw.prepare(`SELECT count(*) AS n FROM sync_stash`).get()).toEqual({ n: 0 });
  });

  it('rolls everything back — rows, cursor, dropped indexes and triggers — when the batch fails half-way', async () => {
    const source = await device('来源');
    await generateProvince(source.store.raw, { counties: 1, seed: 12, suppressCapture: null });
    await source.sync({ pushBatch: 1000 });
    const b = await device('乙');
    const before = schema(b.store.raw);
    // Fails after the rows went in and the indexes were dropped: while people are marked for search.
    b.store.raw.exec(`CREATE TEMP TRIGGER boom BEFORE INSERT ON main.people_search_pending BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    await expect(b.sync()).rejects.toThrow(/boom/);
    expect(schema(b.store.raw)).toEqual(before);
    expect(b.store.raw.prepare(`SELECT count(*) AS n FROM people`).get()).toEqual({ n: 0 });
    expect(getMetaRaw(b.store.raw, CURSOR_KEY) ?? '0').toBe('0');
    b.store.raw.exec(`DROP TRIGGER temp.boom`);
    await b.sync();
    const tables = capturedTables(b.store.raw);
    expect(snapshot(b.store.raw, tables)).toEqual(asPulledByAdmin(snapshot(source.store.raw, tables)));
    expect(schema(b.store.raw)).toEqual(before);
  }, 60_000);

  it('stashes a row the schema refuses and loads the rest', async () => {
    const b = await device('乙');
    const h = encodeHlc({ ms: Date.now(), counter: 0, node: b.session.deviceId });
    const rows: WireRow[] = Array.from({ length: 2500 }, (_, i) => {
      const id = uuidv7();
      const c: WireRow['c'] = { code: `S${i}`, name: `网点${i}`, channel_type: 'rural', county_id: 'c', scope_path: '/hq/t/', created_at: 'x', updated_at: 'x' };
      if (i === 1234) delete c.name; // NOT NULL without a default
      return { v: i + 1, t: 'outlets', id, h, c };
    });
    const chunk: PullAnswer = { hqTime: Date.now(), rows, drops: [], conflicts: [], cursor: 2500, more: false };
    const before = schema(b.store.raw);
    const s = applyChunks(b.store.raw, [chunk]);
    expect(s).toMatchObject({ rows: 2499, stashed: 1 });
    expect(b.store.raw.prepare(`SELECT count(*) AS n FROM outlets`).get()).toEqual({ n: 2499 });
    expect(b.store.raw.prepare(`SELECT tbl, row_id FROM sync_stash`).all()).toEqual([{ tbl: 'outlets', row_id: rows[1234]!.id }]);
    expect(schema(b.store.raw)).toEqual(before);
  });
});
