// Pushes queue in their HQ process, not on PostgreSQL's writer lock (hq/pushGate.ts): however many
// devices push while one push holds the lock, the others' hellos and pulls still get a connection
// from the pool of six, and every queued push is applied once the lock is free.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pgLib from 'pg';
import { describe, expect, it } from 'vitest';
import type { Device } from '../../hq/auth.js';
import { verifyChain } from '../../hq/history/verify.js';
import { pull } from '../../hq/pull.js';
import { applyPush } from '../../hq/push.js';
import { Gate, PUSH_SLOTS, pushGate } from '../../hq/pushGate.js';
import { openHqStore } from '../../hq/store.js';
import { Hlc } from '../../shared/sync/hlc.js';
import { bothEngines } from './bothEngines.js';
import { countyDevice, lockWaiters, outletWrite } from './lockQueue.js';

const stores = bothEngines('rc-push-gate-');
const newOutlet = (d: Device, name: string) => outletWrite(d, 1, randomUUID(), name, Date.now());
const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);
const until = async (ok: () => Promise<boolean> | boolean) => {
  while (!(await ok())) await new Promise((r) => setTimeout(r, 20));
};

describe('the push gate', () => {
  it('lets its slots through in order of arrival and frees a slot however the push ends', async () => {
    const gate = new Gate(2);
    const order: string[] = [];
    const release: Record<string, () => void> = {};
    const job = (name: string, fail = false) =>
      gate.admit(async () => {
        order.push(name);
        await new Promise<void>((r) => (release[name] = r));
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const a = job('a', true);
    const b = job('b');
    const c = job('c');
    const d = job('d');
    await until(() => order.length === 2);
    expect(order).toEqual(['a', 'b']);
    expect(gate.queued).toBe(2);
    release.a!();
    await expect(a).rejects.toThrow('a failed'); // a failed push frees its slot too
    await until(() => order.length === 3);
    expect(order).toEqual(['a', 'b', 'c']); // c before d: first come, first served
    release.b!();
    release.c!();
    await until(() => order.length === 4);
    release.d!();
    expect(await Promise.all([b, c, d])).toEqual(['b', 'c', 'd']);
    expect(gate.queued).toBe(0);
  });

  it('PostgreSQL: eight devices push while the writer lock is held; a pull is still answered, then every push lands once', async () => {
    const url = await stores.fresh('pg');
    const store = await openHqStore(url);
    const holder = new pgLib.Client({ connectionString: url });
    await holder.connect();
    try {
      const pushers = await Promise.all(Array.from({ length: 8 }, (_, i) => countyDevice(store, `推送设备${i}`)));
      const reader = await countyDevice(store, '只拉取的设备');
      await holder.query('BEGIN');
      await holder.query('UPDATE hq_counter SET version = version WHERE id = 1'); // as a long push holds it
      const pushes = pushers.map((d, i) => applyPush(store, new Hlc('hq'), d, [newOutlet(d, `网点${i}`)]));
      // Settled: waiting at the lock or in the gate, as many as the pool's six connections (without the gate, six at the lock).
      await until(async () => {
        const atLock = await lockWaiters(holder);
        return atLock >= PUSH_SLOTS && atLock + pushGate(store).queued >= 6;
      });
      const page = await within(pull(store, reader, 0), 10_000, 'a pull beside the queued pushes');
      expect(page.more).toBe(false);
      expect(await lockWaiters(holder)).toBe(PUSH_SLOTS);
      expect(pushGate(store).queued).toBe(8 - PUSH_SLOTS);
      await holder.query('COMMIT');
      const answers = await Promise.all(pushes);
      for (const a of answers) expect(Object.values(a[0]!.res)).toEqual(Array(7).fill('a'));
      const landed = await sql<{ n: string }>`SELECT count(*) AS n FROM hq_rows WHERE tbl = 'outlets'`.execute(store.db);
      expect(Number(landed.rows[0]!.n)).toBe(8);
      expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM hq_writes`.execute(store.db)).rows[0]!.n)).toBe(8);
      expect(await verifyChain(store)).toMatchObject({ broken: null });
      expect(pushGate(store).queued).toBe(0);
    } finally {
      await holder.query('ROLLBACK').catch(() => {});
      await holder.end();
      await store.close();
    }
  });
});
