// A revoked device is told to wipe its store: every synced row, everything waiting to be sent,
// the credentials and the identity go. A new device id lets it be enrolled again from scratch.
// On an encrypted profile the rows are only the first step: the owner of the connection (db/backend.ts)
// is then told to close it and destroy the key, the store files and every attachment
// (db/vault/destroy.ts) — a sync session still holds the connection when this runs.
import type Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { uuidv7 } from '../../shared/core/ids.js';
import type { Session } from '../context.js';
import { FILES_DIR } from '../orglife/files.js';
import { capturedTables } from './capture.js';
import { RELAY_META } from './relay/keys.js';
import { clockOf, setMetaRaw, withoutCapture } from './state.js';

const SYNC_TABLES_LOCAL = ['sync_outbox', 'sync_row_clock', 'sync_cell_clock', 'sync_conflicts', 'sync_rejections', 'sync_stash', 'sync_relay_imports'];
const META_KEYS = ['sync_hq_url', 'sync_secret', 'sync_enrolled_at', 'sync_cursor', 'sync_pull_since', 'sync_last_success', 'role', 'user_name', 'scope_path', ...Object.values(RELAY_META)];

const destroyers = new WeakMap<Database.Database, () => Promise<void>>();

/** Registers what destroys the whole profile of this connection once a wipe has emptied it. */
export function onWipe(raw: Database.Database, destroy: () => Promise<void>): void {
  destroyers.set(raw, destroy);
}

export async function wipeStore(dev: { raw: Database.Database; session: Session }): Promise<void> {
  const raw = dev.raw;
  while (raw.inTransaction) await new Promise((r) => setTimeout(r, 2));
  const deviceId = uuidv7();
  withoutCapture(raw, () =>
    raw.transaction(() => {
      for (const t of capturedTables(raw)) raw.prepare(`DELETE FROM "${t}"`).run();
      for (const t of SYNC_TABLES_LOCAL) raw.prepare(`DELETE FROM ${t}`).run();
      for (const k of META_KEYS) setMetaRaw(raw, k, null);
      setMetaRaw(raw, 'device_id', deviceId);
      setMetaRaw(raw, 'sync_wiped_at', new Date().toISOString());
    })(),
  );
  // The rows naming them are gone: the files (photos with faces) go too.
  if (raw.name && raw.name !== ':memory:') rmSync(join(dirname(raw.name), FILES_DIR), { recursive: true, force: true });
  clockOf(raw).node = deviceId;
  Object.assign(dev.session, { deviceId, role: 'county_organiser', userName: '本机用户', scopePath: '/' });
  const destroy = destroyers.get(raw);
  if (destroy) setTimeout(() => void destroy(), 0);
}
