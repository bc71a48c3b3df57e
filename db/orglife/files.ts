// The attachment file store: bytes content-addressed by sha-256 under <profile dir>/files/, so a
// photo attached twice is stored once and a half-written file never has a valid name.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { ApiError } from '../../shared/core/errors.js';
import type { Db } from '../context.js';

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
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return hash;
}

export function hasBlob(dir: string, hash: string): boolean {
  return existsSync(blobPath(dir, hash));
}

export function blobSize(dir: string, hash: string): number {
  return statSync(blobPath(dir, hash)).size;
}

export function readBlob(dir: string, hash: string): Buffer {
  return readFileSync(blobPath(dir, hash));
}

/** The first bytes of a stored file, enough to tell its type. */
export function blobHead(dir: string, hash: string): Uint8Array {
  const fd = openSync(blobPath(dir, hash), 'r');
  try {
    const buf = Buffer.alloc(64);
    return buf.subarray(0, readSync(fd, buf, 0, 64, 0));
  } finally {
    closeSync(fd);
  }
}
