// Turning a plain store into an encrypted one in place, and changing the key of an encrypted one.
// Crash safety: the plain file stays the store until an encrypted, fsynced copy replaces it by one
// rename. The marker of "not yet migrated" is the plain file's own header, so a run killed at any
// point simply starts over (a stale temp copy is discarded) and nothing is lost.
import type Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { applyKey, openRaw, type StoreCipher } from '../open.js';
import { isSealed, seal, SEALED_OVERHEAD } from './fileCipher.js';
import { writeFileDurably } from './keywrap.js';
import { rekeyCopyIntoPlace } from './swap.js';
import { readFileSync } from 'node:fs';

export const ENC_TMP_SUFFIX = '.enc-tmp';
const HEADER = Buffer.from('SQLite format 3\0');

/** A plain SQLite file starts with its well-known header; an encrypted one with random-looking bytes. */
export function isPlainStore(file: string): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return false;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEADER.length);
    readSync(fd, buf, 0, buf.length, 0);
    return buf.equals(HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Encrypts the plain store `file` with `key`, in place; a no-op when it is not plain. */
export function encryptPlainStore(file: string, key: Buffer, opts: { nativeBinding?: string; cipher?: StoreCipher } = {}): boolean {
  if (!isPlainStore(file)) return false;
  const tmp = file + ENC_TMP_SUFFIX;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}-journal`, { force: true });
  const plain = openRaw(file, opts);
  try {
    // Everything in the WAL goes into the main file first, so the copy is whole and no plain WAL
    // is left to be replayed over the encrypted file after the rename.
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.prepare('VACUUM INTO ?').run(tmp);
  } finally {
    plain.close();
  }
  rekeyCopyIntoPlace(file, tmp, opts, key, opts.cipher);
  return true;
}

function headOf(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** Seals every attachment file still in plain (one at a time, each by temp file + rename). */
export function sealPlainFiles(filesDir: string, fileKey: Buffer): number {
  if (!existsSync(filesDir)) return 0;
  let n = 0;
  for (const f of readdirSync(filesDir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile() || f.name.endsWith('.tmp')) continue;
    const path = join(f.parentPath, f.name);
    // Every open walks the folder: only a file's first bytes are read to tell, not the whole photo.
    if (isSealed(headOf(path, SEALED_OVERHEAD))) continue;
    writeFileDurably(path, seal(fileKey, readFileSync(path)));
    n++;
  }
  return n;
}

/** Changes the key of an open encrypted store (SQLite3MC refuses to re-key in WAL mode). */
export function rekeyStore(raw: Database.Database, newKey: Buffer, cipher?: StoreCipher): void {
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.pragma('journal_mode = DELETE');
  try {
    applyKey(raw, newKey, 'rekey', cipher);
  } finally {
    raw.pragma('journal_mode = WAL');
  }
}

export const tmpNameOf = (file: string) => basename(file) + ENC_TMP_SUFFIX;
