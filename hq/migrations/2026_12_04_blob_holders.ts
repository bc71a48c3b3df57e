// Frozen once landed. Who has proved to hold each attachment file (hq/blobs.ts): a device that sent
// its bytes (the whole file, hashed to its name), or one HQ served it to through a row it may see.
// A file is read only through a row whose file cell was written by such a device: knowing a hash no
// longer lets a device name another county's file in a row of its own and download it.
// Files already at HQ keep their uploaders, from the log HQ wrote for every file it took (or, for a file
// with none logged, the device whose row named it first).
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

/** Where the node starts in a stamp: 12 hex digits of ms, 4 of counter (shared/sync/hlc.ts, frozen here as the migration is). */
const HLC_NODE_AT = 16;

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  await sql.raw(`CREATE TABLE hq_blob_holders (sha256 ${text} NOT NULL, device_id ${text} NOT NULL, at ${text} NOT NULL, PRIMARY KEY (sha256, device_id))`).execute(db);
  const hash = d === 'pg' ? sql.raw(`(detail::json ->> 'sha256')`) : sql.raw(`json_extract(detail, '$.sha256')`);
  await sql`INSERT INTO hq_blob_holders (sha256, device_id, at)
    SELECT ${hash}, device_id, min(at) FROM hq_log WHERE kind = 'blob' AND device_id IS NOT NULL AND ${hash} IN (SELECT sha256 FROM hq_blobs)
    GROUP BY ${hash}, device_id
    ON CONFLICT DO NOTHING`.execute(db);
  // A file with no uploader in the log (kept before HQ logged them) goes to the device whose row named it first.
  const orphans = (await sql<{ sha256: string }>`SELECT sha256 FROM hq_blobs WHERE sha256 NOT IN (SELECT sha256 FROM hq_blob_holders)`.execute(db)).rows.map((r) => r.sha256);
  if (!orphans.length) return;
  const first = new Map<string, string>(); // hash → the earliest stamp naming it
  const wanted = new Set(orphans);
  const rows = await sql<{ cells: string }>`SELECT cells FROM hq_rows WHERE tbl = 'attachments'`.execute(db);
  for (const r of rows.rows) {
    const cells = JSON.parse(r.cells) as Record<string, [unknown, string] | undefined>;
    for (const col of ['sha256', 'thumb_sha256']) {
      const c = cells[col];
      if (c && typeof c[0] === 'string' && wanted.has(c[0]) && (!first.has(c[0]) || c[1] < first.get(c[0])!)) first.set(c[0], c[1]);
    }
  }
  const at = new Date().toISOString();
  // An HLC ends with its node (shared/sync/hlc.ts): the device that wrote the cell.
  for (const [hash, hlc] of first) await sql`INSERT INTO hq_blob_holders (sha256, device_id, at) VALUES (${hash}, ${hlc.slice(HLC_NODE_AT)}, ${at}) ON CONFLICT DO NOTHING`.execute(db);
}
