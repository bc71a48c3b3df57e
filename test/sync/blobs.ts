// Attachment files through sync, on a real HQ (SQLite or PostgreSQL) with real device stores: a
// photo attached offline reaches HQ and every device of its scope byte for byte, and no other
// device; HQ refuses bytes that do not match their hash or exceed its limit and keeps serving; a
// file step that fails (HQ unreachable, one file damaged on the way) never holds rows back, and the
// next session finishes the job. Run by blobs.test.ts (SQLite) and postgres.test.ts.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { clientFor, pushSome } from '../../db/sync/session.js';
import { SyncFailure, type FetchLike } from '../../db/sync/client.js';
import { syncStatus } from '../../db/sync/records.js';
import { BLOB_LIMITS, blobCheckAnswer, blobGetAnswer, blobPutAnswer } from '../../shared/sync/protocol.js';
import { buildTree, call } from '../support/builders.js';
import { buildWorld, pngBytes, themeDay, type World } from '../orglife/world.js';
import { enrolledDevice, type TestDevice, type TestHq } from './support.js';

/** A camera photo as far as every check is concerned: JPEG magic, then incompressible bytes. */
export const jpeg = (bytes: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes - 4)]);

interface Photo {
  bytes: Buffer;
  thumb: Buffer;
}

/** A theme day with these photos (and their thumbnails), recorded through the real API. */
async function photoActivity(d: TestDevice, w: World, photos: Photo[], heldOn = '2026-11-05') {
  const ctx = d.context();
  const refs = [];
  for (const [i, p] of photos.entries()) {
    const b = await call(ctx, 'attachments.put', { fileName: `合影${i + 1}.jpg`, kind: 'photo', dataBase64: p.bytes.toString('base64'), thumbBase64: p.thumb.toString('base64') });
    refs.push({ sha256: b.sha256, thumbSha256: b.thumbSha256, name: `合影${i + 1}.jpg` });
  }
  const saved = await call(ctx, 'activities.save', themeDay(w, heldOn, { attachments: refs }));
  return saved.attachments.map((a, i) => ({ id: a.id, sha256: a.sha256, thumbSha256: a.thumbSha256!, ...photos[i]! }));
}

const photo = (bytes: number, shade: number): Photo => ({ bytes: jpeg(bytes), thumb: pngBytes(2, 2, [shade, 16, 46]) });
const fileOf = (d: TestDevice, hash: string) => join(d.dir, 'files', hash.slice(0, 2), hash);
const fileHere = (d: TestDevice, hash: string) => existsSync(fileOf(d, hash));
const status = (d: TestDevice) => syncStatus(d.store.raw, d.session, undefined);
const n = (v: unknown) => Number(v);

async function hqBlobs(hq: TestHq): Promise<Map<string, Buffer>> {
  const r = await sql<{ sha256: string; data: Uint8Array }>`SELECT sha256, data FROM hq_blobs`.execute(hq.store.db);
  return new Map(r.rows.map((x) => [x.sha256, Buffer.from(x.data)]));
}
/** HQ's files as hash → digest of the bytes held (deep-comparing megabytes is slow). */
async function hqDigests(hq: TestHq): Promise<Record<string, string>> {
  return Object.fromEntries([...(await hqBlobs(hq))].map(([h, b]) => [h, createHash('sha256').update(b).digest('hex')]));
}
const hqParts = async (hq: TestHq) => n((await sql<{ n: unknown }>`SELECT count(*) AS n FROM hq_blob_parts`.execute(hq.store.db)).rows[0]!.n);

/** The refusal a request met (status, code, Chinese reason), or a failure if it was accepted. */
async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string; zh: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncFailure) return { status: e.status, code: e.code, zh: e.zh };
    throw e;
  }
  throw new Error('HQ accepted a request it should have refused');
}

