// One sync session with HQ: hello (learn HQ's time, check the device is still welcome), push every
// waiting write, then pull until caught up. Used by the background loop and directly by tests.
import type Database from 'better-sqlite3';
import { hlcMs } from '../../shared/sync/hlc.js';
import { pushBodyText } from '../../shared/node/pushLines.js';
import { helloAnswer, PROTOCOL_VERSION, pullAnswer, pushAnswer, type HelloAnswer, type PullAnswer } from '../../shared/sync/protocol.js';
import { applyChunks, CURSOR_KEY, SINCE_KEY, type ApplySummary } from './apply.js';
import { syncBlobs } from './blobs.js';
import { HqClient, JsonText, SyncFailure, type FetchLike } from './client.js';
import { applyAnswers, nextBatch, type AckSummary } from './outbox.js';
import { Local } from './local.js';
import { OutboxRows } from './outboxRows.js';
import type { RawTransport } from './transport.js';
import { ensureOwnRelayKey, RELAY_META } from './relay/keys.js';
import { deviceSyncSettings } from './settings.js';
import { clockOf, deviceNow, getMetaRaw, persistClock, schemaVersion, setMetaRaw, whenIdle, type Device } from './state.js';
import { wipeStore } from './wipe.js';
import { pullHistory } from '../history/pull.js';
import { backfill, type BackfillReport } from './backfill.js';
import { reconcileDuesAmounts } from './enrolPerson.js';
import { firstSync, type FirstSyncProgress, type FirstSyncReport } from './snapshot.js';
import { helloReport, noteSessionError } from './report.js';

export const APP_VERSION = '0.1.0';
/** HQ's refusal of what passes the device's daily quota (hq/quota.ts). */
export const QUOTA_CODE = 'quota_exceeded';
export const META = { url: 'sync_hq_url', secret: 'sync_secret', enrolledAt: 'sync_enrolled_at', lastSuccess: 'sync_last_success', signed: 'sync_signed_ok' } as const;

export interface SessionOptions {
  fetch?: FetchLike;
  /** The device's own transport (compressed both ways), replaced by the benchmark to count bytes on the wire. */
  transport?: RawTransport;
  pushBatch?: number;
  pullLimit?: number;
  /** Stop after this many push batches / pull chunks (tests interleave devices step by step). */
  maxPushes?: number;
  maxPulls?: number;
  /** Pulled rows held in memory before they are applied together (bigger: faster initial sync, more re-sent after a crash). */
  applyEvery?: number;
  /** See ApplyOptions.rebuildFrom (tests force the bulk path with 0). */
  rebuildFrom?: number;
  /** Told how long each applied batch took on the device (the benchmark separates apply from transfer). */
  onApplied?: (ms: number, rows: number) => void;
  /** Per HTTP request (a relayed bundle takes longer than a push batch). */
  timeoutMs?: number;
  /**
   * Whether a first sync loads HQ's snapshot (db/sync/snapshot.ts) before pulling. By default it
   * does, unless the caller shapes the chunked pull (pullLimit, maxPulls, applyEvery, rebuildFrom):
   * then the whole first sync goes chunk by chunk, as asked.
   */
  snapshot?: boolean;
  /** Told how far a first sync through the snapshot has come (the 同步 screen shows it). */
  onFirstSync?: (p: FirstSyncProgress) => void;
}

/** An initial sync of a few counties is one batch; a province is a few dozen (~50 MB of memory each at most). */
export const APPLY_EVERY = 50_000;

export interface SyncReport {
  pushed: AckSummary;
  pulled: ApplySummary;
  hello: HelloAnswer;
  /** What was pulled again after an upgrade brought tables or columns (none, usually). */
  repulled: BackfillReport;
  /** A first sync's snapshot, when this session loaded one. */
  snapshot: FirstSyncReport | null;
}

export { schemaVersion };

export function isEnrolled(raw: Database.Database): boolean {
  return !!getMetaRaw(raw, META.secret) && !!getMetaRaw(raw, META.url);
}

