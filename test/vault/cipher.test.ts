// The page cipher: a new store is AEGIS (authenticated, on the CPU's AES instructions); a store made
// before the choice existed (key file without `cipher`) is chacha20 and still opens; a tampered page
// is refused under AEGIS as it was under chacha20 (no silent garbage).
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openProfile, STORE_FILE } from '../../db/profile.js';
import { readWrap, writeWrap } from '../../db/vault/keywrap.js';

const PASS = { unlock: { kind: 'passphrase', passphrase: '加密方式测试口令' } } as const;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rc-cipher-'));
  dirs.push(d);
  return d;
};

async function seed(dir: string, cipher?: 'chacha20') {
  const p = await openProfile(dir, { ...PASS, ...(cipher ? { cipher } : {}) });
  await p.context().db.insertInto('meta').values({ key: 'probe', value: '加密探针' }).execute();
  p.store.raw.pragma('wal_checkpoint(TRUNCATE)');
  await p.store.close();
}

it('creates new stores with AEGIS and records it beside the wrapped key', async () => {
  const dir = tmp();
  await seed(dir);
  expect(readWrap(dir)!.cipher).toBe('aegis');
  const p = await openProfile(dir, PASS);
  expect(p.store.raw.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: '加密探针' });
  await p.store.close();
});

it('opens a chacha20 store whose key file predates the cipher field', async () => {
  const dir = tmp();
  await seed(dir, 'chacha20');
  const { cipher: _gone, ...old } = readWrap(dir)!;
  expect(_gone).toBe('chacha20');
  writeWrap(dir, old);
  const p = await openProfile(dir, PASS);
  expect(p.store.raw.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: '加密探针' });
  await p.store.close();
});

it('refuses an AEGIS store with a flipped byte instead of reading garbage', async () => {
  const dir = tmp();
  await seed(dir);
  const file = join(dir, STORE_FILE);
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  // Flip one byte inside every page but the first, so whichever page a read touches is damaged.
  const page = 16384;
  for (let at = page + 100; at < size; at += page) {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, at);
    b[0] = b[0]! ^ 0xff;
    writeSync(fd, b, 0, 1, at);
  }
  closeSync(fd);
  const opened = await openProfile(dir, PASS).then(async (p) => {
    try {
      return p.store.raw.prepare("SELECT value FROM meta WHERE key = 'probe'").get();
    } finally {
      await p.store.close();
    }
  }, (e: unknown) => e as Error);
  expect(opened).toBeInstanceOf(Error);
});
