// The HQ console's endpoints (/console/api/…) and page (/console/). Every endpoint but sign-in needs
// a session; every POST also needs HQ's own origin and the session's CSRF token (guard.ts). A county
// organiser's calls are narrowed to their county; asking for another county is refused, never widened.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  codeInput, deviceInput, healthQuery, refClearInput, refSetInput, rescopeInput, signInInput, unlockInput, userInput, type ConsoleSession,
} from '../../shared/console/types.js';
import { isUnder } from '../../shared/core/scope.js';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { createUser, signIn, signOut, sessionOf, unlockUser } from './accounts.js';
import { audit, readAudit } from './audit.js';
import { issueCode, listDevices, rescope, revoke } from './devices.js';
import { assertSameOrigin, cookieOf, insecure, isLoopback, setCookie, signedForWrite, signedIn, type Signed } from './guard.js';
import { health } from './health.js';
import { countyDetail, overview } from './overview.js';
import { clearRef, refView, setRef } from './refdata.js';
import { registerConsoleStatic } from './static.js';
import { loadUnits } from './facts.js';
import { registerConsoleQuiz } from './quiz.js';

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = first ? `${first.path.join('.') || '(body)'}` : '';
  throw new HqError(400, 'malformed', `输入有误（${where}）`, `Invalid input (${where})`);
}

/** The scope asked for, which must lie within the user's; none asked: the user's own. */
function scopeFor(s: Signed, asked: unknown): string {
  if (asked === undefined || asked === '') return s.scopePath;
  if (typeof asked !== 'string' || !isUnder(asked, s.scopePath)) throw new HqError(403, 'outside_scope', '超出您的管理范围', 'Outside your scope');
  return asked;
}

const query = (req: FastifyRequest) => req.query as Record<string, string | undefined>;

