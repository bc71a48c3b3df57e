// Attachment files follow their rows. The `attachments` rows sync like any other; at the end of a
// session the files they name go to HQ (those HQ lacks) and come from HQ (those missing here),
// one at a time and in parts (shared/sync/protocol.ts BLOB_LIMITS). Rows come first: a file that
// cannot move now never fails the session, it is simply tried again in the next one.
import type Database from 'better-sqlite3';
import { dirname, join } from 'node:path';
import { BLOB_LIMITS, blobCheckAnswer, blobGetAnswer, blobPutAnswer, sha256Hex, type BlobRef } from '../../shared/sync/protocol.js';
import { FILES_DIR, hasBlob, putBlob, readBlob, sha256 } from '../orglife/files.js';
import { SyncFailure, type HqClient } from './client.js';
import { getMetaRaw, setMetaRaw, whenIdle, type Device } from './state.js';

export interface BlobOptions {
  /** Bytes to send and to fetch in one session (each): a big backlog must not keep rows waiting for long. */
  maxBytes?: number;
}

export interface BlobReport {
  uploaded: number;
  downloaded: number;
  failed: number;
  bytesUp: number;
  bytesDown: number;
  /** Why the step ended early: HQ stopped answering, or the session's byte budget is spent. */
  stopped: 'offline' | 'budget' | null;
}

export interface BlobCounts {
  /** Attachments with a file here that HQ is not yet known to hold. */
  filesToUpload: number;
  /** Attachments with a file not (yet) on this device. */
  filesMissing: number;
}

export interface BlobError {
  message: string;
  messageEn: string;
  at: string;
}

const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;
const ERROR_KEY = 'sync_blob_error';
const isHash = (h: unknown): h is string => typeof h === 'string' && sha256Hex.safeParse(h).success;

/** A problem with one file: recorded, and the step goes on with the next. */
class FileProblem extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export const filesDirOf = (raw: Database.Database) => join(dirname(raw.name), FILES_DIR);

interface Pending {
  a: string;
  h: string;
  thumb: boolean;
}

/** Files of live attachments not yet both here and at HQ, newest attachments first. */
function notDoneFiles(raw: Database.Database, deviceId: string): Pending[] {
  const rows = raw
    .prepare(
      `SELECT id, sha256, thumb_sha256, full_done, thumb_done FROM (
        SELECT a.id, a.sha256, a.thumb_sha256, a.created_at,
          EXISTS (SELECT 1 FROM sync_blob_synced s WHERE s.device_id = ? AND s.sha256 = a.sha256) AS full_done,
          a.thumb_sha256 IS NULL OR EXISTS (SELECT 1 FROM sync_blob_synced s WHERE s.device_id = ? AND s.sha256 = a.thumb_sha256) AS thumb_done
        FROM attachments a WHERE a.deleted = 0)
      WHERE NOT (full_done AND thumb_done) ORDER BY created_at DESC, id`,
    )
    .all(deviceId, deviceId) as { id: string; sha256: string; thumb_sha256: string | null; full_done: number; thumb_done: number }[];
  const out: Pending[] = [];
  for (const r of rows) {
    if (!r.full_done) out.push({ a: r.id, h: r.sha256, thumb: false });
    if (!r.thumb_done && r.thumb_sha256 !== null) out.push({ a: r.id, h: r.thumb_sha256, thumb: true });
  }
  return out;
}

/** What the 同步 screen shows. Only files not yet known to be done are looked for on disk. */
export function blobCounts(raw: Database.Database, deviceId: string): BlobCounts {
  const dir = filesDirOf(raw);
  const up = new Set<string>();
  const missing = new Set<string>();
  // A hash that is not one (a bad row from elsewhere) must never become a path: it is simply missing.
  for (const f of notDoneFiles(raw, deviceId)) (isHash(f.h) && hasBlob(dir, f.h) ? up : missing).add(f.a);
  return { filesToUpload: up.size, filesMissing: missing.size };
}

export function lastBlobError(raw: Database.Database): BlobError | null {
  const s = getMetaRaw(raw, ERROR_KEY);
  try {
    return s ? (JSON.parse(s) as BlobError) : null;
  } catch {
    return null;
  }
}


