// Devices of one kind catching up from the same point share one read (hq/pullShare.ts). What must
// hold: each device is sent exactly what its own pull would send it, with its own hqTime; a device
// that asks after a write has landed receives it, shared or not; a device whose own
// writes are in the page, a device of another kind, one that has pushed, or one asking after
// SHARE_MS gets a read of its own.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../db/sync/session.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { encodeHlc, Hlc } from '../../shared/sync/hlc.js';
import { pullAnswer, type CellValue, type PullAnswer, type WireWrite } from '../../shared/sync/protocol.js';
import type { Device } from '../../hq/auth.js';
import { HQ_NODE } from '../../hq/merge.js';
import { pull } from '../../hq/pull.js';
import { SHARE_MS, SharedPulls, type CodedAnswer } from '../../hq/pullShare.js';
import { LARGE_BODY } from '../../shared/node/wireEncoding.js';
import { applyPush } from '../../hq/push.js';
import { sharedPullsOf } from '../../hq/server.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

const SCOPE = '/hq/s/';
let hq: TestHq;
let a: TestDevice;
let b: TestDevice;
let seq = 0;
const hqActor: Device = { deviceId: HQ_NODE, userName: '总部', role: 'hq_admin', scopePath: '/', lastSeq: 0 };

/** Outlets written at HQ, as a device's push would land them; `as` writes them as that device (unnumbered: its count of pushes stays 0). */
async function outlets(n: number, as: Device = hqActor): Promise<string[]> {
  const ids = Array.from({ length: n }, () => uuidv7());
  const writes: WireWrite[] = ids.map((r, i) => ({
    s: ++seq, t: 'outlets', r, p: SCOPE, h: encodeHlc({ ms: Date.now(), counter: i, node: as.deviceId }),
    c: { code: `S${seq}`, name: `共享网点${seq}`, channel_type: 'social', scope_path: SCOPE, staff_count: 2, created_at: 't', updated_at: 't' } satisfies Record<string, CellValue>,
  }));
  await applyPush(hq.store, new Hlc(as.deviceId), as, writes, { numbered: false });
  return ids;
}

/** The device as HQ's authentication makes it, read from HQ's table. */
async function actorOf(user: string): Promise<Device> {
  const d = await hq.store.db.selectFrom('hq_devices').select(['device_id', 'user_name', 'role', 'scope_path', 'last_seq']).where('user_name', '=', user).executeTakeFirstOrThrow();
  return { deviceId: d.device_id, userName: d.user_name, role: d.role as Device['role'], scopePath: d.scope_path, lastSeq: Number(d.last_seq) };
}

const head = async () => Number((await hq.store.db.selectFrom('hq_counter').select('version').executeTakeFirstOrThrow()).version);
const parsed = (x: PullAnswer | Buffer | CodedAnswer): PullAnswer =>
  Buffer.isBuffer(x) ? pullAnswer.parse(JSON.parse(x.toString('utf8'))) : 'coding' in x ? pullAnswer.parse(JSON.parse(gunzipSync(x.bytes).toString('utf8'))) : x;
const ids = (p: PullAnswer) => p.rows.map((r) => r.id);
const withoutTime = ({ hqTime: _, ...rest }: PullAnswer) => rest;

beforeAll(async () => {
  hq = await startTestHq();
  a = await enrolledDevice(hq, { user: '甲', role: 'county_organiser', scope: SCOPE });
  b = await enrolledDevice(hq, { user: '乙', role: 'county_organiser', scope: SCOPE });
  await outlets(1200);
});
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
  await hq?.close();
});

