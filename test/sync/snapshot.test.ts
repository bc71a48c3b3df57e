// A first sync through HQ's snapshot (hq/snapshot/, db/sync/snapshot.ts) over real HTTP into real
// SQLite files must leave exactly the store a chunk-by-chunk pull leaves — rows, cells, clocks,
// conflict records, what the people search finds, masking by role — carry nothing outside the
// device's scope, resume after a dropped connection from the parts it has, and bring what changed
// at HQ meanwhile by the pull.
import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedTables } from '../../db/sync/capture.js';
import { nodeTransport, type RawTransport } from '../../db/sync/transport.js';
import { CURSOR_KEY } from '../../db/sync/apply.js';
import { SNAPSHOT_KEY } from '../../db/sync/snapshot.js';
import { getMetaRaw } from '../../db/sync/state.js';
import { decodeBody } from '../../shared/node/wireEncoding.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { snapshotCacheOf } from '../../hq/snapshot/route.js';
import { recipientKey } from '../../hq/snapshot/cache.js';
import { generateProvince } from '../synthetic/generate.js';
import { enrolledDevice, snapshot, startTestHq, type TestDevice, type TestHq } from './support.js';
import type { Role } from '../../shared/domain/enums.js';

let hq: TestHq;
let loader: TestDevice;
let county: string;
let otherIds: Set<string>;
const devices: TestDevice[] = [];

beforeAll(async () => {
  hq = await startTestHq();
  loader = await enrolledDevice(hq, { user: '来源', role: 'hq_admin', scope: '/' });
  await generateProvince(loader.store.raw, { counties: 2, seed: 21, suppressCapture: null });
  await loader.sync({ pushBatch: 1000 });
  const counties = (loader.store.raw.prepare(`SELECT path FROM org_units WHERE level = 'county' ORDER BY path`).all() as { path: string }[]).map((r) => r.path);
  county = counties[0]!;
  otherIds = new Set((loader.store.raw.prepare(`SELECT id FROM people WHERE scope_path LIKE ? || '%'`).all(counties[1]!) as { id: string }[]).map((r) => r.id));
}, 180_000);
afterAll(async () => {
  for (const d of devices) await d.cleanup();
  await loader?.cleanup();
  await hq?.close();
});

/** Devices of one user, role and scope share HQ's snapshot. */
async function device(role: Role, user = '同一用户'): Promise<TestDevice> {
  const d = await enrolledDevice(hq, { user, role, scope: county });
  devices.push(d);
  return d;
}

const cache = () => snapshotCacheOf(hq.store)!;
const rowsOf = (raw: Database.Database, t: string) => raw.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all();
/** The people search finds: its rows (by person, rowids aside) and what some full-text queries hit. */
function searchOf(raw: Database.Database) {
  const rows = raw.prepare(`SELECT person_id, name, scope_path, political_status, outlet_id, py_full, py_initials, py_given FROM people_search ORDER BY person_id`).all();
  const hit = raw.prepare(`SELECT s.person_id FROM people_fts f JOIN people_search s ON s.rowid = f.rowid WHERE people_fts MATCH ? ORDER BY 1`);
  // Trigram FTS: every term has 3 characters or more.
  const terms = ['"营业厅"', 'places : "党支部|"', 'phone : "|13"', '"610"', 'citizen_id : "|61"'];
  return { rows, hits: Object.fromEntries(terms.map((t) => [t, hit.all(t).map((r) => (r as { person_id: string }).person_id)])) };
}

function sameStore(a: Database.Database, b: Database.Database) {
  const tables = capturedTables(a);
  expect(snapshot(a, tables)).toEqual(snapshot(b, tables));
  for (const t of ['sync_row_clock', 'sync_cell_clock', 'sync_conflicts']) expect(rowsOf(a, t), t).toEqual(rowsOf(b, t));
  expect(getMetaRaw(a, CURSOR_KEY)).toBe(getMetaRaw(b, CURSOR_KEY));
  const search = searchOf(a);
  expect(search.rows.length).toBeGreaterThan(100);
  expect(Object.values(search.hits).every((h) => h.length > 0)).toBe(true);
  expect(search).toEqual(searchOf(b));
}

