// The background loop starts syncing by itself once HQ becomes reachable: no button pressed. While
// HQ is down the device says so (offline, the reason in Chinese), keeps its writes and probes with
// backoff; when HQ comes back on the same address the waiting writes reach it and another device.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolCode } from '../../hq/auth.js';
import { startHq } from '../../hq/server.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { startSyncLoop } from '../../db/sync/engine.js';
import { buildOutlet, buildTree } from '../support/builders.js';
import { enrolledDevice, type TestDevice } from './support.js';

async function until(what: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the sync loop starts by itself when HQ becomes reachable', () => {
  let dir: string;
  let store: HqStore;
  let srv: Awaited<ReturnType<typeof startHq>>;
  let port: number;
  let a: TestDevice;
  let b: TestDevice;
  const hq = () => ({ url: srv.url, code: (userName: string, role: 'hq_admin', scopePath: string) => createEnrolCode(store, { userName, role, scopePath }) });
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rc-hq-auto-'));
    store = await openHqStore(join(dir, 'hq.sqlite'));
    srv = await startHq({ store });
    port = Number(new URL(srv.url).port);
    a = await enrolledDevice(hq(), { user: '张三', role: 'hq_admin', scope: '/' });
    b = await enrolledDevice(hq(), { user: '李四', role: 'hq_admin', scope: '/' });
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await srv?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('probes while HQ is down, then pushes the waiting writes on its own', async () => {
    await srv.close(); // HQ goes away
    const tree = await buildTree(a.context());
    const outlet = await buildOutlet(a.context(), tree.county.id, { name: '自动同步网点' });
    const loop = startSyncLoop(a.dev, { tickMs: 50, minBackoffMs: 150, maxBackoffMs: 400, intervalMs: 60_000, eagerMs: 100 });
    try {
      await until(() => loop.lastError !== null, 10_000);
      expect(loop.connection).toBe('offline');
      expect(loop.lastError!.message).toMatch(/无法连接总部/);
      const waiting = (a.store.raw.prepare(`SELECT count(*) n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n;
      expect(waiting).toBeGreaterThan(0);

      srv = await startHq({ store, port }); // back on the same address
      await until(() => loop.connection === 'online', 20_000);
      expect(loop.lastError).toBeNull();
      expect(a.store.raw.prepare(`SELECT count(*) n FROM sync_outbox WHERE tbl <> ''`).get()).toEqual({ n: 0 });
      const atHq = await store.db.selectFrom('hq_rows').select('row_id').where('tbl', '=', 'outlets').where('row_id', '=', outlet.id).executeTakeFirst();
      expect(atHq?.row_id).toBe(outlet.id);
      await b.sync();
      expect(b.store.raw.prepare('SELECT name FROM outlets WHERE id = ?').get(outlet.id)).toEqual({ name: '自动同步网点' });
    } finally {
      await loop.stop();
    }
  });
});
