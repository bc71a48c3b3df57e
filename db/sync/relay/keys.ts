// The device's keys for relay by file, in its store's meta table like the device secret: its own
// X25519 pair (made at enrolment, or at the first hello of a device enrolled before relay by file)
// and HQ's public key, learned from the enrolment or hello answer. Wiping the store removes both.
import type Database from 'better-sqlite3';
import { RelayFileError } from '../../../shared/sync/relayBox.js';
import { getMetaRaw, setMetaRaw } from '../state.js';
import { newRelayKeyPair } from '../../../shared/node/relayCrypto.js';

export const RELAY_META = { own: 'sync_relay_key', hq: 'sync_hq_relay_key', lastExport: 'sync_relay_last_export' } as const;

export interface RelayKeyPair {
  privateKey: string;
  publicKey: string;
}

export function ownRelayKey(raw: Database.Database): RelayKeyPair | null {
  const v = getMetaRaw(raw, RELAY_META.own);
  return v ? (JSON.parse(v) as RelayKeyPair) : null;
}

/** This device's pair, made now if it has none (call while no transaction is open elsewhere). */
export function ensureOwnRelayKey(raw: Database.Database): RelayKeyPair {
  const have = ownRelayKey(raw);
  if (have) return have;
  const pair = newRelayKeyPair();
  setMetaRaw(raw, RELAY_META.own, JSON.stringify(pair));
  return pair;
}

export function saveRelayKeys(raw: Database.Database, own: RelayKeyPair, hqPublic: string | undefined): void {
  setMetaRaw(raw, RELAY_META.own, JSON.stringify(own));
  if (hqPublic) setMetaRaw(raw, RELAY_META.hq, hqPublic);
}

/** What sealing a bundle or opening an answer needs; refused until HQ's key is known. */
export function relayKeys(raw: Database.Database): { privateKey: string; hqPublic: string } {
  const own = ownRelayKey(raw);
  const hqPublic = getMetaRaw(raw, RELAY_META.hq);
  if (!own || !hqPublic) throw new RelayFileError('no_hq_key');
  return { privateKey: own.privateKey, hqPublic };
}
