// Writes a synthetic province into a device profile folder: used by the seed CLI and the benchmarks.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProfile, setIdentity, STORE_FILE } from '../../db/profile.js';
import { getMeta, setMeta } from '../../db/system/meta.js';
import type { Role } from '../../shared/domain/enums.js';
import { generateProvince, type GenerateSummary } from './generate.js';
import { provinceCounties } from './geography.js';
import { Rng } from './prng.js';

export const ROLES: Role[] = ['instructor', 'county_organiser', 'hq_admin', 'auditor'];
const USER_NAMES: Record<Role, string> = {
  hq_admin: '省公司管理员（合成）', county_organiser: '县级组织员（合成）', instructor: '党建指导员（合成）', auditor: '审计员（合成）',
};
/** Meta key holding the generator fingerprint, so caches can tell stale data from current. */
export const FINGERPRINT_KEY = 'synthetic_generator';
/** Meta key holding how the province was generated (GenerationRecord), for benches that reuse it. */
export const GENERATION_KEY = 'synthetic_generation';

export interface GenerationRecord {
  years: number;
  seconds: number;
  rows: number;
  writeSeconds: number;
  activities: number;
  attendance: number;
  people: number;
  members: number;
}

export function profileName(counties: number, seed: number): string {
  return `合成数据（${counties}县，种子${seed}）`;
}

export function defaultProfileDir(counties: number, seed: number): string {
  return resolve('profiles', `synthetic-${counties}-${seed}`);
}

/** A hash of the generator's own sources: changes whenever the generated data may change. */
export function generatorFingerprint(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  for (const f of readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
    h.update(f).update(readFileSync(join(here, f)));
  }
  return h.digest('hex').slice(0, 16);
}

export interface ScopeChoice {
  path: string;
  level: 'hq' | 'city' | 'county';
  name: string;
}

/**
 * The scopes a profile of this province can be given (--scope): the province, its cities and its
 * counties, worked out as generateProvince lays them out, without generating anything — so a newcomer
 * can pick a county before waiting for a big province to be written.
 */
export function provinceScopes(counties: number, seed: number): ScopeChoice[] {
  const { cities, counties: list } = provinceCounties(counties, Rng.derive(seed >>> 0, 'geography'));
  const out: ScopeChoice[] = [{ path: '/hq/', level: 'hq', name: '省公司' }];
  for (const c of cities) {
    out.push({ path: `/hq/${c.code}/`, level: 'city', name: `${c.name}分公司` });
    for (const k of list.filter((k) => k.city.index === c.index)) out.push({ path: `/hq/${c.code}/${k.code}/`, level: 'county', name: `${k.name}分公司` });
  }
  return out;
}

/** Refuses a --scope this province does not have (a profile scoped to nothing shows empty screens). */
export function checkScope(scope: string, counties: number, seed: number): void {
  const known = provinceScopes(counties, seed);
  // A grid lies under its county: its path is only known once generated, so the county part is checked.
  const fits = scope === '/' || known.some((k) => k.path === scope || (k.level === 'county' && scope.startsWith(k.path) && /^[a-z0-9-]+\/$/.test(scope.slice(k.path.length))));
  if (!fits) throw new Error(`--scope ${scope} is not a scope of this province (--counties ${counties} --seed ${seed}); list them with: npm run seed -- --counties ${counties} --seed ${seed} --list-scopes`);
}

export interface SeedOptions {
  counties: number;
  seed: number;
  dir?: string;
  role?: Role;
  scope?: string;
  today?: string;
  /** Years of organisation life (generateProvince's `years`; default 1). */
  years?: number;
  /** Wipe a profile that already holds outlets instead of refusing. */
  force?: boolean;
  /** Encrypt the profile with this passphrase (the seed CLI always does; tools and benches may not). */
  passphrase?: string;
}

/** The passphrase of synthetic profiles when none is given (README "Trying it"): not for real data. */
export const SYNTHETIC_PASSPHRASE = 'synthetic-red-channel';

export type SeedResult =
  | { ok: true; dir: string; role: Role; scope: string; name: string; summary: GenerateSummary; seconds: number }
  | { ok: false; dir: string; existingOutlets: number };

