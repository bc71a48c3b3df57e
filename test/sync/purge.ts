// Purging tombstones at HQ (hq/purge.ts), shared by the SQLite and PostgreSQL suites: a deleted row
// goes only once no device may still hold it live, a new device then never downloads it, and a late
// write to it is refused with a reason the device keeps.
import { expect } from 'vitest';
import { sql } from 'kysely';
import { uuidv7 } from '../../shared/core/ids.js';
import { listDevices } from '../../hq/admin.js';
import { revokeDevice } from '../../hq/auth.js';
import { DAY_MS, purgeTombstones, type PurgeOptions, type PurgeReport } from '../../hq/purge.js';
import { pullAnswer } from '../../shared/sync/protocol.js';
import { clientFor, pullSome } from '../../db/sync/session.js';
import { filesDirOf } from '../../db/sync/blobs.js';
import { reapply } from '../../db/sync/records.js';
import { putBlob } from '../../db/orglife/files.js';
import { jpeg } from './blobs.js';
import { enrolledDevice, type TestDevice, type TestHq } from './support.js';

type Raw = TestDevice['store']['raw'];

/** Past the default minimum age: the tests move HQ's clock rather than wait 30 days. */
export const LATER = () => Date.now() + 31 * DAY_MS;

const purge = (hq: TestHq, o: PurgeOptions = {}) => purgeTombstones(hq.store, { now: LATER(), ...o });
export const total = (r: PurgeReport) => Object.values(r.purged).reduce((a, b) => a + b, 0);

export function addOutlet(raw: Raw, scope: string, name: string, id = uuidv7()): string {
  const now = new Date().toISOString();
  raw
    .prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'rural', 'c', ?, ?, ?)`)
    .run(id, `P${id.slice(-6)}`, name, scope, now, now);
  return id;
}

export function setOutlet(raw: Raw, id: string, set: Record<string, unknown>): void {
  const cols = [...Object.keys(set), 'updated_at'];
  raw.prepare(`UPDATE outlets SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(set), new Date().toISOString(), id);
}

export const liveOutlets = (raw: Raw) => raw.prepare('SELECT * FROM outlets WHERE deleted = 0 ORDER BY id').all();
const outlet = (raw: Raw, id: string) => raw.prepare('SELECT name, scope_path, deleted FROM outlets WHERE id = ?').get(id) as { name: string; scope_path: string; deleted: number } | undefined;

