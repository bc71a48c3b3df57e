// What encrypting the device store costs (issue 15: ≤ 1.25× plain), measured side by side in one run
// on a plain and an encrypted copy of the same data: the first member page, search p95, a first
// sync's apply, and the cost of a captured write. Each pair runs interleaved, round by round, so the
// noise of this shared machine hits both alike.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { openProfile, type Profile } from '../db/profile.js';
import { clientFor, pullSome } from '../db/sync/session.js';
import { getMeta } from '../db/system/meta.js';
import { uuidv7 } from '../shared/core/ids.js';
import { cachedProfile, FINGERPRINT_KEY } from '../test/synthetic/seedProfile.js';
import type { StoreCipher } from '../db/open.js';
import { defineBench, type Bench } from './harness.js';
import { benchHq, loadedDevice, type SyncDevice } from './syncFixtures.js';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const SYNC_COUNTIES = Number(process.env.BENCH_SYNC_COUNTIES ?? 4);
const PASS = { unlock: { kind: 'passphrase', passphrase: 'bench-passphrase' } } as const;
/** Page ciphers measured side by side against plain in the same run (db/open.ts STORE_CIPHERS). */
const CIPHERS = (process.env.BENCH_CIPHERS ?? 'aegis,chacha20,aes256cbc,sqlcipher').split(',') as StoreCipher[];
const enc = (cipher: StoreCipher) => ({ ...PASS, cipher });
const MEMBERS = { politicalStatus: ['full_member', 'probationary'], limit: 100 };
const SEARCHES = ['王', 'wang', 'zhw', '1380', '营业厅', '李明', 'liu', '6101'];
const LIMIT = 1.25;
/** Opening the app on the 100-county profile, sign-in included, until the first member page shows (issue 15 Must). */
const OPEN_BUDGET_MS = 1500;
/** Rounds of the noisier cases: on this shared machine 3 first syncs could not tell 1.1× from 1.3×. */
const SYNC_ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 6);

async function call(ctx: ApiContext, name: string, input: unknown): Promise<unknown> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data;
}

/** Records the plain and encrypted samples of one case and prints the ratio of the chosen statistic. */
function pair(b: Bench, label: string, plain: number[], encSamples: number[], stat: 'p50' | 'p95' = 'p50', cipher = 'encrypted'): number {
  const a = b.record(`${label}: plain`, plain);
  const e = b.record(`${label}: ${cipher}`, encSamples, { baseline: `${label}: plain` });
  const ratio = e[stat] / a[stat];
  b.figure(`${label}: ${cipher} / plain (${stat})`, `${ratio.toFixed(2)}× (${ratio <= LIMIT ? 'within' : 'OVER'} ${LIMIT}×)`);
  return ratio;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** An encrypted copy of the plain cached profile, made once per generator fingerprint (a migration). */
async function encryptedCopy(b: Bench, plainDir: string, cipher: StoreCipher): Promise<string> {
  const dir = `${plainDir}-${cipher}`;
  const plain = await openProfile(plainDir);
  const want = await getMeta(plain.store.db, FINGERPRINT_KEY);
  await plain.store.close();
  if (existsSync(dir)) {
    const p = await openProfile(dir, enc(cipher)).catch(() => null);
    const have = p ? await getMeta(p.store.db, FINGERPRINT_KEY) : null;
    await p?.store.close();
    if (have && have === want) return dir;
  }
  rmSync(dir, { recursive: true, force: true });
  cpSync(plainDir, dir, { recursive: true });
  const ms = await timed(async () => (await openProfile(dir, enc(cipher))).store.close());
  b.figure(`migration of the plain profile to ${cipher}`, `${(ms / 1000).toFixed(1)} s`);
  return dir;
}

async function readCases(b: Bench, plainDir: string, encDir: string, cipher: StoreCipher) {
  const PASS = enc(cipher);
  // Opening, then the first member page on a cold connection (the encrypted open includes the
  // passphrase's scrypt: that is the sign-in, reported apart).
  const open: [number[], number[]] = [[], []];
  const first: [number[], number[]] = [[], []];
  for (let i = 0; i < 10; i++) {
    for (const [k, dir, opts] of [[0, plainDir, {}], [1, encDir, PASS]] as const) {
      const t0 = performance.now();
      const p = await openProfile(dir, opts);
      const t1 = performance.now();
      await call(p.context(), 'people.list', MEMBERS);
      first[k].push(performance.now() - t1);
      open[k].push(t1 - t0);
      await p.store.close();
    }
  }
  b.record('open store: plain', open[0]);
  b.record(`open store incl. sign-in (scrypt, unwrap): ${cipher}`, open[1], { baseline: 'open store: plain' });
  const app = b.record(`open + sign-in + first member page: ${cipher}`, open[1].map((ms, i) => ms + first[1][i]!));
  b.figure(`open + sign-in + first member page: ${cipher} (p95)`, `${app.p95.toFixed(0)} ms (${app.p95 < OPEN_BUDGET_MS ? 'within' : 'OVER'} ${OPEN_BUDGET_MS} ms)`);
  pair(b, 'first member page after open', first[0], first[1], 'p50', cipher);

  const [plain, encP] = [await openProfile(plainDir), await openProfile(encDir, PASS)];
  try {
    const ctxs = [plain.context(), encP.context()];
    const warm: [number[], number[]] = [[], []];
    const search: [number[], number[]] = [[], []];
    for (let r = 0; r < 30; r++) {
      for (const k of (r % 2 ? [1, 0] : [0, 1]) as (0 | 1)[]) {
        warm[k].push(await timed(() => call(ctxs[k]!, 'people.list', MEMBERS)));
        for (const q of SEARCHES) search[k].push(await timed(() => call(ctxs[k]!, 'people.list', { q })));
      }
    }
    pair(b, 'member page, warm', warm[0], warm[1], 'p50', cipher);
    pair(b, `search (${SEARCHES.length} queries × 30)`, search[0], search[1], 'p95', cipher);
  } finally {
    await plain.store.close();
    await encP.store.close();
  }
}

async function tempProfile(cipher: StoreCipher | null): Promise<Profile & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-enc-'));
  const p = await openProfile(dir, cipher ? enc(cipher) : {});
  return Object.assign(p, { dispose: async () => { await p.store.close(); rmSync(dir, { recursive: true, force: true }); } });
}

