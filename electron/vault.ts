// The store key in Electron: random, wrapped by the OS keychain through safeStorage (DPAPI, Keychain,
// libsecret/kwallet). On Linux without a keychain safeStorage falls back to `basic_text`, a fixed
// key anyone can read from Chromium's source: that is refused, and the user signs in with a
// passphrase instead (electron/auth.ts). Electron 40 has only the synchronous safeStorage calls.
import type { Keychain, Unlocker } from '../db/vault/keywrap.js';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export type OsUnlock = { ok: true; unlock: Unlocker; keychain: Keychain } | { ok: false; reason: string };

/** The keychain, or why there is none worth the name (then nothing is sealed by it). */
export function osUnlocker(safeStorage: SafeStorageLike, platform: NodeJS.Platform): OsUnlock {
  if (!safeStorage.isEncryptionAvailable()) return { ok: false, reason: 'safeStorage unavailable' };
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') return { ok: false, reason: `Linux keychain backend ${backend}` };
  }
  return {
    ok: true,
    // Also seals the device users' PIN copies of the key (db/vault/users.ts).
    keychain: {
      seal: async (bytes) => safeStorage.encryptString(bytes.toString('base64')),
      open: async (blob) => Buffer.from(safeStorage.decryptString(blob), 'base64'),
    },
    unlock: {
      kind: 'os',
      wrap: async (key) => safeStorage.encryptString(key.toString('base64')),
      unwrap: async (blob) => {
        const key = Buffer.from(safeStorage.decryptString(blob), 'base64');
        if (key.length !== 32) throw new Error('the keychain returned a key of the wrong size');
        return key;
      },
    },
  };
}
