// On PostgreSQL a push's inserts travel with the statement that settles it (hq/heldInserts.ts). What
// must hold: under the writer lock a daily push of new rows makes one round trip and the commit, not six; what
// it stores is exactly what the statements one by one stored (rows, history chain, stored answers,
// the device's count, HQ's version); a re-sent push still answers from what was stored; and inserts
// too large for one statement are sent at once.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pgLib from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/core/ids.js';
import { encodeHlc, Hlc } from '../../shared/sync/hlc.js';
import type { WireWrite } from '../../shared/sync/protocol.js';
import type { Device } from '../../hq/auth.js';
import { holdInsert, holdInserts, releaseHeld, sendAhead } from '../../hq/heldInserts.js';
import { verifyChain } from '../../hq/history/verify.js';
import { applyPush } from '../../hq/push.js';
import type { HqDB } from '../../hq/schema.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase } from '../sync/support.js';

const SCOPE = '/hq/hz/hz-hantai/';
let pg: RunningPg;
let store: HqStore;
const device: Device = { deviceId: uuidv7(), userName: '录入员', role: 'county_organiser', scopePath: SCOPE, lastSeq: 0 };
let seq = 0;

/** Every statement any PostgreSQL connection of this file sends, while `on`. */
const sent: string[] = [];
let on = false;
const query = pgLib.Client.prototype.query;
pgLib.Client.prototype.query = function (this: pgLib.Client, ...args: unknown[]) {
  if (on) sent.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text).trim());
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const writes = (n: number): WireWrite[] =>
  Array.from({ length: n }, (_, i) => ({
    s: ++seq, t: 'outlets', r: uuidv7(), p: SCOPE, h: encodeHlc({ ms: Date.now(), counter: i, node: device.deviceId }),
    c: { code: `H${seq}`, name: `网点${seq}`, channel_type: 'social', scope_path: SCOPE, staff_count: i % 5, created_at: 't', updated_at: 't' },
  }));

beforeAll(async () => {
  pg = await startPostgres();
  store = await openHqStore(await createPgDatabase(pg.url));
  await store.db.insertInto('hq_devices').values({ device_id: device.deviceId, secret_hash: 'x', user_name: device.userName, role: device.role, scope_path: SCOPE, name: '测试', app_version: '0.1.0', enrolled_at: 't', last_seq: 0 } as never).execute();
}, 120_000);
afterAll(async () => {
  await store?.close();
  await pg?.stop();
});

const count = async (table: 'hq_rows' | 'hq_writes' | 'hq_history') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(store.db)).rows[0]!.n);

describe('a push settles in one statement on PostgreSQL', () => {
  it('makes one round trip under the writer lock for new rows, and stores what it stored before', async () => {
    await applyPush(store, new Hlc(device.deviceId), device, writes(1)); // a new HQ's first push reads the chain's link once
    const batch = writes(30);
    sent.length = 0;
    on = true;
    const answers = await applyPush(store, new Hlc(device.deviceId), device, batch);
    on = false;
    const locked = sent.slice(sent.findIndex((s) => s.startsWith('UPDATE hq_counter SET version = version')) + 1, sent.indexOf('commit'));
    // New rows were read before the lock and the history's last link came with it: only the statement that writes everything.
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatch(/^WITH w0 AS \(INSERT INTO hq_rows .*INSERT INTO hq_history .* UPDATE hq_counter SET version = \$\d+, history_seq = \$\d+, history_hash = \$\d+ WHERE id = 1$/s);
    expect(answers.every((a) => Object.values(a.res).every((r) => r === 'a'))).toBe(true);
    expect(await count('hq_rows')).toBe(31);
    expect(await count('hq_writes')).toBe(31);
    expect(await count('hq_history')).toBe(31);
    const d = await store.db.selectFrom('hq_devices').select('last_seq').where('device_id', '=', device.deviceId).executeTakeFirstOrThrow();
    expect(Number(d.last_seq)).toBe(31);
    const head = await store.db.selectFrom('hq_counter').select(['version', 'history_seq']).executeTakeFirstOrThrow();
    expect([Number(head.version), Number(head.history_seq)]).toEqual([31, 31]);
    expect(await verifyChain(store)).toEqual({ checked: 31, broken: null });
  });

  it('answers a re-sent push from what the held statement stored, and writes nothing twice', async () => {
    const batch = writes(5);
    const first = await applyPush(store, new Hlc(device.deviceId), device, batch);
    const again = await applyPush(store, new Hlc(device.deviceId), device, batch);
    expect(again).toEqual(first);
    expect(await count('hq_rows')).toBe(36);
    expect(await count('hq_writes')).toBe(36);
    expect(await count('hq_history')).toBe(36);
  });

  it('settles pushes of any size with the same statement text, so it is prepared once per connection', async () => {
    const texts: string[] = [];
    for (const n of [3, 17]) {
      sent.length = 0;
      on = true;
      await applyPush(store, new Hlc(device.deviceId), device, writes(n));
      on = false;
      texts.push(sent.find((x) => x.startsWith('WITH w0 AS (INSERT INTO hq_rows'))!);
    }
    expect(texts[0]).toContain('json_populate_recordset(NULL::hq_history, $2)');
    expect(texts[1]).toBe(texts[0]);
  });

  it('sends at once what one statement cannot carry, and the rest with the last statement', async () => {
    const url = await createPgDatabase(pg.url);
    const db = new Kysely<HqDB>({ dialect: new PostgresDialect({ pool: new pgLib.Pool({ connectionString: url, max: 1 }) }) });
    try {
      await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`.execute(db);
      await sql`INSERT INTO t VALUES (5, '戊')`.execute(db);
      await db.transaction().execute(async (trx) => {
        expect(holdInsert(trx, 't (id, name)', [[1, '甲']], '')).toBe(false); // not held: nobody asked
        holdInserts(trx);
        expect(holdInsert(trx, 't (id, name)', [[1, '甲'], [2, '乙']], '')).toBe(true);
        expect(holdInsert(trx, 't (id, name)', Array.from({ length: 15_000 }, (_, i) => [i + 10, '丙']), '')).toBe(false); // 30,000 more parameters
        expect(holdInsert(trx, 't (id, name)', [[5, '重复']], 'ON CONFLICT (id) DO NOTHING')).toBe(true);
        expect((await sql<{ n: string }>`SELECT count(*) AS n FROM t`.execute(trx)).rows[0]!.n).toBe('1');
        await releaseHeld(trx, (param) => ({ ctes: [], main: `UPDATE t SET name = ${param('乙乙')} WHERE id = 2` }));
      });
      // An insert sent ahead (a COPY) is not waited for, and the held statement fails as it failed.
      await expect(db.transaction().execute(async (trx) => {
        holdInserts(trx);
        expect(sendAhead(trx, sql`INSERT INTO t VALUES (5, '又是戊')`.execute(trx))).toBe(true);
        await releaseHeld(trx, (param) => ({ ctes: [], main: `UPDATE t SET name = ${param('不应写入')} WHERE id = 1` }));
      })).rejects.toMatchObject({ code: '23505' });
      // One statement sees one snapshot: its UPDATE does not see the rows its own INSERT adds.
      expect((await sql<{ id: number; name: string }>`SELECT id, name FROM t ORDER BY id`.execute(db)).rows).toEqual([{ id: 1, name: '甲' }, { id: 2, name: '乙' }, { id: 5, name: '戊' }]);
    } finally {
      await db.destroy();
    }
  });
});
