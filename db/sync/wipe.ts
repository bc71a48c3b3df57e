// A revoked device is told to wipe its store: every synced row, everything waiting to be sent,
// the credentials and the identity go. A new device id lets it be enrolled again from scratch.
import type Database from 'better-sqlite3';
import { uuidv7 } from '../../shared/core/ids.js';
import type { Session } from '../context.js';
import { capturedTables } from './capture.js';
import { RELAY_META } from './relay/keys.js';
import { clockOf, setMetaRaw, withoutCapture } from './state.js';

const SYNC_TABLES_LOCAL = ['sync_outbox', 'sync_row_clock', 'sync_cell_clock', 'sync_conflicts', 'sync_rejections', 'sync_stash', 'sync_relay_imports'];
const META_KEYS = ['sync_hq_url', 'sync_secret', 'sync_enrolled_at', 'sync_cursor', 'sync_pull_since', 'sync_last_success', 'role', 'user_name', 'scope_path', ...Object.values(RELAY_META)];

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
  clockOf(raw).node = deviceId;
  Object.assign(dev.session, { deviceId, role: 'county_organiser', userName: '本机用户', scopePath: '/' });
}