async function markDone(raw: Database.Database, deviceId: string, hashes: string[]): Promise<void> {
  if (!hashes.length) return;
  await whenIdle(raw);
  const at = new Date().toISOString();
  const ins = raw.prepare(`INSERT OR IGNORE INTO sync_blob_synced (device_id, sha256, at) VALUES (?, ?, ?)`);
  raw.transaction(() => hashes.forEach((h) => ins.run(deviceId, h, at)))();
}

/** Sends one file in parts, continuing wherever HQ says it stands. The plain bytes are read whole
 * (files on disk are sealed, db/vault/fileCipher.ts; BLOB_LIMITS keeps them small). */
async function sendFile(c: HqClient, dir: string, ref: BlobRef & { o: number }): Promise<number> {
  const whole = readBlob(dir, ref.h);
  const size = whole.length;
  const mb = BLOB_LIMITS.blobBytes / 1024 / 1024;
  if (size > BLOB_LIMITS.blobBytes) throw new FileProblem(`附件文件超过总部上限 ${mb}MB，无法上传`, `The file exceeds HQ's ${mb} MB limit`);
  if (size === 0 || sha256(whole) !== ref.h)
    throw new FileProblem('本机保存的附件文件已损坏（内容与校验值不符），无法上传', 'The file on this device is damaged (does not match its hash)');
  let offset = ref.o > 0 && ref.o < size ? ref.o : 0;
  let sent = 0;
  for (let round = 0; round < Math.ceil(size / BLOB_LIMITS.partBytes) * 2 + 4; round++) {
    const part = whole.subarray(offset, offset + Math.min(BLOB_LIMITS.partBytes, size - offset));
    const a = await c.post('/v1/blobs/put', { a: ref.a, h: ref.h, size, offset, data: part.toString('base64') }, blobPutAnswer);
    sent += part.length;
    if (a.done) return sent;
    if (!(a.have >= 0 && a.have < size)) break;
    offset = a.have;
  }
  throw new FileProblem('总部未能接收完整的附件文件', 'HQ did not take the whole file');
}

/** Fetches one file part by part; it is stored only once it hashes to its name. */
async function fetchFile(c: HqClient, dir: string, ref: BlobRef): Promise<number> {
  const parts: Buffer[] = [];
  let offset = 0;
  let size = -1;
  do {
    const a = await c.post('/v1/blobs/get', { a: ref.a, h: ref.h, offset }, blobGetAnswer);
    const bytes = Buffer.from(a.data, 'base64');
    if (a.size <= 0 || a.size > BLOB_LIMITS.blobBytes || (size !== -1 && a.size !== size) || bytes.length === 0 || offset + bytes.length > a.size)
      throw new FileProblem('总部返回的附件数据不完整', 'HQ sent an inconsistent part of the file');
    size = a.size;
    parts.push(bytes);
    offset += bytes.length;
  } while (offset < size);
  const whole = Buffer.concat(parts);
  if (sha256(whole) !== ref.h) throw new FileProblem('收到的附件文件与校验值不符，未保存，下次同步时重试', 'The received file does not match its hash; not stored');
  putBlob(dir, whole);
  return size;
}

/** One file's failure: offline ends the step, anything else is noted and the next file goes. */
function failure(e: unknown): { stop: boolean; error: Omit<BlobError, 'at'> | null } {
  if (e instanceof SyncFailure) {
    if (e.kind === 'offline' || e.kind === 'revoked') return { stop: true, error: { message: `附件同步中断：${e.zh}`, messageEn: `File sync interrupted: ${e.en}` } };
    if (e.code === 'blob_not_at_hq') return { stop: false, error: null }; // its author has not sent it yet
    return { stop: false, error: { message: `附件同步失败：${e.zh}`, messageEn: `File sync failed: ${e.en}` } };
  }
  if (e instanceof FileProblem) return { stop: false, error: { message: e.zh, messageEn: e.en } };
  const m = String((e as Error)?.message ?? e);
  return { stop: false, error: { message: `附件同步出错：${m}`, messageEn: `File sync error: ${m}` } };
}

