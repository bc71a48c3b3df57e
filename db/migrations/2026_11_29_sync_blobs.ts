// Frozen once landed. Attachment files that are both on this device and at HQ (db/sync/blobs.ts):
// nothing more to send or fetch for them, so a sync session and the 同步 screen look only at the
// rest. Keyed by the device id the knowledge was gained under: a wiped and re-enrolled device (new
// id, perhaps another HQ) starts from nothing rather than trust what an earlier HQ held.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE sync_blob_synced (
    device_id TEXT NOT NULL, sha256 TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (device_id, sha256)) WITHOUT ROWID`).execute(db);
}
