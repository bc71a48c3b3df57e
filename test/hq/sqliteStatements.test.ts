// HQ on SQLite keeps its prepared statements and runs a push's bulk inserts one cached statement per
// row on the connection itself (hq/sqliteStatements.ts). What must hold: those inserts belong to the
// push's transaction (a push that fails leaves nothing behind), a push stores and answers exactly as
// before (rows, history chain, stored answers, a re-sent batch), a statement text is prepared once,
// and a query streamed and run again answers alike.
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/core/ids.js';
import { encodeHlc, Hlc } from '../../shared/sync/hlc.js';
import type { WireWrite } from '../../shared/sync/protocol.js';
import type { Device } from '../../hq/auth.js';
import { verifyChain } from '../../hq/history/verify.js';
import { applyPush } from '../../hq/push.js';
import { insertMany } from '../../hq/rowset.js';
import { SqliteConnection } from '../../hq/sqliteStatements.js';
import { openHqStore, type HqStore } from '../../hq/store.js';

const SCOPE = '/hq/hz/hz-hantai/';
let dir: string;
let store: HqStore;
const device: Device = { deviceId: uuidv7(), userName: '录入员', role: 'county_organiser', scopePath: SCOPE, lastSeq: 0 };
let seq = 0;

const writes = (n: number): WireWrite[] =>
  Array.from({ length: n }, (_, i) => ({
    s: ++seq, t: 'outlets', r: uuidv7(), p: SCOPE, h: encodeHlc({ ms: Date.now(), counter: i, node: device.deviceId }),
    c: { code: `S${seq}`, name: `网点${seq}`, channel_type: 'social', scope_path: SCOPE, staff_count: i % 5, created_at: 't', updated_at: 't' },
  }));
const count = async (table: string) => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(store.db)).rows[0]!.n);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-hq-stmts-'));
  store = await openHqStore(join(dir, 'hq.sqlite'));
  await sql`INSERT INTO hq_devices (device_id, user_name, role, scope_path, secret_hash, enrolled_at, last_seq) VALUES (${device.deviceId}, ${device.userName}, ${device.role}, ${SCOPE}, 'x', 't', 0)`.execute(store.db);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HQ on SQLite: cached statements and per-row inserts', () => {
  it('a push stores and answers as before: rows, a whole history chain, stored answers, a re-sent batch answered from them', async () => {
    const clock = new Hlc('hq');
    const batch = writes(300);
    const answers = await applyPush(store, clock, device, batch);
    expect(answers.map((a) => a.s)).toEqual(batch.map((w) => w.s));
    expect(answers.every((a) => Object.values(a.res).every((r) => r === 'a'))).toBe(true);
    expect(await count('hq_rows')).toBe(300);
    expect(await count('hq_writes')).toBe(300);
    expect(await count('hq_history')).toBe(300);
    expect(await verifyChain(store)).toEqual({ checked: 300, broken: null });
    const again = await applyPush(store, clock, device, batch);
    expect(again).toEqual(answers);
    expect(await count('hq_rows')).toBe(300);
    const row = await store.db.selectFrom('hq_rows').select(['cells']).where('row_id', '=', batch[7]!.r).executeTakeFirstOrThrow();
    expect(row.cells).toContain('"网点' + batch[7]!.s + '"');
  });

  it('inserts made on the connection belong to the transaction: one that fails leaves none of them', async () => {
    const before = await count('hq_meta');
    await expect(
      store.db.transaction().execute(async (trx) => {
        await insertMany(trx, 'hq_meta (key, value)', [['rollback-a', '1'], ['rollback-b', '2']], '');
        expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM hq_meta WHERE key LIKE 'rollback-%'`.execute(trx)).rows[0]!.n)).toBe(2);
        throw new Error('push refused halfway');
      }),
    ).rejects.toThrow('push refused halfway');
    expect(await count('hq_meta')).toBe(before);
    await store.db.transaction().execute((trx) => insertMany(trx, 'hq_meta (key, value)', [['kept', '1'], ['kept', '2']], 'ON CONFLICT (key) DO NOTHING'));
    await insertMany(store.db, 'hq_meta (key, value)', [['outside', '1']], ''); // outside a transaction: the multi-row statement
    expect(await count('hq_meta')).toBe(before + 2);
  });

  it('a statement text is prepared once; the same text streamed and run again answers alike', async () => {
    const raw = new Database(':memory:');
    let prepared = 0;
    const counting = new Proxy(raw, { get: (t, k) => (k === 'prepare' ? (s: string) => (prepared++, t.prepare(s)) : Reflect.get(t, k)) });
    const db = new Kysely<{ t: { n: number } }>({ dialect: new SqliteDialect({ database: new SqliteConnection(counting).database() }) });
    await sql`CREATE TABLE t (n INTEGER)`.execute(db);
    for (let i = 0; i < 5; i++) await db.insertInto('t').values({ n: i }).execute();
    const inserts = prepared;
    for (let i = 5; i < 10; i++) await db.insertInto('t').values({ n: i }).execute();
    expect(prepared).toBe(inserts);
    const query = db.selectFrom('t').select('n').orderBy('n');
    expect((await query.execute()).length).toBe(10);
    const seen: number[] = [];
    for await (const r of query.stream()) seen.push(r.n);
    expect((await query.execute()).map((r) => r.n)).toEqual(seen);
    expect(seen).toEqual([...Array(10).keys()]);
    await db.destroy();
  });
});
