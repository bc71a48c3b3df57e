// A per-device daily quota (reference data sync.quota): past it, HQ refuses the whole batch with a
// reason in both languages, keeps nothing of it, and the device keeps every write, still receives
// from HQ, shows the refusal and sends the rest once the day has turned — losing nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { putSetting } from '../../hq/admin.js';
import { SyncFailure } from '../../db/sync/client.js';
import { SyncEngine } from '../../db/sync/engine.js';
import { syncStatus } from '../../db/sync/records.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from './support.js';

let hq: TestHq;
beforeAll(async () => {
  hq = await startTestHq();
});
afterAll(async () => {
  await hq?.close();
});

const addOutlets = (d: TestDevice, n: number, tag: string) => {
  for (let i = 0; i < n; i++)
    d.store.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'rural', 'c', '/hq/q/', 'x', 'x')`).run(uuidv7(), `${tag}${i}`, `${tag}网点${i}`);
};
const atHq = async (tag: string) => Number((await sql<{ n: unknown }>`SELECT count(*) AS n FROM hq_rows WHERE tbl = 'outlets' AND cells LIKE ${`%${tag}网点%`}`.execute(hq.store.db)).rows[0]!.n);
const waiting = (d: TestDevice) => (d.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n;

it('refuses what passes the day’s quota, keeps nothing of it, and the device loses nothing', async () => {
  await putSetting(hq.store, 'sync.quota', { rowsPerDay: 5 }, '/hq/q/');
  const d = await enrolledDevice(hq, { user: '限额县', role: 'county_organiser', scope: '/hq/q/' });
  const other = await enrolledDevice(hq, { user: '同县同事', role: 'county_organiser', scope: '/hq/q/' });
  try {
    await d.sync();
    addOutlets(d, 8, 'Q');
    addOutlets(other, 1, 'R'); // a colleague's work, which the device over quota still receives
    await other.sync();

    let refused: SyncFailure | undefined;
    await d.sync({ pushBatch: 3 }).catch((e: unknown) => {
      refused = e as SyncFailure;
    });
    expect(refused).toBeInstanceOf(SyncFailure);
    expect(refused).toMatchObject({ status: 429, code: 'quota_exceeded' });
    expect(refused!.zh).toMatch(/今日向总部上传的数据已达上限（每天 5 条记录.*未上传的数据都安全保存在本机/);
    expect(refused!.en).toContain("today's upload limit");
    expect(await atHq('Q')).toBe(3); // the first batch; the second would have passed 5, so none of it
    expect(waiting(d)).toBe(5);
    const colleague = d.store.raw.prepare(`SELECT count(*) AS n FROM outlets WHERE name LIKE 'R网点%'`).get();
    expect(colleague).toEqual({ n: 1 }); // the pull still ran

    // The background loop shows it on the 同步 screen and tries again later.
    const engine = new SyncEngine(d.dev, { minBackoffMs: 60_000 });
    await engine.syncNow().catch(() => {});
    expect(syncStatus(d.store.raw, d.session, engine).lastError?.message).toMatch(/已达上限/);
    expect(engine.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);

    // The day turns (HQ's count for this device is yesterday's now): the rest goes, nothing lost.
    await sql`UPDATE hq_usage SET day = '2000-01-01'`.execute(hq.store.db);
    await d.sync({ pushBatch: 3 });
    expect(await atHq('Q')).toBe(8);
    expect(waiting(d)).toBe(0);

    // Bytes count too: a quota of 200 bytes refuses even one row.
    await putSetting(hq.store, 'sync.quota', { rowsPerDay: 1000, bytesPerDay: 200 }, '/hq/q/');
    addOutlets(d, 1, 'B');
    await expect(d.sync()).rejects.toMatchObject({ code: 'quota_exceeded' });
    expect(waiting(d)).toBe(1);
  } finally {
    await d.cleanup();
    await other.cleanup();
  }
}, 90_000);
