// The console's page and its built assets (dist/renderer: console/index.html and assets/, made by
// `npm run build:renderer`; RC_CONSOLE_DIST names another copy). The page itself carries no data:
// everything it shows comes from /console/api/, which answers only a signed-in session.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.json': 'application/json', '.ico': 'image/x-icon',
};

const distDir = () => resolve(process.env.RC_CONSOLE_DIST ?? fileURLToPath(new URL('../../dist/renderer/', import.meta.url)));

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin');
}

export function registerConsoleStatic(app: FastifyInstance): void {
  app.get('/console', async (_req, reply) => reply.redirect('/console/'));
  app.get('/console/', async (_req, reply) => {
    const file = join(distDir(), 'console', 'index.html');
    if (!existsSync(file))
      return reply.status(503).type('text/plain; charset=utf-8').send('控制台页面尚未构建：请运行 npm run build:renderer\nThe console is not built: run npm run build:renderer');
    // Built with relative paths (Electron loads the app from file://): the page's ../assets/ is served here as /console/assets/.
    const html = readFileSync(file, 'utf8').replaceAll('"../assets/', '"./assets/');
    return secure(reply).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  });
  app.get('/console/assets/:file', async (req, reply) => {
    const name = (req.params as { file: string }).file;
    const root = join(distDir(), 'assets');
    const file = resolve(root, name);
    if (!/^[\w.-]+$/.test(name) || !file.startsWith(root) || !existsSync(file)) return reply.status(404).send({ error: 'not_found', zh: '无此文件', en: 'No such file' });
    return secure(reply).header('cache-control', 'public, max-age=31536000, immutable').type(TYPES[extname(name)] ?? 'application/octet-stream').send(readFileSync(file));
  });
}