/** An administrator sets up a county (with a branch) and a second county; county devices enrol. */
async function setUp(hq: TestHq, tag: string) {
  const admin = await enrolledDevice(hq, { user: `省管理员${tag}`, role: 'hq_admin', scope: '/' });
  const w = await buildWorld(admin.context());
  const elsewhere = await buildTree(admin.context());
  await admin.sync();
  const a = await enrolledDevice(hq, { user: `甲组织员${tag}`, role: 'county_organiser', scope: w.county.path });
  const b = await enrolledDevice(hq, { user: `乙指导员${tag}`, role: 'instructor', scope: w.county.path });
  const outsider = await enrolledDevice(hq, { user: `丙组织员${tag}`, role: 'county_organiser', scope: elsewhere.county.path });
  await a.sync();
  const devices = [admin, a, b, outsider];
  return { w, admin, a, b, outsider, cleanup: async () => Promise.all(devices.map((d) => d.cleanup())) };
}

async function carriesPhotosWithinScope(hq: TestHq): Promise<void> {
  const s = await setUp(hq, '一');
  try {
    // Recorded offline: a photo big enough to travel in three parts, and its thumbnail.
    const [p] = await photoActivity(s.a, s.w, [photo(BLOB_LIMITS.partBytes * 2 + 12_345, 90)]);
    expect(status(s.a)).toMatchObject({ filesToUpload: 1, filesMissing: 0 });
    await s.a.sync();
    expect(status(s.a)).toMatchObject({ filesToUpload: 0, filesMissing: 0, filesError: null });
    const atHq = await hqBlobs(hq);
    expect(atHq.get(p!.sha256)?.equals(p!.bytes)).toBe(true);
    expect(atHq.get(p!.thumbSha256)?.equals(p!.thumb)).toBe(true);
    expect(await hqParts(hq)).toBe(0);

    // A device of the same county gets both files, byte for byte, and can show them.
    await s.b.sync();
    expect(readFileSync(fileOf(s.b, p!.sha256)).equals(p!.bytes)).toBe(true);
    expect(readFileSync(fileOf(s.b, p!.thumbSha256)).equals(p!.thumb)).toBe(true);
    expect(status(s.b)).toMatchObject({ filesToUpload: 0, filesMissing: 0 });
    const full = await call(s.b.context(), 'attachments.read', { id: p!.id, variant: 'full' });
    expect(full.notSynced).toBeUndefined();
    expect(Buffer.from(full.dataBase64, 'base64').equals(p!.bytes)).toBe(true);
    const thumb = await call(s.b.context(), 'attachments.read', { id: p!.id, variant: 'thumb' });
    expect(thumb).toMatchObject({ mime: 'image/png', dataBase64: p!.thumb.toString('base64') });

    // The administrator (scope '/') gets them too; a second session moves nothing more.
    await s.admin.sync();
    expect(readFileSync(fileOf(s.admin, p!.sha256)).equals(p!.bytes)).toBe(true);
    await s.a.sync();
    // Each file was taken once, from the device that recorded it.
    const log = (await sql<{ device_id: string; detail: string }>`SELECT device_id, detail FROM hq_log WHERE kind = 'blob'`.execute(hq.store.db)).rows;
    const mine = log.filter((l) => [p!.sha256, p!.thumbSha256].includes(JSON.parse(l.detail).sha256));
    expect(mine.map((l) => l.device_id)).toEqual([s.a.session.deviceId, s.a.session.deviceId]);

    // Another county's device never receives the row or the file, and cannot fetch, probe or send it.
    await s.outsider.sync();
    expect(s.outsider.store.raw.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
    expect(fileHere(s.outsider, p!.sha256)).toBe(false);
    const c = clientFor(s.outsider.dev);
    const get = await refusal(c.post('/v1/blobs/get', { a: p!.id, h: p!.sha256, offset: 0 }, blobGetAnswer));
    expect(get).toMatchObject({ status: 404, code: 'blob_unknown' });
    expect(get.zh).toMatch(/找不到该附件文件/);
    // The same answer whether HQ holds the file or not: nothing leaks.
    const unknown = await refusal(c.post('/v1/blobs/get', { a: p!.id, h: 'e'.repeat(64), offset: 0 }, blobGetAnswer));
    expect(unknown).toEqual(get);
    expect(await c.post('/v1/blobs/check', { items: [{ a: p!.id, h: p!.sha256 }] }, blobCheckAnswer)).toMatchObject({ have: [], missing: [] });
    const put = await refusal(c.post('/v1/blobs/put', { a: p!.id, h: p!.sha256, size: p!.bytes.length, offset: 0, data: p!.bytes.subarray(0, 1000).toString('base64') }, blobPutAnswer));
    expect(put).toMatchObject({ status: 404, code: 'blob_unknown' });

    // A deleted attachment's file is nobody's to fetch any more.
    const act = (s.a.store.raw.prepare('SELECT activity_id FROM attachments WHERE id = ?').get(p!.id) as { activity_id: string }).activity_id;
    const detail = await call(s.a.context(), 'activities.get', { id: act });
    await call(s.a.context(), 'activities.save', { ...themeDay(s.w, '2026-11-05'), id: detail.id, attachments: [] });
    await s.a.sync();
    const gone = await refusal(clientFor(s.b.dev).post('/v1/blobs/get', { a: p!.id, h: p!.sha256, offset: 0 }, blobGetAnswer));
    expect(gone).toMatchObject({ status: 404, code: 'blob_unknown' });
  } finally {
    await s.cleanup();
  }
}

async function refusesBadUploads(hq: TestHq): Promise<void> {
  const s = await setUp(hq, '二');
  try {
    const [small, big] = await photoActivity(s.a, s.w, [photo(40_000, 30), photo(BLOB_LIMITS.partBytes + 5000, 60)]);
    await pushSome(s.a.dev, clientFor(s.a.dev)); // the rows reach HQ, the files not yet
    const c = clientFor(s.a.dev);
    const put = (body: Record<string, unknown>) => refusal(c.post('/v1/blobs/put', body, blobPutAnswer));
    const before = await hqDigests(hq);

    // Bytes that are not the file the row names: refused, nothing kept.
    const forged = Buffer.from(small!.bytes);
    forged[100] = forged[100]! ^ 0xff;
    const mismatch = await put({ a: small!.id, h: small!.sha256, size: forged.length, offset: 0, data: forged.toString('base64') });
    expect(mismatch).toMatchObject({ status: 400, code: 'blob_hash_mismatch' });
    expect(mismatch.zh).toMatch(/不符/);
    // The same in parts: the first part is held until the last shows the whole does not match.
    const first = await c.post('/v1/blobs/put', { a: big!.id, h: big!.sha256, size: big!.bytes.length, offset: 0, data: big!.bytes.subarray(0, BLOB_LIMITS.partBytes).toString('base64') }, blobPutAnswer);
    expect(first).toMatchObject({ have: BLOB_LIMITS.partBytes, done: false });
    expect(await hqParts(hq)).toBe(1);
    const tail = Buffer.from(big!.bytes.subarray(BLOB_LIMITS.partBytes));
    tail[0] = tail[0]! ^ 0xff;
    expect(await put({ a: big!.id, h: big!.sha256, size: big!.bytes.length, offset: BLOB_LIMITS.partBytes, data: tail.toString('base64') })).toMatchObject({ status: 400, code: 'blob_hash_mismatch' });
    expect(await hqParts(hq)).toBe(0);

    // Over HQ's limits: the file, one part, the whole request.
    const huge = await put({ a: small!.id, h: small!.sha256, size: BLOB_LIMITS.blobBytes + 1, offset: 0, data: small!.bytes.subarray(0, 10).toString('base64') });
    expect(huge).toMatchObject({ status: 413, code: 'blob_too_large' });
    expect(huge.zh).toMatch(/附件文件过大/);
    const fatPart = jpeg(BLOB_LIMITS.partBytes + 1);
    expect(await put({ a: big!.id, h: big!.sha256, size: big!.bytes.length, offset: 0, data: fatPart.toString('base64') })).toMatchObject({ status: 413 });
    expect(await put({ a: small!.id, h: small!.sha256, size: 10, offset: 0, data: 'A'.repeat(6 * 1024 * 1024) })).toMatchObject({ status: 413 });
    // Malformed: not base64, a part past the declared end, a hash that is not one.
    expect(await put({ a: small!.id, h: small!.sha256, size: 10, offset: 0, data: '这不是base64!' })).toMatchObject({ status: 400 });
    expect(await put({ a: small!.id, h: small!.sha256, size: 10, offset: 8, data: Buffer.alloc(4).toString('base64') })).toMatchObject({ status: 400, code: 'blob_part' });
    expect(await put({ a: small!.id, h: '../../etc/passwd', size: 10, offset: 0, data: 'AAAA' })).toMatchObject({ status: 400, code: 'malformed' });
    expect(await hqDigests(hq)).toEqual(before);
    expect(await hqParts(hq)).toBe(0);

    // HQ is still up, and the real files go through; sending one again changes nothing.
    expect(await (await fetch(`${hq.url}/v1/ping`)).json()).toMatchObject({ ok: true });
    await s.a.sync();
    const after = await hqDigests(hq);
    for (const p of [small!, big!]) expect(after[p.sha256]).toBe(p.sha256); // held, and the bytes hash to their name
    const again = await c.post('/v1/blobs/put', { a: small!.id, h: small!.sha256, size: small!.bytes.length, offset: 0, data: small!.bytes.toString('base64') }, blobPutAnswer);
    expect(again).toMatchObject({ have: small!.bytes.length, done: true });
    expect(await hqDigests(hq)).toEqual(after);
  } finally {
    await s.cleanup();
  }
}

/** HQ's real transport with the file requests failing or tampered with. */
function tampered(edit: { path: string; body?: (b: Record<string, unknown>) => Record<string, unknown> | 'fail'; answer?: (a: Record<string, unknown>) => Record<string, unknown> }): FetchLike {
  return async (url, init) => {
    if (!url.endsWith(edit.path)) return fetch(url, init);
    let body = init.body;
    if (edit.body) {
      const b = edit.body(JSON.parse(body!));
      if (b === 'fail') throw new TypeError('fetch failed');
      body = JSON.stringify(b);
    }
    const res = await fetch(url, { ...init, body });
    const text = await res.text();
    return { status: res.status, text: async () => (edit.answer && res.status === 200 ? JSON.stringify(edit.answer(JSON.parse(text))) : text) };
  };
}

async function filesNeverHoldRowsBack(hq: TestHq): Promise<void> {
  const s = await setUp(hq, '三');
  try {
    const [p1, p2] = await photoActivity(s.a, s.w, [photo(300_000, 120), photo(200_000, 150)]);
    // HQ answers rows but not files: the session still succeeds and the rows travel.
    await s.a.sync({ fetch: tampered({ path: '/v1/blobs/check', body: () => 'fail' }) });
    expect(status(s.a)).toMatchObject({ pending: 0, filesToUpload: 2 });
    expect(status(s.a).filesError?.message).toMatch(/无法连接总部/);
    await s.b.sync();
    expect(s.b.store.raw.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 2 });
    expect(status(s.b)).toMatchObject({ filesMissing: 2 });
    // The record is here, its file is not: a clear state, not an error.
    expect(await call(s.b.context(), 'attachments.read', { id: p1!.id, variant: 'thumb' })).toMatchObject({ notSynced: true, dataBase64: '', fileName: '合影1.jpg' });

    // One file is damaged on the way: that one is refused, the others arrive.
    await s.a.sync({ fetch: tampered({ path: '/v1/blobs/put', body: (b) => (b.h === p1!.sha256 ? { ...b, data: jpeg(300_000).toString('base64') } : b) }) });
    expect(status(s.a)).toMatchObject({ filesToUpload: 1 });
    expect(status(s.a).filesError?.message).toMatch(/不符/);
    const atHq = await hqBlobs(hq);
    expect([p1!.sha256, p1!.thumbSha256, p2!.sha256, p2!.thumbSha256].map((h) => atHq.has(h))).toEqual([false, true, true, true]);

    // B fetches what HQ has; a file damaged on its way down is not stored.
    await s.b.sync({ fetch: tampered({ path: '/v1/blobs/get', answer: (a) => ({ ...a, data: Buffer.from(a.data as string, 'base64').reverse().toString('base64') }) }) });
    expect(status(s.b)).toMatchObject({ filesMissing: 2 });
    expect(fileHere(s.b, p2!.sha256)).toBe(false);
    await s.b.sync();
    expect(status(s.b)).toMatchObject({ filesMissing: 1, filesError: null });
    expect(fileHere(s.b, p2!.sha256) && fileHere(s.b, p1!.thumbSha256)).toBe(true);
    expect(await call(s.b.context(), 'attachments.read', { id: p1!.id, variant: 'full' })).toMatchObject({ notSynced: true });

    // The next sessions finish the job.
    await s.a.sync();
    expect(status(s.a)).toMatchObject({ filesToUpload: 0, filesError: null });
    await s.b.sync();
    expect(status(s.b)).toMatchObject({ filesMissing: 0 });
    for (const p of [p1!, p2!]) expect(readFileSync(fileOf(s.b, p.sha256)).equals(p.bytes)).toBe(true);
    const read = await call(s.b.context(), 'attachments.read', { id: p1!.id, variant: 'full' });
    expect(Buffer.from(read.dataBase64, 'base64').equals(p1!.bytes)).toBe(true);
  } finally {
    await s.cleanup();
  }
}

