// Compression on the sync wire: negotiated both ways (a device learns from HQ's answers that it may
// compress what it sends), a caller without it served plain, and every bad compressed body —
// cut off, inflating past the limit, its coding header swapped — refused with a reason in both
// languages and nothing written. A broken compressed answer leaves the device as it was.
import { randomBytes } from 'node:crypto';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutlet, buildTree } from '../support/builders.js';
import { SIGNED_SCHEME, signRequest } from '../../shared/node/requestSign.js';
import { HEADERS, LIMITS } from '../../shared/sync/protocol.js';
import { CURSOR_KEY } from '../../db/sync/apply.js';
import { nextBatch } from '../../db/sync/outbox.js';
import { getMetaRaw } from '../../db/sync/state.js';
import { nodeTransport, type RawTransport } from '../../db/sync/transport.js';
import { SyncFailure } from '../../db/sync/client.js';
import { enrolledDevice, snapshot, startTestHq, type TestDevice, type TestHq } from './support.js';

type Seen = { path: string; sentCoding?: string; sentBytes: number; gotCoding?: string; gotBytes: number };

function recording(edit?: (path: string, body: Buffer, coding: string | undefined) => Buffer): { transport: RawTransport; seen: Seen[] } {
  const seen: Seen[] = [];
  return {
    seen,
    transport: async (url, init) => {
      const res = await nodeTransport(url, init);
      const path = new URL(url).pathname;
      const gotCoding = res.headers['content-encoding'] as string | undefined;
      seen.push({ path, sentCoding: init.headers['content-encoding'], sentBytes: Buffer.byteLength(init.body ?? ''), gotCoding, gotBytes: res.body.length });
      return edit ? { ...res, body: edit(path, res.body, gotCoding) } : res;
    },
  };
}