async function firstSync(b: Bench, cipher: StoreCipher) {
  const loader = await loadedDevice(SYNC_COUNTIES, 1);
  const hq = await benchHq();
  try {
    await hq.enrol(loader, 'hq_admin', '/');
    const { pushSome } = await import('../db/sync/session.js');
    await pushSome(loader.dev, clientFor(loader.dev), { pushBatch: 1000 });
    const apply: [number[], number[]] = [[], []];
    let rows = 0;
    for (let i = 0; i < SYNC_ROUNDS; i++) {
      for (const k of (i % 2 ? [1, 0] : [0, 1]) as (0 | 1)[]) {
        const p = await tempProfile(k === 1 ? cipher : null);
        const d: SyncDevice = { raw: p.store.raw, dev: { raw: p.store.raw, session: p.session }, close: p.dispose };
        try {
          await hq.enrol(d, 'county_organiser', '/hq/');
          let ms = 0;
          const r = await pullSome(d.dev, clientFor(d.dev), { onApplied: (t) => (ms += t) });
          rows = r.rows;
          apply[k].push(ms);
        } finally {
          await p.dispose();
        }
      }
    }
    b.figure('first sync: rows applied', rows.toLocaleString('en'));
    pair(b, `first-sync apply (${SYNC_COUNTIES} counties)`, apply[0], apply[1], 'p50', cipher);
  } finally {
    await loader.close();
    await hq.close();
  }
}

async function captureCost(b: Bench, cipher: StoreCipher) {
  const stores = [await tempProfile(null), await tempProfile(cipher)];
  try {
    const setup = stores.map((p) => {
      const countyId = uuidv7();
      p.store.raw.prepare(`INSERT INTO org_units (id, code, name, level, path, scope_path, created_at, updated_at) VALUES (?, 'c', '县', 'county', '/hq/c/', '/hq/c/', 't', 't')`).run(countyId);
      const ids = Array.from({ length: 500 }, () => uuidv7());
      const ins = p.store.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'rural', ?, '/hq/c/', 't', 't')`);
      p.store.raw.transaction(() => ids.forEach((id, i) => ins.run(id, `B${i}`, `网点${i}`, countyId)))();
      return { ids, countyId };
    });
    const raw: [number[], number[]] = [[], []];
    const api: [number[], number[]] = [[], []];
    for (let r = 0; r < 60; r++) {
      for (const k of (r % 2 ? [1, 0] : [0, 1]) as (0 | 1)[]) {
        const p = stores[k]!;
        const { ids, countyId } = setup[k]!;
        const upd = p.store.raw.prepare('UPDATE outlets SET name = ?, updated_at = ? WHERE id = ?');
        raw[k].push((await timed(() => { for (let i = 0; i < 25; i++) upd.run(`改${r}-${i}`, `${r}.${i}`, ids[(r * 25 + i) % ids.length]); })) / 25);
        if (r % 2 === 0) {
          const ctx = p.context();
          api[k].push((await timed(async () => {
            for (let i = 0; i < 10; i++) await call(ctx, 'outlets.save', { id: ids[i], code: `B${i}`, name: `保存${r}-${i}`, channelType: 'rural', countyId });
          })) / 10);
        }
      }
    }
    pair(b, 'captured UPDATE, own transaction (per write)', raw[0], raw[1], 'p50', cipher);
    pair(b, 'outlets.save through the API (per write)', api[0], api[1], 'p50', cipher);
  } finally {
    for (const s of stores) await s.dispose();
  }
}

export default defineBench({
  name: 'encryption',
  description: `encrypted vs plain store side by side: ${COUNTIES}-county reads, ${SYNC_COUNTIES}-county first sync, capture cost (≤ ${LIMIT}×)`,
  async run(b) {
    const plainDir = process.env.BENCH_PROFILE_DIR ?? resolve('profiles', 'bench-cache', `synthetic-${COUNTIES}-1`);
    const cache = await cachedProfile(plainDir, COUNTIES, 1);
    b.figure('profile', cache.reused ? 'cached' : `generated in ${cache.seconds.toFixed(1)} s`);
    // The machine is shared: the load says how much the absolute figures (not the ratios) are worth.
    b.figure('load average at start (1/5/15 min)', loadavg().map((l) => l.toFixed(1)).join(' / '));
    for (const cipher of CIPHERS) {
      const encDir = await encryptedCopy(b, plainDir, cipher);
      await readCases(b, plainDir, encDir, cipher);
      await firstSync(b, cipher);
      await captureCost(b, cipher);
    }
    b.figure('load average at end (1/5/15 min)', loadavg().map((l) => l.toFixed(1)).join(' / '));
  },
});
