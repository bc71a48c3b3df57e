// A push reads what it can before the writer lock: on PostgreSQL its rows (only those held are read
// again under the lock), on both engines the history chain's last link with the lock itself
// (hq/push.ts). What must hold when that turns out stale: a row another push created while this one
// waited, and a chain link an HQ process of an earlier version left behind, each make the push run
// again reading everything under the lock — both pushes answered and stored, merged as one after the
// other, the chain whole, nothing twice.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pgLib from 'pg';
import { describe, expect, it } from 'vitest';
import type { Device } from '../../hq/auth.js';
import { verifyChain } from '../../hq/history/verify.js';
import { applyPush } from '../../hq/push.js';
import { COPY_FROM_ROWS } from '../../hq/rowset.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { Hlc } from '../../shared/sync/hlc.js';
import type { PushAnswerItem, WireWrite } from '../../shared/sync/protocol.js';
import { bothEngines } from './bothEngines.js';
import { countyDevice as device, lockWaiters, outletWrite as outlet } from './lockQueue.js';

const stores = bothEngines('rc-push-clash-');
const cellsOf = async (store: HqStore, rowId: string) => JSON.parse((await store.db.selectFrom('hq_rows').select('cells').where('row_id', '=', rowId).executeTakeFirstOrThrow()).cells) as Record<string, [unknown]>;


/**
 * On a fresh PostgreSQL HQ: another connection holds the writer lock, as a long push would, while
 * device 甲's push and then device 乙's read their rows and queue behind it; then it lets them go.
 */
async function queuedBehindLock(
  pushes: (a: Device, b: Device) => [WireWrite[], WireWrite[]],
  check: (store: HqStore, answers: [PushAnswerItem[], PushAnswerItem[]]) => Promise<void>,
): Promise<void> {
  const url = await stores.fresh('pg');
  const store = await openHqStore(url);
  const holder = new pgLib.Client({ connectionString: url });
  await holder.connect();
  try {
    const [a, b] = [await device(store, '甲设备'), await device(store, '乙设备')];
    const [fromA, fromB] = pushes(a, b);
    await holder.query('BEGIN');
    await holder.query('UPDATE hq_counter SET version = version WHERE id = 1');
    const first = applyPush(store, new Hlc('hq'), a, fromA);
    while ((await lockWaiters(holder)) < 1) await new Promise((r) => setTimeout(r, 20));
    const second = applyPush(store, new Hlc('hq'), b, fromB);
    while ((await lockWaiters(holder)) < 2) await new Promise((r) => setTimeout(r, 20));
    await holder.query('COMMIT');
    await check(store, await Promise.all([first, second]));
  } finally {
    await holder.end();
    await store.close();
  }
}

describe('a push whose early reads went stale is applied again under the lock', () => {
  it('PostgreSQL: two devices create the same row while both wait for the lock; both are answered, the later stamp wins, nothing twice', async () => {
    const rowId = randomUUID();
    const now = Date.now();
    await queuedBehindLock((a, b) => [[outlet(a, 1, rowId, '甲写的名称', now)], [outlet(b, 1, rowId, '乙写的名称', now + 1000)]], async (store, [ra, rb]) => {
      expect(ra[0]!.res).toMatchObject({ name: 'a' });
      expect(rb[0]!.res).toMatchObject({ name: 'a' });
      expect((await cellsOf(store, rowId)).name![0]).toBe('乙写的名称');
      expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM hq_writes`.execute(store.db)).rows[0]!.n)).toBe(2);
      expect(await verifyChain(store)).toMatchObject({ broken: null });
      const entries = await sql<{ op: string; new_value: string }>`SELECT op, new_value FROM hq_history ORDER BY seq`.execute(store.db);
      expect(entries.rows.map((e) => e.op)).toEqual(['insert', 'update']); // the second one merged onto the first
    });
  });

  it('PostgreSQL: a large push whose COPY (sent ahead, not waited for) fails on a row created meanwhile is applied again; every row stored once', async () => {
    const shared = randomUUID();
    const now = Date.now();
    const big = (b: Device) => Array.from({ length: COPY_FROM_ROWS + 50 }, (_, i) => outlet(b, i + 1, i === 7 ? shared : randomUUID(), `乙网点${i}`, now + 1000));
    await queuedBehindLock((a, b) => [[outlet(a, 1, shared, '甲写的名称', now)], big(b)], async (store, [ra, rb]) => {
      expect(ra[0]!.res).toMatchObject({ name: 'a' });
      expect(rb.length).toBe(COPY_FROM_ROWS + 50);
      expect(rb.every((x) => x.res.name === 'a')).toBe(true);
      expect((await cellsOf(store, shared)).name![0]).toBe('乙网点7');
      expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM hq_rows WHERE tbl = 'outlets'`.execute(store.db)).rows[0]!.n)).toBe(rb.length);
      expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM hq_writes`.execute(store.db)).rows[0]!.n)).toBe(rb.length + 1);
      expect(await verifyChain(store)).toMatchObject({ broken: null });
      const onShared = await sql<{ op: string }>`SELECT op FROM hq_history WHERE row_id = ${shared} ORDER BY seq`.execute(store.db);
      expect(onShared.rows[0]!.op).toBe('insert'); // then the big push's changes merged onto it, column by column
      expect(onShared.rows.slice(1).map((e) => e.op)).toEqual(['update', 'update']);
    });
  });

  it.each(['sqlite', 'pg'] as const)('%s: a chain link left behind by an earlier HQ version is read again from the history; the chain stays whole', async (engine) => {
    const store = stores[engine];
    const d = await device(store, '丙设备');
    await applyPush(store, new Hlc('hq'), d, [outlet(d, 1, randomUUID(), '一', Date.now()), outlet(d, 2, randomUUID(), '二', Date.now())]);
    // An HQ process of an earlier version writes an entry and leaves the counter's link where it was.
    const last = await sql<{ seq: number | string; prev_hash: string }>`SELECT seq, prev_hash FROM hq_history ORDER BY seq DESC LIMIT 1`.execute(store.db);
    await sql`UPDATE hq_counter SET history_seq = ${Number(last.rows[0]!.seq) - 1}, history_hash = ${last.rows[0]!.prev_hash} WHERE id = 1`.execute(store.db);
    const answers = await applyPush(store, new Hlc('hq'), d, [outlet(d, 3, randomUUID(), '三', Date.now())]);
    expect(answers[0]!.res).toMatchObject({ name: 'a' });
    const { checked, broken } = await verifyChain(store);
    expect(broken).toBeNull();
    const counter = await store.db.selectFrom('hq_counter').select('history_seq').executeTakeFirstOrThrow();
    expect(Number(counter.history_seq)).toBe(checked);
    expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM hq_writes WHERE device_id = ${d.deviceId}`.execute(store.db)).rows[0]!.n)).toBe(3);
  });
});