export function registerConsole(app: FastifyInstance, { store }: { store: HqStore }): void {
  const { db } = store;
  registerConsoleStatic(app);
  registerConsoleQuiz(app, store);
  app.addHook('onListen', async () => {
    const a = app.server.address();
    if (a && typeof a === 'object' && !isLoopback(a.address))
      console.warn(`[hq] 控制台以明文 HTTP 在 ${a.address}:${a.port} 提供：请置于 TLS 反向代理之后 / the console is served over plain HTTP on a non-loopback address: put HQ behind TLS`);
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/console/api/')) reply.header('cache-control', 'no-store');
  });
  let warned = false;
  const sessionAnswer = (req: FastifyRequest, s: Omit<Signed, 'idHash'>): ConsoleSession => {
    const plain = insecure(req);
    if (plain && !warned) {
      warned = true;
      console.warn(`[hq] 控制台经明文 HTTP 访问（${req.hostname}）/ console used over plain HTTP at ${req.hostname}`);
    }
    return { userName: s.userName, displayName: s.displayName, role: s.role, scopePath: s.scopePath, csrf: s.csrf, insecure: plain };
  };

  app.post('/console/api/signin', async (req, reply) => {
    assertSameOrigin(req);
    // A custom header: a form on another site cannot send one, and a cross-site fetch with it needs a preflight HQ never grants.
    if (req.headers['x-rc-console'] !== '1') throw new HqError(403, 'csrf', '请求来源无效，已拒绝', 'Invalid request origin: refused');
    const body = parse(signInInput, req.body);
    // Whatever session the browser held before is ended, never promoted (no fixation).
    const old = await sessionOf(db, cookieOf(req));
    if (old) await signOut(db, old.idHash);
    const { sid, csrf, user } = await signIn(db, body.userName, body.password, req.ip);
    setCookie(req, reply, sid);
    return sessionAnswer(req, { ...user, csrf });
  });
  app.post('/console/api/signout', async (req, reply) => {
    const s = await signedForWrite(store, req);
    await signOut(db, s.idHash);
    await audit(db, { userName: s.userName, action: 'session.signout', scopePath: s.scopePath, target: s.userName, ip: req.ip });
    setCookie(req, reply, null);
    return { ok: true };
  });
  app.get('/console/api/session', async (req) => sessionAnswer(req, await signedIn(store, req)));

  app.get('/console/api/units', async (req) => {
    const s = await signedIn(store, req);
    const units = await loadUnits(db, store.dialect);
    return units.filter((u) => (u.level === 'city' || u.level === 'county') && isUnder(u.path, s.scopePath)).sort((a, b) => a.path.localeCompare(b.path));
  });

  app.get('/console/api/devices', async (req) => {
    const s = await signedIn(store, req);
    return listDevices(db, scopeFor(s, query(req).scope));
  });
  app.post('/console/api/devices/code', async (req) => {
    const s = await signedForWrite(store, req);
    return issueCode(store, s, parse(codeInput, req.body), req.ip);
  });
  app.post('/console/api/devices/revoke', async (req) => {
    const s = await signedForWrite(store, req);
    await revoke(store, s, parse(deviceInput, req.body).deviceId, req.ip);
    return { ok: true };
  });
  app.post('/console/api/devices/rescope', async (req) => {
    const s = await signedForWrite(store, req);
    return rescope(store, s, parse(rescopeInput, req.body), req.ip);
  });

  app.get('/console/api/refdata', async (req) => {
    const s = await signedIn(store, req);
    const asked = query(req).scope;
    // Everyone reads the province's defaults: they are what flows down to every county.
    return refView(db, s, asked === '/' ? '/' : scopeFor(s, asked));
  });
  app.post('/console/api/refdata/set', async (req) => {
    const s = await signedForWrite(store, req);
    const b = parse(refSetInput, req.body);
    await setRef(store, s, b.key, b.scopePath, b.value, req.ip);
    return refView(db, s, b.scopePath);
  });
  app.post('/console/api/refdata/clear', async (req) => {
    const s = await signedForWrite(store, req);
    const b = parse(refClearInput, req.body);
    await clearRef(store, s, b.key, b.scopePath, req.ip);
    return refView(db, s, b.scopePath);
  });

  app.get('/console/api/overview', async (req) => {
    const s = await signedIn(store, req);
    return overview(store, scopeFor(s, query(req).scope));
  });
  app.get('/console/api/overview/county', async (req) => {
    const s = await signedIn(store, req);
    return countyDetail(store, s.scopePath, String(query(req).id ?? ''));
  });
  app.get('/console/api/health', async (req) => {
    const s = await signedIn(store, req);
    const q = parse(healthQuery, req.query);
    return health(db, scopeFor(s, q.scopePath), { kind: q.kind, tbl: q.tbl, limit: q.limit });
  });
  app.get('/console/api/audit', async (req) => {
    const s = await signedIn(store, req);
    return readAudit(db, scopeFor(s, query(req).scope), { action: query(req).action, limit: 200 });
  });

  app.get('/console/api/users', async (req) => {
    const s = await signedIn(store, req);
    const rows = await db.selectFrom('hq_console_users').select(['user_name', 'display_name', 'role', 'scope_path', 'created_at', 'disabled_at', 'locked_until']).execute();
    return rows.filter((u) => isUnder(u.scope_path, s.scopePath)).map((u) => ({ userName: u.user_name, displayName: u.display_name, role: u.role, scopePath: u.scope_path, createdAt: u.created_at, disabled: !!u.disabled_at, locked: u.locked_until !== null && Number(u.locked_until) > Date.now() }));
  });
  app.post('/console/api/users', async (req) => {
    const s = await signedForWrite(store, req);
    if (s.role !== 'hq_admin') throw new HqError(403, 'forbidden', '只有省公司管理员可以创建控制台账号', 'Only HQ administrators create console accounts');
    const b = parse(userInput, req.body);
    await createUser(db, b, s.userName);
    return { ok: true };
  });
  app.post('/console/api/users/unlock', async (req) => {
    const s = await signedForWrite(store, req);
    await unlockUser(db, s, parse(unlockInput, req.body).userName, req.ip);
    return { ok: true };
  });
}
