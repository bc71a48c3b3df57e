// Frozen once landed. Who has proved to hold each attachment file (hq/blobs.ts): a device that sent
// its bytes (the whole file, hashed to its name), or one HQ served it to through a row it may see.
// A file is read only through a row whose file cell was written by such a device: knowing a hash no
// longer lets a device name another county's file in a row of its own and download it.
// Files already at HQ keep their uploaders, from the log HQ wrote for every file it took.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  await sql.raw(`CREATE TABLE hq_blob_holders (sha256 ${text} NOT NULL, device_id ${text} NOT NULL, at ${text} NOT NULL, PRIMARY KEY (sha256, device_id))`).execute(db);
  const hash = d === 'pg' ? sql.raw(`(detail::json ->> 'sha256')`) : sql.raw(`json_extract(detail, '$.sha256')`);
  await sql`INSERT INTO hq_blob_holders (sha256, device_id, at)
    SELECT ${hash}, device_id, min(at) FROM hq_log WHERE kind = 'blob' AND device_id IS NOT NULL AND ${hash} IN (SELECT sha256 FROM hq_blobs)
    GROUP BY ${hash}, device_id
    ON CONFLICT DO NOTHING`.execute(db);
}
