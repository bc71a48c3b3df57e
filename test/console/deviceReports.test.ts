// What a device reports of itself in its hello reaches the console's device table, over real HTTP on
// SQLite and PostgreSQL: a real device store syncing with a real HQ tells its schema version, the
// changes waiting and the oldest of them, and its last failed session's reason; an app too old to
// report shows its schema version and "not reported" (null), never a made-up zero.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putSetting } from '../../hq/admin.js';
import { createEnrolCode } from '../../hq/auth.js';
import { SyncFailure } from '../../db/sync/client.js';
import { clientFor, schemaVersion } from '../../db/sync/session.js';
import type { DeviceRow } from '../../shared/console/types.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { helloAnswer, PROTOCOL_VERSION } from '../../shared/sync/protocol.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase, enrolledDevice, type TestDevice } from '../sync/support.js';
import { ADMIN_PW, Client, startConsoleHq, type ConsoleHq } from './support.js';

const SCOPE = '/hq/xa/xa-lintong/';
let pg: RunningPg;
beforeAll(async () => {
  pg = await startPostgres();
}, 180_000);
afterAll(async () => pg?.stop());

describe.each(['SQLite', 'PostgreSQL'] as const)('device reports on %s', (engine) => {
  let hq: ConsoleHq;
  let admin: Client;
  const devices: TestDevice[] = [];
  beforeAll(async () => {
    hq = await startConsoleHq(engine === 'PostgreSQL' ? await createPgDatabase(pg.url) : undefined);
    admin = new Client(hq.url);
    expect((await admin.signIn('admin', ADMIN_PW)).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    for (const d of devices) await d.cleanup();
    await hq?.close();
  });

  const enrol = async (user: string) => {
    const d = await enrolledDevice({ url: hq.url, code: (u, role, scope) => createEnrolCode(hq.store, { userName: u, role, scopePath: scope }) }, { user, role: 'county_organiser', scope: SCOPE });
    devices.push(d);
    return d;
  };
  const row = async (d: TestDevice): Promise<DeviceRow> => {
    const r = await admin.call('GET', '/console/api/devices');
    expect(r.status).toBe(200);
    const found = (r.json.devices as DeviceRow[]).find((x) => x.deviceId === d.session.deviceId);
    expect(found).toBeDefined();
    return found!;
  };
  const addOutlets = (d: TestDevice, n: number) => {
    for (let i = 0; i < n; i++)
      d.store.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'rural', 'c', ?, 'x', 'x')`).run(uuidv7(), `R${i}`, `报告网点${i}`, SCOPE);
  };

  it('shows the schema version, nothing waiting and no error after a good sync; not reported before any', async () => {
    const d = await enrol('报告员甲');
    const before = await row(d);
    expect(before).toMatchObject({ schemaVersion: null, waiting: null, oldestUnsentAt: null, lastError: null, reportedAt: null });
    await d.sync();
    const after = await row(d);
    expect(after.schemaVersion).toBe(schemaVersion(d.store.raw));
    expect(after.schemaVersion).toMatch(/^2026_/);
    expect(after).toMatchObject({ waiting: 0, oldestUnsentAt: null, lastError: null });
    expect(after.reportedAt).not.toBeNull();
  });

  it('shows the changes a device could not send, since when, and why', async () => {
    const d = await enrol('报告员乙');
    await d.sync();
    await putSetting(hq.store, 'sync.quota', { rowsPerDay: 2 }, SCOPE);
    const t0 = Date.now();
    addOutlets(d, 4);
    const refused = await d.sync().then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncFailure);
    // The refused session could not tell HQ; the next hello does (and is refused again past the hello).
    await d.sync().catch(() => {});
    const r = await row(d);
    expect(r.waiting).toBe(4);
    expect(Date.parse(r.oldestUnsentAt!)).toBeGreaterThanOrEqual(t0 - 5_000);
    expect(Date.parse(r.oldestUnsentAt!)).toBeLessThanOrEqual(Date.now());
    expect(r.lastError?.zh).toContain('今日向总部上传的数据已达上限');
    expect(r.lastError?.en).toContain("today's upload limit");
    // The quota lifted, the device sends everything; its next hello says so.
    await putSetting(hq.store, 'sync.quota', { rowsPerDay: 100_000 }, SCOPE);
    await d.sync();
    await d.sync();
    expect(await row(d)).toMatchObject({ waiting: 0, oldestUnsentAt: null, lastError: null });
  });

  it('keeps an older app’s schema version and leaves what it cannot report as not reported', async () => {
    const d = await enrol('旧版设备');
    const c = clientFor(d.dev);
    await c.post('/v1/hello', { appVersion: '0.0.9', schemaVersion: '2026_11_20_old', cursor: 0, protocol: PROTOCOL_VERSION }, helloAnswer);
    expect(await row(d)).toMatchObject({ appVersion: '0.0.9', schemaVersion: '2026_11_20_old', waiting: null, oldestUnsentAt: null, lastError: null, tooOld: false });
  });

  it('marks a device whose schema HQ no longer accepts as needing an update, under the setting of its own scope', async () => {
    const old = await enrol('待更新设备');
    await clientFor(old.dev).post('/v1/hello', { appVersion: '0.0.9', schemaVersion: '2026_11_20_old', cursor: 0, protocol: PROTOCOL_VERSION }, helloAnswer);
    const current = await enrol('已更新设备');
    await current.sync();
    await putSetting(hq.store, 'sync.minSchema', '2026_12_01', '/');
    expect([(await row(old)).tooOld, (await row(current)).tooOld]).toEqual([true, false]);
    // Its county lowers the bar again: the same device is accepted there, and no longer flagged.
    await putSetting(hq.store, 'sync.minSchema', '', SCOPE);
    expect((await row(old)).tooOld).toBe(false);
    await putSetting(hq.store, 'sync.minSchema', '', '/');
  });

  it('refuses a malformed report and keeps nothing of it', async () => {
    const d = await enrol('坏报告');
    const c = clientFor(d.dev);
    const bad = await c.post('/v1/hello', { appVersion: '0.1.0', schemaVersion: 'x', cursor: 0, protocol: PROTOCOL_VERSION, report: { waiting: -3, oldestUnsentAt: null, lastError: null } }, helloAnswer).then(() => null, (e: unknown) => e);
    expect(bad).toBeInstanceOf(SyncFailure);
    expect((bad as SyncFailure).status).toBe(400);
    expect((await row(d)).reportedAt).toBeNull();
  });
});