/** The device's transport, noting what each snapshot part brought (decoded) and failing where told. */
function watching(fail?: (partsSoFar: number) => Promise<void> | void) {
  const w = { parts: [] as number[], texts: [] as string[], transport: null as unknown as RawTransport };
  w.transport = async (url, init) => {
    if (url.endsWith('/v1/snapshot/part')) {
      await fail?.(w.parts.length);
      w.parts.push((JSON.parse(String(init.body)) as { n: number }).n);
    }
    const res = await nodeTransport(url, init);
    if (url.endsWith('/v1/snapshot/part')) w.texts.push((await decodeBody(res.body, String(res.headers['content-encoding'] ?? ''), 1 << 28)).toString('utf8'));
    return res;
  };
  return w;
}

describe('first sync through the snapshot', () => {
  for (const role of ['instructor', 'county_organiser'] as const) {
    it(`leaves a ${role}'s store identical to a chunk-by-chunk pull, masked alike, nothing out of scope`, async () => {
      const chunked = await device(role);
      await chunked.sync({ snapshot: false });
      const builds = cache().builds;
      const w = watching();
      const snap = await device(role);
      const r = await snap.sync({ transport: w.transport });
      expect(r.snapshot?.rows).toBeGreaterThan(1000);
      expect(w.parts.length).toBeGreaterThan(0);
      sameStore(snap.store.raw, chunked.store.raw);
      const ids = (snap.store.raw.prepare(`SELECT citizen_id FROM people WHERE citizen_id IS NOT NULL`).all() as { citizen_id: string }[]).map((p) => p.citizen_id);
      expect(ids.length).toBeGreaterThan(100);
      expect(ids.every((id) => id.includes('*'))).toBe(role === 'instructor');
      // Nothing of the other county, neither stored nor on the wire.
      for (const id of otherIds) expect(w.texts.join('')).not.toContain(id);
      expect(snap.store.raw.prepare(`SELECT count(*) AS n FROM people WHERE scope_path NOT LIKE ? || '%'`).get(county)).toEqual({ n: 0 });
      // A second device of the same kind, another user's, is served the same copy.
      const again = await device(role, '另一位用户');
      await again.sync();
      expect(cache().builds).toBe(builds + 1);
      sameStore(again.store.raw, chunked.store.raw);
    }, 120_000);
  }

  it('resumes after the connection drops half-way, from the parts it has, and ends identical', async () => {
    cache().partRows = 700;
    try {
      const chunked = await device('instructor', '续传');
      await chunked.sync({ snapshot: false });
      const cut = watching((n) => {
        if (n === 2) throw new Error('connection reset');
      });
      const d = await device('instructor', '续传');
      await expect(d.sync({ transport: cut.transport })).rejects.toMatchObject({ kind: 'offline' });
      expect(JSON.parse(getMetaRaw(d.store.raw, SNAPSHOT_KEY)!)).toMatchObject({ done: 2 });
      expect(Number(getMetaRaw(d.store.raw, CURSOR_KEY) ?? 0)).toBe(0);
      const loadedSoFar = (d.store.raw.prepare(`SELECT count(*) AS n FROM sync_row_clock`).get() as { n: number }).n;
      expect(loadedSoFar).toBeGreaterThan(1000);
      const rest = watching();
      await d.sync({ transport: rest.transport });
      expect(rest.parts[0]).toBe(2); // not from the start
      expect(getMetaRaw(d.store.raw, SNAPSHOT_KEY)).toBeNull();
      sameStore(d.store.raw, chunked.store.raw);
    } finally {
      cache().partRows = undefined;
    }
  }, 120_000);

  it('brings by the pull what HQ took while the snapshot was being served', async () => {
    const outlet = (loader.store.raw.prepare(`SELECT id FROM outlets WHERE scope_path LIKE ? || '%' ORDER BY id LIMIT 1`).get(county) as { id: string }).id;
    const fresh = uuidv7();
    let holder: unknown;
    const w = watching(async (n) => {
      if (n !== 0) return;
      // Sent rows as of the snapshot, the device already holds back HQ's purge of anything newer (hq/holders.ts).
      holder = (await sql<{ acked_version: unknown; first_pull_version: unknown }>`SELECT acked_version, first_pull_version FROM hq_devices WHERE device_id = ${d.session.deviceId}`.execute(hq.store.db)).rows[0];
      loader.store.raw.prepare(`UPDATE outlets SET name = '快照期间改名营业厅' WHERE id = ?`).run(outlet);
      const now = new Date().toISOString();
      loader.store.raw
        .prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, address, staff_count, scope_path, created_at, updated_at) VALUES (?, ?, '快照期间新开营业厅', 'rural', 'c', '村口', 2, ?, ?, ?)`)
        .run(fresh, `S${fresh.slice(-6)}`, `${county}snap/`, now, now);
      await loader.sync();
    });
    const d = await device('county_organiser');
    const head = Number((await sql<{ version: unknown }>`SELECT version FROM hq_counter`.execute(hq.store.db)).rows[0]!.version);
    const r = await d.sync({ transport: w.transport });
    expect(r.snapshot).not.toBeNull();
    expect(holder).toMatchObject({ acked_version: 0 });
    expect(Number((holder as { first_pull_version: unknown }).first_pull_version)).toBeLessThanOrEqual(r.snapshot!.version);
    expect(r.snapshot!.version).toBeLessThanOrEqual(head);
    expect(d.store.raw.prepare(`SELECT name FROM outlets WHERE id = ?`).get(outlet)).toEqual({ name: '快照期间改名营业厅' });
    expect(d.store.raw.prepare(`SELECT name FROM outlets WHERE id = ?`).get(fresh)).toEqual({ name: '快照期间新开营业厅' });
    const chunked = await device('county_organiser');
    await chunked.sync({ snapshot: false });
    sameStore(d.store.raw, chunked.store.raw);
  }, 120_000);
});

describe('who shares a snapshot', () => {
  const base = { deviceId: 'd1', userName: '书记', role: 'instructor' as const, scopePath: '/hq/a/', lastSeq: 3 };
  it('every field that can change the pull keys it, sets included by content; the device id, sequence and user name do not', () => {
    const key = (x: object) => recipientKey(x as Parameters<typeof recipientKey>[0]);
    expect(key(base)).toBe(key({ ...base, deviceId: 'd2', lastSeq: 9 }));
    expect(key(base)).toBe(key({ ...base, userName: '另一位' }));
    expect(key(base)).not.toBe(key({ ...base, role: 'county_organiser' }));
    expect(key(base)).not.toBe(key({ ...base, scopePath: '/hq/b/' }));
    // a person-dependent redaction (a branch secretary's members' dues) keys by the members themselves
    const sec = (ids: string[]) => key({ ...base, personId: 'p1', secretaryOf: ['b1'], duesPersons: new Set(ids) });
    expect(sec(['m1', 'm2'])).not.toBe(sec(['m1', 'm3']));
    expect(sec(['m1', 'm2'])).toBe(sec(['m2', 'm1']));
    expect(sec(['m1'])).not.toBe(key({ ...base, personId: 'p1', secretaryOf: ['b1'] }));
  });
});

describe('parts', () => {
  it('stay within the rows asked for and under the bytes a device inflates, and together hold every row', async () => {
    const { buildSnapshot } = await import('../../hq/snapshot/build.js');
    const { SNAPSHOT_PART_BYTES } = await import('../../shared/sync/snapshot.js');
    const { brotliDecompressSync } = await import('node:zlib');
    const actor = { deviceId: 'x', userName: '宽行', role: 'county_organiser' as const, scopePath: county, lastSeq: 0 };
    const snap = await buildSnapshot(hq.store, actor, 1000);
    expect(snap.parts.length).toBeGreaterThan(2);
    for (const p of snap.parts) {
      expect(p.rows).toBeLessThanOrEqual(1000);
      expect(brotliDecompressSync(p.coded).length).toBeLessThan(SNAPSHOT_PART_BYTES + 64 * 1024);
    }
    expect(snap.parts.reduce((n, p) => n + p.rows, 0)).toBe(snap.rows);
  }, 60_000);
});
