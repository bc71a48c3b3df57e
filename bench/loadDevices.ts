// Simulated devices for the load test (bench/load1000.bench.ts): each speaks the real protocol
// through the device's own client (signed, compressed requests) without a store of its own, so a
// thousand of them fit on this machine. A "day" is hello, a push of new outlets, and a pull to the head.
import { createHash, randomUUID } from 'node:crypto';
import { HqClient } from '../db/sync/client.js';
import { ownTransport } from '../db/sync/transport.js';
import { uuidv7 } from '../shared/core/ids.js';
import { signingPublicKey } from '../shared/node/requestSign.js';
import { encodeHlc } from '../shared/sync/hlc.js';
import { enrolAnswer, helloAnswer, PROTOCOL_VERSION, pushAnswer, resultsOf, type WireWrite } from '../shared/sync/protocol.js';
import { snapshotManifest } from '../shared/sync/snapshot.js';

export interface SimDevice {
  id: string;
  scope: string;
  client: HqClient;
  seq: number;
  /** Rows of this device's pushes that HQ answered. */
  acked: number;
  cursor: number;
  counter: number;
  /** What another process needs to act as this device (bench/firstSyncProcess.ts). */
  url: string;
  secret: string;
}

export async function enrolSim(url: string, code: string, scope: string): Promise<SimDevice> {
  const id = randomUUID();
  const anon = new HqClient({ url, hqNow: Date.now });
  const e = await anon.post('/v1/enrol', { code, deviceId: id, appVersion: '0.1.0', schemaVersion: 'load-sim' }, enrolAnswer);
  return simDevice(url, id, e.secret, scope);
}

/**
 * An enrolled device to simulate. Its own connections to HQ, as a device has: sharing one agent, a thousand simulated devices would queue behind four sockets.
 * Its signing key is derived now, as a device does once per session: derived at each device's first request, the thousand
 * derivations (0.4 ms each alone, ~1.9 ms under the load) took ~2 s of the shared CPU inside the measured window.
 */
export function simDevice(url: string, id: string, secret: string, scope: string): SimDevice {
  signingPublicKey(secret);
  const client = new HqClient({ url, creds: { deviceId: id, secret }, hqNow: Date.now, transport: ownTransport() });
  return { id, scope, client, seq: 0, acked: 0, cursor: 0, counter: 0, url, secret };
}

/**
 * One pull page as the simulator reads it: its rows, cursor and whether more follow, not the text of
 * its values. Read as latin1, every JSON token comes out whole (each byte of a UTF-8 multi-byte
 * character is ≥ 0x80, never a quote, bracket or digit) and only the characters inside strings come
 * out wrong, which a sim that stores nothing never reads. Decoding them as UTF-8 was a third of the
 * first-sync process's busy time (8.6 of 24 s in its profile): work each device does on its own
 * laptop, taken here from the two cores that HQ and PostgreSQL share with the simulation.
 */
async function pullPage(d: SimDevice, body: { cursor: number; since: number }): Promise<{ rows: number; cursor: number; more: boolean }> {
  const a = JSON.parse((await d.client.postBytes('/v1/pull', body)).toString('latin1')) as Partial<Record<'rows' | 'cursor' | 'more', unknown>> | null;
  if (!a || !Array.isArray(a.rows) || typeof a.cursor !== 'number' || typeof a.more !== 'boolean') throw new Error('pull answer without rows, cursor or more');
  return { rows: a.rows.length, cursor: a.cursor, more: a.more };
}

/** Pulls from the device's cursor until HQ says there is no more; returns the rows received. */
export async function pullAll(d: SimDevice): Promise<number> {
  let rows = 0;
  // A catch-up keeps the cursor it began from as `since`: rows arrive whole-since-then.
  const since = d.cursor;
  for (;;) {
    const a = await pullPage(d, { cursor: d.cursor, since });
    rows += a.rows;
    d.cursor = a.cursor;
    if (!a.more) return rows;
  }
}

/**
 * A first sync as a device makes it (db/sync/snapshot.ts): HQ's snapshot — the manifest, then each
 * part checked against its digest — and a pull from the snapshot's version. The sim loads nothing:
 * a device's load runs on its own machine, not on HQ's.
 */
export async function firstSyncSim(d: SimDevice): Promise<number> {
  const m = await d.client.post('/v1/snapshot', {}, snapshotManifest);
  let rows = 0;
  for (let n = 0; n < m.parts.length; n++) {
    const bytes = await d.client.postBytes('/v1/snapshot/part', { id: m.id, n });
    if (createHash('sha256').update(bytes).digest('hex') !== m.parts[n]!.sha256) throw new Error(`snapshot part ${n} does not match its digest`);
    rows += m.parts[n]!.rows;
  }
  d.cursor = m.version;
  return rows + (await pullAll(d));
}

/** One day's sync: hello, `changes` new rows pushed, everything new pulled. */
export async function daySync(d: SimDevice, changes: number): Promise<{ pushed: number; pulled: number }> {
  const h = await d.client.post('/v1/hello', { appVersion: '0.1.0', schemaVersion: 'load-sim', cursor: d.cursor, protocol: PROTOCOL_VERSION }, helloAnswer);
  // A device that synced yesterday: it holds everything up to the head it last saw.
  if (d.cursor === 0) d.cursor = h.head;
  const now = Date.now();
  const at = new Date(now).toISOString();
  const writes: WireWrite[] = Array.from({ length: changes }, (_, i) => ({
    s: ++d.seq,
    t: 'outlets',
    r: uuidv7(),
    h: encodeHlc({ ms: now, counter: d.counter++, node: d.id }),
    p: d.scope,
    c: { code: `L${d.seq}`, name: `负载网点${d.seq}`, channel_type: 'own_store', scope_path: d.scope, created_at: at, updated_at: at, staff_count: i % 7 },
  }));
  const a = await d.client.post('/v1/push', { writes }, pushAnswer);
  const refused = a.answers.filter((x, i) => Object.values(resultsOf(x, writes[i]!.c)).some((r) => r === 'r'));
  if (a.answers.length !== writes.length || refused.length) throw new Error(`push answered ${a.answers.length}/${writes.length}, ${refused.length} refused: ${JSON.stringify(refused[0]?.reason)}`);
  d.acked += writes.length;
  return { pushed: writes.length, pulled: await pullAll(d) };
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Runs `jobs` with at most `width` at once, starting none after `deadline` (ms since epoch). */
export async function pool<T>(jobs: (() => Promise<T>)[], width: number, deadline: number): Promise<{ done: T[]; skipped: number }> {
  const done: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && Date.now() < deadline) done.push(await jobs[next++]!());
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return { done, skipped: jobs.length - next };
}
