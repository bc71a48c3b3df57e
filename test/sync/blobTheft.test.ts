// Knowing a file's hash is not holding the file. A device of one county that names another
// county's photo (by its sha-256) in an attachment row of its own gets nothing: HQ treats a file as
// present for a device only when it, or the writer of the row it reads through, proved to hold the
// bytes by sending them. A device that really has the same photo proves it by uploading it.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clientFor } from '../../db/sync/session.js';
import { SyncFailure } from '../../db/sync/client.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { blobCheckAnswer, blobGetAnswer, resultsOf } from '../../shared/sync/protocol.js';
import { call } from '../support/builders.js';
import { buildWorld, pngBytes, themeDay, type World } from '../orglife/world.js';
import { deviceStamp, pushForged } from './forge.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from './support.js';

let hq: TestHq;
let admin: TestDevice;
let wx: World;
let wy: World;
beforeAll(async () => {
  hq = await startTestHq();
  admin = await enrolledDevice(hq, { user: '省管理员', role: 'hq_admin', scope: '/' });
  wx = await buildWorld(admin.context());
  wy = await buildWorld(admin.context());
  await admin.sync();
}, 60_000);
afterAll(async () => {
  await admin?.cleanup();
  await hq?.close();
});

const photoBytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(30_000)]);

async function attach(d: TestDevice, w: World, bytes: Buffer) {
  const ctx = d.context();
  const b = await call(ctx, 'attachments.put', { fileName: '合影.jpg', kind: 'photo', dataBase64: bytes.toString('base64'), thumbBase64: pngBytes(2, 2).toString('base64') });
  const saved = await call(ctx, 'activities.save', themeDay(w, '2026-11-05', { attachments: [{ sha256: b.sha256, thumbSha256: b.thumbSha256, name: '合影.jpg' }] }));
  return saved.attachments[0]!;
}

async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncFailure) return { status: e.status, code: e.code };
    throw e;
  }
  throw new Error('HQ served what it should have refused');
}

const fileOn = (d: TestDevice, hash: string) => join(d.dir, 'files', hash.slice(0, 2), hash);

it('a row naming another county’s hash opens nothing; a device that has the bytes proves it by sending them', async () => {
  const owner = await enrolledDevice(hq, { user: '甲县组织员', role: 'county_organiser', scope: wx.county.path });
  const thief = await enrolledDevice(hq, { user: '乙县组织员', role: 'county_organiser', scope: wy.county.path });
  const honest = await enrolledDevice(hq, { user: '乙县同事', role: 'county_organiser', scope: wy.county.path });
  const reader = await enrolledDevice(hq, { user: '乙县指导员', role: 'instructor', scope: wy.county.path });
  try {
    for (const d of [owner, thief, honest, reader]) await d.sync();
    const photo = await attach(owner, wx, photoBytes);
    await owner.sync(); // the file is at HQ now

    // The thief learned the hash (a shared export, a screenshot of the file name) and names it in a row of its own county.
    const rowId = uuidv7();
    const at = new Date().toISOString();
    const cells = { activity_id: uuidv7(), kind: 'photo', sha256: photo.sha256, mime: 'image/jpeg', size: photoBytes.length, file_name: 'x.jpg', thumb_sha256: null, scope_path: wy.county.path, synthetic: 0, created_at: at, updated_at: at, deleted: 0 };
    const forged = await pushForged(thief, [{ t: 'attachments', r: rowId, h: deviceStamp(thief), p: wy.county.path, c: cells }]);
    expect(Object.values(resultsOf(forged.answers[0]!, cells)).every((r) => r === 'a')).toBe(true); // the row is its own to write
    const c = clientFor(thief.dev);
    const check = await c.post('/v1/blobs/check', { items: [{ a: rowId, h: photo.sha256 }] }, blobCheckAnswer);
    expect(check.have).toEqual([]); // not present for it: it would have to send the bytes
    expect(check.missing.map((m) => m.h)).toEqual([photo.sha256]);
    expect(await refusal(c.post('/v1/blobs/get', { a: rowId, h: photo.sha256, offset: 0 }, blobGetAnswer))).toMatchObject({ status: 404, code: 'blob_not_at_hq' });
    // Nor can a colleague of its county read through that row.
    await reader.sync();
    expect(reader.store.raw.prepare('SELECT count(*) AS n FROM attachments WHERE id = ?').get(rowId)).toEqual({ n: 1 });
    expect(existsSync(fileOn(reader, photo.sha256))).toBe(false);
    expect(await refusal(clientFor(reader.dev).post('/v1/blobs/get', { a: rowId, h: photo.sha256, offset: 0 }, blobGetAnswer))).toMatchObject({ status: 404 });

    // A device of that county that really has the same photo attaches it: HQ has the bytes already, but it must send them.
    const same = await attach(honest, wy, photoBytes);
    expect(same.sha256).toBe(photo.sha256);
    await honest.sync();
    const proofs = (await sql<{ device_id: string; detail: string }>`SELECT device_id, detail FROM hq_log WHERE kind = 'blob'`.execute(hq.store.db)).rows
      .filter((l) => JSON.parse(l.detail).sha256 === photo.sha256);
    expect(proofs.map((p) => [p.device_id, JSON.parse(p.detail).proof])).toEqual([[owner.session.deviceId, false], [honest.session.deviceId, true]]);
    // Through the honest row the county reads the file; the thief's row still opens nothing for the thief.
    await reader.sync();
    expect(readFileSync(fileOn(reader, photo.sha256)).equals(photoBytes)).toBe(true);
    expect((await c.post('/v1/blobs/check', { items: [{ a: rowId, h: photo.sha256 }] }, blobCheckAnswer)).have).toEqual([]);
  } finally {
    for (const d of [owner, thief, honest, reader]) await d.cleanup();
  }
}, 120_000);
