// A real HQ (SQLite file or PostgreSQL) for console tests, with console accounts, a cookie-keeping
// HTTP client that behaves as a browser on the console's page does, and rows written as HQ writes them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '../../hq/console/accounts.js';
import { applyPush, HQ_NODE } from '../../hq/push.js';
import { startHq } from '../../hq/server.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { Hlc } from '../../shared/sync/hlc.js';
import type { WireWrite } from '../../shared/sync/protocol.js';

export const ADMIN_PW = 'Shaanxi-HQ-root-2026!';
export const COUNTY_PW = 'Huaqing-Pool-2026!';

export interface ConsoleHq { url: string; store: HqStore; close(): Promise<void> }

export async function startConsoleHq(target?: string): Promise<ConsoleHq> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-console-'));
  const store = await openHqStore(target ?? join(dir, 'hq.sqlite'));
  const srv = await startHq({ store });
  await createUser(store.db, { userName: 'admin', displayName: '省公司管理员', role: 'hq_admin', scopePath: '/', password: ADMIN_PW }, null);
  await createUser(store.db, { userName: 'lintong', displayName: '临潼组织员', role: 'county_organiser', scopePath: '/hq/xa/xa-lintong/', password: COUNTY_PW }, null);
  return {
    url: srv.url,
    store,
    close: async () => {
      await srv.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One browser: keeps the console's cookie, sends HQ's own Origin, and the CSRF token once signed in. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly url: string) {}

  async call(method: 'GET' | 'POST', path: string, body?: unknown, extra: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown>; setCookie: string | null }> {
    const headers: Record<string, string> = { origin: this.url, ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      if (this.csrf && !('x-rc-csrf' in extra)) headers['x-rc-csrf'] = this.csrf;
    }
    const r = await fetch(`${this.url}${path}`, { method, headers, body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined, redirect: 'manual' });
    const setCookie = r.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!.endsWith('=') ? '' : setCookie.split(';')[0]!;
    const text = await r.text();
    return { status: r.status, json: text.startsWith('{') || text.startsWith('[') ? (JSON.parse(text) as Record<string, unknown>) : { text }, setCookie };
  }

  async signIn(userName: string, password: string) {
    const r = await this.call('POST', '/console/api/signin', { userName, password }, { 'x-rc-console': '1' });
    if (r.status === 200) this.csrf = String(r.json.csrf);
    return r;
  }
}

/** Rows written as HQ writes them (its own actor), so they are in HQ's copy as a device's would be. */
export async function putRows(store: HqStore, rows: { t: string; id?: string; scope: string; c: Record<string, string | number | null> }[]): Promise<string[]> {
  const clock = new Hlc(HQ_NODE);
  const now = new Date().toISOString();
  const writes: WireWrite[] = rows.map((r) => ({
    s: 1, t: r.t as WireWrite['t'], r: r.id ?? uuidv7(), h: clock.tick(), p: r.scope,
    c: { ...r.c, scope_path: r.scope, created_at: now, updated_at: now, deleted: 0, synthetic: 0 },
  }));
  await applyPush(store, clock, { deviceId: HQ_NODE, userName: '总部', role: 'hq_admin', scopePath: '/' }, writes, { numbered: false });
  return writes.map((w) => w.r);
}
