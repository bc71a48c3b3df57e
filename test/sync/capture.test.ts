// Change capture: every write to a synced table lands in the outbox in the same transaction, one
// entry per written row with only the changed columns; sync's own writes and bulk loads do not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { SYNCED_TABLES } from '../../shared/sync/tables.js';
import { migrate, openStore } from '../../db/open.js';
import { suppressCapture } from '../../db/sync/capture.js';
import { Local } from '../../db/sync/local.js';
import { SYNC_TABLES } from '../../shared/sync/tables.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
const outbox = (p: P) => p.store.raw.prepare('SELECT tbl, row_id, cols FROM sync_outbox ORDER BY seq').all() as { tbl: string; row_id: string; cols: string }[];
const insert = (p: P, id = uuidv7()) => {
  p.store.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, 'A', '甲', 'rural', 'c', '/hq/', 't', 't')`).run(id);
  return id;
};

describe('change capture', () => {
  let p: P;
  beforeEach(async () => {
    p = await tempProfile();
  });
  afterEach(async () => p.cleanup());

  it('captures inserts whole and updates by changed column, through raw SQL and Kysely alike', async () => {
    const id = insert(p);
    await p.store.db.updateTable('outlets').set({ name: '乙', address: null }).where('id', '=', id).execute(); // address was already NULL
    await sql`UPDATE outlets SET staff_count = staff_count WHERE id = ${id}`.execute(p.store.db); // no change: nothing captured
    const o = outbox(p);
    expect(o).toHaveLength(2);
    expect(JSON.parse(o[0]!.cols)).toMatchObject({ code: 'A', name: '甲', scope_path: '/hq/', deleted: 0 });
    expect(JSON.parse(o[1]!.cols)).toEqual({ name: '乙' });
  });

  it('captures exactly the changed values of an update: NULLs, numbers of either type, big integers, quotes', async () => {
    const id = insert(p);
    const upd = (set: string, ...args: unknown[]) => p.store.raw.prepare(`UPDATE outlets SET ${set} WHERE id = ?`).run(...args, id);
    upd('address = ?, staff_count = ?', '路"\\\n口', 3);
    upd('address = NULL, staff_count = 3.0'); // 3.0 is the value 3: only the address changed
    upd('lat = ?', 34.25);
    upd('staff_count = ?', 2n ** 60n);
    upd('lat = lat, lng = NULL'); // nothing changed: nothing captured
    const cols = outbox(p).slice(1).map((o) => o.cols);
    expect(cols).toEqual(['{"address":"路\\"\\\\\\n口","staff_count":3}', '{"address":null}', '{"lat":34.25}', `{"staff_count":${2n ** 60n}}`]);
  });

  it('captures a hard delete as a tombstone, and rolls back with the transaction', async () => {
    const id = insert(p);
    p.store.raw.prepare('DELETE FROM outlets WHERE id = ?').run(id);
    expect(JSON.parse(outbox(p)[1]!.cols)).toEqual({ deleted: 1 });
    await expect(
      p.store.db.transaction().execute(async (trx) => {
        await trx.updateTable('settings').set({ value_json: '1' }).execute();
        await sql`INSERT INTO settings (id, key, value_json, scope_path, created_at, updated_at) VALUES (${uuidv7()}, 'k', '1', '/', 't', 't')`.execute(trx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(outbox(p)).toHaveLength(2);
  });

  it('captures nothing inside suppressCapture (bulk loads)', async () => {
    suppressCapture(p.store.raw, () => p.store.raw.transaction(() => insert(p))());
    expect(outbox(p)).toHaveLength(0);
    insert(p);
    expect(outbox(p)).toHaveLength(1);
  });

  it('stamps every write with a distinct, increasing clock', async () => {
    const id = insert(p);
    for (let i = 0; i < 50; i++) p.store.raw.prepare('UPDATE outlets SET name = ? WHERE id = ?').run(`n${i}`, id);
    const h = (p.store.raw.prepare('SELECT hlc FROM sync_outbox ORDER BY seq').all() as { hlc: string }[]).map((r) => r.hlc);
    expect([...h].sort()).toEqual(h);
    expect(new Set(h).size).toBe(h.length);
  });

  it('has a capture trigger on every synced table, and HQ knows every synced table', async () => {
    const triggers = new Set((p.store.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[]).map((r) => r.name));
    for (const t of SYNCED_TABLES) for (const k of ['i', 'u', 'd']) expect(triggers.has(`sync_cap_${t}_${k}`), `${t} ${k}`).toBe(true);
    for (const t of SYNCED_TABLES) expect(SYNC_TABLES as readonly string[], `add ${t} to shared/sync/tables.ts`).toContain(t);
  });
});

describe('outbox sequence numbers', () => {
  it('never hands a number out twice, even after the outbox empties', async () => {
    const p = await tempProfile();
    try {
      const local = Local.of(p.store.raw);
      insert(p);
      insert(p);
      const seqs = local.pending().map((w) => w.seq);
      local.ack(seqs);
      expect(local.pending()).toEqual([]);
      insert(p);
      expect(local.pending()[0]!.seq).toBe(Math.max(...seqs) + 1);
    } finally {
      await p.cleanup();
    }
  });

  it('2026_11_26_sync_outbox keeps the numbers already used by the AUTOINCREMENT outbox', async () => {
    const raw = new Database(':memory:');
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await migrate(db, '2026_11_25_people_indexes');
    const add = raw.prepare(`INSERT INTO sync_outbox (tbl, row_id, hlc, scope, cols) VALUES ('outlets', 'r', 'h', '/', '{}')`);
    for (let i = 0; i < 5; i++) add.run();
    raw.exec(`DELETE FROM sync_outbox WHERE seq <= 5`); // all sent
    await migrate(db);
    add.run();
    expect(raw.prepare(`SELECT seq FROM sync_outbox WHERE tbl <> ''`).all()).toEqual([{ seq: 6 }]);
    await db.destroy();
  });
});

describe('2026_11_22_sync migration', () => {
  it('moves a store with data from the core schema to the sync schema, capturing from then on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-mig-'));
    const file = join(dir, 'red-channel.db');
    try {
      const raw = new Database(file);
      const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
      await migrate(db, '2026_11_21_core');
      const id = uuidv7();
      raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, 'A', '旧', 'rural', 'c', '/hq/', 't', 't')`).run(id);
      await db.destroy();
      const store = await openStore(file);
      expect(store.raw.prepare('SELECT name FROM outlets WHERE id = ?').get(id)).toEqual({ name: '旧' });
      expect(store.raw.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 }); // old rows were not "written"
      store.raw.prepare(`UPDATE outlets SET name = '新' WHERE id = ?`).run(id);
      expect(store.raw.prepare('SELECT cols FROM sync_outbox').get()).toEqual({ cols: '{"name":"新"}' });
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
