// Malformed, oversized, replayed and forged requests get a 4xx with a clear reason, change nothing,
// and HQ keeps serving.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { uuidv7 } from '../../shared/core/ids.js';
import { encodeHlc, Hlc } from '../../shared/sync/hlc.js';
import { HEADERS, LIMITS } from '../../shared/sync/protocol.js';
import { SIGNED_SCHEME, signRequest } from '../../shared/node/requestSign.js';
import { pushBodyText } from '../../shared/node/pushLines.js';
import { revokeDevice } from '../../hq/auth.js';
import { getMetaRaw } from '../../db/sync/state.js';
import { enrolledDevice, type TestDevice, type TestHq } from '../sync/support.js';

export function describeRobustness(label: string, makeHq: () => Promise<TestHq>): void {
  describe(`HQ refuses bad requests and survives them (${label})`, () => {
    let hq: TestHq;
    let dev: TestDevice;
    let secret: string;
    let clock: Hlc;
    beforeAll(async () => {
      hq = await makeHq();
      dev = await enrolledDevice(hq, { user: '测试员', role: 'county_organiser', scope: '/hq/a/' });
      secret = getMetaRaw(dev.store.raw, 'sync_secret')!;
      clock = new Hlc(dev.session.deviceId);
    });
    afterAll(async () => {
      await dev?.cleanup();
      await hq?.close();
    });

    /** The headers of a device request; `post` signs it unless `authorization` is given. */
    const auth = (over: Record<string, string> = {}): Record<string, string> => ({
      'content-type': 'application/json',
      [HEADERS.device]: dev.session.deviceId,
      [HEADERS.nonce]: randomBytes(16).toString('base64url'),
      [HEADERS.time]: String(Date.now()),
      ...over,
    });
    const post = async (path: string, body: string, unsigned: Record<string, string> = auth()) => {
      const headers = unsigned.authorization ? unsigned : {
        ...unsigned,
        authorization: `${SIGNED_SCHEME} ${signRequest(secret, { method: 'POST', path, body, deviceId: unsigned[HEADERS.device]!, nonce: unsigned[HEADERS.nonce]!, time: unsigned[HEADERS.time]! })}`,
      };
      const r = await fetch(`${hq.url}${path}`, { method: 'POST', headers, body });
      return { status: r.status, json: (await r.json()) as { error?: string; zh?: string; en?: string } };
    };
    const state = async () => {
      const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM hq_rows`.execute(hq.store.db);
      const writes = await sql<{ n: number }>`SELECT count(*) AS n FROM hq_writes`.execute(hq.store.db);
      return [Number(rows.rows[0]!.n), Number(writes.rows[0]!.n)];
    };
    const write = (s: number, over: Record<string, unknown> = {}) => ({ s, t: 'outlets', r: uuidv7(), h: clock.tick(), p: '/hq/a/', c: { name: '网点' }, ...over });

    it('answers each kind of bad request with a 4xx and a reason, changing nothing', async () => {
      const before = await state();
      const cases: [string, Promise<{ status: number; json: { error?: string; zh?: string } }>, number][] = [
        ['not JSON', post('/v1/push', '{"writes": [', auth()), 400],
        ['wrong shape', post('/v1/push', JSON.stringify({ writes: 'all of them' })), 400],
        ['unknown table', post('/v1/push', JSON.stringify({ writes: [write(1, { t: 'sqlite_master' })] })), 400],
        ['SQL in a column name', post('/v1/push', JSON.stringify({ writes: [write(1, { c: { 'name = 1; DROP TABLE hq_rows; --': 'x' } })] })), 400],
        ['extra field', post('/v1/push', JSON.stringify({ writes: [write(1)], admin: true })), 400],
        ['oversized body', post('/v1/push', JSON.stringify({ writes: [write(1, { c: { name: 'x'.repeat(LIMITS.bodyBytes + 10) } })] })), 413],
        ['oversized value', post('/v1/push', JSON.stringify({ writes: [write(1, { c: { name: 'x'.repeat(LIMITS.valueChars + 1) } })] })), 400],
        ['too many writes', post('/v1/push', JSON.stringify({ writes: Array.from({ length: LIMITS.writesPerPush + 1 }, (_, i) => write(i + 1)) })), 400],
        ['a stamp in another device\u2019s name', post('/v1/push', JSON.stringify({ writes: [write(1, { h: encodeHlc({ ms: Date.now(), counter: 0, node: uuidv7() }) })] })), 400],
        ['a sequence gap', post('/v1/push', JSON.stringify({ writes: [write(5)] })), 409],
        ['no credentials', post('/v1/push', JSON.stringify({ writes: [write(1)] }), { 'content-type': 'application/json' }), 401],
        ['wrong secret', post('/v1/push', JSON.stringify({ writes: [write(1)] }), auth({ authorization: 'Bearer nope-nope-nope' })), 401],
        ['the right secret in clear (only signatures count once a device signs)', post('/v1/push', JSON.stringify({ writes: [write(1)] }), auth({ authorization: `Bearer ${secret}` })), 401],
        ['a signature by another key', post('/v1/push', JSON.stringify({ writes: [write(1)] }), auth({ authorization: `${SIGNED_SCHEME} ${signRequest('another-secret', { method: 'POST', path: '/v1/push', body: '{}', deviceId: dev.session.deviceId, nonce: 'n'.repeat(22), time: '1' })}` })), 401],
        ['unknown device', post('/v1/pull', JSON.stringify({ cursor: 0 }), auth({ [HEADERS.device]: uuidv7() })), 401],
        ['stale request time', post('/v1/pull', JSON.stringify({ cursor: 0 }), auth({ [HEADERS.time]: String(Date.now() - 3_600_000) })), 401],
        ['negative cursor', post('/v1/pull', JSON.stringify({ cursor: -1 })), 400],
        ['since after cursor', post('/v1/pull', JSON.stringify({ cursor: 1, since: 5 })), 400],
        ['wrong content type', post('/v1/pull', 'cursor=0', auth({ 'content-type': 'text/plain' })), 400],
        ['prototype pollution', post('/v1/push', '{"writes":[],"__proto__":{"admin":true}}'), 400],
        ['bad enrolment code', post('/v1/enrol', JSON.stringify({ code: 'AAAA-BBBB-CCCC', deviceId: uuidv7(), appVersion: '1', schemaVersion: 'x' }), { 'content-type': 'application/json' }), 410],
        ['unknown endpoint', post('/v1/admin', '{}'), 404],
      ];
      for (const [what, p, status] of cases) {
        const r = await p;
        expect(r.status, what).toBe(status);
        expect(r.json.zh, what).toBeTruthy();
      }
      expect(await state()).toEqual(before);
    });

    it('refuses an exact replay but accepts the same writes re-sent, answering them again', async () => {
      const body = JSON.stringify({ writes: [write(1)] });
      const headers = auth();
      const first = await post('/v1/push', body, headers);
      expect(first.status).toBe(200);
      const after = await state();
      // The device counts as seen by what it sent, never by a replay of it.
      const seen = async () => (await hq.store.db.selectFrom('hq_devices').select('last_seen_at').where('device_id', '=', dev.session.deviceId).executeTakeFirstOrThrow()).last_seen_at!;
      const seenFirst = await seen();
      await new Promise((r) => setTimeout(r, 5));
      const replay = await post('/v1/push', body, headers);
      expect(replay.status).toBe(409);
      expect(replay.json.error).toBe('replayed');
      expect(await seen()).toBe(seenFirst);
      const resent = await post('/v1/push', body);
      expect(resent.status).toBe(200);
      expect(Date.parse(await seen())).toBeGreaterThan(Date.parse(seenFirst));
      expect(resent.json).toMatchObject({ answers: (first.json as { answers: unknown[] }).answers });
      expect(await state()).toEqual(after);
      // The same number for different content is refused.
      const reused = await post('/v1/push', JSON.stringify({ writes: [write(1)] }));
      expect(reused.status).toBe(409);
      expect(reused.json.error).toBe('seq_reused');
      expect(await state()).toEqual(after);
    });

    it('reads a large compressed push a write a line, and refuses a poisoned line as it would the whole text', async () => {
      const postGzip = async (text: string) => {
        const body = gzipSync(Buffer.from(text, 'utf8'));
        const h = auth({ 'content-encoding': 'gzip' });
        const sig = signRequest(secret, { method: 'POST', path: '/v1/push', body, encoding: 'gzip', deviceId: h[HEADERS.device]!, nonce: h[HEADERS.nonce]!, time: h[HEADERS.time]! });
        const r = await fetch(`${hq.url}/v1/push`, { method: 'POST', headers: { ...h, authorization: `${SIGNED_SCHEME} ${sig}` }, body });
        return { status: r.status, json: (await r.json()) as { error?: string; zh?: string; answers?: unknown[] } };
      };
      const writes = Array.from({ length: 400 }, (_, i) => write(2 + i, { c: { name: `网点${i}`, address: '长安区'.repeat(20) } }));
      const text = pushBodyText(writes);
      expect(text.length).toBeGreaterThan(64 * 1024);
      const before = await state();
      const poisoned = text.replace(`"s":${2 + 200},`, `"s":${2 + 200},"__proto__":{"admin":true},`);
      const refused = await postGzip(poisoned);
      expect(refused.status).toBe(400);
      expect(refused.json.zh).toBeTruthy();
      expect(await state()).toEqual(before);
      const taken = await postGzip(text);
      expect(taken.status).toBe(200);
      expect(taken.json.answers).toHaveLength(400);
      expect(await state()).toEqual([before[0]! + 400, before[1]! + 400]);
    });

    it('uses an enrolment code once, and tells a revoked device to wipe', async () => {
      const code = await hq.code('王五', 'instructor', '/hq/a/');
      const body = (deviceId: string) => JSON.stringify({ code, deviceId, appVersion: '1', schemaVersion: 'x' });
      expect((await post('/v1/enrol', body(uuidv7()), { 'content-type': 'application/json' })).status).toBe(200);
      expect((await post('/v1/enrol', body(uuidv7()), { 'content-type': 'application/json' })).status).toBe(410);
      await revokeDevice(hq.store, dev.session.deviceId);
      const r = await post('/v1/pull', JSON.stringify({ cursor: 0 }));
      expect(r.status).toBe(403);
      expect(r.json).toMatchObject({ error: 'revoked', wipe: true });
    });
  });
}
