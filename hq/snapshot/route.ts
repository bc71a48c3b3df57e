// POST /v1/snapshot (the manifest of a first-sync snapshot for the calling device) and
// POST /v1/snapshot/part (one part, sent as compressed when it was built when the device takes
// brotli). Both are signed requests like every sync call; a part is only ever served to a device
// of the kind it was built for.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';
import { pickCoding } from '../../shared/node/wireEncoding.js';
import { snapshotPartRequest, snapshotRequest, type SnapshotManifest } from '../../shared/sync/snapshot.js';
import type { BlobRouteDeps } from '../blobs.js';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { SnapshotCache } from './cache.js';

const unbrotli = promisify(brotliDecompress);
const caches = new WeakMap<HqStore, SnapshotCache>();

/** The snapshots the HQ server on this store holds (tests and the benchmark count its builds). */
export function snapshotCacheOf(store: HqStore): SnapshotCache | undefined {
  return caches.get(store);
}

/**
 * Before a device is sent rows as they were at `version`, it counts as holding them from then on
 * (hq/holders.ts): a tombstone newer than the snapshot is not purged before the device has pulled
 * past it. Only ever lowers what HQ knows of the device (its first pull), never raises it.
 */
async function holdsFrom(store: HqStore, deviceId: string, version: number): Promise<void> {
  await sql`UPDATE hq_devices SET
    first_pull_version = CASE WHEN first_pull_version IS NULL OR first_pull_version > ${version} THEN ${version} ELSE first_pull_version END,
    acked_version = CASE WHEN acked_version IS NULL THEN 0 ELSE acked_version END
    WHERE device_id = ${deviceId}`.execute(store.db);
}

export function registerSnapshotRoutes(app: FastifyInstance, { store, device, parse }: BlobRouteDeps): void {
  const cache = new SnapshotCache(store);
  caches.set(store, cache);
  app.post('/v1/snapshot', async (req): Promise<SnapshotManifest> => {
    const d = await device(req);
    const snap = await cache.forActor(d, parse(snapshotRequest, req.body).resume);
    await holdsFrom(store, d.deviceId, snap.version);
    return { hqTime: Date.now(), id: snap.id, version: snap.version, rows: snap.rows, bytes: snap.bytes, parts: snap.parts.map((p) => ({ rows: p.rows, bytes: p.coded.length, sha256: p.sha256 })) };
  });
  app.post('/v1/snapshot/part', async (req, reply) => {
    const d = await device(req);
    const { id, n } = parse(snapshotPartRequest, req.body);
    const part = cache.part(d, id, n);
    if (!part)
      throw new HqError(410, 'snapshot_gone', '总部已不再保存这份首次同步的快照，本机将改取最新的一份，已收到的数据保留', 'HQ no longer holds this first-sync snapshot; the device takes the current one and keeps what it has');
    reply.header('content-type', 'application/json; charset=utf-8');
    if (pickCoding(req.headers['accept-encoding']) === 'br') {
      reply.header('content-encoding', 'br');
      return reply.send(part.coded);
    }
    return reply.send(await unbrotli(part.coded));
  });
}