export async function hqCount(hq: TestHq, table: string, ids: string[]): Promise<number> {
  const r = await sql<{ n: unknown }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE row_id IN (${sql.join(ids)})`.execute(hq.store.db);
  return Number(r.rows[0]!.n);
}

async function hqState(hq: TestHq): Promise<unknown> {
  const rows = await sql`SELECT tbl, row_id, scope_path, cells, version FROM hq_rows ORDER BY tbl, row_id`.execute(hq.store.db);
  const head = await sql`SELECT version FROM hq_counter`.execute(hq.store.db);
  const conflicts = await sql`SELECT id, version, deleted FROM hq_conflicts ORDER BY id`.execute(hq.store.db);
  return { rows: rows.rows, head: head.rows, conflicts: conflicts.rows };
}

/**
 * A device's requests prove only what it had stored when it sent them: what a sync brings is
 * acknowledged by the next one. Two rounds, then, for every device to have moved past the deletions.
 */
export async function settle(devs: TestDevice[]): Promise<void> {
  for (let i = 0; i < 2; i++) for (const d of devs) await d.sync();
}

export async function purgeScenario(hq: TestHq): Promise<void> {
  const a = await enrolledDevice(hq, { user: '甲', role: 'hq_admin', scope: '/' });
  const b = await enrolledDevice(hq, { user: '乙', role: 'hq_admin', scope: '/' });
  let c: TestDevice | undefined;
  try {
    const ids = [0, 1, 2, 3, 4].map((i) => addOutlet(a.store.raw, '/hq/m/', `网点${i}`));
    await a.sync();
    await b.sync();
    // History and a conflict record for the rows about to be deleted: purged with them.
    setOutlet(a.store.raw, ids[0]!, { name: '甲改' });
    setOutlet(b.store.raw, ids[0]!, { name: '乙改' });
    await a.sync();
    await b.sync();
    expect(await hqCount(hq, 'hq_conflicts', [ids[0]!])).toBe(1);
    expect(await hqCount(hq, 'hq_cell_history', [ids[0]!])).toBeGreaterThan(0);
    const gone = [ids[0]!, ids[1]!];
    for (const id of gone) setOutlet(a.store.raw, id, { deleted: 1 });
    await a.sync();

    // B has not pulled the deletions: it may still show the rows, so nothing goes.
    const early = await purge(hq);
    expect(total(early)).toBe(0);
    expect(early.held).toBe(2);
    expect(early.blockers.map((x) => x.userName)).toContain('乙');
    await b.sync();
    expect(outlet(b.store.raw, ids[1]!)?.deleted).toBe(1);
    // B stored them, but says so only with its next request.
    expect(total(await purge(hq, { dryRun: true }))).toBe(0);
    await settle([a, b]);

    // Everyone has moved past them, but they were deleted just now: the minimum age keeps them.
    const young = await purge(hq, { now: Date.now() });
    expect(total(young)).toBe(0);
    expect(young.tooYoung).toBe(2);

    const before = await hqState(hq);
    const dry = await purge(hq, { dryRun: true });
    expect(dry.purged).toEqual({ outlets: 2 });
    expect(dry.blockers).toEqual([]);
    expect(await hqState(hq)).toEqual(before); // a dry run changes nothing

    const done = await purge(hq);
    expect(done.purged).toEqual({ outlets: 2 });
    expect(done.conflicts).toBe(1);
    expect(await hqCount(hq, 'hq_rows', gone)).toBe(0);
    expect(await hqCount(hq, 'hq_cell_history', gone)).toBe(0);
    expect(await hqCount(hq, 'hq_conflicts', gone)).toBe(0);
    expect(await hqCount(hq, 'hq_purged', gone)).toBe(2);
    expect(await hqCount(hq, 'hq_rows', ids.slice(2))).toBe(3);
    const after = await hqState(hq);
    const again = await purge(hq);
    expect(total(again)).toBe(0); // idempotent
    expect(await hqState(hq)).toEqual(after);

    // A new device's first sync: no deleted rows, the same live rows as everyone else.
    c = await enrolledDevice(hq, { user: '丙', role: 'hq_admin', scope: '/' });
    await c.sync();
    expect(c.store.raw.prepare('SELECT count(*) AS n FROM outlets').get()).toEqual({ n: 3 });
    expect(c.store.raw.prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({ n: 0 });
    await settle([a, b, c]);
    expect(liveOutlets(c.store.raw)).toEqual(liveOutlets(a.store.raw));
    expect(liveOutlets(b.store.raw)).toEqual(liveOutlets(a.store.raw));
  } finally {
    for (const d of [a, b, c]) await d?.cleanup();
  }
}

export async function holdersScenario(hq: TestHq): Promise<void> {
  const admin = await enrolledDevice(hq, { user: '管理员', role: 'hq_admin', scope: '/' });
  const never = await enrolledDevice(hq, { user: '未同步', role: 'county_organiser', scope: '/hq/a/' });
  const lost = await enrolledDevice(hq, { user: '已停用', role: 'county_organiser', scope: '/hq/a/' });
  const silent = await enrolledDevice(hq, { user: '县甲', role: 'county_organiser', scope: '/hq/a/' });
  const devs = [admin, never, lost, silent];
  try {
    const inA = addOutlet(admin.store.raw, '/hq/a/', 'A县网点');
    const inB = addOutlet(admin.store.raw, '/hq/b/', 'B县网点');
    const movedOut = addOutlet(admin.store.raw, '/hq/a/', '将迁出');
    await admin.sync();
    await silent.sync(); // pulls once, then goes quiet
    await lost.sync();
    expect(await revokeDevice(hq.store, lost.session.deviceId)).toBe(true);

    setOutlet(admin.store.raw, movedOut, { scope_path: '/hq/b/' });
    await admin.sync();
    for (const id of [inA, inB, movedOut]) setOutlet(admin.store.raw, id, { deleted: 1 });
    await settle([admin]);
    // Enrolled after the deletions, synced, then silent: it can only ever have seen them deleted.
    const late = await enrolledDevice(hq, { user: '县乙', role: 'county_organiser', scope: '/hq/a/' });
    devs.push(late);
    await late.sync();
    expect(outlet(late.store.raw, inA)).toMatchObject({ deleted: 1 });

    const r = await purge(hq);
    // B county's row: the silent A county device cannot hold it; the revoked and the never-synced ones hold nothing.
    expect(r.purged).toEqual({ outlets: 1 });
    expect(await hqCount(hq, 'hq_rows', [inB])).toBe(0);
    // A county's row, and the one that left A county after the silent device last pulled (it still shows it).
    expect(outlet(silent.store.raw, movedOut)).toMatchObject({ scope_path: '/hq/a/', deleted: 0 });
    expect(await hqCount(hq, 'hq_rows', [inA, movedOut])).toBe(2);
    // 县乙 first-synced from the county's snapshot, made before the deletions: until its next sync says it stored the pull after it, it holds them back.
    expect(r.blockers.map((x) => [x.userName, x.rows]).sort()).toEqual([['县乙', 2], ['县甲', 2]].sort());
    await late.sync();
    const again = await purge(hq); // nothing purgeable yet (县甲 still holds both); 县乙 no longer holds back
    expect([again.purged, again.blockers.map((x) => [x.userName, x.rows])]).toEqual([{}, [['县甲', 2]]]);

    // `npm run hq -- devices` shows who holds back what.
    const listed = new Map((await listDevices(hq.store)).map((d) => [d.user_name, d]));
    expect(listed.get('未同步')!.acked_version).toBeNull();
    expect(Number(listed.get('县甲')!.acked_version)).toBe(r.blockers[0]!.acked);
    expect(listed.get('县甲')!.last_pull_at).toBeTruthy();
    expect(listed.get('已停用')!.revoked_at).toBeTruthy();

    // Once it has synced (and said so), it no longer holds the rows: they go.
    await settle([silent]);
    expect(outlet(silent.store.raw, movedOut)).toBeUndefined(); // dropped when it left A county
    const r2 = await purge(hq);
    expect(r2.purged).toEqual({ outlets: 2 });
    expect(r2.blockers).toEqual([]);
  } finally {
    for (const d of devs) await d.cleanup();
  }
}

/** A pull acknowledges its `since` (what the device has stored), not its `cursor` (maybe only held in memory), and never more than HQ has. */
export async function ackScenario(hq: TestHq): Promise<void> {
  const a = await enrolledDevice(hq, { user: '甲', role: 'hq_admin', scope: '/' });
  try {
    for (let i = 0; i < 3; i++) addOutlet(a.store.raw, '/hq/m/', `网点${i}`);
    await a.sync({ snapshot: false }); // chunk by chunk: a first sync through HQ's snapshot acknowledges its version at once
    const acked = async () => {
      const r = await sql<{ acked_version: unknown; first_pull_version: unknown }>`SELECT acked_version, first_pull_version FROM hq_devices WHERE device_id = ${a.session.deviceId}`.execute(hq.store.db);
      return [Number(r.rows[0]!.acked_version), Number(r.rows[0]!.first_pull_version)];
    };
    const head = Number((await sql<{ version: unknown }>`SELECT version FROM hq_counter`.execute(hq.store.db)).rows[0]!.version);
    expect(head).toBeGreaterThan(1);
    const c = clientFor(a.dev);
    await c.post('/v1/pull', { cursor: head, since: 1 }, pullAnswer);
    expect(await acked()).toEqual([1, head]); // its first pull came after its own push
    await c.post('/v1/pull', { cursor: head + 1000 }, pullAnswer);
    expect(await acked()).toEqual([head, head]);
    await c.post('/v1/pull', { cursor: 0 }, pullAnswer);
    expect(await acked()).toEqual([head, head]); // never goes back
  } finally {
    await a.cleanup();
  }
}

export async function lateWriteScenario(hq: TestHq): Promise<void> {
  const a = await enrolledDevice(hq, { user: '甲', role: 'hq_admin', scope: '/' });
  const b = await enrolledDevice(hq, { user: '乙', role: 'hq_admin', scope: '/' });
  let c: TestDevice | undefined;
  try {
    const row = addOutlet(a.store.raw, '/hq/m/', '要删的');
    const kept = addOutlet(a.store.raw, '/hq/m/', '留下的');
    await a.sync();
    await b.sync();
    setOutlet(a.store.raw, row, { deleted: 1 });
    await a.sync();
    // B's user edits the row while B's sync is between its push and its pull: the edit waits while
    // the deletion arrives, and B then moves past the deletion before pushing it.
    setOutlet(b.store.raw, row, { name: '乙离线改名' });
    await pullSome(b.dev, clientFor(b.dev));
    await pullSome(b.dev, clientFor(b.dev));
    await settle([a]);
    expect((await purge(hq)).purged).toEqual({ outlets: 1 });
    const before = await hqState(hq);
    const keptOnA = outlet(a.store.raw, kept);

    const s = await b.sync();
    expect(s.pushed.rejected).toBeGreaterThan(0);
    const rej = b.store.raw.prepare('SELECT tbl, row_id, cols, code, reason_zh, reason_en FROM sync_rejections').all() as Record<string, string>[];
    expect(rej).toHaveLength(1);
    expect(rej[0]).toMatchObject({ tbl: 'outlets', row_id: row, code: 'purged', reason_zh: '该记录已在总部删除并清理，此修改未保存到总部' });
    expect(rej[0]!.reason_en).toMatch(/purged/);
    expect(JSON.parse(rej[0]!.cols!)).toMatchObject({ name: '乙离线改名' });
    expect(b.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get()).toEqual({ n: 0 });
    // Nothing else changed: HQ holds exactly what it held, no half row came back, the other row is as it was.
    expect(await hqState(hq)).toEqual(before);
    expect(await hqCount(hq, 'hq_rows', [row])).toBe(0);
    expect(outlet(b.store.raw, kept)).toEqual(keptOnA);

    // A new row under the purged row's id is refused the same way.
    c = await enrolledDevice(hq, { user: '丙', role: 'hq_admin', scope: '/' });
    await c.sync();
    addOutlet(c.store.raw, '/hq/m/', '同号新建', row);
    await c.sync();
    const rc = c.store.raw.prepare('SELECT code, reason_zh FROM sync_rejections').all();
    expect(rc).toEqual([{ code: 'purged', reason_zh: '该记录已在总部删除并清理，此修改未保存到总部' }]);
    expect(await hqState(hq)).toEqual(before);
    await a.sync();
    expect(outlet(a.store.raw, row)).toMatchObject({ deleted: 1, name: '要删的' });

    // A's user restores the deleted row it still holds: refused, and the row leaves A as it left HQ.
    // What was written stays in the record; re-applying it is refused with the way forward.
    setOutlet(a.store.raw, row, { deleted: 0 });
    await a.sync();
    expect(outlet(a.store.raw, row)).toBeUndefined();
    const restore = a.store.raw.prepare(`SELECT id, cols, code FROM sync_rejections`).all() as { id: number; cols: string; code: string }[];
    expect(restore).toHaveLength(1);
    expect(restore[0]!.code).toBe('purged');
    expect(JSON.parse(restore[0]!.cols)).toMatchObject({ deleted: 0 });
    await expect(reapply(a.store.db, a.store.raw, 'rejection', String(restore[0]!.id), new Date().toISOString())).rejects.toMatchObject({ code: 'conflict', messageZh: expect.stringMatching(/无法恢复.*新建/) });
    expect(a.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get()).toEqual({ n: 0 });
    expect(await hqState(hq)).toEqual(before);
  } finally {
    for (const d of [a, b, c]) await d?.cleanup();
  }
}

/** A purged attachment row takes its file from HQ, unless another row still names it. */
export async function filesScenario(hq: TestHq): Promise<void> {
  const a = await enrolledDevice(hq, { user: '甲', role: 'hq_admin', scope: '/' });
  try {
    const raw = a.store.raw;
    const attach = (hash: string) => {
      const id = uuidv7();
      const now = new Date().toISOString();
      raw
        .prepare(`INSERT INTO attachments (id, activity_id, kind, sha256, mime, size, file_name, scope_path, created_at, updated_at)
          VALUES (?, 'act', 'photo', ?, 'image/jpeg', 1000, '合影.jpg', '/hq/m/', ?, ?)`)
        .run(id, hash, now, now);
      return id;
    };
    const alone = putBlob(filesDirOf(raw), jpeg(1000));
    const shared = putBlob(filesDirOf(raw), jpeg(1000));
    const rows = [attach(alone), attach(shared), attach(shared)];
    await a.sync();
    const held = async () => (await sql<{ sha256: string }>`SELECT sha256 FROM hq_blobs ORDER BY sha256`.execute(hq.store.db)).rows.map((r) => r.sha256);
    expect(await held()).toEqual([alone, shared].sort());
    raw.prepare('UPDATE attachments SET deleted = 1 WHERE id IN (?, ?)').run(rows[0], rows[1]);
    await settle([a]);
    const r = await purge(hq);
    expect(r.purged).toEqual({ attachments: 2 });
    expect(r.files).toBe(1);
    expect(await held()).toEqual([shared]);
  } finally {
    await a.cleanup();
  }
}
