// An upload left unfinished (a laptop closed halfway through a photo) is deleted once it is older
// than `sync.staleUploadHours` — deterministically, by the next part anyone sends after that, not
// by chance — and the device that left it is told to start that file again.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { putSetting } from '../../hq/admin.js';
import { checkBlobs, putBlob } from '../../hq/blobs.js';
import { applyPush, HQ_NODE } from '../../hq/push.js';
import { Hlc } from '../../shared/sync/hlc.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { startTestHq, type TestHq } from '../sync/support.js';
import { attachmentWrite, hqDevice } from './hqDevices.js';

let hq: TestHq;
beforeAll(async () => {
  hq = await startTestHq();
});
afterAll(async () => {
  await hq?.close();
});

const HOUR = 3_600_000;
const parts = async () => Number((await sql<{ n: unknown }>`SELECT count(*) AS n FROM hq_blob_parts`.execute(hq.store.db)).rows[0]!.n);

it('deletes an unfinished upload once it is older than the limit, on the next part received', async () => {
  const d = await hqDevice(hq.store, '赵组织员', 'county_organiser', '/hq/xa/');
  const file = (n: number) => {
    const bytes = randomBytes(n);
    return { bytes, h: createHash('sha256').update(bytes).digest('hex'), id: uuidv7() };
  };
  const left = file(1500);
  const other = file(900);
  const clock = new Hlc(HQ_NODE);
  await applyPush(hq.store, clock, d, [attachmentWrite(d, 1, left.id, left.h), attachmentWrite(d, 2, other.id, other.h)]);

  const t0 = Date.UTC(2026, 11, 3, 9, 0);
  const half = { a: left.id, h: left.h, size: 1500, offset: 0, data: left.bytes.subarray(0, 1000).toString('base64') };
  expect(await putBlob(hq.store, d, half, t0)).toMatchObject({ have: 1000, done: false });
  expect(await parts()).toBe(1);

  // Any part from anyone moves the clean-up along; before the default 48 hours the upload stays.
  const otherPart = (offset: number, end: number) => ({ a: other.id, h: other.h, size: 900, offset, data: other.bytes.subarray(offset, end).toString('base64') });
  await putBlob(hq.store, d, otherPart(0, 300), t0 + 47 * HOUR);
  expect(await parts()).toBe(2);
  expect((await checkBlobs(hq.store, d, [{ a: left.id, h: left.h }])).missing).toEqual([{ a: left.id, h: left.h, o: 1000 }]);

  await putBlob(hq.store, d, otherPart(300, 600), t0 + 49 * HOUR);
  expect(await parts()).toBe(2); // the abandoned half is gone; both parts of the upload under way stay
  expect((await checkBlobs(hq.store, d, [{ a: left.id, h: left.h }])).missing).toEqual([{ a: left.id, h: left.h, o: 0 }]);

  // The limit is reference data: one hour, and the other file's parts (2 and 4 hours old) go too.
  await putSetting(hq.store, 'sync.staleUploadHours', 1);
  expect(await putBlob(hq.store, d, half, t0 + 51 * HOUR)).toMatchObject({ have: 1000, done: false });
  expect(await parts()).toBe(1);
  expect((await checkBlobs(hq.store, d, [{ a: other.id, h: other.h }])).missing).toEqual([{ a: other.id, h: other.h, o: 0 }]);
});
