// A signed request from a device whose key the HQ process has read is checked before HQ touches its
// database, then claimed in one statement on PostgreSQL (hq/knownKeys.ts). What must hold on both
// engines: the answer is the device as stored now; a forged request sends no statement and stores
// nothing; a replay, a stale time and a device revoked since (by another process) are refused as
// before, leaving no nonce and no "last seen" behind.
import { randomBytes, randomUUID } from 'node:crypto';
import pgLib from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { authenticate, createEnrolCode, enrol, revokeDevice, type RequestAuth } from '../../hq/auth.js';
import { HqError } from '../../hq/errors.js';
import type { HqStore } from '../../hq/store.js';
import { SIGNED_SCHEME, signRequest } from '../../shared/node/requestSign.js';
import { bothEngines } from './bothEngines.js';

const stores = bothEngines('rc-known-keys-');
const SCOPE = '/hq/hz/hz-hantai/';

/** Statements any PostgreSQL connection sends while `on`. */
const sent: string[] = [];
let on = false;
const query = pgLib.Client.prototype.query;
pgLib.Client.prototype.query = function (this: pgLib.Client, ...args: unknown[]) {
  if (on) sent.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text));
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;
const counted = async <T,>(f: () => Promise<T>): Promise<{ statements: number; result: T | HqError }> => {
  sent.length = 0;
  on = true;
  try {
    return { result: await f().catch((e: unknown) => (e instanceof HqError ? e : Promise.reject(e))), statements: sent.length };
  } finally {
    on = false;
  }
};

async function enrolled(store: HqStore, userName: string) {
  const deviceId = randomUUID();
  const code = await createEnrolCode(store, { userName, role: 'county_organiser', scopePath: SCOPE });
  const { secret } = await enrol(store, { code, deviceId, appVersion: '0.1.0', schemaVersion: 'test' });
  const request = (over: { secret?: string; time?: number; nonce?: string } = {}): RequestAuth => {
    const parts = { method: 'POST', path: '/v1/pull', body: '{"cursor":0}', deviceId, nonce: over.nonce ?? randomBytes(16).toString('base64url'), time: String(over.time ?? Date.now()) };
    return { ...parts, authorization: `${SIGNED_SCHEME} ${signRequest(over.secret ?? secret, parts)}` };
  };
  return { deviceId, secret, request };
}
const seenAt = async (store: HqStore, id: string) => (await store.db.selectFrom('hq_devices').select('last_seen_at').where('device_id', '=', id).executeTakeFirstOrThrow()).last_seen_at;
const nonces = async (store: HqStore, id: string) => (await store.db.selectFrom('hq_nonces').select('nonce').where('device_id', '=', id).execute()).map((r) => r.nonce);

describe.each(['sqlite', 'pg'] as const)('requests of a device whose key HQ knows (%s)', (engine) => {
  it('the first request reads the key; the next ones cost one statement on PostgreSQL and answer the device as stored now', async () => {
    const store = stores[engine];
    const d = await enrolled(store, '已知设备');
    const first = await counted(() => authenticate(store, d.request()));
    expect(first.result).toMatchObject({ deviceId: d.deviceId, userName: '已知设备', role: 'county_organiser', scopePath: SCOPE, lastSeq: 0 });
    await store.db.updateTable('hq_devices').set({ last_seq: 7, user_name: '改名设备' }).where('device_id', '=', d.deviceId).execute();
    const next = await counted(() => authenticate(store, d.request()));
    expect(next.result).toMatchObject({ deviceId: d.deviceId, userName: '改名设备', lastSeq: 7 });
    if (engine === 'pg') expect([first.statements, next.statements]).toEqual([2, 1]);
    expect((await nonces(store, d.deviceId)).length).toBe(2);
  });

  it('old nonces are swept once a minute by each process, not at random', async () => {
    const store = stores[engine];
    const d = await enrolled(store, '清理设备');
    const t0 = Date.now();
    await store.db.insertInto('hq_nonces').values({ device_id: d.deviceId, nonce: 'an-old-nonce-0000000', at: t0 - 3_600_000 } as never).execute();
    vi.useFakeTimers({ now: t0, toFake: ['Date'] });
    try {
      await authenticate(store, d.request());
      expect(await nonces(store, d.deviceId)).toContain('an-old-nonce-0000000');
      vi.setSystemTime(t0 + 61_000);
      const late = d.request();
      await authenticate(store, late);
      expect(await nonces(store, d.deviceId)).not.toContain('an-old-nonce-0000000');
      expect(await nonces(store, d.deviceId)).toContain(late.nonce);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a forged request is refused without a statement; a replay, a stale time and a revoked device are refused and leave nothing', async () => {
    const store = stores[engine];
    const d = await enrolled(store, '受攻击设备');
    const ok = d.request();
    await authenticate(store, ok);
    const seen = await seenAt(store, d.deviceId);
    const forged = await counted(() => authenticate(store, d.request({ secret: randomBytes(32).toString('base64url') })));
    expect(forged).toMatchObject({ statements: 0, result: { code: 'bad_signature', status: 401 } });
    expect((forged.result as HqError).zh).toContain('请求签名无效');
    await expect(authenticate(store, ok)).rejects.toMatchObject({ code: 'replayed', status: 409 });
    await expect(authenticate(store, d.request({ time: Date.now() - 3_600_000 }))).rejects.toMatchObject({ code: 'stale_request' });
    expect(await nonces(store, d.deviceId)).toEqual([ok.nonce]);

    await new Promise((r) => setTimeout(r, 5));
    expect(await revokeDevice(store, d.deviceId)).toBe(true); // as the console of another HQ process would
    const late = d.request();
    await expect(authenticate(store, late)).rejects.toMatchObject({ code: 'revoked', status: 403 });
    expect(await nonces(store, d.deviceId)).toEqual([ok.nonce]);
    expect(await seenAt(store, d.deviceId)).toBe(seen);
  });
});