async function resumesInterruptedUploads(hq: TestHq): Promise<void> {
  const s = await setUp(hq, '四');
  const P = BLOB_LIMITS.partBytes;
  try {
    const [p] = await photoActivity(s.a, s.w, [photo(P * 2 + 777, 200)]);
    // The connection drops after the first part of the photo.
    await s.a.sync({ fetch: tampered({ path: '/v1/blobs/put', body: (b) => (b.h === p!.sha256 && (b.offset as number) >= P ? 'fail' : b) }) });
    expect(await hqParts(hq)).toBe(1);
    expect(status(s.a)).toMatchObject({ filesToUpload: 1 });
    // The next session carries on from there: the first part is not sent again.
    const offsets: number[] = [];
    await s.a.sync({ fetch: tampered({ path: '/v1/blobs/put', body: (b) => (b.h === p!.sha256 && offsets.push(b.offset as number), b) }) });
    expect(offsets).toEqual([P, 2 * P]);
    expect((await hqBlobs(hq)).get(p!.sha256)?.equals(p!.bytes)).toBe(true);
    expect(await hqParts(hq)).toBe(0);

    // A part re-sent (its answer lost) or sent out of turn is not stored; HQ says where it stands.
    const [q] = await photoActivity(s.a, s.w, [photo(P * 2 + 99, 210)], '2026-11-06');
    await pushSome(s.a.dev, clientFor(s.a.dev));
    const c = clientFor(s.a.dev);
    const part = (offset: number) =>
      c.post('/v1/blobs/put', { a: q!.id, h: q!.sha256, size: q!.bytes.length, offset, data: q!.bytes.subarray(offset, offset + P).toString('base64') }, blobPutAnswer);
    expect(await part(0)).toMatchObject({ have: P, done: false });
    expect(await part(2 * P)).toMatchObject({ have: P, done: false }); // a gap: refused politely
    expect(await part(P)).toMatchObject({ have: 2 * P, done: false });
    expect(await part(P)).toMatchObject({ have: 2 * P, done: false }); // again: nothing new
    expect(await hqParts(hq)).toBe(2);
    expect(await part(2 * P)).toMatchObject({ have: q!.bytes.length, done: true });
    expect((await hqBlobs(hq)).get(q!.sha256)?.equals(q!.bytes)).toBe(true);
  } finally {
    await s.cleanup();
  }
}

export const blobFlows: Record<string, (hq: TestHq) => Promise<void>> = {
  'carries a photo and its thumbnail to the devices of its scope, byte for byte, and to no other': carriesPhotosWithinScope,
  'refuses bytes that do not match their hash or exceed the limits, keeps nothing of them and keeps serving': refusesBadUploads,
  'never holds rows back when files cannot move; the next session finishes the job': filesNeverHoldRowsBack,
  'resumes an interrupted upload where it stopped, and stores no part twice or out of turn': resumesInterruptedUploads,
};

export async function blobScenario(hq: TestHq): Promise<void> {
  for (const flow of Object.values(blobFlows)) await flow(hq);
}
