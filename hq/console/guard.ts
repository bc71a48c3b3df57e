// Who is calling the console, and whether a state-changing call really comes from the console's own
// page: the session cookie (httpOnly, SameSite=Strict, only its hash at HQ), then for every POST an
// Origin that is HQ's own (when the browser sends one) and the session's CSRF token in x-rc-csrf,
// which a page of another site can neither read nor set.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { sessionOf, type ConsoleUser } from './accounts.js';

export const COOKIE = 'rc_hq_console';
export const CSRF_HEADER = 'x-rc-csrf';

export type Signed = ConsoleUser & { csrf: string; idHash: string };

export function cookieOf(req: FastifyRequest): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

export function setCookie(req: FastifyRequest, reply: FastifyReply, sid: string | null): void {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  const value = sid ? `${COOKIE}=${sid}; Path=/console; HttpOnly; SameSite=Strict${secure}` : `${COOKIE}=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0${secure}`;
  reply.header('set-cookie', value);
}

/** The request's Origin (or, failing that, Referer) names HQ's own address; absent counts as same-origin (not a browser). */
export function assertSameOrigin(req: FastifyRequest): void {
  const from = req.headers.origin ?? req.headers.referer;
  const site = req.headers['sec-fetch-site'];
  let ok = true;
  if (from) {
    try {
      ok = new URL(from).host === req.headers.host;
    } catch {
      ok = false;
    }
  }
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') ok = false;
  if (!ok) throw new HqError(403, 'cross_site', '拒绝来自其他网站的请求', 'Request from another site refused');
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function signedIn(store: HqStore, req: FastifyRequest): Promise<Signed> {
  const s = await sessionOf(store.db, cookieOf(req));
  if (!s) throw new HqError(401, 'no_session', '请先登录控制台（或登录已过期）', 'Please sign in to the console (or your session has expired)');
  return s;
}

/** For every state-changing call: a session, HQ's own origin and the session's CSRF token. */
export async function signedForWrite(store: HqStore, req: FastifyRequest): Promise<Signed> {
  const s = await signedIn(store, req);
  assertSameOrigin(req);
  const token = req.headers[CSRF_HEADER];
  if (typeof token !== 'string' || !sameToken(token, s.csrf))
    throw new HqError(403, 'csrf', '请求缺少有效的防伪令牌，已拒绝（请刷新页面）', 'Missing or wrong CSRF token: refused (reload the page)');
  return s;
}

export const isLoopback = (host: string): boolean => /^(127\.|::1$|::ffff:127\.|localhost$)/.test(host.replace(/^\[|\]$/g, ''));

/** Plain HTTP to another machine: passwords and cookies travel readable. */
export function insecure(req: FastifyRequest): boolean {
  return req.protocol !== 'https' && !isLoopback(req.hostname.replace(/:\d+$/, ''));
}
