// `npm run seed` for a newcomer who wants to try a county organiser's or an instructor's screens:
// --list-scopes names the province's scopes (without generating it), and they are the very paths the
// generator writes; a profile seeded with one of them acts for it; a scope the province lacks is
// refused before anything is written, pointing at --list-scopes.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openProfile } from '../../db/profile.js';
import { provinceScopes, seedProfile, SYNTHETIC_PASSPHRASE } from './seedProfile.js';

const CLI = resolve('test/synthetic/cli.ts');
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rc-seed-'));
  dirs.push(d);
  return d;
};

function seed(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [TSX, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((done) => child.on('exit', (code) => done({ code, out, err })));
}

describe('npm run seed', () => {
  it('lists the province\u2019s scopes without generating it, with an example for each role', async () => {
    const r = await seed(['--counties', '10', '--seed', '1', '--list-scopes']);
    expect(r.code).toBe(0);
    const counties = provinceScopes(10, 1).filter((s) => s.level === 'county');
    expect(counties).toHaveLength(10);
    for (const c of counties) expect(r.out).toMatch(new RegExp(`^ +${c.path.replace(/\//g, '\\/')} +${c.name}$`, 'm'));
    expect(r.out).toContain('/hq/xa/ ');
    const first = counties[0]!.path;
    expect(r.out).toContain(`npm run seed -- --counties 10 --seed 1 --role county_organiser --scope ${first} --profile profiles/organiser-`);
    expect(r.out).toContain(`npm run seed -- --counties 10 --seed 1 --role instructor --scope ${first} --profile profiles/instructor-`);
    expect(r.out).toContain('npm run seed -- --counties 10 --seed 1 --role hq_admin');
    expect(r.out).not.toContain('Synthetic province written');
  }, 60_000);

  it('lists exactly the scopes the generator writes', async () => {
    const dir = join(tempDir(), 'p');
    const r = await seedProfile({ counties: 3, seed: 7, dir });
    expect(r.ok).toBe(true);
    const p = await openProfile(dir);
    try {
      const written = (p.store.raw.prepare(`SELECT path FROM org_units WHERE level IN ('hq', 'city', 'county') ORDER BY path`).all() as { path: string }[]).map((u) => u.path);
      expect(provinceScopes(3, 7).map((s) => s.path).sort()).toEqual(written);
    } finally {
      await p.store.close();
    }
  }, 60_000);

  it('seeds an instructor of a chosen county, and says how to open it and which counties there are', async () => {
    const county = provinceScopes(2, 3).filter((s) => s.level === 'county')[1]!.path;
    const dir = join(tempDir(), 'instructor');
    const r = await seed(['--counties', '2', '--seed', '3', '--role', 'instructor', '--scope', county, '--profile', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`role instructor · scope ${county}`);
    expect(r.out).toContain(`Open it: npm run serve -- --profile ${dir}`);
    expect(r.out).toMatch(new RegExp(`^  ${county.replace(/\//g, '\\/')} `, 'm'));
    // Seeded profiles are encrypted: without the passphrase they do not open.
    await expect(openProfile(dir)).rejects.toMatchObject({ messageZh: expect.stringContaining('无法打开本机数据') });
    const p = await openProfile(dir, { unlock: { kind: 'passphrase', passphrase: SYNTHETIC_PASSPHRASE } });
    try {
      expect(p.session).toMatchObject({ role: 'instructor', scopePath: county });
    } finally {
      await p.store.close();
    }
  }, 60_000);

  it('refuses a scope the province does not have, before writing anything', async () => {
    const dir = join(tempDir(), 'nowhere');
    const r = await seed(['--counties', '2', '--seed', '3', '--role', 'county_organiser', '--scope', '/hq/xa/xa-lintong/', '--profile', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--scope /hq/xa/xa-lintong/ is not a scope of this province (--counties 2 --seed 3)');
    expect(r.err).toContain('npm run seed -- --counties 2 --seed 3 --list-scopes');
    expect(existsSync(dir)).toBe(false);
  }, 60_000);
});