export async function seedProfile(o: SeedOptions): Promise<SeedResult> {
  const dir = o.dir ? resolve(o.dir) : defaultProfileDir(o.counties, o.seed);
  const role = o.role ?? 'hq_admin';
  if (o.scope) checkScope(o.scope, o.counties, o.seed);
  const started = performance.now();
  const opts = o.passphrase ? { unlock: { kind: 'passphrase' as const, passphrase: o.passphrase } } : {};
  let profile = await openProfile(dir, opts);
  const existing = (profile.store.raw.prepare('SELECT count(*) AS n FROM outlets').get() as { n: number }).n;
  if (existing > 0) {
    await profile.store.close();
    if (!o.force) return { ok: false, dir, existingOutlets: existing };
    for (const f of [STORE_FILE, `${STORE_FILE}-wal`, `${STORE_FILE}-shm`]) rmSync(join(dir, f), { force: true });
    profile = await openProfile(dir, opts);
  }
  const summary = await generateProvince(profile.store.raw, { counties: o.counties, seed: o.seed, today: o.today, years: o.years });
  let scope = o.scope ?? '/hq/';
  if (!o.scope && (role === 'county_organiser' || role === 'instructor')) {
    const first = profile.store.raw.prepare(`SELECT path FROM org_units WHERE level = 'county' ORDER BY sort LIMIT 1`).get() as { path: string };
    scope = first.path;
  }
  if (scope !== '/' && !profile.store.raw.prepare(`SELECT 1 FROM org_units WHERE path = ?`).get(scope)) {
    await profile.store.close();
    throw new Error(`--scope ${scope}: no such grid in this province (the province was written to ${dir}; run again with a scope from --list-scopes and --force)`);
  }
  const name = profileName(o.counties, o.seed);
  await setIdentity(profile.store, { role, scopePath: scope, userName: USER_NAMES[role], profileName: name });
  await setMeta(profile.store.db, FINGERPRINT_KEY, fingerprintOf(o.counties, o.seed, o.today, o.years));
  const record: GenerationRecord = {
    years: o.years ?? 1, seconds: (performance.now() - started) / 1000, rows: summary.rows, writeSeconds: summary.writeSeconds,
    activities: summary.activities, attendance: summary.attendance, people: summary.people, members: summary.members,
  };
  await setMeta(profile.store.db, GENERATION_KEY, JSON.stringify(record));
  profile.store.raw.pragma('wal_checkpoint(TRUNCATE)');
  await profile.store.close();
  return { ok: true, dir, role, scope, name, summary, seconds: (performance.now() - started) / 1000 };
}

/** What FINGERPRINT_KEY holds for a province: the generator's sources and every option that shapes the data. */
function fingerprintOf(counties: number, seed: number, today: string | undefined, years: number | undefined): string {
  // One year (the default) keeps the key it had before years existed.
  return `${generatorFingerprint()}:${counties}:${seed}:${today ?? ''}${years && years !== 1 ? `:y${years}` : ''}`;
}

/**
 * Reuses a profile seeded by the current generator with the same counties, seed and years, else
 * seeds it again (`summary` is then the new province's; `null` when reused).
 */
export async function cachedProfile(dir: string, counties: number, seed: number, years = 1): Promise<{ dir: string; reused: boolean; seconds: number; summary: GenerateSummary | null; generation: GenerationRecord | null }> {
  let have: string | null = null;
  let generation: GenerationRecord | null = null;
  try {
    const p = await openProfile(dir);
    have = await getMeta(p.store.db, FINGERPRINT_KEY);
    const g = await getMeta(p.store.db, GENERATION_KEY);
    generation = g ? (JSON.parse(g) as GenerationRecord) : null;
    await p.store.close();
  } catch (e) {
    // A cache built by a working tree whose migrations then sorted differently cannot be opened
    // ("corrupted migrations"): it is stale, not broken — generated afresh.
    if (!String((e as Error)?.message).includes('corrupted migrations')) throw e;
    for (const f of [STORE_FILE, `${STORE_FILE}-wal`, `${STORE_FILE}-shm`]) rmSync(join(dir, f), { force: true });
  }
  if (have === fingerprintOf(counties, seed, undefined, years)) return { dir, reused: true, seconds: 0, summary: null, generation };
  const r = await seedProfile({ counties, seed, dir, force: true, years });
  if (!r.ok) throw new Error(`could not seed ${dir}`);
  const p = await openProfile(dir);
  const g = await getMeta(p.store.db, GENERATION_KEY);
  await p.store.close();
  return { dir, reused: false, seconds: r.seconds, summary: r.summary, generation: g ? (JSON.parse(g) as GenerationRecord) : null };
}