describe('pulls shared by devices of one kind', () => {
  it('over HTTP, two first syncs reading page by page are served from one read per page and receive the same rows', async () => {
    const stats = sharedPullsOf(hq.store)!.stats;
    const before = { ...stats };
    const ca = clientFor(a.dev);
    const cb = clientFor(b.dev);
    const got = { a: [] as string[], b: [] as string[] };
    let ka = 0;
    let kb = 0;
    let pages = 0;
    for (let moreA = true, moreB = true; moreA || moreB; ) {
      const asked = Date.now();
      if (moreA) {
        const p = await ca.post('/v1/pull', { cursor: ka, since: 0, limit: 500 }, pullAnswer);
        got.a.push(...ids(p));
        ka = p.cursor;
        moreA = p.more;
        pages++;
      }
      if (moreB) {
        const p = await cb.post('/v1/pull', { cursor: kb, since: 0, limit: 500 }, pullAnswer);
        expect(p.hqTime).toBeGreaterThanOrEqual(asked - 1000); // its own time, not the reader's
        got.b.push(...ids(p));
        kb = p.cursor;
        moreB = p.more;
      }
    }
    expect(got.a).toHaveLength(1200);
    expect(got.b).toEqual(got.a);
    expect(kb).toBe(ka);
    expect(stats.shared - before.shared).toBeGreaterThanOrEqual(1);
    expect(stats.reads - before.reads).toBeLessThan(2 * pages);
  });

  it('sends a large shared page in gzip as two members, its own time first, decoded as one answer; plain when small or to a device that takes no gzip', async () => {
    let t = 5_000;
    const share = new SharedPulls(hq.store, () => t);
    const [pa, pb] = [await actorOf('甲'), await actorOf('乙')];
    const first = await share.pull(pa, 0, 2000, 0, undefined, 'br, gzip');
    t += 10;
    const before = Date.now();
    const second = await share.pull(pb, 0, 2000, 0, undefined, 'gzip;q=1, br;q=0.5');
    const plain = await share.pull(pb, 0, 2000, 0, undefined, 'br, gzip;q=0');
    expect(share.stats).toEqual({ reads: 1, shared: 2, compressed: 1 });
    expect('coding' in first && 'coding' in second && Buffer.isBuffer(plain)).toBe(true);
    expect((plain as Buffer).length).toBeGreaterThanOrEqual(LARGE_BODY);
    const own = await pull(hq.store, pb, 0, 2000, 0);
    for (const x of [first, second, plain]) expect(withoutTime(parsed(x))).toEqual(withoutTime(own));
    expect(parsed(second).hqTime).toBeGreaterThanOrEqual(before);
    const bytes = (second as CodedAnswer).bytes;
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(bytes.indexOf(Buffer.from([0x1f, 0x8b, 8]), 2)).toBeGreaterThan(2); // a second member
    // A small page goes out as JSON, for HQ to code in the device's best coding like any answer.
    const small = await share.pull(pa, 0, 50, 0, undefined, 'br, gzip');
    expect(Buffer.isBuffer(small)).toBe(true);
    expect(share.stats.compressed).toBe(1);
  });

  it('answers each device exactly what its own pull answers, with its own time', async () => {
    let t = 1_000;
    const share = new SharedPulls(hq.store, () => t);
    const [pa, pb] = [await actorOf('甲'), await actorOf('乙')];
    for (let cursor = 0, n = 0; ; n++) {
      const first = parsed(await share.pull(pa, cursor, 400, 0));
      const before = Date.now();
      const second = parsed(await share.pull(pb, cursor, 400, 0));
      const own = await pull(hq.store, pb, cursor, 400, 0);
      expect(withoutTime(first)).toEqual(withoutTime(own));
      expect(withoutTime(second)).toEqual(withoutTime(own));
      expect(second.hqTime).toBeGreaterThanOrEqual(before);
      expect(share.stats).toMatchObject({ reads: n + 1, shared: n + 1 });
      t += 10;
      cursor = own.cursor;
      if (!own.more) break;
    }
  });

  it('a page that ended at the head is shared while the head stays, and read afresh once a write has landed', async () => {
    let t = 1_000;
    const share = new SharedPulls(hq.store, () => t);
    const [pa, pb, pc] = [await actorOf('甲'), await actorOf('乙'), { ...(await actorOf('乙')), deviceId: uuidv7() }];
    const from = await head();
    const early = await outlets(3);
    const forA = parsed(await share.pull(pa, from));
    expect(ids(forA)).toEqual(early);
    expect(forA.more).toBe(false);
    t += 500;
    expect(withoutTime(parsed(await share.pull(pb, from)))).toEqual(withoutTime(forA));
    expect(share.stats).toMatchObject({ reads: 1, shared: 1 });
    const late = await outlets(1);
    const forC = parsed(await share.pull(pc, from)); // asked after the write: it must see it
    expect(ids(forC)).toEqual([...early, ...late]);
    expect(forC.more).toBe(false);
    expect(share.stats).toMatchObject({ reads: 2, shared: 1 });
  });

  it('a page that brought nothing new is read afresh: a device asking at the head learns of a write at once', async () => {
    const share = new SharedPulls(hq.store, () => 1_000);
    const [pa, pb] = [await actorOf('甲'), await actorOf('乙')];
    const now = await head();
    expect(parsed(await share.pull(pa, now))).toMatchObject({ rows: [], more: false, cursor: now });
    const written = await outlets(1);
    expect(ids(parsed(await share.pull(pb, now)))).toEqual(written);
    expect(share.stats).toMatchObject({ reads: 2, shared: 0 });
  });

  it('a device whose own writes are in the page gets its own read, without them', async () => {
    const share = new SharedPulls(hq.store, () => 1_000);
    const pa = await actorOf('甲');
    const c = await enrolledDevice(hq, { user: '丙', role: 'county_organiser', scope: SCOPE });
    try {
      const pc = await actorOf('丙');
      const [mine] = await outlets(1);
      const stampOf = async (id: string) => (await pull(hq.store, pa, 0, 5000, 0)).rows.find((r) => r.id === id)!.h;
      const from = await head();
      const byHq = await outlets(2);
      // Its user changed a row it already holds (on another device's push, or relayed): that change is not sent back to it.
      await applyPush(hq.store, new Hlc(pc.deviceId), pc, [{ s: ++seq, t: 'outlets', r: mine!, p: SCOPE, h: encodeHlc({ ms: Date.now(), counter: 0, node: pc.deviceId }), b: await stampOf(mine!), c: { staff_count: 7 } }], { numbered: false });
      expect(pc.lastSeq).toBe(0);
      expect(ids(parsed(await share.pull(pa, from)))).toEqual([...byHq, mine]);
      const forC = parsed(await share.pull(pc, from));
      expect(withoutTime(forC)).toEqual(withoutTime(await pull(hq.store, pc, from)));
      expect(ids(forC)).toEqual(byHq);
      expect(share.stats).toMatchObject({ reads: 2, shared: 0 });
    } finally {
      await c.cleanup();
    }
  });

  it('another kind of device, one that has pushed, and one asking after SHARE_MS each read their own', async () => {
    let t = 1_000;
    const share = new SharedPulls(hq.store, () => t);
    const pa = await actorOf('甲');
    const from = (await head()) - 2;
    await share.pull(pa, from);
    await share.pull({ ...pa, deviceId: uuidv7(), scopePath: '/hq/' }, from); // sees more than the county: another key
    await share.pull({ ...pa, deviceId: uuidv7(), role: 'instructor' }, from); // another role, another redaction
    expect(share.stats).toMatchObject({ reads: 3, shared: 0 });
    const pushed = await share.pull({ ...pa, deviceId: uuidv7(), lastSeq: 4 }, from);
    expect(Buffer.isBuffer(pushed)).toBe(false); // its own pull, as before sharing
    t += SHARE_MS + 1;
    await share.pull({ ...pa, deviceId: uuidv7() }, from);
    expect(share.stats).toMatchObject({ reads: 4, shared: 0 });
    await share.pull({ ...pa, deviceId: uuidv7() }, from);
    expect(share.stats).toMatchObject({ reads: 4, shared: 1 });
  });
});
