// Browser mode: the same contract over HTTP on 127.0.0.1, for shared county PCs and for e2e tests.
// Nothing is served with a secret in it: the API answers only a session set by signing in with the
// profile's passphrase (gate.ts) as an httpOnly SameSite=Strict cookie; a Host check and an Origin
// check keep other pages and DNS-rebound names out.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { isAuthOp, runAuthOp } from '../authOps.js';
import type { Gate } from './gate.js';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.json': 'application/json',
  '.woff2': 'font/woff2', '.map': 'application/json',
};

export const SESSION_COOKIE = 'rc_session';

export interface BrowserServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export const MAX_BODY = 20 * 1024 * 1024;
/** A sign-in body is a passphrase, not a file. */
const MAX_AUTH_BODY = 4096;

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8', headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...headers });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, zh: string, en: string) {
  send(res, status, { ok: false, error: { code: 'forbidden', message: zh, messageEn: en, issues: [] } });
}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) throw new Error('too_large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req: IncomingMessage, res: ServerResponse, max: number): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    const text = await readBody(req, max);
    return { ok: true, value: text ? JSON.parse(text) : {} };
  } catch (e) {
    const large = (e as Error).message === 'too_large';
    send(res, large ? 413 : 400, {
      ok: false,
      error: { code: 'validation', message: large ? '提交的数据过大' : '请求格式错误', messageEn: large ? 'Request too large' : 'Malformed JSON', issues: [] },
    });
    return { ok: false };
  }
}

export function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** `root/rel` when it lies inside root (a sibling folder named like root is outside), else null. */
export function insideRoot(root: string, rel: string): string | null {
  const file = resolve(root, rel);
  const r = relative(root, file);
  return r === '' || r.startsWith('..') || isAbsolute(r) ? null : file;
}

export async function startBrowserServer(gate: Gate, opts: { port?: number; staticDir: string }): Promise<BrowserServer> {
  const staticRoot = resolve(opts.staticDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  // Cookies are kept per host, not per port: each server names its own, so two never overwrite each other.
  const name = () => `${SESSION_COOKIE}_${port}`;
  const cookie = (value: string, maxAge?: number) =>
    `${name()}=${value}; HttpOnly; SameSite=Strict; Path=/${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

  async function auth(req: IncomingMessage, res: ServerResponse, what: string) {
    if (!isAuthOp(what)) return refuse(res, 404, '没有这个地址', 'Not found');
    if ((what === 'status') !== (req.method === 'GET')) return refuse(res, 405, what === 'status' ? '只接受GET请求' : '只接受POST请求', what === 'status' ? 'GET only' : 'POST only');
    let body: unknown = {};
    if (req.method === 'POST') {
      const read = await readJson(req, res, MAX_AUTH_BODY);
      if (!read.ok) return;
      body = read.value;
    }
    const out = await runAuthOp(gate, cookieOf(req, name()), what, body);
    const headers: Record<string, string> = out.session === undefined ? {} : { 'set-cookie': out.session === null ? cookie('', 0) : cookie(out.session) };
    const e = out.envelope;
    return send(res, e.ok ? 200 : e.error.code === 'validation' ? 400 : 401, e, undefined, headers);
  }

  const server = createServer(async (req, res) => {
    try {
      // DNS-rebinding guard: only our own loopback names may address us.
      if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 403, '拒绝访问：主机名不符', 'Forbidden host');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return refuse(res, 400, '请求地址格式错误', 'Malformed address');
      }
      const origin = req.headers.origin;
      if (req.method === 'POST' && origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return refuse(res, 403, '拒绝跨站请求', 'Cross-origin request refused');
      if (path.startsWith('/auth/')) return await auth(req, res, path.slice(6));
      if (path.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, '只接受POST请求', 'POST only');
        const session = cookieOf(req, name());
        const backend = gate.backendFor(session);
        if (!backend) return refuse(res, 401, '请先登录', 'Sign in first');
        const body = await readJson(req, res, MAX_BODY);
        if (!body.ok) return;
        return send(res, 200, await backend.call(path.slice(5), body.value, gate.userFor(session)));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求', 'Method not allowed');
      let file = path === '/' ? null : insideRoot(staticRoot, path.replace(/^\/+/, ''));
      if (path !== '/' && !file) return refuse(res, 403, '拒绝访问', 'Forbidden');
      let body: Buffer;
      try {
        body = await readFile(file ?? join(staticRoot, 'index.html'));
      } catch {
        file = null; // client-side routes fall back to the app
        body = await readFile(join(staticRoot, 'index.html'));
      }
      if (!file || file.endsWith('index.html')) {
        res.writeHead(200, { 'content-type': MIME['.html']!, 'content-security-policy': CSP, 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
        return res.end(body);
      }
      return send(res, 200, body, MIME[extname(file)] ?? 'application/octet-stream');
    } catch (e) {
      // The cause goes to the terminal only; the answer names no file, line or stack.
      console.error('[browser-mode]', (e as Error)?.message ?? e);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: '服务器内部错误', messageEn: 'Internal error', issues: [] } });
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    server,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