export function clientFor(dev: Device, opts: SessionOptions = {}): HqClient {
  const url = getMetaRaw(dev.raw, META.url);
  const secret = getMetaRaw(dev.raw, META.secret);
  if (!url || !secret) throw new SyncFailure('refused', '本机尚未注册到总部', 'This device is not enrolled');
  const clock = clockOf(dev.raw);
  const signed = () => getMetaRaw(dev.raw, META.signed) === '1';
  return new HqClient({
    url, creds: { deviceId: dev.session.deviceId, secret }, hqNow: () => deviceNow(dev.raw) + clock.offset, fetch: opts.fetch, transport: opts.transport, timeoutMs: opts.timeoutMs,
    learn: (t) => learnTime(dev.raw, t),
    requireTls: deviceSyncSettings(dev.raw, dev.session.scopePath).requireTls,
    legacy: { mayFallBack: () => !signed(), signedOk: () => signed() || dev.raw.inTransaction || setMetaRaw(dev.raw, META.signed, '1') },
  });
}

/** Every answer carries HQ's time: it advances the clock and corrects a device clock that is off. */
export function learnTime(raw: Database.Database, hqTime: number): void {
  const clock = clockOf(raw);
  clock.offset = hqTime - deviceNow(raw);
  clock.observe(hqTime);
}

export { whenIdle } from './state.js';

export async function hello(dev: Device, c: HqClient): Promise<HelloAnswer> {
  const cursor = Number(getMetaRaw(dev.raw, CURSOR_KEY) ?? 0);
  await whenIdle(dev.raw);
  // Every hello names the device's relay key: a device enrolled before relay by file registers it here.
  const relayKey = ensureOwnRelayKey(dev.raw).publicKey;
  const h = await c.post('/v1/hello', { appVersion: APP_VERSION, schemaVersion: schemaVersion(dev.raw), cursor, protocol: PROTOCOL_VERSION, relayKey, report: helloReport(dev.raw) }, helloAnswer);
  learnTime(dev.raw, h.hqTime);
  await whenIdle(dev.raw);
  dev.raw.transaction(() => {
    // HQ is the authority on who this device acts for.
    setMetaRaw(dev.raw, 'role', h.role);
    setMetaRaw(dev.raw, 'user_name', h.userName);
    setMetaRaw(dev.raw, 'scope_path', h.scopePath);
    if (h.hqRelayKey) setMetaRaw(dev.raw, RELAY_META.hq, h.hqRelayKey);
    persistClock(dev.raw);
  })();
  Object.assign(dev.session, { role: h.role, userName: h.userName, scopePath: h.scopePath });
  return h;
}

export async function pushSome(dev: Device, c: HqClient, opts: SessionOptions = {}): Promise<AckSummary & { batches: number }> {
  const total = { applied: 0, superseded: 0, rejected: 0, restamped: 0, batches: 0 };
  const rows = new OutboxRows(Local.of(dev.raw));
  for (let i = 0; i < (opts.maxPushes ?? 1000); i++) {
    const batch = nextBatch(dev.raw, opts.pushBatch ?? 500, rows);
    if (!batch.writes.length) break;
    const a = await c.post('/v1/push', new JsonText(pushBodyText(batch.writes)), pushAnswer);
    learnTime(dev.raw, a.hqTime);
    await whenIdle(dev.raw);
    const s = applyAnswers(dev.raw, batch, a.answers, a.hqTime);
    for (const k of ['applied', 'superseded', 'rejected', 'restamped'] as const) total[k] += s[k];
    total.batches++;
  }
  return total;
}

/**
 * Pulls until caught up. Consecutive chunks are held until about `applyEvery` rows have arrived
 * and then applied in one transaction (a first sync bulk-loads them, db/sync/bulk.ts); what was
 * already received is applied even when a later request fails.
 */
