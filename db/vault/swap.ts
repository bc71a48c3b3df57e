// The last steps every change of a store's page scheme shares (plain → encrypted, one cipher →
// another): the copy is re-keyed, made durable, and replaces the live file in one rename, so a run
// killed at any point leaves the live file whole under its old scheme or its new one.
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyKey, openRaw, type OpenOptions, type StoreCipher } from '../open.js';
import { syncDir } from './keywrap.js';

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Re-keys the copy `tmp` (opened with `openAs`) to `key`/`cipher` and swaps it in for `file`. */
export function rekeyCopyIntoPlace(file: string, tmp: string, openAs: OpenOptions, key: Buffer, cipher: StoreCipher | undefined): void {
  const copy = openRaw(tmp, openAs);
  try {
    // SQLite3MC re-keys only outside WAL; the rollback journal it writes meanwhile is ciphertext too.
    copy.pragma('journal_mode = DELETE');
    applyKey(copy, key, 'rekey', cipher);
  } finally {
    copy.close();
  }
  fsyncFile(tmp);
  for (const s of ['-wal', '-shm', '-journal']) rmSync(file + s, { force: true });
  renameSync(tmp, file);
  syncDir(dirname(file));
}
