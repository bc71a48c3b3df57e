// Purging under concurrency, and an HQ database from before purging: shared by the SQLite and
// PostgreSQL suites (test/sync/purge.test.ts, test/sync/postgres.test.ts).
import { expect } from 'vitest';
import { sql } from 'kysely';
import { purgeTombstones, type PurgeReport } from '../../hq/purge.js';
import { openHqStore } from '../../hq/store.js';
import { addOutlet, hqCount, LATER, liveOutlets, setOutlet, settle, total } from './purge.js';
import { enrolledDevice, type TestDevice, type TestHq } from './support.js';

/**
 * Two HQ processes (two connection pools on one database) purge at once, in small batches, while
 * devices push and pull: every tombstone is purged exactly once, nothing live is touched, and a new
 * device still ends up identical to the others.
 */
export async function concurrentPurgeScenario(hq: TestHq): Promise<void> {
  const a = await enrolledDevice(hq, { user: '甲', role: 'hq_admin', scope: '/' });
  const b = await enrolledDevice(hq, { user: '乙', role: 'hq_admin', scope: '/' });
  const others = [await openHqStore(hq.target), await openHqStore(hq.target)];
  let c: TestDevice | undefined;
  try {
    const ids = Array.from({ length: 60 }, (_, i) => addOutlet(a.store.raw, '/hq/m/', `网点${i}`));
    await a.sync();
    await b.sync();
    const doomed = ids.slice(0, 40);
    for (const id of doomed) setOutlet(a.store.raw, id, { deleted: 1 });
    await settle([a, b]);
    const live = ids.slice(40);
    c = await enrolledDevice(hq, { user: '丙', role: 'hq_admin', scope: '/' });
    const busy = (async () => {
      for (let i = 0; i < 4; i++) {
        setOutlet(a.store.raw, live[i]!, { name: `第${i}次改` });
        await a.sync();
        await b.sync({ pullLimit: 3 });
      }
    })();
    const reports = await Promise.all([...others.map((s) => purgeTombstones(s, { now: LATER(), batch: 4 })), busy, c.sync({ pullLimit: 5 })]);
    const purged = reports.slice(0, 2).map((r) => total(r as PurgeReport));
    expect(purged[0]! + purged[1]!).toBe(40);
    expect(await hqCount(hq, 'hq_purged', doomed)).toBe(40);
    expect(await hqCount(hq, 'hq_rows', doomed)).toBe(0);
    expect(await hqCount(hq, 'hq_rows', live)).toBe(20);
    await settle([a, b, c]);
    expect(liveOutlets(c.store.raw)).toEqual(liveOutlets(a.store.raw));
    expect(liveOutlets(b.store.raw)).toEqual(liveOutlets(a.store.raw));
    expect(liveOutlets(a.store.raw)).toHaveLength(20);
  } finally {
    for (const s of others) await s.close();
    for (const d of [a, b, c]) await d?.cleanup();
  }
}

/**
 * An HQ database from before acknowledgements (hq_devices without their columns, made by `create`)
 * opens with them added: a device that had synced may hold anything (0), one never seen holds nothing.
 */
export async function upgradeScenario(target: string, create: (statements: string[]) => Promise<void>): Promise<void> {
  await create([
    `CREATE TABLE hq_devices (device_id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL, user_name TEXT NOT NULL,
      role TEXT NOT NULL, scope_path TEXT NOT NULL, name TEXT, app_version TEXT, enrolled_at TEXT NOT NULL,
      revoked_at TEXT, last_seen_at TEXT, last_seq BIGINT NOT NULL DEFAULT 0)`,
    `INSERT INTO hq_devices (device_id, secret_hash, user_name, role, scope_path, enrolled_at, last_seen_at) VALUES
      ('synced', 'h', '已同步', 'instructor', '/hq/', 't', '2026-01-01T00:00:00Z'), ('idle', 'h', '未同步', 'instructor', '/hq/', 't', NULL)`,
  ]);
  const read = async () => {
    const s = await openHqStore(target);
    try {
      const r = await sql<{ device_id: string; acked_version: unknown; first_pull_version: unknown }>`
        SELECT device_id, acked_version, first_pull_version FROM hq_devices ORDER BY device_id`.execute(s.db);
      const n = (v: unknown) => (v === null ? null : Number(v));
      return r.rows.map((x) => [x.device_id, n(x.acked_version), n(x.first_pull_version)]);
    } finally {
      await s.close();
    }
  };
  expect(await read()).toEqual([['idle', null, null], ['synced', 0, 0]]);
  const s = await openHqStore(target);
  await sql`UPDATE hq_devices SET acked_version = 7 WHERE device_id = 'synced'`.execute(s.db);
  await s.close();
  expect(await read()).toEqual([['idle', null, null], ['synced', 7, 0]]); // filled once, not on every start
}
