// Attachment files at HQ. The `attachments` rows sync like any other; the bytes they name (sha256,
// thumb_sha256) come here in parts and are kept in the database, so every HQ process on one
// PostgreSQL serves them. A device reaches a file only through an attachment row it may see: the
// row's id travels with every request, and a file no visible row names is answered 404 whether HQ
// holds it or not. Anyone who sees the row may supply its bytes: the hash fixes what they can be.
// A hash alone proves nothing: a device holds a file for HQ only once it sent the bytes (or was
// served them), and a file is read only through a row whose naming cell such a device wrote.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  BLOB_LIMITS, blobCheckRequest, blobGetRequest, blobPutRequest, type BlobCheckAnswer, type BlobGetAnswer, type BlobPutAnswer, type BlobRef,
} from '../shared/sync/protocol.js';
import { hlcNode } from '../shared/sync/hlc.js';
import { isVisible } from '../shared/sync/tables.js';
import type { Device } from './auth.js';
import { readCells, type Cell } from './cells.js';
import { HqError } from './errors.js';
import { logEvent } from './log.js';
import { charge } from './quota.js';
import { hqSyncSettings } from './settings.js';
import { num, type HqStore } from './store.js';

type Parse = <S extends z.ZodType>(schema: S, body: unknown) => z.output<S>;

