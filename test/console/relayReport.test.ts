// A device that reaches HQ only by relay file (USB bundle) tells HQ how it stands, as an online hello
// does: its bundle carries the changes waiting, the oldest of them and its last failed session, and
// the console's device table shows them once HQ has answered the bundle — on SQLite and PostgreSQL.
// A bundle carried in after the device's own later online hello does not replace the newer account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolCode } from '../../hq/auth.js';
import { relayBundle } from '../../hq/relay/relay.js';
import { exportBundle } from '../../db/sync/relay/export.js';
import { importAnswer } from '../../db/sync/relay/import.js';
import type { DeviceRow } from '../../shared/console/types.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase, enrolledDevice, type TestDevice } from '../sync/support.js';
import { ADMIN_PW, Client, startConsoleHq, type ConsoleHq } from './support.js';

const SCOPE = '/hq/xa/xa-lintong/';
let pg: RunningPg;
beforeAll(async () => {
  pg = await startPostgres();
}, 180_000);
afterAll(async () => pg?.stop());

/** The device's network is down: every call fails before reaching HQ. */
const offline = { fetch: async (): Promise<Response> => { throw new TypeError('fetch failed'); } };

describe.each(['SQLite', 'PostgreSQL'] as const)('relay bundle report on %s', (engine) => {
  let hq: ConsoleHq;
  let admin: Client;
  let d: TestDevice;
  beforeAll(async () => {
    hq = await startConsoleHq(engine === 'PostgreSQL' ? await createPgDatabase(pg.url) : undefined);
    admin = new Client(hq.url);
    expect((await admin.signIn('admin', ADMIN_PW)).status).toBe(200);
    d = await enrolledDevice({ url: hq.url, code: (u, role, scope) => createEnrolCode(hq.store, { userName: u, role, scopePath: scope }) }, { user: '山区组织员', role: 'county_organiser', scope: SCOPE });
    await d.sync();
  }, 120_000);
  afterAll(async () => {
    await d?.cleanup();
    await hq?.close();
  });

  const row = async (): Promise<DeviceRow> => {
    const r = await admin.call('GET', '/console/api/devices');
    expect(r.status).toBe(200);
    return (r.json.devices as DeviceRow[]).find((x) => x.deviceId === d.session.deviceId)!;
  };
  const addOutlets = (n: number) => {
    for (let i = 0; i < n; i++)
      d.store.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'rural', 'c', ?, 'x', 'x')`).run(uuidv7(), `S${i}`, `山区网点${i}`, SCOPE);
  };

  it('stores the waiting changes, the oldest and the last error the bundle reports', async () => {
    expect(await row()).toMatchObject({ waiting: 0, oldestUnsentAt: null, lastError: null });
    const t0 = Date.now();
    addOutlets(3);
    // The device tries HQ and fails: it notes why, but HQ cannot learn it online.
    await expect(d.sync(offline)).rejects.toThrow();
    expect(await row()).toMatchObject({ waiting: 0, lastError: null });

    const bundle = await exportBundle(d.dev, { maxWrites: 2 });
    expect(bundle.writes).toBe(2);
    const out = await relayBundle(hq.store, bundle.bytes, { carrier: 'test' });
    const r = await row();
    // What the device had waiting when it sealed the bundle (the bundle carried two of them).
    expect(r.waiting).toBe(3);
    expect(Date.parse(r.oldestUnsentAt!)).toBeGreaterThanOrEqual(t0 - 5_000);
    expect(Date.parse(r.oldestUnsentAt!)).toBeLessThanOrEqual(Date.now());
    expect(r.lastError?.zh).toBeTruthy();
    expect(r.lastError?.en).toBeTruthy();
    expect(r.schemaVersion).toMatch(/^2026_/);
    expect(r.reportedAt).not.toBeNull();

    // The answer taken in, the next bundle reports one change still waiting.
    await importAnswer(d.dev, out.answer);
    const next = await exportBundle(d.dev);
    await relayBundle(hq.store, next.bytes, { carrier: 'test' });
    expect((await row()).waiting).toBe(1);
  });

  it('keeps the newer online report when an older bundle is carried in afterwards', async () => {
    const old = await exportBundle(d.dev);
    await new Promise((ok) => setTimeout(ok, 20));
    // The hello tells how the device stood as its session began: the second one finds all sent.
    await d.sync();
    await d.sync();
    const online = await row();
    expect(online).toMatchObject({ waiting: 0, oldestUnsentAt: null, lastError: null });
    await relayBundle(hq.store, old.bytes, { carrier: 'test' });
    expect(await row()).toMatchObject({ waiting: 0, oldestUnsentAt: null, lastError: null, reportedAt: online.reportedAt });
  });

  it('a bundle whose report is malformed is refused whole and stores nothing', async () => {
    const before = await row();
    d.store.raw.prepare(`INSERT INTO meta (key, value) VALUES ('sync_last_error', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
      .run(JSON.stringify({ zh: 'x'.repeat(600), en: 'y', at: new Date().toISOString() }));
    const bad = await exportBundle(d.dev);
    await expect(relayBundle(hq.store, bad.bytes, { carrier: 'test' })).rejects.toMatchObject({ status: 400 });
    expect(await row()).toEqual(before);
  });
});
