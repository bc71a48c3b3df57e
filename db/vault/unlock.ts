// Unlocking a profile: the wrapped key is opened with the user's passphrase (or the OS keychain), a
// plain profile from before encryption is migrated, and wrong passphrases are counted — after
// `lockoutAfter` each try waits, after `wipeAfter` the key and the data are destroyed.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/core/errors.js';
import { SIGNIN_DEFAULTS } from '../../shared/security/settings.js';
import { destroyProfileData } from './destroy.js';
import { readWrap, sealUserCopy, unwrapKey, wrapKey, writeWrap, wrongPassphrase, type KeyWrap, type Unlocker } from './keywrap.js';
import { encryptPlainStore } from './migrate.js';
import { settleStoreCipher } from './recipher.js';
import type { StoreCipher } from '../open.js';

export interface UnlockOptions {
  nativeBinding?: string;
  now?: () => Date;
  /** The page cipher of a store created now (bench compares them); an existing one keeps its own. */
  cipher?: StoreCipher;
  /** The store is open already (a second sign-in): only the secret is checked, the file is left alone. */
  storeOpen?: boolean;
}

/**
 * AEGIS-256 for new stores: authenticated like chacha20-poly1305 but on the CPU's AES instructions —
 * on the 100-county store a cold first member page and a captured UPDATE cost about what plain
 * costs, where chacha20 cost 5–9× (bench/encryption.bench.ts). Stores made earlier with chacha20
 * are converted on their next open (recipher.ts).
 */
export const NEW_STORE_CIPHER: StoreCipher = 'aegis';

/** The shortest passphrase accepted when one is first set (fewer characters fall to guessing). */
export const MIN_PASSPHRASE = 8;

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Whether this profile already has a key (sign-in unlocks) or not yet (the first sign-in sets one). */
export const hasKey = (dir: string) => readWrap(dir) !== null;

function checkNewPassphrase(unlocker: Unlocker): void {
  if (unlocker.kind !== 'passphrase' || [...unlocker.passphrase].length >= MIN_PASSPHRASE) return;
  const zh = `口令至少需要 ${MIN_PASSPHRASE} 个字符`;
  const en = `A passphrase needs at least ${MIN_PASSPHRASE} characters`;
  throw new ApiError('validation', zh, en, [{ path: 'passphrase', message: zh, messageEn: en }]);
}

/** A user's copy made before the keychain sealed copies (or on a keychain-less start) gets sealed now. */
async function sealWithKeychain(dir: string, unlocker: Unlocker, key: Buffer): Promise<void> {
  if (unlocker.kind !== 'user' || !unlocker.keychain) return;
  const w = readWrap(dir);
  const u = w?.users?.find((x) => x.id === unlocker.userId);
  if (!w || !u || u.keychain) return;
  const sealed = await sealUserCopy(unlocker.secret, key, unlocker.keychain);
  const now = readWrap(dir) ?? w;
  writeWrap(dir, { ...now, users: (now.users ?? []).map((x) => (x.id === u.id ? { ...x, ...sealed } : x)) });
}

export async function unwrapCounted(dir: string, storeFile: string, w: KeyWrap, unlocker: Unlocker, now: Date): Promise<Buffer> {
  const { lockoutAfter, lockoutSeconds, wipeAfter } = w.policy;
  if (w.failed >= lockoutAfter && w.lastFailedAt) {
    const wait = Math.ceil((Date.parse(w.lastFailedAt) + lockoutSeconds * 1000 - now.getTime()) / 1000);
    if (wait > 0) throw new ApiError('forbidden', `口令错误次数过多，请 ${wait} 秒后再试`, `Too many wrong passphrases; try again in ${wait} s`);
  }
  try {
    const key = await unwrapKey(w, unlocker);
    if (w.failed > 0) writeWrap(dir, { ...w, failed: 0, lastFailedAt: null });
    await sealWithKeychain(dir, unlocker, key);
    return key;
  } catch (e) {
    if (!(e instanceof ApiError) || e.messageEn !== wrongPassphrase().messageEn) throw e;
    const failed = w.failed + 1;
    if (failed >= wipeAfter) {
      destroyProfileData(dir, storeFile);
      throw new ApiError(
        'forbidden',
        `口令连续错误 ${failed} 次，本机数据已按规定清除。请重新登记本设备并同步以恢复数据`,
        `${failed} wrong passphrases in a row: this device's data has been removed as the rules require. Enrol the device again and sync to restore it`,
      );
    }
    writeWrap(dir, { ...w, failed, lastFailedAt: now.toISOString() });
    const left = wipeAfter - failed;
    throw new ApiError('forbidden', `口令不正确（再错 ${left} 次将清除本机数据）`, `Wrong passphrase (${left} more and this device's data is removed)`, [
      { path: 'passphrase', message: '口令不正确', messageEn: 'Wrong passphrase' },
    ]);
  }
}

/**
 * The store key of a profile folder: created and wrapped on first use, unwrapped afterwards. A plain
 * store left by an older version is encrypted in place before the key is handed out.
 */
export async function unlockStoreKey(dir: string, storeFile: string, unlocker: Unlocker, opts: UnlockOptions = {}): Promise<{ key: Buffer; created: boolean; cipher: StoreCipher }> {
  ensurePrivateDir(dir);
  const now = (opts.now ?? (() => new Date()))();
  let w = readWrap(dir);
  let created = false;
  let key: Buffer;
  if (!w) {
    checkNewPassphrase(unlocker);
    key = randomBytes(32);
    w = { ...(await wrapKey(key, unlocker, SIGNIN_DEFAULTS)), cipher: opts.cipher ?? NEW_STORE_CIPHER };
    writeWrap(dir, w);
    created = true;
  } else {
    key = await unwrapCounted(dir, storeFile, w, unlocker, now);
  }
  if (opts.storeOpen) return { key, created, cipher: w.cipher ?? 'chacha20' };
  const file = join(dir, storeFile);
  encryptPlainStore(file, key, { ...opts, cipher: w.cipher ?? 'chacha20' });
  // An older device's chacha20 store is brought to the cipher of new stores on this open (once).
  const cipher = settleStoreCipher(dir, file, key, w, opts.cipher ?? NEW_STORE_CIPHER, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  return { key, created, cipher };
}
