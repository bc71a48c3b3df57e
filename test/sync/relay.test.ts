// Relay by file on HQ's default SQLite store (postgres.test.ts runs the round trip on PostgreSQL):
// the round trip, idempotency, a stale answer, and every refusal — each changes nothing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startBackend } from '../../db/backend.js';
import { revokeDevice } from '../../hq/auth.js';
import { relayFile } from '../../hq/relay/file.js';
import { SyncFailure } from '../../db/sync/client.js';
import { exportBundle } from '../../db/sync/relay/export.js';
import { forwardBundle } from '../../db/sync/relay/forward.js';
import { importAnswer } from '../../db/sync/relay/import.js';
import { relayKeys, RELAY_META } from '../../db/sync/relay/keys.js';
import { nodeRelayCrypto } from '../../shared/node/relayCrypto.js';
import { clientFor } from '../../db/sync/session.js';
import { getMetaRaw, setMetaRaw } from '../../db/sync/state.js';
import { relayAnswer, RELAY_LIMITS } from '../../shared/sync/relay.js';
import { openRelayFile, RelayFileError } from '../../shared/sync/relayBox.js';
import { buildOutlet } from '../support/builders.js';
import { deviceState, hqState, nameOn, relayAtHq, relayCast, relayRoundTrip, relayStale, relayTwice, waiting } from './relay.js';
import { spawnEntry } from './spawn.js';
import { enrolledDevice, startTestHq, type TestHq } from './support.js';

async function withHq(fn: (hq: TestHq) => Promise<void>): Promise<void> {
  const hq = await startTestHq();
  try {
    await fn(hq);
  } finally {
    await hq.close();
  }
}

