// A wipe that wipes: the wrapped key goes first (after that nothing left is readable, even if the
// rest is interrupted), then the store with its WAL, journal and temp copies, then every attachment.
import { existsSync, openSync, closeSync, readdirSync, rmSync, statSync, writeSync, fsyncSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { KEYWRAP_FILE, syncDir } from './keywrap.js';
import { isPlainStore } from './migrate.js';

const rm = (file: string) => rmSync(file, { force: true });

/** Overwrites a file's bytes before unlinking it (the old blocks of a plain file hold personal data). */
function shred(file: string): void {
  if (!existsSync(file)) return;
  try {
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    try {
      for (let at = 0; at < size; at += 1 << 20) writeSync(fd, randomBytes(Math.min(1 << 20, size - at)), 0, Math.min(1 << 20, size - at), at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(file, { force: true });
  }
}

/** Removes this device's data from a profile folder. The store must be closed. */
export function destroyProfileData(dir: string, storeFile: string): void {
  shred(join(dir, KEYWRAP_FILE));
  for (const f of existsSync(dir) ? readdirSync(dir) : []) if (f.startsWith(`${KEYWRAP_FILE}.`)) shred(join(dir, f));
  syncDir(dir);
  // The store and its files are ciphertext under the key just destroyed, except a plain store not yet
  // migrated (or its temp copy): overwrite those too.
  for (const f of existsSync(dir) ? readdirSync(dir) : []) if (f.startsWith(storeFile)) (isPlainStore(join(dir, f)) ? shred : rm)(join(dir, f));
  rmSync(join(dir, 'files'), { recursive: true, force: true });
  syncDir(dir);
}