export interface BlobRouteDeps {
  store: HqStore;
  device(req: FastifyRequest): Promise<Device>;
  parse: Parse;
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

// Also what a device hears for a row whose writer never proved to hold the file: as if it had not arrived.
const notYet = () => new HqError(404, 'blob_not_at_hq', '总部尚未收到该附件的文件（添加附件的设备尚未上传），稍后会自动重试', 'HQ does not have this file yet');

const unknownFile = () =>
  new HqError(404, 'blob_unknown', '找不到该附件文件（附件不存在、已删除或不在本设备的管理范围内）', 'No such attachment file within this device\u2019s scope');

interface AttachmentRow {
  row_id: string;
  scope_path: string;
  cells: string;
  stamps: string | null;
}

/**
 * Whether this attachment row, as HQ holds it, is the device's to see and names the file; if so,
 * the device that wrote the cell naming it (HQ accepted that write, so it was entitled to the scope).
 */
function names(row: AttachmentRow, d: Device, hash: string): string | null {
  if (!isVisible('attachments', row.scope_path, d.scopePath)) return null;
  let cells: Record<string, Cell | undefined>;
  try {
    cells = readCells(row.cells, row.stamps);
  } catch {
    return null;
  }
  if (cells.deleted?.[0] === 1) return null;
  const cell = cells.sha256?.[0] === hash ? cells.sha256 : cells.thumb_sha256?.[0] === hash ? cells.thumb_sha256 : undefined;
  return typeof cell?.[1] === 'string' ? hlcNode(cell[1]) : null;
}

/** Of these devices, those that proved they hold the file. */
async function holders(store: HqStore, hash: string, devices: string[]): Promise<Set<string>> {
  const r = await store.db.selectFrom('hq_blob_holders').select('device_id').where('sha256', '=', hash).where('device_id', 'in', devices).execute();
  return new Set(r.map((x) => x.device_id));
}

const hold = (db: HqStore['db'], hash: string, deviceId: string, now: number) =>
  db.insertInto('hq_blob_holders').values({ sha256: hash, device_id: deviceId, at: new Date(now).toISOString() }).onConflict((oc) => oc.doNothing()).execute();

/**
 * Whether HQ may treat the file as present for this device: the device itself proved it holds it,
 * or the row's writer did. A row naming a hash its writer never held opens nothing.
 */
async function readable(store: HqStore, d: Device, writer: string, hash: string): Promise<boolean> {
  return (await holders(store, hash, [d.deviceId, writer])).size > 0;
}

async function attachmentRows(store: HqStore, ids: string[]): Promise<Map<string, AttachmentRow>> {
  if (!ids.length) return new Map();
  const r = await store.db.selectFrom('hq_rows').select(['row_id', 'scope_path', 'cells', 'stamps']).where('tbl', '=', 'attachments').where('row_id', 'in', ids).execute();
  return new Map(r.map((x) => [x.row_id, x]));
}

/** The writer of the row's cell naming the file, when the device may see the row. */
async function authorise(store: HqStore, d: Device, ref: BlobRef): Promise<string> {
  const row = (await attachmentRows(store, [ref.a])).get(ref.a);
  const writer = row ? names(row, d, ref.h) : null;
  if (!writer) throw unknownFile();
  return writer;
}

export async function checkBlobs(store: HqStore, d: Device, items: BlobRef[]): Promise<BlobCheckAnswer> {
  const rows = await attachmentRows(store, [...new Set(items.map((i) => i.a))]);
  const seen = new Map<string, string>(); // hash → an attachment row through which the device may send it
  const writers = new Map<string, Set<string>>(); // hash → writers of the visible rows naming it
  for (const i of items) {
    const writer = rows.has(i.a) ? names(rows.get(i.a)!, d, i.h) : null;
    if (!writer) continue;
    if (!seen.has(i.h)) seen.set(i.h, i.a);
    (writers.get(i.h) ?? writers.set(i.h, new Set()).get(i.h)!).add(writer);
  }
  const hashes = [...seen.keys()];
  if (!hashes.length) return { hqTime: Date.now(), have: [], missing: [] };
  const held = await store.db.selectFrom('hq_blobs').select('sha256').where('sha256', 'in', hashes).execute();
  const proved = await store.db
    .selectFrom('hq_blob_holders')
    .select(['sha256', 'device_id'])
    .where('sha256', 'in', held.map((r) => r.sha256).concat(''))
    .where('device_id', 'in', [d.deviceId, ...new Set([...writers.values()].flatMap((w) => [...w]))])
    .execute();
  const holderOf = new Set(proved.map((p) => `${p.sha256} ${p.device_id}`));
  // Present for this device only if it, or a writer of a row it sees, proved to hold the bytes; else it must send them.
  const have = new Set(held.map((r) => r.sha256).filter((h) => holderOf.has(`${h} ${d.deviceId}`) || [...writers.get(h)!].some((w) => holderOf.has(`${h} ${w}`))));
  const partial = await store.db
    .selectFrom('hq_blob_parts')
    .select((eb) => ['sha256', eb.fn.sum('len').as('n')])
    .where('device_id', '=', d.deviceId)
    .where('sha256', 'in', hashes)
    .groupBy('sha256')
    .execute();
  const started = new Map(partial.map((r) => [r.sha256, num(r.n)]));
  return {
    hqTime: Date.now(),
    have: hashes.filter((h) => have.has(h)),
    missing: hashes.filter((h) => !have.has(h)).map((h) => ({ a: seen.get(h)!, h, o: started.get(h) ?? 0 })),
  };
}

/** Strict base64 (Buffer.from would skip what is not), or null. */
function decode(s: string): Buffer | null {
  return s.length % 4 === 0 && BASE64_RE.test(s) ? Buffer.from(s, 'base64') : null;
}

const tooLarge = (zh: string, en: string) => new HqError(413, 'blob_too_large', zh, en);

/**
 * Deletes unfinished uploads older than `sync.staleUploadHours` (the device that left one starts
 * that file again). Run on every part received: the age test is one range of an index, so an
 * abandoned upload lasts the limit and not a day longer, whatever the traffic.
 */
export async function dropStaleUploads(store: HqStore, now: number): Promise<number> {
  const { staleUploadHours } = await hqSyncSettings(store.db, '/');
  const r = await store.db.deleteFrom('hq_blob_parts').where('at', '<', now - staleUploadHours * 3_600_000).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function putBlob(store: HqStore, d: Device, req: z.output<typeof blobPutRequest>, now = Date.now()): Promise<BlobPutAnswer> {
  const mb = BLOB_LIMITS.blobBytes / 1024 / 1024;
  if (req.size > BLOB_LIMITS.blobBytes) throw tooLarge(`附件文件过大（上限 ${mb}MB），总部不予保存`, `The file exceeds HQ's limit of ${mb} MB`);
  if (Math.floor((req.data.length * 3) / 4) > BLOB_LIMITS.partBytes + 2) throw tooLarge('单次上传的数据过大', 'Part too large');
  const bytes = decode(req.data);
  if (!bytes) throw new HqError(400, 'malformed', '附件数据不是有效的 base64 编码', 'The part is not valid base64');
  if (bytes.length > BLOB_LIMITS.partBytes) throw tooLarge('单次上传的数据过大', 'Part too large');
  if (bytes.length === 0 || req.offset + bytes.length > req.size)
    throw new HqError(400, 'blob_part', '附件分段的位置或长度不正确', 'The part does not fit inside the declared size');
  await authorise(store, d, req);
  await dropStaleUploads(store, now);
  const held = await store.db.selectFrom('hq_blobs').select('size').where('sha256', '=', req.h).executeTakeFirst();
  // Sent (or served) to this device before: nothing to do. Otherwise it proves it holds the bytes by sending them, even if HQ has them.
  if (held && (await holders(store, req.h, [d.deviceId])).size) return { hqTime: now, have: num(held.size), done: true };

  const parts = () => store.db.selectFrom('hq_blob_parts').where('sha256', '=', req.h).where('device_id', '=', d.deviceId).orderBy('pos');
  const dropParts = (db: HqStore['db'] = store.db) => db.deleteFrom('hq_blob_parts').where('sha256', '=', req.h).where('device_id', '=', d.deviceId).execute();
  const staged = await parts().select(['pos', 'len', 'size']).execute();
  let have = 0;
  for (const p of staged) {
    if (num(p.pos) !== have || num(p.size) !== req.size) {
      have = -1; // an upload of another length or with a gap: start this file again
      break;
    }
    have += num(p.len);
  }
  if (have === -1 || (req.offset === 0 && have > 0)) {
    await dropParts();
    have = 0;
  }
  // Not where this upload stands (a re-sent part, a lost answer): say where it does, store nothing.
  if (req.offset !== have) return { hqTime: now, have, done: false };
  await charge(store.db, d.deviceId, (await hqSyncSettings(store.db, d.scopePath, d.settingsVersion)).quota, { rows: 0, bytes: bytes.length }, now);
  const end = req.offset + bytes.length;
  if (end < req.size) {
    await store.db
      .insertInto('hq_blob_parts')
      .values({ sha256: req.h, device_id: d.deviceId, pos: req.offset, len: bytes.length, size: req.size, data: bytes, at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return { hqTime: now, have: end, done: false };
  }

  // The last part: the whole file must hash to its name, or none of it is kept.
  const earlier = req.offset > 0 ? (await parts().select('data').execute()).map((p) => p.data) : [];
  const whole = earlier.length ? Buffer.concat([...earlier, bytes]) : bytes;
  if (whole.length !== req.size || createHash('sha256').update(whole).digest('hex') !== req.h) {
    await dropParts();
    throw new HqError(400, 'blob_hash_mismatch', '附件文件内容与其校验值不符，未保存（文件可能在传输中损坏），将在下次同步时重新上传',
      'The file does not match its sha-256; nothing was stored');
  }
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('hq_blobs')
      .values({ sha256: req.h, size: req.size, data: whole, created_at: new Date(now).toISOString() })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await dropParts(trx);
    await hold(trx, req.h, d.deviceId, now);
  });
  await logEvent(store, 'blob', d.deviceId, { sha256: req.h, size: req.size, attachment: req.a, proof: !!held });
  return { hqTime: now, have: req.size, done: true };
}

export async function getBlob(store: HqStore, d: Device, req: z.output<typeof blobGetRequest>): Promise<BlobGetAnswer> {
  const writer = await authorise(store, d, req);
  if (!(await readable(store, d, writer, req.h))) throw notYet();
  const from = req.offset + 1;
  const part = store.dialect === 'pg'
    ? sql<Uint8Array | null>`substring(data from ${from} for ${BLOB_LIMITS.partBytes})`
    : sql<Uint8Array | null>`substr(data, ${from}, ${BLOB_LIMITS.partBytes})`;
  const row = await store.db.selectFrom('hq_blobs').select(['size', part.as('part')]).where('sha256', '=', req.h).executeTakeFirst();
  // The device sees the row, so saying the file has not arrived reveals nothing.
  if (!row) throw notYet();
  const size = num(row.size);
  if (req.offset >= size) throw new HqError(400, 'blob_part', '请求的位置超出附件文件长度', 'Offset beyond the end of the file');
  if (req.offset + BLOB_LIMITS.partBytes >= size) await hold(store.db, req.h, d.deviceId, Date.now()); // served whole: it holds the file now
  return { hqTime: Date.now(), size, data: Buffer.from(row.part ?? new Uint8Array()).toString('base64') };
}

export function registerBlobRoutes(app: FastifyInstance, { store, device, parse }: BlobRouteDeps): void {
  app.post('/v1/blobs/check', async (req) => {
    const d = await device(req);
    return checkBlobs(store, d, parse(blobCheckRequest, req.body).items);
  });
  app.post('/v1/blobs/put', async (req) => {
    const d = await device(req);
    return putBlob(store, d, parse(blobPutRequest, req.body));
  });
  app.post('/v1/blobs/get', async (req) => {
    const d = await device(req);
    return getBlob(store, d, parse(blobGetRequest, req.body));
  });
}