/** The refusal a promise ended with: a relay file error's reason, or HQ's status and code. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RelayFileError) return e.refusal;
    if (e instanceof SyncFailure) return `${e.status} ${e.code}`;
    if (e instanceof Error && 'code' in e) return `${(e as { status?: number }).status} ${(e as { code: string }).code}`;
    throw e;
  }
  throw new Error('expected a refusal, but it was accepted');
}

const flip = (b: Uint8Array, at: number) => {
  const c = Uint8Array.from(b);
  c[at] = c[at]! ^ 0x01;
  return c;
};

describe('relay by file (SQLite HQ)', () => {
  it('carries an offline device\u2019s work to HQ and back, through HQ\u2019s CLI and through a colleague\u2019s device, with conflicts kept', () => withHq(relayRoundTrip), 60_000);

  it('changes nothing when a bundle reaches HQ twice or an answer is imported twice', () => withHq(relayTwice), 60_000);

  it('skips the download of a stale answer and loses nothing', () => withHq(relayStale), 60_000);

  it('refuses tampered, misdirected, foreign and oversized files, changing nothing anywhere', () =>
    withHq(async (hq) => {
      const c = await relayCast(hq);
      const { a, b } = c;
      try {
        await buildOutlet(a.context(), c.countyId, { name: '张家村乡村服务点' });
        const bundle = (await exportBundle(a.dev)).bytes;
        const atHq = await hqState(hq);
        const onA = deviceState(a);
        const onB = deviceState(b);

        // The carrier cannot read what it carries.
        expect(() => openRelayFile(nodeRelayCrypto, bundle, relayKeys(b.store.raw).privateKey, relayKeys(b.store.raw).hqPublic)).toThrow(RelayFileError);
        // Any byte changed — in the clear header (authenticated: here the time it was made), the ciphertext
        // or the tag — and HQ refuses it; a header that no longer parses is refused before it is sent.
        const timeDigit = Buffer.from(bundle).indexOf(',"s":"') - 1;
        for (const at of [timeDigit, Math.floor(bundle.length / 2), bundle.length - 1])
          expect(await refusal(forwardBundle(b.dev, flip(bundle, at)))).toBe('400 relay_tampered');
        expect(await refusal(forwardBundle(b.dev, flip(bundle, 12)))).toBe('tampered');
        expect(await refusal(forwardBundle(b.dev, bundle.subarray(0, bundle.length - 20)))).toBe('400 relay_tampered');
        // The header claims another device: the key no longer matches.
        const claimed = Buffer.from(bundle);
        claimed.write(b.session.deviceId, claimed.indexOf(a.session.deviceId), 'latin1');
        expect(await refusal(forwardBundle(c.admin.dev, claimed))).toBe('400 relay_tampered');
        // Not a relay file at all, one's own bundle, something too large.
        expect(await refusal(forwardBundle(b.dev, randomBytes(5000)))).toBe('not_relay');
        expect(await refusal(forwardBundle(a.dev, bundle))).toBe('own_bundle');
        expect(await refusal(forwardBundle(b.dev, new Uint8Array(RELAY_LIMITS.fileBytes + 1)))).toBe('too_large');
        const big = Buffer.alloc(RELAY_LIMITS.fileBytes + 8192).toString('base64');
        expect(await refusal(clientFor(b.dev).post('/v1/relay', { bundle: big }, relayAnswer))).toBe('413 too_large');
        const huge = join(c.dir, 'huge.rcsync');
        writeFileSync(huge, Buffer.concat([bundle, Buffer.alloc(RELAY_LIMITS.fileBytes)]));
        expect(await refusal(relayFile(hq.store, huge))).toBe('413 relay_too_large');
        expect(await hqState(hq)).toEqual(atHq);

        // Answers: for another device, tampered, or a bundle where an answer belongs.
        const answer = await relayAtHq(c, bundle);
        expect(await refusal(importAnswer(b.dev, answer))).toBe('other_device');
        expect(await refusal(importAnswer(a.dev, flip(answer, answer.length - 5)))).toBe('tampered');
        expect(await refusal(importAnswer(a.dev, bundle))).toBe('is_bundle');
        expect(await refusal(forwardBundle(b.dev, answer))).toBe('is_answer');
        expect(deviceState(b)).toEqual(onB);
        expect(deviceState(a)).toEqual(onA);
        expect(await importAnswer(a.dev, answer)).toMatchObject({ outcome: 'imported', uploaded: 1 });

        // A device HQ has never heard of (enrolled with another HQ).
        const other = await startTestHq();
        const stranger = await enrolledDevice(other, { user: '外省设备', role: 'county_organiser', scope: '/hq/zz/' });
        try {
          await buildOutlet(stranger.context(), c.countyId, { name: '外省网点' }).catch(() => {});
          const foreign = (await exportBundle(stranger.dev)).bytes;
          const before = await hqState(hq);
          expect(await refusal(forwardBundle(b.dev, foreign))).toBe('404 relay_unknown_device');
          expect(await hqState(hq)).toEqual(before);
        } finally {
          await stranger.cleanup();
          await other.close();
        }
      } finally {
        await c.cleanup();
      }
    }), 60_000);

  it('answers a revoked device\u2019s bundle with 403 and a wipe, accepting none of its writes', () =>
    withHq(async (hq) => {
      const c = await relayCast(hq);
      const { a, b } = c;
      try {
        await buildOutlet(a.context(), c.countyId, { name: '张家村乡村服务点' });
        const bundle = (await exportBundle(a.dev)).bytes;
        expect(await revokeDevice(hq.store, a.session.deviceId)).toBe(true);
        const atHq = await hqState(hq);
        expect(await refusal(clientFor(b.dev).post('/v1/relay', { bundle: Buffer.from(bundle).toString('base64') }, relayAnswer))).toBe('403 relay_origin_revoked');
        const fwd = await forwardBundle(b.dev, bundle); // the carrier still gets the answer to take back
        expect(fwd.summary).toBeNull();
        const cli = join(c.dir, 'revoked.rcsync');
        writeFileSync(cli, bundle);
        expect((await relayFile(hq.store, cli)).revoked).toBe(true);
        expect(await hqState(hq)).toEqual(atHq);
        expect(getMetaRaw(b.store.raw, 'sync_secret')).toBeTruthy(); // the carrier is not the one revoked

        expect((await importAnswer(a.dev, fwd.answer)).outcome).toBe('wiped');
        expect(a.store.raw.prepare('SELECT count(*) AS n FROM outlets').get()).toEqual({ n: 0 });
        expect(getMetaRaw(a.store.raw, 'sync_secret')).toBeNull();
        expect(getMetaRaw(a.store.raw, RELAY_META.own)).toBeNull();
        expect(getMetaRaw(a.store.raw, 'sync_wiped_at')).toBeTruthy();
      } finally {
        await c.cleanup();
      }
    }), 60_000);

  it('lets a device enrolled before relay by file register its key with its next online sync', () =>
    withHq(async (hq) => {
      const c = await relayCast(hq);
      const { a } = c;
      try {
        // As the device and HQ were before this feature: no keys on either side.
        for (const k of [RELAY_META.own, RELAY_META.hq]) setMetaRaw(a.store.raw, k, null);
        await sql`DELETE FROM hq_device_keys WHERE device_id = ${a.session.deviceId}`.execute(hq.store.db);
        const mine = await buildOutlet(a.context(), c.countyId, { name: '张家村乡村服务点' });
        expect(await refusal(exportBundle(a.dev))).toBe('no_hq_key');
        await a.sync();
        const later = await buildOutlet(a.context(), c.countyId, { name: '张家村第二服务点' });
        const answer = await relayAtHq(c, (await exportBundle(a.dev)).bytes);
        expect(await importAnswer(a.dev, answer)).toMatchObject({ outcome: 'imported', uploaded: 1 });
        expect(waiting(a)).toBe(0);
        await c.b.sync();
        expect([nameOn(c.b, mine.id), nameOn(c.b, later.id)]).toEqual(['张家村乡村服务点', '张家村第二服务点']);
      } finally {
        await c.cleanup();
      }
    }), 60_000);

  it('relays with `npm run hq -- relay`: the answer lands next to the bundle, and a refusal writes nothing', () =>
    withHq(async (hq) => {
      const c = await relayCast(hq);
      try {
        const mine = await buildOutlet(c.a.context(), c.countyId, { name: '张家村乡村服务点' });
        const bundle = await exportBundle(c.a.dev);
        const inPath = join(c.dir, bundle.fileName);
        writeFileSync(inPath, bundle.bytes);
        const run = async (file: string) => {
          const child = await spawnEntry('hq', ['relay', '--db', hq.target, '--in', file]);
          await new Promise((ok) => child.proc.once('exit', ok));
          return { code: child.proc.exitCode, out: child.output() };
        };
        const ok = await run(inPath);
        expect(ok.code).toBe(0);
        expect(ok.out).toContain('已处理 张指导员 的同步包：上传 1 条');
        const answers = readdirSync(c.dir).filter((f) => f.endsWith('.rcreply'));
        expect(answers).toHaveLength(1);
        expect(await importAnswer(c.a.dev, readFileSync(join(c.dir, answers[0]!)))).toMatchObject({ outcome: 'imported', uploaded: 1 });

        const bad = join(c.dir, 'bad.rcsync');
        writeFileSync(bad, flip(bundle.bytes, bundle.bytes.length - 3));
        const refused = await run(bad);
        expect(refused.code).toBe(2);
        expect(refused.out).toContain('文件已损坏或被篡改');
        expect(readdirSync(c.dir).filter((f) => f.endsWith('.rcreply'))).toHaveLength(1);
        await c.b.sync();
        expect(nameOn(c.b, mine.id)).toBe('张家村乡村服务点');
      } finally {
        await c.cleanup();
      }
    }), 90_000);

  it('explains every refusal through the API in Chinese and in English', () =>
    withHq(async (hq) => {
      const dir = mkdtempSync(join(tmpdir(), 'rc-relay-api-'));
      const app = await startBackend(dir, { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
      const refused = async (name: string, input: unknown) => {
        const r = await app.call(name, input);
        if (r.ok) throw new Error(`${name} was accepted`);
        return [r.error.message, r.error.messageEn];
      };
      const file = (bytes: Uint8Array) => ({ file: { name: 'x.rcreply', base64: Buffer.from(bytes).toString('base64') } });
      try {
        expect(await refused('sync.relayExport', {})).toEqual(['本机尚未注册到总部，不能使用同步包', 'This device is not enrolled with HQ']);
        const enrolled = await app.call('sync.enrol', { hqUrl: hq.url, code: await hq.code('张指导员', 'county_organiser', '/hq/a/') });
        expect(enrolled.ok).toBe(true);
        expect(await refused('sync.relayImport', file(randomBytes(300)))).toEqual([
          '这不是红色渠道的同步包或回执文件，未做任何更改', 'This is not a Red Channel sync bundle or answer file; nothing was changed',
        ]);
        const exported = await app.call('sync.relayExport', {});
        if (!exported.ok) throw new Error(exported.error.message);
        const bundle = Buffer.from((exported.data as { file: { base64: string } }).file.base64, 'base64');
        expect((await refused('sync.relayImport', file(bundle)))[0]).toContain('这是同步包，不是回执');
        expect((await refused('sync.relayForward', file(bundle)))[0]).toContain('这是本机自己的同步包');
        // Too large: refused by the contract before it is decoded, or by the file check just under that bound.
        expect(await refused('sync.relayImport', file(new Uint8Array(RELAY_LIMITS.fileBytes + 30)))).toEqual(['输入有误：文件过大（同步包和回执最大 12 MB）', expect.stringContaining('The file is too large (12 MB at most)')]);
        expect((await refused('sync.relayImport', file(new Uint8Array(RELAY_LIMITS.fileBytes + 1))))[0]).toBe('文件过大（同步包和回执最大 12 MB），未做任何更改');
      } finally {
        await app.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }), 60_000);

  it('carries a large backlog in bounded bundles, each saying whether more remain', () =>
    withHq(async (hq) => {
      const c = await relayCast(hq);
      const { a, b } = c;
      try {
        const ids: string[] = [];
        for (let i = 0; i < 30; i++) ids.push((await buildOutlet(a.context(), c.countyId, { name: `积压网点${i}` })).id);
        let rounds = 0;
        for (let more = true; more; rounds++) {
          const bundle = await exportBundle(a.dev, { maxWrites: 12 });
          const r = await importAnswer(a.dev, await relayAtHq(c, bundle.bytes, `b${rounds}.rcsync`));
          expect(r.more).toBe(bundle.more);
          more = bundle.more;
        }
        expect(rounds).toBe(3);
        expect(waiting(a)).toBe(0);
        await b.sync();
        expect(ids.map((id) => nameOn(b, id))).toEqual(ids.map((_, i) => `积压网点${i}`));
      } finally {
        await c.cleanup();
      }
    }), 60_000);
});
