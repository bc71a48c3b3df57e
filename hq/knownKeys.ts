// The devices' signing keys this HQ process has already read, kept in memory: a key, once registered
// (hq_sign_keys), never changes, so a signed request from a known device is checked before HQ touches
// its database — a forged one costs no statement at all — and the request is then claimed in one
// statement on PostgreSQL: its nonce taken, the device marked seen, and the device's current state
// (revoked or not, role, scope, count of writes) read, where it took two. Every daily sync makes three
// requests; on a loaded PostgreSQL each round trip is a wake-up of another process on a busy machine.
import { sql } from 'kysely';
import type { Role } from '../shared/domain/enums.js';
import type { HqStore } from './store.js';

/** Bounded: a province has a few thousand devices; past the bound the oldest-read key is read again. */
const KEEP = 50_000;
const keys = new WeakMap<HqStore, Map<string, string>>();

export function knownSignKey(store: HqStore, deviceId: string): string | undefined {
  return keys.get(store)?.get(deviceId);
}

export function rememberSignKey(store: HqStore, deviceId: string, publicKey: string): void {
  let m = keys.get(store);
  if (!m) keys.set(store, (m = new Map()));
  if (m.size >= KEEP) m.delete(m.keys().next().value!);
  m.set(deviceId, publicKey);
}

/** Forgets what this process read: for a key removed from hq_sign_keys by hand, which it would otherwise still accept until restarted. */
export function forgetSignKeys(store: HqStore): void {
  keys.delete(store);
}

export interface ClaimedDevice {
  user_name: string;
  role: Role;
  scope_path: string;
  revoked_at: string | null;
  last_seq: number | string;
  person_id: string | null;
  settings_version: number | string | null;
  /** Whether the nonce was new (0: a replay). */
  fresh: number | string;
}

/**
 * Takes the nonce of a request whose signature is already checked and reads the device. Nothing is
 * taken for a revoked device, and it is not marked seen. `undefined`: no such device.
 */
export async function claimRequest(store: HqStore, deviceId: string, nonce: string, now: number): Promise<ClaimedDevice | undefined> {
  const seen = new Date(now).toISOString();
  // `version + 0`: with max(version) PostgreSQL may walk the version index backwards through every row looking for a settings one.
  const device = sql`d.user_name, d.role, d.scope_path, d.revoked_at, d.last_seq, d.person_id, (SELECT max(version + 0) FROM hq_rows WHERE tbl = 'settings') AS settings_version`;
  if (store.dialect === 'pg') {
    const r = await sql<ClaimedDevice>`WITH n AS (INSERT INTO hq_nonces (device_id, nonce, at)
        SELECT ${deviceId}, ${nonce}, ${now} WHERE EXISTS (SELECT 1 FROM hq_devices WHERE device_id = ${deviceId} AND revoked_at IS NULL) ON CONFLICT DO NOTHING RETURNING 1),
      u AS (UPDATE hq_devices SET last_seen_at = ${seen} WHERE device_id = ${deviceId} AND EXISTS (SELECT 1 FROM n) RETURNING 1)
      SELECT ${device}, (SELECT count(*) FROM n) AS fresh FROM hq_devices d WHERE d.device_id = ${deviceId}`.execute(store.db);
    return r.rows[0];
  }
  // SQLite has no writing WITH; its statements cost no round trip.
  const d = (await sql<Omit<ClaimedDevice, 'fresh'>>`SELECT ${device} FROM hq_devices d WHERE d.device_id = ${deviceId}`.execute(store.db)).rows[0];
  if (!d || d.revoked_at) return d && { ...d, fresh: 0 };
  const n = await sql`INSERT INTO hq_nonces (device_id, nonce, at) VALUES (${deviceId}, ${nonce}, ${now}) ON CONFLICT DO NOTHING`.execute(store.db);
  const fresh = Number(n.numAffectedRows ?? 0);
  if (fresh) await sql`UPDATE hq_devices SET last_seen_at = ${seen} WHERE device_id = ${deviceId}`.execute(store.db);
  return { ...d, fresh };
}
