// Keys for relay by file. HQ's X25519 pair is made the first time it is needed and kept in hq_meta
// (one row holding both halves, inserted only if absent: two processes racing keep the same pair).
// Each device's public key arrives with its enrolment or, for a device enrolled before relay by
// file existed, with its next hello — both authenticated calls — and lives in hq_device_keys.
// HQ's private key is in its database: a copy of that database reads every bundle, as it already
// holds all the data the bundles carry.
import { sql } from 'kysely';
import { newRelayKeyPair } from '../../shared/node/relayCrypto.js';
import type { HqStore } from '../store.js';

export interface HqRelayKeys {
  privateKey: string;
  publicKey: string;
}

const loaded = new WeakMap<HqStore, Promise<HqRelayKeys>>();

async function load(store: HqStore): Promise<HqRelayKeys> {
  const fresh = newRelayKeyPair();
  await sql`INSERT INTO hq_meta (key, value) VALUES ('relay_key', ${JSON.stringify(fresh)}) ON CONFLICT (key) DO NOTHING`.execute(store.db);
  const r = await store.db.selectFrom('hq_meta').select('value').where('key', '=', 'relay_key').executeTakeFirstOrThrow();
  return JSON.parse(r.value) as HqRelayKeys;
}

export function hqRelayKeys(store: HqStore): Promise<HqRelayKeys> {
  let p = loaded.get(store);
  if (!p) {
    loaded.set(store, (p = load(store)));
    p.catch(() => loaded.delete(store));
  }
  return p;
}

/** Stores (or replaces) a device's public key; a no-op when it is the one HQ holds. */
export async function saveDeviceKey(db: HqStore['db'], deviceId: string, publicKey: string, now = new Date()): Promise<void> {
  await sql`INSERT INTO hq_device_keys (device_id, public_key, at) VALUES (${deviceId}, ${publicKey}, ${now.toISOString()})
    ON CONFLICT (device_id) DO UPDATE SET public_key = excluded.public_key, at = excluded.at WHERE hq_device_keys.public_key <> excluded.public_key`.execute(db);
}
