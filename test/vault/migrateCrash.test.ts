// Migrating a plain profile to the encrypted store, killed (SIGKILL) at random moments many times:
// every next start must open the store with every row and every attachment, and end encrypted.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { putBlob } from '../../db/orglife/files.js';
import { openProfile, STORE_FILE } from '../../db/profile.js';
import { isPlainStore } from '../../db/vault/migrate.js';
import { generateProvince } from '../synthetic/generate.js';
import { spawnTs } from '../sync/spawn.js';
import { findPlain } from './scan.js';

const KILLS = 16;
const PASS = { kind: 'passphrase', passphrase: 'crash-test-passphrase' } as const;
const OUT = resolve('test-output', 'vault-bundle', String(process.pid));
let work: string;
let template: string;
let script: string;
let expected: string;
let photo: string;
let migrateMs = 0;

/** Every row of every table but meta, in a stable order, hashed. */
function fingerprint(raw: Database.Database): string {
  const h = createHash('sha256');
  const tables = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'meta' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  for (const t of tables) {
    const rows = raw.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort();
    h.update(`${t}:${rows.length}\n${rows.join('\n')}\n`);
  }
  return h.digest('hex');
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'rc-vault-crash-'));
  template = join(work, 'template');
  const p = await openProfile(template);
  await generateProvince(p.store.raw, { counties: 1, seed: 3 });
  photo = putBlob(join(template, 'files'), Buffer.from('a photo of the branch meeting, 骊山营业厅'));
  expected = fingerprint(p.store.raw);
  await p.store.close();
  const { build } = await import('esbuild');
  await build({
    entryPoints: { migrate: 'test/vault/crash/migrate.ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outdir: OUT, outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers'], logLevel: 'error',
    banner: { js: "import { createRequire as __rcRequire } from 'node:module'; const require = __rcRequire(import.meta.url);" },
  });
  script = join(OUT, 'migrate.mjs');
  // How long an undisturbed migration takes, so the kills land across all of it.
  const dir = join(work, 'timing');
  cpSync(template, dir, { recursive: true });
  const c = spawnTs(script, ['--profile', dir, '--pass', PASS.passphrase]);
  await c.waitFor(/^ready/, 60_000);
  const t0 = performance.now();
  await c.waitFor(/^done/, 60_000);
  migrateMs = performance.now() - t0;
}, 180_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
});

it(`loses nothing when killed at ${KILLS} random moments of a migration`, async () => {
  expect(migrateMs).toBeGreaterThan(0);
  let killedMidway = 0;
  let runs = 0;
  // A loaded machine makes runs faster or slower than the timing run: keep going (up to twice as many
  // runs) until enough kills landed inside a migration, and aim shorter after one that had finished.
  for (let i = 0; (i < KILLS || killedMidway <= runs / 2) && i < KILLS * 2; i++) {
    runs++;
    const dir = join(work, `run-${i}`);
    mkdirSync(dir);
    cpSync(template, dir, { recursive: true });
    const c = spawnTs(script, ['--profile', dir, '--pass', PASS.passphrase]);
    await c.waitFor(/^ready/, 60_000);
    const t0 = performance.now();
    // Spread over the whole migration (and a little past it).
    await new Promise((r) => setTimeout(r, Math.random() * migrateMs * 1.1));
    const finished = c.output().includes('done');
    await c.kill('SIGKILL');
    if (!finished) killedMidway++;
    else migrateMs = Math.min(migrateMs, performance.now() - t0);
    const p = await openProfile(dir, { unlock: PASS });
    try {
      expect(fingerprint(p.store.raw), `run ${i}`).toBe(expected);
      expect(isPlainStore(join(dir, STORE_FILE))).toBe(false);
      const { readBlob } = await import('../../db/orglife/files.js');
      expect(readBlob(join(dir, 'files'), photo).toString()).toContain('骊山营业厅');
    } finally {
      await p.store.close();
    }
    expect(findPlain([dir], ['骊山营业厅'])).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }
  // Most kills must have hit a migration in progress, or the test proves little.
  expect(killedMidway, `${killedMidway} of ${runs} runs killed inside the migration`).toBeGreaterThan(runs / 2);
}, 900_000);
