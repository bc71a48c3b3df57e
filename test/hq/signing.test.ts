// Request signing: after enrolment the device's secret never travels; each request carries a
// signature over its method, path, body, device, nonce and time. A captured request gives nothing
// away: replayed it is refused, altered it is refused, and the secret cannot be read from it. A
// device enrolled before signing registers its key once with its old credential — and a device that
// has signed before never falls back, whatever an answer claims. A plain http:// HQ off this machine
// is warned about on the 同步 screen's status, or refused when reference data says so.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SyncFailure, type FetchLike } from '../../db/sync/client.js';
import { syncStatus } from '../../db/sync/records.js';
import { getMetaRaw, setMetaRaw } from '../../db/sync/state.js';
import { sha256 } from '../../hq/auth.js';
import { forgetSignKeys } from '../../hq/knownKeys.js';
import { signingPublicKey } from '../../shared/node/requestSign.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

let hq: TestHq;
beforeAll(async () => {
  hq = await startTestHq();
});
afterAll(async () => {
  await hq?.close();
});

interface Seen {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** HQ's real transport, recording every request as someone on the network would see it. */
function wiretap(): { fetch: FetchLike; seen: Seen[] } {
  const seen: Seen[] = [];
  return {
    seen,
    fetch: async (url, init) => {
      seen.push({ url, headers: { ...init.headers }, body: init.body ?? '' });
      const r = await fetch(url, init);
      return { status: r.status, text: () => r.text() };
    },
  };
}

const resend = async (s: Seen, over: Partial<Seen> = {}) => {
  const r = await fetch(over.url ?? s.url, { method: 'POST', headers: over.headers ?? s.headers, body: over.body ?? s.body });
  return { status: r.status, json: (await r.json()) as { error?: string; zh?: string } };
};

async function refusal(p: Promise<unknown>): Promise<SyncFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncFailure) return e;
    throw e;
  }
  throw new Error('accepted what should have been refused');
}

const keyAtHq = async (d: TestDevice) =>
  (await sql<{ public_key: string }>`SELECT public_key FROM hq_sign_keys WHERE device_id = ${d.session.deviceId}`.execute(hq.store.db)).rows[0]?.public_key;

it('a captured request gives nothing away: no secret in it, refused replayed, refused altered', async () => {
  const d = await enrolledDevice(hq, { user: '签名测试', role: 'county_organiser', scope: '/hq/s/' });
  try {
    const secret = getMetaRaw(d.store.raw, 'sync_secret')!;
    expect(await keyAtHq(d)).toBe(signingPublicKey(secret)); // registered at enrolment
    d.store.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES ('o-sign-1', 'S1', '网点', 'rural', 'c', '/hq/s/', 'x', 'x')`).run();
    const tap = wiretap();
    await d.sync({ fetch: tap.fetch });
    expect(tap.seen.length).toBeGreaterThanOrEqual(3);
    for (const s of tap.seen) {
      const everything = JSON.stringify(s);
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(sha256(secret));
      expect(s.headers.authorization).toMatch(/^RC-Ed25519 [A-Za-z0-9_-]{86}$/);
    }
    const push = tap.seen.find((s) => s.url.endsWith('/v1/push'))!;
    const replay = await resend(push);
    expect(replay).toMatchObject({ status: 409, json: { error: 'replayed' } });

    const pull = tap.seen.find((s) => s.url.endsWith('/v1/pull'))!;
    const fresh = (s: Seen) => ({ ...s.headers, 'x-rc-nonce': `${s.headers['x-rc-nonce']!.slice(0, 20)}zz` });
    const altered = [
      await resend(pull, { body: pull.body.replace(/"cursor":\d+/, '"cursor":12345') }), // another body
      await resend(pull, { url: pull.url.replace('/v1/pull', '/v1/hello') }), // another endpoint
      await resend(pull, { headers: fresh(pull) }), // another nonce, to get past the replay check
      await resend(pull, { headers: { ...pull.headers, 'x-rc-time': String(Number(pull.headers['x-rc-time']) + 1) } }),
    ];
    for (const a of altered) expect(a.status).toBe(401);
    expect(altered.map((a) => a.json.error)).toEqual(['bad_signature', 'bad_signature', 'bad_signature', 'bad_signature']);
    expect(altered[0]!.json.zh).toContain('请求签名无效');
    // The secret itself, in clear, is no longer a credential for this device.
    const bearer = await resend(pull, { headers: { ...fresh(pull), 'x-rc-nonce': 'b'.repeat(22), authorization: `Bearer ${secret}` } });
    expect(bearer).toMatchObject({ status: 401, json: { error: 'signature_required' } });
  } finally {
    await d.cleanup();
  }
}, 60_000);

it('a device enrolled before signing registers its key once; one that has signed never falls back', async () => {
  const d = await enrolledDevice(hq, { user: '老设备', role: 'county_organiser', scope: '/hq/s/' });
  try {
    const secret = getMetaRaw(d.store.raw, 'sync_secret')!;
    await sql`DELETE FROM hq_sign_keys WHERE device_id = ${d.session.deviceId}`.execute(hq.store.db); // as HQ knew it before signing
    const tap = wiretap();
    await d.sync({ fetch: tap.fetch });
    expect(tap.seen.filter((s) => s.headers.authorization!.startsWith('Bearer ')).length).toBe(1); // once, to register
    expect(await keyAtHq(d)).toBe(signingPublicKey(secret));
    expect(tap.seen.at(-1)!.headers.authorization).toMatch(/^RC-Ed25519 /);

    // Someone on the way answers "no key known" to a device that has signed before: it sends no secret.
    await sql`DELETE FROM hq_sign_keys WHERE device_id = ${d.session.deviceId}`.execute(hq.store.db);
    forgetSignKeys(hq.store); // the HQ process must not answer from the key it read before
    const again = wiretap();
    const e = await refusal(d.sync({ fetch: again.fetch }));
    expect(e.code).toBe('sign_key_unknown');
    expect(again.seen.every((s) => s.headers.authorization!.startsWith('RC-Ed25519 '))).toBe(true);
  } finally {
    await d.cleanup();
  }
}, 60_000);

it('warns about a plain http:// HQ on another machine, and refuses it when sync.requireTls is set', async () => {
  const d = await enrolledDevice(hq, { user: '网络检查', role: 'county_organiser', scope: '/hq/s/' });
  try {
    const status = () => syncStatus(d.store.raw, d.session, undefined).hqUrlWarning;
    expect(status()).toBeNull(); // the test HQ is on this machine
    setMetaRaw(d.store.raw, 'sync_hq_url', 'https://hq.example.cn');
    expect(status()).toBeNull();
    setMetaRaw(d.store.raw, 'sync_hq_url', 'http://10.20.30.40:8080');
    expect(status()).toMatchObject({ refused: false, message: expect.stringContaining('未加密的 http://'), messageEn: expect.stringContaining('unencrypted http://') });

    d.store.raw.prepare(`INSERT INTO settings (id, key, value_json, scope_path, created_at, updated_at) VALUES ('s-tls', 'sync.requireTls', 'true', '/', 'x', 'x')`).run();
    expect(status()).toMatchObject({ refused: true, message: expect.stringContaining('按系统设置不与其同步') });
    const tap = wiretap();
    const e = await refusal(d.sync({ fetch: tap.fetch }));
    expect(e).toMatchObject({ code: 'tls_required', zh: expect.stringContaining('10.20.30.40:8080') });
    expect(tap.seen).toEqual([]); // nothing was sent
  } finally {
    await d.cleanup();
  }
}, 60_000);
