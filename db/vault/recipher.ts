// Converting an encrypted store to the page cipher new stores use (chacha20 on older devices costs
// 5–9× plain on reads, AEGIS about 1×). The key stays the same; only the page scheme changes.
// Crash safety: keywrap.json first records that a conversion to `cipherTo` has begun; the live file
// is replaced by a converted, fsynced copy in one rename; then keywrap.json records the new cipher.
// A run killed anywhere leaves the live file whole under one of the two ciphers, and the next start
// finds out which by opening it (both schemes authenticate every page, so the wrong one refuses).
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { openRaw, type StoreCipher } from '../open.js';
import { readWrap, writeWrap, type KeyWrap } from './keywrap.js';
import { rekeyCopyIntoPlace } from './swap.js';

export const CIPHER_TMP_SUFFIX = '.cipher-tmp';

export interface RecipherOptions {
  nativeBinding?: string;
}

/** Whether `file` opens under `cipher` with `key` (a wrong scheme fails on the first page). */
function opensWith(file: string, key: Buffer, cipher: StoreCipher, opts: RecipherOptions): boolean {
  try {
    openRaw(file, { ...opts, key, cipher, readonly: true }).close();
    return true;
  } catch {
    return false;
  }
}

function record(dir: string, w: KeyWrap, cipher: StoreCipher, cipherTo?: StoreCipher): void {
  const { cipherTo: _was, ...rest } = readWrap(dir) ?? w;
  writeWrap(dir, { ...rest, cipher, ...(cipherTo ? { cipherTo } : {}) });
}

/**
 * Brings the store `file` (in profile folder `dir`, wrap `w`) to the page cipher `target`, finishing
 * or restarting a conversion a crash interrupted. Returns the cipher the store has now. The store
 * must not be open elsewhere.
 */
export function settleStoreCipher(dir: string, file: string, key: Buffer, w: KeyWrap, target: StoreCipher, opts: RecipherOptions = {}): StoreCipher {
  let from: StoreCipher = w.cipher ?? 'chacha20';
  const tmp = file + CIPHER_TMP_SUFFIX;
  const empty = !existsSync(file) || statSync(file).size === 0;
  if (w.cipherTo) {
    // Killed between the rename and the last record: the live file is already converted.
    if (!empty && w.cipherTo !== from && opensWith(file, key, w.cipherTo, opts)) from = w.cipherTo;
    record(dir, w, from);
  }
  rmSync(tmp, { force: true });
  rmSync(`${tmp}-journal`, { force: true });
  if (from === target || empty) return from;

  record(dir, w, from, target);
  // Everything in the WAL goes into the main file first: the copy is whole, and no WAL written
  // under the old scheme is left to be replayed over the converted file after the rename.
  const live = openRaw(file, { ...opts, key, cipher: from });
  try {
    live.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    live.close();
  }
  copyFileSync(file, tmp);
  rekeyCopyIntoPlace(file, tmp, { ...opts, key, cipher: from }, key, target);
  record(dir, w, target);
  return target;
}
