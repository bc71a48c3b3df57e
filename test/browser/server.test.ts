// Browser mode over real HTTP: only our page, with its token, on our loopback name, gets through.
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../db/backend.js';
import { startBrowserServer, type BrowserServer } from '../../electron/browser/server.js';

let backend: Backend;
let srv: BrowserServer;
let dir: string;

function http(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-bm-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<html><head></head><body>app</body></html>');
  backend = await startBackend(join(dir, 'profile'));
  srv = await startBrowserServer(backend, { staticDir });
});
afterAll(async () => {
  await srv.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  http({ path: `/api/${name}`, method: 'POST', headers: { 'content-type': 'application/json', 'x-rc-token': srv.token, ...headers }, body: JSON.stringify(body) });

describe('browser mode', () => {
  it('binds loopback only and injects the per-start token into the page with a CSP', async () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await http({ path: '/' });
    expect(page.body).toContain(`<meta name="rc-api-token" content="${srv.token}">`);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('serves the contract to a caller with the token', async () => {
    const r = await api('session.info', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, data: { role: 'county_organiser' } });
  });

  it('refuses a missing token, a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await api('session.info', {}, { 'x-rc-token': 'nope' })).status).toBe(401);
    expect((await api('session.info', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await http({ path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await api('session.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('answers malformed JSON with a Chinese 400 and writes nothing', async () => {
    const r = await http({ path: '/api/outlets.save', method: 'POST', headers: { 'x-rc-token': srv.token }, body: '{"code":' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.message).toBe('请求格式错误');
  });

  it('does not serve files outside the build folder', async () => {
    const r = await http({ path: '/../../etc/passwd' });
    expect(r.body).not.toContain('root:');
  });
});