/**
 * Sends the files HQ lacks, then fetches the ones missing here (thumbnails first, so lists fill in
 * quickly). Never throws: what did not move is counted on the 同步 screen and retried next time.
 */
export async function syncBlobs(dev: Device, c: HqClient, opts: BlobOptions = {}): Promise<BlobReport> {
  try {
    return await moveFiles(dev, c, opts);
  } catch (e) {
    // Not one file's trouble (the store itself): the rows synced all the same; say so and go on.
    const f = failure(e);
    try {
      await whenIdle(dev.raw);
      if (f.error) setMetaRaw(dev.raw, ERROR_KEY, JSON.stringify({ ...f.error, at: new Date().toISOString() }));
    } catch {}
    return { uploaded: 0, downloaded: 0, failed: 1, bytesUp: 0, bytesDown: 0, stopped: null };
  }
}

async function moveFiles(dev: Device, c: HqClient, opts: BlobOptions): Promise<BlobReport> {
  const { raw } = dev;
  const deviceId = dev.session.deviceId;
  const dir = filesDirOf(raw);
  const budget = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const report: BlobReport = { uploaded: 0, downloaded: 0, failed: 0, bytesUp: 0, bytesDown: 0, stopped: null };
  const errors: Omit<BlobError, 'at'>[] = [];
  const attempt = async (fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      const f = failure(e);
      if (f.error) {
        errors.push(f.error);
        report.failed++;
      }
      if (f.stop) report.stopped = 'offline';
    }
  };

  await whenIdle(raw);
  raw.prepare(`DELETE FROM sync_blob_synced WHERE device_id <> ?`).run(deviceId); // knowledge of an earlier enrolment
  const pending = notDoneFiles(raw, deviceId).filter((f) => isHash(f.h));
  const toSend = new Map<string, BlobRef & { o: number }>();
  const toFetch = new Map<string, Pending>();
  for (let i = 0; i < pending.length && !report.stopped; i += BLOB_LIMITS.checkItems) {
    const batch = pending.slice(i, i + BLOB_LIMITS.checkItems);
    await attempt(async () => {
      const a = await c.post('/v1/blobs/check', { items: batch.map(({ a, h }) => ({ a, h })) }, blobCheckAnswer);
      // Only what was asked about is acted on: a name from the answer alone never becomes a path.
      const asked = new Set(batch.map((p) => p.h));
      const atHq = new Set(a.have.filter((h) => asked.has(h)));
      await markDone(raw, deviceId, [...atHq].filter((h) => hasBlob(dir, h)));
      for (const m of a.missing) if (asked.has(m.h) && !toSend.has(m.h) && hasBlob(dir, m.h)) toSend.set(m.h, m);
      for (const p of batch) if (atHq.has(p.h) && !toFetch.has(p.h) && !hasBlob(dir, p.h)) toFetch.set(p.h, p);
    });
  }
  for (const ref of toSend.values()) {
    if (report.stopped === 'offline') break;
    if (report.bytesUp >= budget) {
      report.stopped = 'budget';
      break;
    }
    await attempt(async () => {
      report.bytesUp += await sendFile(c, dir, ref);
      await markDone(raw, deviceId, [ref.h]);
      report.uploaded++;
    });
  }
  // Thumbnails first (lists fill in quickly); the sort is stable, so newest first within each kind.
  const fetchOrder = [...toFetch.values()].sort((x, y) => Number(y.thumb) - Number(x.thumb));
  for (const ref of fetchOrder) {
    if (report.stopped === 'offline') break;
    if (report.bytesDown >= budget) {
      report.stopped = 'budget';
      break;
    }
    await attempt(async () => {
      report.bytesDown += await fetchFile(c, dir, ref);
      await markDone(raw, deviceId, [ref.h]);
      report.downloaded++;
    });
  }
  await whenIdle(raw);
  const last = errors.at(-1);
  if (last || getMetaRaw(raw, ERROR_KEY) !== null) setMetaRaw(raw, ERROR_KEY, last ? JSON.stringify({ ...last, at: new Date().toISOString() }) : null);
  return report;
}
