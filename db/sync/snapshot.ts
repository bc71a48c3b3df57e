// A first sync through HQ's snapshot (hq/snapshot/): the manifest names the version and the parts
// with their digests; each part is fetched, checked against its digest and its shape, and loaded
// in one transaction (./snapshotLoad.ts) together with the note of how far the load has come. A
// connection that drops half-way leaves the parts loaded so far: the next session asks HQ for the
// same snapshot and goes on from the next part. If HQ no longer holds it, the device loads the
// current one over what it has (merging) and pulls from the older version, so whatever left its
// scope in between still reaches it as a drop. The pull cursor moves only after the last part; the
// normal pull then brings everything changed at HQ since the snapshot's version.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { checkSnapshotPart, snapshotManifest, type FirstSyncProgress, type SnapshotManifest } from '../../shared/sync/snapshot.js';
import { CURSOR_KEY } from './apply.js';
import { capturedTables } from './capture.js';
import { SyncFailure, type HqClient } from './client.js';
import { loadPart } from './snapshotLoad.js';
import { getMetaRaw, whenIdle, type Device } from './state.js';

export const SNAPSHOT_KEY = 'sync_snapshot';

export type { FirstSyncProgress };

/** Kept in meta between parts (and between sessions). */
interface Under {
  id: string;
  version: number;
  /** The cursor to continue from: the lowest version of any snapshot partly loaded. */
  floor: number;
  done: number;
  rows: number;
  bytes: number;
  totalRows: number;
  totalBytes: number;
  dirty: string[];
}

export interface FirstSyncReport {
  rows: number;
  parts: number;
  version: number;
}

const readUnder = (raw: Database.Database): Under | null => {
  const s = getMetaRaw(raw, SNAPSHOT_KEY);
  return s ? (JSON.parse(s) as Under) : null;
};

/** A first sync still to do (nothing pulled yet: enrolment sets the cursor to 0) or under way. */
export function wantsSnapshot(raw: Database.Database): boolean {
  return !!getMetaRaw(raw, SNAPSHOT_KEY) || Number(getMetaRaw(raw, CURSOR_KEY) ?? 0) === 0;
}

/** The progress kept in the store (a first sync that stopped half-way shows how far it came). */
export function storedProgress(raw: Database.Database): FirstSyncProgress | null {
  const u = readUnder(raw);
  return u ? { rows: u.rows, totalRows: u.totalRows, bytes: u.bytes, totalBytes: u.totalBytes, secondsLeft: null } : null;
}

const nonEmpty = (raw: Database.Database) => capturedTables(raw).filter((t) => raw.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get() !== undefined);

const bad = (zh: string, en: string) => new SyncFailure('protocol', zh, en, 200, 'bad_snapshot');

export interface FirstSyncOptions {
  onProgress?: (p: FirstSyncProgress) => void;
  /** Told how long each part took to load on the device (the benchmark sets the load apart from the transfer). */
  onLoaded?: (ms: number, rows: number) => void;
}

/**
 * Loads HQ's snapshot if this device has never pulled (or is part-way through one). Returns null
 * when there is nothing to do or HQ has no snapshots (an older HQ): the chunked pull then does it all.
 */
export async function firstSync(dev: Device, c: HqClient, { onProgress, onLoaded }: FirstSyncOptions = {}): Promise<FirstSyncReport | null> {
  await whenIdle(dev.raw);
  if (!wantsSnapshot(dev.raw)) return null;
  const started = performance.now();
  let sessionBytes = 0;
  const report: FirstSyncReport = { rows: 0, parts: 0, version: 0 };
  for (let attempt = 0; attempt < 3; attempt++) {
    const under = readUnder(dev.raw);
    let m: SnapshotManifest;
    try {
      m = await c.post('/v1/snapshot', under ? { resume: under.id } : {}, snapshotManifest);
    } catch (e) {
      if (e instanceof SyncFailure && e.code === 'not_found' && !under) return null; // an HQ from before snapshots
      throw e;
    }
    await whenIdle(dev.raw);
    // The same snapshot goes on where it stopped; another one starts over (merging into what the first one left).
    const u: Under = under && under.id === m.id
      ? under
      : { id: m.id, version: m.version, floor: Math.min(m.version, under?.floor ?? m.version), done: 0, rows: 0, bytes: 0, totalRows: m.rows, totalBytes: m.bytes, dirty: nonEmpty(dev.raw) };
    const tell = () => {
      const pace = sessionBytes / ((performance.now() - started) / 1000);
      onProgress?.({ rows: u.rows, totalRows: u.totalRows, bytes: u.bytes, totalBytes: u.totalBytes, secondsLeft: sessionBytes ? Math.max(0, Math.round((u.totalBytes - u.bytes) / pace)) : null });
    };
    tell();
    try {
      // The next part travels while this one loads (the load is synchronous; the socket buffers meanwhile).
      const ask = (n: number) => {
        const p = c.postBytes('/v1/snapshot/part', { id: m.id, n });
        p.catch(() => {}); // awaited in its turn; a part never asked for after a failure is no unhandled rejection
        return p;
      };
      let next = u.done < m.parts.length ? ask(u.done) : null;
      for (let n = u.done; n < m.parts.length; n++) {
        const info = m.parts[n]!;
        const bytes = await next!;
        next = n + 1 < m.parts.length ? ask(n + 1) : null;
        // The digest over the bytes as received: the same as over the text's UTF-8, without encoding it again.
        if (createHash('sha256').update(bytes).digest('hex') !== info.sha256)
          throw bad('首次同步的数据包校验失败（内容与总部清单不符），未写入，稍后会重试', 'A first-sync part failed its check (it does not match HQ\'s manifest); nothing written, it will be retried');
        const part = checkSnapshotPart(JSON.parse(bytes.toString('utf8')));
        if (!part) throw bad('首次同步的数据包格式不符，未写入，请确认双方版本一致', 'A first-sync part does not match the protocol; nothing written');
        await whenIdle(dev.raw);
        const last = n === m.parts.length - 1;
        Object.assign(u, { done: n + 1, rows: u.rows + info.rows, bytes: u.bytes + info.bytes });
        const t = performance.now();
        const s = loadPart(dev.raw, part, { version: m.version, cursor: last ? u.floor : undefined, dirty: new Set(u.dirty), progressKey: SNAPSHOT_KEY, progress: last ? null : JSON.stringify(u) });
        onLoaded?.(performance.now() - t, s.rows);
        report.rows += s.rows;
        report.parts++;
        sessionBytes += info.bytes;
        tell();
      }
      report.version = m.version;
      return report;
    } catch (e) {
      // HQ let this snapshot go (restarted, or made room): ask again, keeping what is loaded.
      // (What was loaded of it is noted in meta with its version, which becomes the floor.)
      if (!(e instanceof SyncFailure) || e.code !== 'snapshot_gone') throw e;
    }
  }
  throw new SyncFailure('offline', '总部的首次同步快照一再更换，本次未完成，稍后会继续', 'HQ kept replacing the first-sync snapshot; the sync goes on later', 0, 'snapshot_gone');
}
