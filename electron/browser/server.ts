// Browser mode: the same contract over HTTP on 127.0.0.1, for shared county PCs and for e2e tests.
// A random per-start token (injected into the served page) and a Host check keep other pages out.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Backend } from '../../db/backend.js';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.json': 'application/json',
  '.woff2': 'font/woff2', '.map': 'application/json',
};

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export const MAX_BODY = 20 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, zh: string, en: string) {
  send(res, status, { ok: false, error: { code: 'forbidden', message: zh, messageEn: en, issues: [] } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new Error('too_large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserServer(backend: Backend, opts: { port?: number; staticDir: string }): Promise<BrowserServer> {
  const token = randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  const staticRoot = resolve(opts.staticDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer(async (req, res) => {
    try {
      // DNS-rebinding guard: only our own loopback names may address us.
      if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 403, '拒绝访问：主机名不符', 'Forbidden host');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, '只接受POST请求', 'POST only');
        const origin = req.headers.origin;
        if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return refuse(res, 403, '拒绝跨站请求', 'Cross-origin request refused');
        const given = Buffer.from(String(req.headers['x-rc-token'] ?? ''));
        if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) return refuse(res, 401, '会话令牌无效，请刷新页面', 'Bad session token');
        let input: unknown = {};
        try {
          const text = await readBody(req);
          input = text ? JSON.parse(text) : {};
        } catch (e) {
          const large = (e as Error).message === 'too_large';
          return send(res, large ? 413 : 400, {
            ok: false,
            error: { code: 'validation', message: large ? '提交的数据过大' : '请求格式错误', messageEn: large ? 'Request too large' : 'Malformed JSON', issues: [] },
          });
        }
        const result = await backend.call(decodeURIComponent(url.pathname.slice(5)), input);
        return send(res, 200, result);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求', 'Method not allowed');
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      let file = normalize(join(staticRoot, rel));
      if (!file.startsWith(staticRoot)) return refuse(res, 403, '拒绝访问', 'Forbidden');
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        file = join(staticRoot, 'index.html'); // client-side routes fall back to the app
        body = await readFile(file);
      }
      if (file.endsWith('index.html')) {
        const html = body.toString('utf8').replace('</head>', `<meta name="rc-api-token" content="${token}"></head>`);
        res.writeHead(200, { 'content-type': MIME['.html']!, 'content-security-policy': CSP, 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
        return res.end(html);
      }
      return send(res, 200, body, MIME[extname(file)] ?? 'application/octet-stream');
    } catch (e) {
      console.error('[browser-mode]', e);
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
    token,
    server,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
