// Relay by file on a real HQ (SQLite or PostgreSQL) with real device stores: a device that cannot
// reach HQ writes a bundle, HQ answers it (through the CLI's function on HQ's database, or through
// another device that is online), and the answer is imported where the bundle was made. Run by
// relay.test.ts (SQLite) and postgres.test.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { relayFile } from '../../hq/relay/file.js';
import { exportBundle } from '../../db/sync/relay/export.js';
import { forwardBundle } from '../../db/sync/relay/forward.js';
import { importAnswer } from '../../db/sync/relay/import.js';
import type { Outlet } from '../../shared/org/types.js';
import { buildOutlet, buildTree, call } from '../support/builders.js';
import { enrolledDevice, snapshot, type TestDevice, type TestHq } from './support.js';

export interface Cast {
  hq: TestHq;
  admin: TestDevice;
  /** The instructor who works where there is no network. */
  a: TestDevice;
  /** A colleague whose device reaches HQ. */
  b: TestDevice;
  countyId: string;
  outlet: Outlet;
  dir: string;
  cleanup(): Promise<void>;
}

/** HQ's administrator sets up a county with one outlet; two organisers of that county enrol and sync. */
export async function relayCast(hq: TestHq): Promise<Cast> {
  const admin = await enrolledDevice(hq, { user: '省管理员', role: 'hq_admin', scope: '/' });
  const tree = await buildTree(admin.context());
  const outlet = await buildOutlet(admin.context(), tree.county.id, { name: '骊山路营业厅' });
  await admin.sync();
  const a = await enrolledDevice(hq, { user: '张指导员', role: 'county_organiser', scope: tree.county.path });
  const b = await enrolledDevice(hq, { user: '李组织员', role: 'county_organiser', scope: tree.county.path });
  await a.sync();
  await b.sync();
  const dir = mkdtempSync(join(tmpdir(), 'rc-relay-'));
  return {
    hq, admin, a, b, countyId: tree.county.id, outlet, dir,
    cleanup: async () => {
      for (const d of [admin, a, b]) await d.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const rename = (d: TestDevice, o: Outlet, name: string) =>
  call(d.context(), 'outlets.save', { id: o.id, code: o.code, name, channelType: o.channelType, countyId: o.countyId });
const lastStamp = (d: TestDevice, rowId: string) =>
  (d.store.raw.prepare(`SELECT hlc FROM sync_outbox WHERE row_id = ? ORDER BY seq DESC LIMIT 1`).get(rowId) as { hlc: string }).hlc;
export const nameOn = (d: TestDevice, id: string) => (d.store.raw.prepare('SELECT name FROM outlets WHERE id = ?').get(id) as { name: string } | undefined)?.name;
export const waiting = (d: TestDevice) => (d.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n;
const cursorOf = (d: TestDevice) => Number((d.store.raw.prepare(`SELECT value FROM meta WHERE key = 'sync_cursor'`).get() as { value: string }).value);

/** Everything a user could see change on a device. */
export function deviceState(d: TestDevice) {
  return {
    rows: snapshot(d.store.raw, ['outlets', 'org_units']),
    conflicts: d.store.raw.prepare('SELECT * FROM sync_conflicts ORDER BY id').all(),
    rejections: d.store.raw.prepare('SELECT * FROM sync_rejections ORDER BY seq').all(),
    outbox: d.store.raw.prepare('SELECT * FROM sync_outbox ORDER BY seq').all(),
    cursor: cursorOf(d),
  };
}

/** Everything HQ holds that a relay could change. */
export async function hqState(hq: TestHq) {
  const all = async (q: ReturnType<typeof sql>) => (await q.execute(hq.store.db)).rows;
  return {
    rows: await all(sql`SELECT tbl, row_id, cells, version FROM hq_rows ORDER BY tbl, row_id`),
    writes: await all(sql`SELECT device_id, seq, answer FROM hq_writes ORDER BY device_id, seq`),
    conflicts: await all(sql`SELECT id, version FROM hq_conflicts ORDER BY id`),
    counter: await all(sql`SELECT version FROM hq_counter`),
    devices: await all(sql`SELECT device_id, last_seq, revoked_at FROM hq_devices ORDER BY device_id`),
  };
}

/** Relays a bundle the way the county office does it: `npm run hq -- relay` on HQ's database. */
export async function relayAtHq(c: Cast, bundle: Uint8Array, name = 'bundle.rcsync'): Promise<Uint8Array> {
  const inPath = join(c.dir, name);
  writeFileSync(inPath, bundle);
  const r = await relayFile(c.hq.store, inPath);
  expect(r.revoked).toBe(false);
  return readFileSync(r.out);
}

/**
 * A works offline — registers an outlet and renames the shared one while B renames it too — then
 * relays twice: once through HQ's CLI function, once through B's device. A's work reaches HQ and B,
 * A receives B's, and the concurrent rename leaves the same conflict record everywhere.
 */
export async function relayRoundTrip(hq: TestHq): Promise<void> {
  const c = await relayCast(hq);
  const { a, b, outlet } = c;
  try {
    const mine = await buildOutlet(a.context(), c.countyId, { name: '张家村乡村服务点' });
    await rename(a, outlet, '骊山路营业厅（张改）');
    await rename(b, outlet, '骊山路营业厅（李改）');
    // The later stamp wins. Each device's clock follows HQ's time as it last measured it, so two renames
    // a few milliseconds apart can be stamped in either order on a loaded machine: take the order the
    // stamps say, then hold the devices to it.
    const [won, lost] = lastStamp(b, outlet.id) > lastStamp(a, outlet.id) ? ['骊山路营业厅（李改）', '骊山路营业厅（张改）'] : ['骊山路营业厅（张改）', '骊山路营业厅（李改）'];
    const theirs = await buildOutlet(b.context(), c.countyId, { name: '李家村乡村服务点' });
    await b.sync();

    const bundle = await exportBundle(a.dev);
    expect(bundle.writes).toBe(2);
    expect(bundle.more).toBe(false);
    expect(bundle.fileName).toMatch(/^同步包-张指导员-.{6}-\d{8}-\d{4}\.rcsync$/);
    expect(waiting(a)).toBe(2); // exporting acknowledges nothing

    const answer = await relayAtHq(c, bundle.bytes);
    const rows = await sql<{ cells: string }>`SELECT cells FROM hq_rows WHERE row_id = ${mine.id}`.execute(hq.store.db);
    expect(JSON.parse(rows.rows[0]!.cells).name[0]).toBe('张家村乡村服务点');

    const r = await importAnswer(a.dev, answer);
    expect(r).toMatchObject({ outcome: 'imported', uploaded: 2, rejected: 0, conflicts: 1, pullSkipped: false, more: false });
    // B's new outlet always comes down; the renamed outlet only when B's rename won (if A's won, HQ holds A's own value).
    expect(r.downloaded).toBeGreaterThanOrEqual(won === '骊山路营业厅（李改）' ? 2 : 1);
    expect(waiting(a)).toBe(0);
    expect(nameOn(a, theirs.id)).toBe('李家村乡村服务点');
    expect(nameOn(a, outlet.id)).toBe(won);
    const kept = a.store.raw.prepare('SELECT loser_value, winner_value FROM sync_conflicts').all() as { loser_value: string; winner_value: string }[];
    expect(kept.map((x) => JSON.parse(x.loser_value))).toEqual([lost]);

    await b.sync();
    expect(nameOn(b, mine.id)).toBe('张家村乡村服务点');
    expect(nameOn(b, outlet.id)).toBe(won);
    expect(b.store.raw.prepare('SELECT id, loser_value, winner_value FROM sync_conflicts').all()).toEqual(
      a.store.raw.prepare('SELECT id, loser_value, winner_value FROM sync_conflicts').all(),
    );

    // Second round through B's device (POST /v1/relay): B carries what it cannot read.
    const later = await buildOutlet(a.context(), c.countyId, { name: '张家村第二服务点' });
    await rename(b, theirs, '李家村乡村服务点（新址）');
    await b.sync();
    const again = await exportBundle(a.dev);
    const fwd = await forwardBundle(b.dev, again.bytes);
    expect(fwd.origin.userName).toBe('张指导员');
    expect(fwd.summary).toEqual({ writes: 1, rejected: 0, rows: 1, conflicts: 0, more: false }); // the renamed outlet; not A's own, echoed back
    expect(fwd.fileName).toMatch(/^回执-张指导员-.{6}-\d{8}-\d{4}\.rcreply$/);
    expect(nameOn(b, later.id)).toBeUndefined(); // carried, not read: B gets it only by syncing
    const r2 = await importAnswer(a.dev, fwd.answer);
    expect(r2).toMatchObject({ outcome: 'imported', uploaded: 1, downloaded: 1, pullSkipped: false });
    expect(nameOn(a, theirs.id)).toBe('李家村乡村服务点（新址）');
    await b.sync();
    expect(nameOn(b, later.id)).toBe('张家村第二服务点');
    expect(snapshot(a.store.raw, ['outlets'])).toEqual(snapshot(b.store.raw, ['outlets']));
  } finally {
    await c.cleanup();
  }
}

/** The same bundle at HQ twice, and the same answer on the device twice, change nothing the second time. */
export async function relayTwice(hq: TestHq): Promise<void> {
  const c = await relayCast(hq);
  const { a, b } = c;
  try {
    await buildOutlet(a.context(), c.countyId, { name: '张家村乡村服务点' });
    await buildOutlet(b.context(), c.countyId, { name: '李家村乡村服务点' });
    await b.sync();
    const bundle = await exportBundle(a.dev);
    const first = await relayAtHq(c, bundle.bytes);
    const atHq = await hqState(hq);
    const second = (await forwardBundle(b.dev, bundle.bytes)).answer; // handed in again, by another route
    expect(await hqState(hq)).toEqual(atHq);

    const r1 = await importAnswer(a.dev, first);
    expect(r1).toMatchObject({ outcome: 'imported', uploaded: 1, downloaded: 1 });
    const after = deviceState(a);
    expect(await importAnswer(a.dev, first)).toMatchObject({ outcome: 'already', uploaded: 0, downloaded: 0 });
    expect(deviceState(a)).toEqual(after);
    // The second answer to the same bundle: its writes are answered, its download begins where A no longer is.
    expect(await importAnswer(a.dev, second)).toMatchObject({ outcome: 'imported', uploaded: 0, downloaded: 0, pullSkipped: true });
    expect(deviceState(a)).toEqual(after);
  } finally {
    await c.cleanup();
  }
}

/** A syncs online between exporting and importing: the stale answer's download is skipped and nothing is lost. */
export async function relayStale(hq: TestHq): Promise<void> {
  const c = await relayCast(hq);
  const { a, b, outlet } = c;
  try {
    const mine = await buildOutlet(a.context(), c.countyId, { name: '张家村乡村服务点' });
    const bundle = await exportBundle(a.dev);
    await rename(b, outlet, '骊山路营业厅（李改）');
    await b.sync();
    const answer = await relayAtHq(c, bundle.bytes);
    await a.sync(); // A found a network after all
    await rename(a, outlet, '骊山路营业厅（张后改）'); // and kept working
    const before = deviceState(a);

    const r = await importAnswer(a.dev, answer);
    expect(r).toMatchObject({ outcome: 'imported', uploaded: 0, downloaded: 0, pullSkipped: true });
    const after = deviceState(a);
    expect(after.rows).toEqual(before.rows);
    expect(after.outbox).toEqual(before.outbox);
    expect(after.cursor).toBe(before.cursor);
    expect(waiting(a)).toBe(1);
    await a.sync();
    await b.sync();
    expect(nameOn(b, outlet.id)).toBe('骊山路营业厅（张后改）');
    expect(nameOn(b, mine.id)).toBe('张家村乡村服务点');
  } finally {
    await c.cleanup();
  }
}
