// An older device's store, encrypted with chacha20, is converted to AEGIS when it is next opened:
// killed (SIGKILL) at random moments of that conversion many times, every next start must open the
// store with every row and attachment, under the same key, and end with AEGIS recorded and in use.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openRaw } from '../../db/open.js';
import { putBlob, readBlob } from '../../db/orglife/files.js';
import { openProfile, STORE_FILE } from '../../db/profile.js';
import { readWrap, unwrapKey, type KeyWrap } from '../../db/vault/keywrap.js';
import { generateProvince } from '../synthetic/generate.js';
import { spawnTs } from '../sync/spawn.js';
import { findPlain } from './scan.js';

const KILLS = 14;
const PASS = { kind: 'passphrase', passphrase: 'older-device-passphrase' } as const;
const OUT = resolve('test-output', 'vault-recipher-bundle', String(process.pid));
let work: string;
let template: string;
let script: string;
let expected: string;
let templateWrap: KeyWrap;
let photo: string;
let convertMs = 0;

function fingerprint(raw: Database.Database): string {
  const h = createHash('sha256');
  const tables = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  for (const t of tables) {
    const rows = raw.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort();
    h.update(`${t}:${rows.length}\n${rows.join('\n')}\n`);
  }
  return h.digest('hex');
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'rc-vault-recipher-'));
  template = join(work, 'template');
  // A store as an older version made it: chacha20 pages, and a key file without the cipher field.
  const p = await openProfile(template, { unlock: PASS, cipher: 'chacha20' });
  await generateProvince(p.store.raw, { counties: 1, seed: 5 });
  photo = putBlob(join(template, 'files'), Buffer.from('支部学习照片 · 蓝田营业厅'));
  p.store.raw.pragma('wal_checkpoint(TRUNCATE)');
  expected = fingerprint(p.store.raw);
  await p.store.close();
  const { cipher: _old, ...older } = readWrap(template)!;
  expect(_old).toBe('chacha20');
  const { writeWrap } = await import('../../db/vault/keywrap.js');
  writeWrap(template, older);
  templateWrap = readWrap(template)!;
  const { build } = await import('esbuild');
  await build({
    entryPoints: { migrate: 'test/vault/crash/migrate.ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outdir: OUT, outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers'], logLevel: 'error',
    banner: { js: "import { createRequire as __rcRequire } from 'node:module'; const require = __rcRequire(import.meta.url);" },
  });
  script = join(OUT, 'migrate.mjs');
  const dir = join(work, 'timing');
  cpSync(template, dir, { recursive: true });
  const c = spawnTs(script, ['--profile', dir, '--pass', PASS.passphrase]);
  await c.waitFor(/^ready/, 60_000);
  const t0 = performance.now();
  await c.waitFor(/^done/, 60_000);
  convertMs = performance.now() - t0;
}, 180_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
});

/** The store opens under AEGIS with the key the old wrap holds, and no longer under chacha20. */
async function expectConverted(dir: string, label: string) {
  const w = readWrap(dir)!;
  expect(w.cipher, label).toBe('aegis');
  expect(w.cipherTo, label).toBeUndefined();
  // The key is unchanged: the wrap is the very one the older version wrote.
  expect({ iv: w.iv, tag: w.tag, wrapped: w.wrapped, kdf: w.kdf }, label).toEqual({ iv: templateWrap.iv, tag: templateWrap.tag, wrapped: templateWrap.wrapped, kdf: templateWrap.kdf });
  const key = await unwrapKey(w, PASS);
  const file = join(dir, STORE_FILE);
  expect(() => openRaw(file, { key, cipher: 'chacha20', readonly: true }).close(), label).toThrow(/Cannot open the local store/);
  const raw = openRaw(file, { key, cipher: 'aegis', readonly: true });
  raw.close();
  expect(readdirSync(dir).filter((f) => f.includes('-tmp')), label).toEqual([]);
}

it('converts a chacha20 store to AEGIS on open, keeping every row, the key and the attachments', async () => {
  const dir = join(work, 'plain-run');
  cpSync(template, dir, { recursive: true });
  const p = await openProfile(dir, { unlock: PASS });
  expect(fingerprint(p.store.raw)).toBe(expected);
  expect(readBlob(join(dir, 'files'), photo).toString()).toContain('蓝田营业厅');
  await p.store.close();
  await expectConverted(dir, 'undisturbed');
  // A second open has nothing left to convert and reads the same.
  const again = await openProfile(dir, { unlock: PASS });
  expect(fingerprint(again.store.raw)).toBe(expected);
  await again.store.close();
}, 60_000);

it(`loses nothing when killed at ${KILLS} random moments of the conversion`, async () => {
  expect(convertMs).toBeGreaterThan(0);
  let killedMidway = 0;
  let inConversion = 0;
  let runs = 0;
  // A loaded machine makes runs faster or slower than the timing run: keep going (up to twice as many
  // runs) until most kills landed inside the conversion, and aim shorter after one that had finished.
  for (let i = 0; (i < KILLS || killedMidway <= runs / 2 || inConversion <= runs / 4) && i < KILLS * 2; i++) {
    runs++;
    const dir = join(work, `run-${i}`);
    mkdirSync(dir);
    cpSync(template, dir, { recursive: true });
    const c = spawnTs(script, ['--profile', dir, '--pass', PASS.passphrase]);
    await c.waitFor(/^ready/, 60_000);
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, Math.random() * convertMs * 1.1));
    const finished = c.output().includes('done');
    await c.kill('SIGKILL');
    if (!finished) killedMidway++;
    else convertMs = Math.min(convertMs, performance.now() - t0);
    // Killed after the conversion began (not during the passphrase's scrypt before it).
    if (readWrap(dir)!.cipherTo) inConversion++;
    const p = await openProfile(dir, { unlock: PASS });
    try {
      expect(fingerprint(p.store.raw), `run ${i}`).toBe(expected);
      expect(readBlob(join(dir, 'files'), photo).toString()).toContain('蓝田营业厅');
    } finally {
      await p.store.close();
    }
    await expectConverted(dir, `run ${i}`);
    expect(findPlain([dir], ['蓝田营业厅'])).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }
  expect(killedMidway, `${killedMidway} of ${runs} runs killed before the end`).toBeGreaterThan(runs / 2);
  expect(inConversion, `${inConversion} of ${runs} runs killed inside the conversion`).toBeGreaterThan(runs / 4);
}, 900_000);
