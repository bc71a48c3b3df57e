// Sync applies pulled chunks with people search indexing deferred to one set-based pass per chunk
// (migration 2026_11_27_search_deferred). The index it leaves must be the one the per-row triggers
// build: same pinyin rows, same FTS hits, through inserts, updates, tombstones and hard deletes.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyChunk, BULK_ROWS } from '../../db/sync/apply.js';
import { capturedTables } from '../../db/sync/capture.js';
import { clockOf, withoutCapture } from '../../db/sync/state.js';
import type { PullAnswer, WireRow } from '../../shared/sync/protocol.js';
import { tempProfile } from '../support/store.js';
import { generateProvince } from '../synthetic/generate.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
let source: P;
let device: P;
beforeEach(async () => {
  source = await tempProfile();
  device = await tempProfile();
});
afterEach(async () => {
  await source.cleanup();
  await device.cleanup();
});

function index(raw: Database.Database) {
  const rows = raw
    .prepare(`SELECT person_id, name, scope_path, political_status, outlet_id, py_full, py_initials, py_given FROM people_search ORDER BY person_id`)
    .all();
  const hit = raw.prepare(`SELECT s.person_id FROM people_fts f JOIN people_search s ON s.rowid = f.rowid WHERE people_fts MATCH ? ORDER BY 1`);
  // Trigram FTS: a term shorter than 3 characters matches nothing, so every term here has 3 or more.
  const terms = ['营业厅', 'places : "党支部|"', 'phone : "|13"', '610', 'name : "建国|"'];
  return { rows, hits: Object.fromEntries(terms.map((t) => [t, hit.all(t.includes(':') ? t : `"${t}"`).length])) };
}

let v = 0;
const chunk = (rows: WireRow[], drops: { t: string; id: string }[] = []): PullAnswer => ({
  hqTime: Date.now(),
  rows,
  drops: drops.map((d) => ({ ...d, v: ++v })),
  conflicts: [],
  cursor: v + rows.length + drops.length,
  more: false,
});

it('leaves the same search index as row-by-row triggers', async () => {
  await generateProvince(source.store.raw, { counties: 1, seed: 7 });
  const src = source.store.raw;
  const dev = device.store.raw;
  const h = clockOf(dev).tick();
  const wire: WireRow[] = [];
  for (const t of capturedTables(src))
    for (const r of src.prepare(`SELECT * FROM "${t}"`).all() as Record<string, string | number | null>[]) {
      const { id, ...c } = r;
      wire.push({ v: ++v, t, id: String(id), h, c });
    }
  expect(wire.filter((r) => r.t === 'people').length).toBeGreaterThan(200);
  for (let i = 0; i < wire.length; i += 500) applyChunk(dev, chunk(wire.slice(i, i + 500)));
  expect(index(dev)).toEqual(index(src));

  // Renames, moves, tombstones and hard deletes, pulled in one chunk and written directly at the source.
  const people = src.prepare(`SELECT id, outlet_id FROM people ORDER BY id LIMIT 60`).all() as { id: string; outlet_id: string | null }[];
  const outlets = src.prepare(`SELECT id FROM outlets ORDER BY id LIMIT 5`).all() as { id: string }[];
  const members = src.prepare(`SELECT id FROM members ORDER BY id LIMIT 10`).all() as { id: string }[];
  const h2 = clockOf(dev).tick();
  const changes: WireRow[] = [];
  const drops: { t: string; id: string }[] = [];
  withoutCapture(src, () =>
    src.transaction(() => {
      people.forEach((p, i) => {
        if (i % 3 === 0) {
          src.prepare(`UPDATE people SET name = name || '改' WHERE id = ?`).run(p.id);
          changes.push({ v: ++v, t: 'people', id: p.id, h: h2, c: { name: (src.prepare(`SELECT name FROM people WHERE id = ?`).get(p.id) as { name: string }).name } });
        } else if (i % 3 === 1) {
          src.prepare(`UPDATE people SET deleted = 1 WHERE id = ?`).run(p.id);
          changes.push({ v: ++v, t: 'people', id: p.id, h: h2, c: { deleted: 1 } });
        } else if (i % 6 === 2) {
          src.prepare(`DELETE FROM people WHERE id = ?`).run(p.id);
          drops.push({ t: 'people', id: p.id });
        } else {
          src.prepare(`UPDATE people SET outlet_id = ? WHERE id = ?`).run(outlets[i % outlets.length]!.id, p.id);
          changes.push({ v: ++v, t: 'people', id: p.id, h: h2, c: { outlet_id: outlets[i % outlets.length]!.id } });
        }
      });
      for (const o of outlets) {
        src.prepare(`UPDATE outlets SET name = name || '改' WHERE id = ?`).run(o.id);
        changes.push({ v: ++v, t: 'outlets', id: o.id, h: h2, c: { name: (src.prepare(`SELECT name FROM outlets WHERE id = ?`).get(o.id) as { name: string }).name } });
      }
      for (const m of members) {
        src.prepare(`UPDATE members SET deleted = 1 WHERE id = ?`).run(m.id);
        changes.push({ v: ++v, t: 'members', id: m.id, h: h2, c: { deleted: 1 } });
      }
    })(),
  );
  expect(changes.length + drops.length).toBeGreaterThanOrEqual(BULK_ROWS);
  applyChunk(dev, chunk(changes, drops));
  expect(index(dev)).toEqual(index(src));
  // Nothing is left deferred or pending after a chunk.
  expect(dev.prepare(`SELECT (SELECT count(*) FROM people_search_defer) + (SELECT count(*) FROM people_search_pending) AS n`).get()).toEqual({ n: 0 });
});
