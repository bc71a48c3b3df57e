// Shared setup for the sync benchmarks: a synthetic province loaded into an outbox (as if a device
// had entered it), an HQ to push it to, fresh devices, and byte-counting fetch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openStore } from '../db/open.js';
import { openProfile, type Profile } from '../db/profile.js';
import { uuidv7 } from '../shared/core/ids.js';
import { capturedTables } from '../db/sync/capture.js';
import type { FetchLike } from '../db/sync/client.js';
import { nodeTransport, type RawTransport } from '../db/sync/transport.js';
import { decodeBody } from '../shared/node/wireEncoding.js';
import { enrolDevice } from '../db/sync/enrol.js';
import { createEnrolCode } from '../hq/auth.js';
import { buildHq } from '../hq/server.js';
import { serverMs } from '../hq/serverTiming.js';
import { openHqStore, type HqStore } from '../hq/store.js';
import type { Role } from '../shared/domain/enums.js';
import { generateProvince } from '../test/synthetic/generate.js';

export interface TempDevice {
  profile: Profile;
  raw: Database.Database;
  dev: { raw: Database.Database; session: Profile['session'] };
  close(): Promise<void>;
}

/** What the sync session needs of a device. */
export type SyncDevice = Pick<TempDevice, 'raw' | 'dev' | 'close'>;

/**
 * A device whose store is an in-memory SQLite database (same schema, same sync code, nothing
 * written to disk): the like-for-like partner of PouchDB's in-memory adapter.
 */
export async function memoryDevice(): Promise<SyncDevice> {
  const store = await openStore(':memory:');
  const session = { deviceId: uuidv7(), role: 'county_organiser' as const, userName: '基准', scopePath: '/', profileName: 'bench' };
  return { raw: store.raw, dev: { raw: store.raw, session }, close: () => store.close() };
}

export async function tempDevice(): Promise<TempDevice> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-'));
  const profile = await openProfile(dir);
  return {
    profile,
    raw: profile.store.raw,
    dev: { raw: profile.store.raw, session: profile.session },
    close: async () => {
      await profile.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A device holding `counties` synthetic counties, every row waiting in its outbox (capture on). */
export async function loadedDevice(counties: number, seed: number): Promise<TempDevice & { rows: number }> {
  const d = await tempDevice();
  await generateProvince(d.raw, { counties, seed, suppressCapture: null });
  const rows = (d.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n;
  return { ...d, rows };
}

/** Every synced row of a store, per table, as plain objects. */
export function allRows(raw: Database.Database): Map<string, Record<string, unknown>[]> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const t of capturedTables(raw)) {
    const rows = raw.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
    if (rows.length) out.set(t, rows);
  }
  return out;
}

export interface BenchHq {
  url: string;
  store: HqStore;
  /** The SQLite file (none on PostgreSQL): another HQ process can serve it. */
  file?: string;
  /** Enrols at this HQ, or at `url` (another process on the same database). */
  enrol(d: SyncDevice, role: Role, scope: string, fetch?: FetchLike, url?: string): Promise<void>;
  close(): Promise<void>;
}

export async function benchHq(target?: string): Promise<BenchHq> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-hq-'));
  const file = target ? undefined : join(dir, 'hq.sqlite');
  const store = await openHqStore(target ?? file!);
  const app = buildHq({ store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const srv = { url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, close: () => app.close() };
  return {
    url: srv.url,
    store,
    file,
    enrol: async (d, role, scope, fetch, url = srv.url) => {
      await enrolDevice(d.dev, url, await createEnrolCode(store, { userName: `基准-${role}`, role, scopePath: scope }), { fetch });
    },
    close: async () => {
      await srv.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The device's own transport, adding up the time HQ says (Server-Timing) it worked on each path. */
export function timedTransport(): { transport: RawTransport; spent: Map<string, number> } {
  const spent = new Map<string, number>();
  const transport: RawTransport = async (url, init) => {
    const r = await nodeTransport(url, init);
    const path = new URL(url).pathname;
    spent.set(path, (spent.get(path) ?? 0) + serverMs(r.headers['server-timing']));
    return r;
  };
  return { transport, spent };
}

/** fetch that counts the bytes of request and response bodies. */
export function countingFetch(): { fetch: FetchLike; sent: number; received: number; reset(): void } {
  const c = {
    sent: 0,
    received: 0,
    reset() {
      c.sent = 0;
      c.received = 0;
    },
    fetch: (async (url, init) => {
      c.sent += Buffer.byteLength(init.body ?? '');
      const res = await fetch(url, init);
      const text = await res.text();
      c.received += Buffer.byteLength(text);
      return { status: res.status, text: async () => text };
    }) as FetchLike,
  };
  return c;
}

/**
 * The device's own transport, counting bytes as they travel (compressed) and, once `settle()` is
 * awaited after the timed part, as they are decoded: decoding them a second time inside the timing
 * (as this once did) charged a first sync with a brotli pass of its whole answer that no device makes.
 */
export function countingTransport(): { transport: RawTransport; sent: number; received: number; sentPlain: number; receivedPlain: number; reset(): void; settle(): Promise<void> } {
  let seen: { body: Buffer; coding: string; sent: boolean }[] = [];
  const c = {
    sent: 0,
    received: 0,
    sentPlain: 0,
    receivedPlain: 0,
    reset() {
      c.sent = c.received = c.sentPlain = c.receivedPlain = 0;
      seen = [];
    },
    async settle() {
      for (const x of seen) {
        const n = (await decodeBody(x.body, x.coding, 1 << 30)).length;
        if (x.sent) c.sentPlain += n;
        else c.receivedPlain += n;
      }
      seen = [];
    },
    transport: (async (url, init) => {
      const body = init.body === undefined ? Buffer.alloc(0) : Buffer.from(init.body);
      c.sent += body.length;
      seen.push({ body, coding: init.headers['content-encoding'] ?? '', sent: true });
      const res = await nodeTransport(url, init);
      c.received += res.body.length;
      seen.push({ body: res.body, coding: String(res.headers['content-encoding'] ?? ''), sent: false });
      return res;
    }) as RawTransport,
  };
  return c;
}
