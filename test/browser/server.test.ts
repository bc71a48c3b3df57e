// Browser mode over real HTTP: the page carries no secret; the API answers only a session cookie set
// by signing in with the profile's passphrase, on our loopback name, from our own origin.
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileGate, type Gate } from '../../electron/browser/gate.js';
import { startBrowserServer, type BrowserServer } from '../../electron/browser/server.js';

let gate: Gate;
let srv: BrowserServer;
let dir: string;
const PASS = '县公司共用电脑口令';

type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };
function http(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path: opts.path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${srv.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', fail);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const signIn = (passphrase: string) =>
  http({ path: '/auth/signin', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase }) });
const cookieFrom = (a: Answer) => String(a.headers['set-cookie'] ?? '').split(';')[0]!;
let session = '';
const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  http({ path: `/api/${name}`, method: 'POST', headers: { 'content-type': 'application/json', cookie: session, ...headers }, body: JSON.stringify(body) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-bm-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<html><head></head><body>app</body></html>');
  // A sibling folder whose name starts with the build folder's: must never be served.
  mkdirSync(join(dir, 'static-secrets'));
  writeFileSync(join(dir, 'static-secrets', 'roster.csv'), '110101199003071234,13800001111');
  gate = profileGate(join(dir, 'profile'), { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
  srv = await startBrowserServer(gate, { staticDir });
});
afterAll(async () => {
  await srv.close();
  await gate.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser mode', () => {
  it('binds loopback only and serves a page with a CSP and no secret in it', async () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await http({ path: '/' });
    expect(page.body).toBe('<html><head></head><body>app</body></html>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('answers the API only after sign-in: 401 without a session, the first sign-in sets the passphrase', async () => {
    const before = await api('session.info', {});
    expect(before.status).toBe(401);
    expect(JSON.parse(before.body).error).toMatchObject({ message: '请先登录', messageEn: 'Sign in first' });
    expect(JSON.parse((await http({ path: '/auth/status' })).body).data).toMatchObject({ hasKey: false, signedIn: false, users: [] });
    const short = await signIn('短');
    expect(short.status).toBe(400);
    expect(JSON.parse(short.body).error.message).toContain('口令至少需要');
    const first = await signIn(PASS);
    expect(first.status).toBe(200);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    session = cookieFrom(first);
    const r = await api('session.info', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, data: { role: 'county_organiser' } });
    expect(JSON.parse((await http({ path: '/auth/status', headers: { cookie: session } })).body).data).toMatchObject({ hasKey: true, signedIn: true, user: { id: 'owner', role: 'owner' } });
  });

  it('refuses a wrong passphrase with a Chinese and English message, and a forged session', async () => {
    const wrong = await signIn('这不是正确的口令');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error).toMatchObject({ message: expect.stringContaining('口令不正确'), messageEn: expect.stringContaining('Wrong passphrase') });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await api('session.info', {}, { cookie: `rc_session_${srv.port}=${'0'.repeat(64)}` })).status).toBe(401);
    const right = await signIn(PASS); // a right one resets the count
    expect(right.status).toBe(200);
  });

  it('ends a session on sign-out', async () => {
    const other = cookieFrom(await signIn(PASS));
    expect((await api('session.info', {}, { cookie: other })).status).toBe(200);
    await http({ path: '/auth/signout', method: 'POST', headers: { cookie: other } });
    expect((await api('session.info', {}, { cookie: other })).status).toBe(401);
    expect((await api('session.info', {})).status).toBe(200); // the other session is untouched
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, for sign-in too', async () => {
    expect((await api('session.info', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await http({ path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await api('session.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const forged = await http({ path: '/auth/signin', method: 'POST', headers: { origin: 'http://evil.example' }, body: JSON.stringify({ passphrase: PASS }) });
    expect(forged.status).toBe(403);
  });

  it('answers malformed JSON with a Chinese 400 and writes nothing', async () => {
    const r = await http({ path: '/api/outlets.save', method: 'POST', headers: { cookie: session }, body: '{"code":' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.message).toBe('请求格式错误');
  });

  it('does not serve files outside the build folder, nor a sibling folder named like it', async () => {
    expect((await http({ path: '/../../etc/passwd' })).body).not.toContain('root:');
    for (const path of ['/..%2fstatic-secrets/roster.csv', '/..%2F..%2Fetc%2Fpasswd']) {
      const r = await http({ path });
      expect(r.status, path).toBe(403);
      expect(r.body).not.toMatch(/13800001111|root:/);
    }
    // The URL parser resolves a plain `..` before we see it: what is left is a path inside, not served.
    expect((await http({ path: '/%2e%2e/static-secrets/roster.csv' })).body).not.toContain('13800001111');
  });

  it('answers a malformed %-escape with a 400 and no stack trace', async () => {
    for (const path of ['/%zz', '/api/%zz', '/assets/%E0%A4%A']) {
      const r = await http({ path, method: path.startsWith('/api') ? 'POST' : 'GET', headers: { cookie: session } });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body).error).toMatchObject({ message: '请求地址格式错误', messageEn: 'Malformed address' });
      expect(r.body).not.toMatch(/at |URIError|\.ts/);
    }
  });
});
