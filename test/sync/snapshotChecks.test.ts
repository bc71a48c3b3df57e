// A row of a snapshot part that the device's schema refuses (a CHECK, a NOT NULL) must meet the fate
// it meets in a chunked first sync (db/sync/bulk.ts): stashed with SQLite's own message, while the
// rest of the part loads, with the same rows and clocks. And a part loaded after another into the
// same table is refused row by row likewise.
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyChunks } from '../../db/sync/apply.js';
import { loadPart } from '../../db/sync/snapshotLoad.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { encodeHlc } from '../../shared/sync/hlc.js';
import type { CellValue, WireRow } from '../../shared/sync/protocol.js';
import type { SnapshotBlock } from '../../shared/sync/snapshot.js';
import { tempProfile } from '../support/store.js';
import { snapshot } from './support.js';

const stores: Awaited<ReturnType<typeof tempProfile>>[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.cleanup();
});
async function store(): Promise<Database.Database> {
  const p = await tempProfile();
  stores.push(p);
  return p.store.raw;
}

const COLS = ['code', 'name', 'channel_type', 'county_id', 'scope_path', 'created_at', 'updated_at'];

/** Outlet rows as a snapshot block, with the cells `spoil` changes. */
function outlets(n: number, spoil: (i: number, c: Record<string, CellValue>) => void = () => {}): SnapshotBlock {
  const h = encodeHlc({ ms: Date.now(), counter: 0, node: 'hq' });
  const ids = Array.from({ length: n }, () => uuidv7()).sort();
  const rows = ids.map((_, i) => {
    const c: Record<string, CellValue> = { code: `S${i}`, name: `网点${i}`, channel_type: 'own_store', county_id: 'c', scope_path: '/hq/t/', created_at: 'x', updated_at: 'x' };
    spoil(i, c);
    return c;
  });
  return { t: 'outlets', cols: COLS, ids, h: ids.map(() => h), hx: [], v: COLS.map((c) => rows.map((r) => r[c]!)) };
}

const asWire = (b: SnapshotBlock): WireRow[] =>
  b.ids.map((id, i) => ({ v: i + 1, t: b.t, id, h: b.h[i]!, c: Object.fromEntries(b.cols.map((c, k) => [c, b.v[k]![i]!])) }));

const load = (raw: Database.Database, b: SnapshotBlock, last = true) =>
  loadPart(raw, { blocks: [b], drops: [], conflicts: [] }, { version: 9, cursor: last ? 9 : undefined, dirty: new Set(), progressKey: 'sync_snapshot', progress: last ? null : '{}' });

const stash = (raw: Database.Database) => raw.prepare(`SELECT tbl, row_id, error FROM sync_stash ORDER BY row_id`).all();
const clocks = (raw: Database.Database) => raw.prepare(`SELECT * FROM sync_row_clock ORDER BY tbl, row_id`).all();
const BAD_CHANNEL = (i: number, c: Record<string, CellValue>) => {
  if (i === 1234) c.channel_type = 'nowhere'; // CHECK (channel_type IN (...))
  if (i === 2000) c.name = null; // NOT NULL
};

describe('rows of a snapshot part the schema refuses', () => {
  it('are stashed with SQLite\'s own message while the rest loads, exactly as in a chunked first sync', async () => {
    const block = outlets(3000, BAD_CHANNEL);
    const snap = await store();
    expect(load(snap, block)).toEqual({ rows: 2998, stashed: 2 });
    const chunked = await store();
    applyChunks(chunked, [{ hqTime: Date.now(), rows: asWire(block), drops: [], conflicts: [], cursor: 3000, more: false }]);

    expect(snapshot(snap, ['outlets'])).toEqual(snapshot(chunked, ['outlets']));
    expect(stash(snap)).toEqual(stash(chunked));
    expect(stash(snap)).toEqual([
      { tbl: 'outlets', row_id: block.ids[1234], error: expect.stringMatching(/^CHECK constraint failed: channel_type IN/) },
      { tbl: 'outlets', row_id: block.ids[2000], error: 'NOT NULL constraint failed: outlets.name' },
    ]);
    expect(clocks(snap)).toEqual(clocks(chunked));
  });

  it('are refused in a later part as in the first, and a sound part loads whole', async () => {
    const raw = await store();
    const first = outlets(2500);
    expect(load(raw, first, false)).toEqual({ rows: 2500, stashed: 0 });
    const second = outlets(2500, (i, c) => {
      if (i === 7) c.channel_type = 'nowhere';
    });
    expect(load(raw, second)).toEqual({ rows: 2499, stashed: 1 });
    expect(stash(raw)).toEqual([{ tbl: 'outlets', row_id: second.ids[7], error: expect.stringMatching(/^CHECK constraint failed/) }]);
    expect((raw.prepare(`SELECT count(*) AS n FROM outlets`).get() as { n: number }).n).toBe(4999);
  });
});
