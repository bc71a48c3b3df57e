// The attachment file store: bytes content-addressed by sha-256 under <profile dir>/files/, so a
// photo attached twice is stored once and a half-written file never has a valid name.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { ApiError } from '../../shared/core/errors.js';
import type { Db } from '../context.js';
import { fileKeyFor, isSealed, open, seal } from '../vault/fileCipher.js';

export const FILES_DIR = 'files';

/** <profile dir>/files, found from the open database file (a profile is a folder). */
export async function filesDir(db: Db): Promise<string> {
  const r = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db);
  const main = r.rows.find((x) => x.name === 'main');
  if (!main?.file) throw new ApiError('internal', '当前数据库没有所在文件夹，无法保存附件', 'This store has no folder for attachments');
  return join(dirname(main.file), FILES_DIR);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const blobPath = (dir: string, hash: string) => join(dir, hash.slice(0, 2), hash);

/** Writes the bytes under their hash (temp file + rename) unless they are already there. */
export function putBlob(dir: string, bytes: Uint8Array): string {
  const hash = sha256(bytes);
  const file = blobPath(dir, hash);
  if (existsSync(file)) return hash;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const key = fileKeyFor(dir);
  // Sealed under the profile's files key when the store is encrypted (db/vault/fileCipher.ts).
  writeFileSync(tmp, key ? seal(key, bytes) : bytes, { mode: 0o600 });
  renameSync(tmp, file);
  return hash;
}

export function hasBlob(dir: string, hash: string): boolean {
  return existsSync(blobPath(dir, hash));
}

export function blobSize(dir: string, hash: string): number {
  const size = statSync(blobPath(dir, hash)).size;
  return fileKeyFor(dir) ? readBlob(dir, hash).length : size;
}

/** The plain bytes of a stored file (opened with the files key when it is sealed). */
export function readBlob(dir: string, hash: string): Buffer {
  const bytes = readFileSync(blobPath(dir, hash));
  if (!isSealed(bytes)) return bytes;
  const key = fileKeyFor(dir);
  if (!key) throw new ApiError('forbidden', '附件文件已加密，需先登录解锁本机数据', 'The file is encrypted; sign in to unlock this device first');
  return open(key, bytes);
}

/** The first bytes of a stored file, enough to tell its type. */
export function blobHead(dir: string, hash: string): Uint8Array {
  if (fileKeyFor(dir)) return readBlob(dir, hash).subarray(0, 64);
  const fd = openSync(blobPath(dir, hash), 'r');
  try {
    const buf = Buffer.alloc(64);
    return buf.subarray(0, readSync(fd, buf, 0, 64, 0));
  } finally {
    closeSync(fd);
  }
}