export async function pullSome(dev: Device, c: HqClient, opts: SessionOptions = {}): Promise<ApplySummary & { chunks: number }> {
  const total = { rows: 0, cells: 0, dropped: 0, conflicts: 0, stashed: 0, chunks: 0 };
  const held: PullAnswer[] = [];
  let heldRows = 0;
  let start = Number(getMetaRaw(dev.raw, CURSOR_KEY) ?? 0);
  const apply = async () => {
    if (!held.length) return;
    await whenIdle(dev.raw);
    // Another pull may have moved the cursor meanwhile: chunks apply only on the cursor they were asked for.
    if (Number(getMetaRaw(dev.raw, CURSOR_KEY) ?? 0) === start) {
      const t = performance.now();
      const s = applyChunks(dev.raw, held, { rebuildFrom: opts.rebuildFrom });
      opts.onApplied?.(performance.now() - t, s.rows);
      for (const k of ['rows', 'cells', 'dropped', 'conflicts', 'stashed'] as const) total[k] += s[k];
      total.chunks += held.length;
    }
    held.length = 0;
    heldRows = 0;
    start = Number(getMetaRaw(dev.raw, CURSOR_KEY) ?? 0);
  };
  try {
    for (let i = 0; i < (opts.maxPulls ?? 100_000); i++) {
      const cursor = held.at(-1)?.cursor ?? start;
      // A device that never finished a catch-up began its first one at 0.
      const since = Math.min(start, Number(getMetaRaw(dev.raw, SINCE_KEY) ?? 0));
      const chunk = await c.post('/v1/pull', { cursor, since, limit: opts.pullLimit }, pullAnswer);
      learnTime(dev.raw, chunk.hqTime);
      held.push(chunk);
      heldRows += chunk.rows.length + chunk.drops.length + chunk.conflicts.length;
      if (!chunk.more) break;
      if (heldRows >= (opts.applyEvery ?? APPLY_EVERY)) await apply();
    }
  } finally {
    await apply();
  }
  return total;
}

/** Once everything this device stamped is at HQ (re-stamped there if needed), stop stamping the future. */
async function rewindIfAhead(dev: Device): Promise<void> {
  const clock = clockOf(dev.raw);
  // HQ re-stamps what is further ahead than its tolerance: a clock still ahead would have every write re-stamped.
  const tolerance = deviceSyncSettings(dev.raw, dev.session.scopePath).clockToleranceSeconds * 1000;
  if (hlcMs(clock.high()) <= clock.physical() + tolerance) return;
  await whenIdle(dev.raw);
  if ((dev.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n > 0) return;
  clock.rewind();
  persistClock(dev.raw);
}

/** hello → push → pull. Revocation wipes the store. */
export async function syncOnce(dev: Device, opts: SessionOptions = {}): Promise<SyncReport> {
  const c = clientFor(dev, opts);
  try {
    const h = await hello(dev, c); // a clock HQ finds too far off is corrected and the call retried (client.ts)
    // Over today's quota HQ takes nothing more from this device: what waits stays here, and the pull still runs.
    const over: { quota: SyncFailure | null } = { quota: null };
    const pushed = await pushSome(dev, c, opts).catch((e: unknown) => {
      if (!(e instanceof SyncFailure) || e.code !== QUOTA_CODE) throw e;
      over.quota = e;
      return { applied: 0, superseded: 0, rejected: 0, restamped: 0, batches: 0 };
    });
    await rewindIfAhead(dev);
    const repulled = await backfill(dev, c, opts.pullLimit); // tables or columns an upgrade brought (db/sync/backfill.ts)
    const chunked = opts.pullLimit !== undefined || opts.maxPulls !== undefined || opts.applyEvery !== undefined || opts.rebuildFrom !== undefined;
    // A first sync in one snapshot, then the pull from its version; its rows count as pulled.
    const snapshot = (opts.snapshot ?? !chunked) ? await firstSync(dev, c, { onProgress: opts.onFirstSync }) : null;
    const pulled = await pullSome(dev, c, opts);
    if (snapshot) pulled.rows += snapshot.rows;
    await reconcileDuesAmounts(dev, c, opts.pullLimit); // a branch secretary's dues amounts, lost or gained (db/sync/enrolPerson.ts)
    await whenIdle(dev.raw);
    if (over.quota) throw over.quota; // shown as the last error; the loop tries again later
    setMetaRaw(dev.raw, META.lastSuccess, new Date().toISOString());
    noteSessionError(dev.raw, null);
    await pullHistory(dev, c); // who changed what, from HQ's record history (db/history/pull.ts)
    await syncBlobs(dev, c); // attachment files, after the rows; never fails the session (db/sync/blobs.ts)
    return { hello: h, pushed, pulled, repulled, snapshot };
  } catch (e) {
    if (e instanceof SyncFailure && e.kind === 'revoked') await wipeStore(dev);
    else noteSessionError(dev.raw, e instanceof SyncFailure ? e : { zh: `同步出错：${String((e as Error)?.message ?? e)}`, en: `Sync failed: ${String(e)}` });
    throw e;
  }
}