describe('compressed sync wire', () => {
  let hq: TestHq;
  let a: TestDevice;
  let b: TestDevice;
  beforeAll(async () => {
    hq = await startTestHq();
    a = await enrolledDevice(hq, { user: '张三', role: 'hq_admin', scope: '/' });
    b = await enrolledDevice(hq, { user: '李四', role: 'hq_admin', scope: '/' });
    const tree = await buildTree(a.context());
    for (let i = 0; i < 30; i++) await buildOutlet(a.context(), tree.county.id);
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await hq?.close();
  });

  /** A push of `a`'s waiting writes, signed by `a` over exactly `body` (with `signedCoding`), sent with `sentCoding`. */
  async function rawPush(body: Buffer, signedCoding: string, sentCoding = signedCoding) {
    const deviceId = a.dev.session.deviceId;
    const secret = getMetaRaw(a.store.raw, 'sync_secret')!;
    const nonce = randomBytes(16).toString('base64url');
    const time = String(Date.now());
    const sig = signRequest(secret, { method: 'POST', path: '/v1/push', body, encoding: signedCoding, deviceId, nonce, time });
    const res = await fetch(`${hq.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': sentCoding, authorization: `${SIGNED_SCHEME} ${sig}`, [HEADERS.device]: deviceId, [HEADERS.nonce]: nonce, [HEADERS.time]: time },
      body,
    });
    return { status: res.status, json: (await res.json()) as { error: string; zh: string; en: string } };
  }
  const hqState = async () => ({
    rows: Number((await hq.store.db.selectFrom('hq_rows').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    lastSeq: Number((await hq.store.db.selectFrom('hq_devices').select('last_seq').where('device_id', '=', a.dev.session.deviceId).executeTakeFirstOrThrow()).last_seq),
  });

  it('refuses a cut-off, an over-inflating or a re-labelled compressed push, in both languages, writing nothing', async () => {
    const plain = Buffer.from(JSON.stringify({ writes: nextBatch(a.store.raw, 1000).writes }), 'utf8');
    expect(plain.length).toBeGreaterThan(4000);
    const before = await hqState();

    const br = brotliCompressSync(plain);
    const cut = await rawPush(br.subarray(0, Math.floor(br.length / 2)), 'br');
    expect(cut.status).toBe(400);
    expect(cut.json.error).toBe('bad_encoding');
    expect(cut.json.zh).toMatch(/损坏或不完整.*未保存任何内容/);
    expect(cut.json.en).toMatch(/corrupt or cut off/);

    // A few kilobytes that would inflate to more than the body limit.
    const bomb = gzipSync(Buffer.from(`{"writes":[${' '.repeat(LIMITS.bodyBytes + 1024)}]}`));
    expect(bomb.length).toBeLessThan(LIMITS.bodyBytes / 100);
    const big = await rawPush(bomb, 'gzip');
    expect(big.status).toBe(413);
    expect(big.json.error).toBe('too_large');
    expect(big.json.zh).toMatch(/解压后超过 4 MB/);

    // The coding is signed with the body: the same bytes under another label are not the device's request.
    const swapped = await rawPush(gzipSync(plain), 'gzip', 'br');
    expect(swapped.status).toBe(401);
    expect(swapped.json.error).toBe('bad_signature');

    const unknown = await rawPush(plain, 'deflate');
    expect(unknown.status).toBe(415);
    expect(unknown.json.zh).toMatch(/不支持此压缩格式/);

    expect(await hqState()).toEqual(before);
  });

  it('negotiates compression both ways and still serves a caller that takes none', async () => {
    const rec = recording();
    await a.sync({ transport: rec.transport });
    const push = rec.seen.find((s) => s.path === '/v1/push')!;
    // The hello taught the device that HQ takes compressed bodies: the push went compressed.
    expect(push.sentCoding).toMatch(/^(br|gzip)$/);
    expect(rec.seen.find((s) => s.path === '/v1/hello')!.sentCoding).toBeUndefined();
    await b.sync({ transport: rec.transport });
    // A first sync's rows come in the snapshot's parts (db/sync/snapshot.ts), later ones by pull: compressed either way.
    const pulls = rec.seen.filter((s) => (s.path === '/v1/pull' || s.path === '/v1/snapshot/part') && s.gotBytes > 0);
    expect(pulls.some((s) => s.gotCoding === 'br')).toBe(true);
    const tables = ['org_units', 'outlets'];
    expect(snapshot(b.store.raw, tables)).toEqual(snapshot(a.store.raw, tables));

    // A client that asks for no coding gets plain JSON.
    const res = await fetch(`${hq.url}/v1/ping`, { headers: { 'accept-encoding': 'identity' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('accept-encoding')).toMatch(/br/);
    // And a device whose requests go plain (a fetch stand-in, as an older build sends) syncs all the same.
    await buildOutlet(b.context(), (b.store.raw.prepare(`SELECT id FROM org_units WHERE level = 'county'`).get() as { id: string }).id, { name: '明文网点' });
    await b.sync({ fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, 'accept-encoding': 'identity' } }) });
    await a.sync();
    expect(a.store.raw.prepare(`SELECT count(*) n FROM outlets WHERE name = '明文网点'`).get()).toEqual({ n: 1 });
  });

  it('a compressed answer cut off on the way is refused on the device and changes nothing there', async () => {
    const c = await enrolledDevice(hq, { user: '王五', role: 'hq_admin', scope: '/' });
    try {
      const broken = recording((path, body, coding) => ((path === '/v1/pull' || path === '/v1/snapshot/part') && coding ? body.subarray(0, Math.floor(body.length / 2)) : body));
      const e = await c.sync({ transport: broken.transport }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(SyncFailure);
      expect((e as SyncFailure).code).toBe('bad_encoding');
      expect((e as SyncFailure).zh).toMatch(/无法解压.*未写入任何内容/);
      expect(getMetaRaw(c.store.raw, CURSOR_KEY) ?? '0').toBe('0');
      expect(c.store.raw.prepare('SELECT count(*) n FROM outlets').get()).toEqual({ n: 0 });
      await c.sync();
      expect(snapshot(c.store.raw, ['outlets'])).toEqual(snapshot(a.store.raw, ['outlets']));
    } finally {
      await c.cleanup();
    }
  });
});
