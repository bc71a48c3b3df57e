// The cost of growth (issue 17 item 4): the same screens on a 10-county and on a 100-county synthetic
// province, each with five years of organisation life (~1M activities and ~2.7M attendance marks at
// 100 counties), read through the real API at an HQ administrator's scope: the member list's first
// page, search, org-life compliance for the last 12 months, the warning board (考核预警) on its first
// load after opening the store, after a write (computed anew) and again with nothing written (kept),
// with one first load from disk as a figure, and the member-warnings page. Each 100-county figure is
// printed against its 10-county twin (vs baseline = p50 ratio; the p95 ratio follows as a figure);
// then compliance, board and member warnings for one county (a county organiser) on the same stores.
// The provinces are cached in profiles/bench-cache (test/synthetic/seedProfile.ts) and reused while
// the generator is unchanged; BENCH_PROVINCE_RUNS sets the repetitions (default 5).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { openProfile, STORE_FILE } from '../db/profile.js';
import { addDays, addMonths } from '../shared/orglife/periods.js';
import { DEFAULT_TODAY } from '../test/synthetic/generate.js';
import { cachedProfile } from '../test/synthetic/seedProfile.js';
import { defineBench, type Bench, type Stats, type Target } from './harness.js';

const SIZES = (process.env.BENCH_PROVINCE_COUNTIES ?? '10,100').split(',').map(Number);
const YEARS = Number(process.env.BENCH_PROVINCE_YEARS ?? 5);
const SEED = 1;
const RUNS = Number(process.env.BENCH_PROVINCE_RUNS ?? 5);
/** What an organiser accepts for a page to open (the brief of issue 17 item 4). */
const PAGE: Target = { stat: 'p95', ms: 1000, label: 'a page < 1 s' };
const MEMBERS = ['full_member', 'probationary'];

type Profile = Awaited<ReturnType<typeof openProfile>>;

interface Province {
  counties: number;
  dir: string;
  profile: Profile;
  hq: ApiContext;
  /** A county organiser of the province's first county, on the same store. */
  county: ApiContext;
  queries: string[];
}

async function call(ctx: ApiContext, name: string, input: unknown): Promise<unknown> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data;
}

const now = () => new Date(`${DEFAULT_TODAY}T04:00:00Z`);
const hqOf = (p: Profile): ApiContext => ({ ...p.context(), now, session: { ...p.session, role: 'hq_admin', scopePath: '/hq/' } });
const size = (dir: string) => ['', '-wal'].reduce((n, s) => n + (statSafe(join(dir, STORE_FILE + s))), 0);
const statSafe = (f: string) => {
  try {
    return statSync(f).size;
  } catch {
    return 0;
  }
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function province(b: Bench, counties: number): Promise<Province> {
  const dir = resolve('profiles', 'bench-cache', `province-${counties}-${SEED}-y${YEARS}`);
  const t = performance.now();
  const cache = await cachedProfile(dir, counties, SEED, YEARS);
  const g = cache.generation;
  const how = cache.reused ? 'cached; generated earlier' : `generated now (${((performance.now() - t) / 1000).toFixed(0)} s with migrations)`;
  b.figure(`${counties} counties: profile`, `${how} — ${dir}`);
  if (g) {
    b.figure(`${counties} counties: generation`, `${g.seconds.toFixed(0)} s for ${g.rows.toLocaleString('en')} rows (${Math.round(g.rows / g.writeSeconds).toLocaleString('en')} rows/s written)`);
    b.figure(`${counties} counties: contents`, `${g.people.toLocaleString('en')} people, ${g.members.toLocaleString('en')} members, ${g.activities.toLocaleString('en')} activities, ${g.attendance.toLocaleString('en')} attendance marks, ${g.years} years`);
  }
  b.figure(`${counties} counties: store size`, mb(size(dir)));
  const profile = await openProfile(dir);
  // Search terms drawn from the store itself, the same way at both sizes: names and pinyin initials.
  const queries = (profile.store.raw
    .prepare(`SELECT p.name, s.py_initials FROM people p JOIN people_search s ON s.person_id = p.id WHERE p.deleted = 0 ORDER BY p.id LIMIT 20 OFFSET 500`)
    .raw()
    .all() as [string, string][]).flatMap(([name, initials]) => [name, initials]);
  const first = profile.store.raw.prepare(`SELECT path FROM org_units WHERE level = 'county' AND deleted = 0 ORDER BY sort LIMIT 1`).pluck().get() as string;
  const county: ApiContext = { ...profile.context(), now, session: { ...profile.session, role: 'county_organiser', scopePath: first } };
  return { counties, dir, profile, hq: hqOf(profile), county, queries };
}

/** Drops the file's pages from the OS page cache (GNU dd's nocache advice); false where that fails. */
function dropFromOsCache(file: string): boolean {
  return spawnSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none']).status === 0;
}

/** Reads the file through once, which leaves it in the OS page cache. */
function readThrough(file: string): void {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(16 << 20);
  try {
    while (readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

/** Samples of `fn` each right after one write to the store, so that nothing kept from before is served. */
const afterWrite = (fn: (p: Province) => Promise<unknown>) => async (p: Province): Promise<number[]> => {
  const touch = p.profile.store.raw.prepare(`UPDATE meta SET value = value WHERE key = 'device_id'`);
  const out: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    touch.run();
    const t = performance.now();
    await fn(p);
    if (i > 0) out.push(performance.now() - t); // the first warms the page cache, as timed() does
  }
  return out;
};

async function timed(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Samples one operation on every province; each later size is compared with the first. */
async function side(b: Bench, label: string, ps: Province[], samples: (p: Province) => Promise<number[]>): Promise<void> {
  const stats: Stats[] = [];
  for (const p of ps) {
    const name = `${label} · ${p.counties} counties`;
    const first = `${label} · ${ps[0]!.counties} counties`;
    stats.push(b.record(name, await samples(p), { target: PAGE, baseline: p === ps[0] ? undefined : first }));
  }
  for (let i = 1; i < ps.length; i++) b.figure(`${label}: p95 ${ps[i]!.counties}/${ps[0]!.counties}`, `${(stats[i]!.p95 / stats[0]!.p95).toFixed(2)}×`);
}

export default defineBench({
  name: 'province',
  description: `growth: the same screens at ${SIZES.join(' and ')} counties with ${YEARS} years of history (synthetic, seed ${SEED}, HQ administrator)`,
  async run(b) {
    const ps: Province[] = [];
    try {
      for (const n of SIZES) ps.push(await province(b, n));
      b.note(`load average: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
      const month = DEFAULT_TODAY.slice(0, 7);
      const from = addMonths(`${month}-01`, -11);
      const to = addDays(addMonths(`${month}-01`, 1), -1);
      const op = (name: string, input: unknown) => (p: Province) => timed(() => call(p.hq, name, input), RUNS);

      await side(b, 'member list, first page', ps, op('people.list', { politicalStatus: MEMBERS, limit: 100 }));
      await side(b, 'people list, first page', ps, op('people.list', { limit: 100 }));
      // Each of the 40 terms once after a warm-up pass: one sample per search.
      await side(b, 'search (names and pinyin initials)', ps, async (p) => {
        for (const q of p.queries) await call(p.hq, 'people.list', { q, limit: 100 });
        const out: number[] = [];
        for (const q of p.queries) {
          const t = performance.now();
          await call(p.hq, 'people.list', { q, limit: 100 });
          out.push(performance.now() - t);
        }
        return out;
      });
      await side(b, 'org-life compliance, last 12 months', ps, op('orgLife.compliance', { from, to, asOf: DEFAULT_TODAY }));
      const firstBoard = async (p: Province): Promise<number> => {
        const fresh = await openProfile(p.dir);
        try {
          const t = performance.now();
          await call(hqOf(fresh), 'assessment.board', { period: month });
          return performance.now() - t;
        } finally {
          await fresh.store.close();
        }
      };
      // After a reboot the store's file is on disk only: one first load with it dropped from the OS
      // cache, a figure of what the disk allows. Then the file is read through once, so that the row
      // below measures what it names whatever ran on this machine before.
      for (const p of ps) {
        const file = join(p.dir, STORE_FILE);
        const cold = dropFromOsCache(file) ? `${(await firstBoard(p)).toFixed(0)} ms` : 'not measured (dd cannot drop the file from the OS cache here)';
        b.figure(`warning board, first load with the store's file out of the OS cache (after a reboot) · ${p.counties} counties`, cold);
        readThrough(file);
      }
      // First load: a freshly opened store (this connection's page cache cold), then the board.
      await side(b, 'warning board, first load after opening', ps, async (p) => {
        const out: number[] = [];
        for (let i = 0; i < Math.min(RUNS, 3); i++) out.push(await firstBoard(p));
        b.note(`warning board, first load at ${p.counties} counties, samples in order: ${out.map((x) => `${x.toFixed(0)} ms`).join(', ')}`);
        return out;
      });
      // The board's lights are kept while nothing is written (db/assessment/lightsMemo.ts): after any
      // write — here one meta row written again, outside the timing — they are computed anew.
      await side(b, 'warning board, after a write', ps, afterWrite((p) => call(p.hq, 'assessment.board', { period: month })));
      await side(b, 'warning board, again with nothing written', ps, op('assessment.board', { period: month }));
      await side(b, 'member warnings, first page', ps, op('standing.list', { limit: 20 }));
      // The same screens for one county on the same stores: what a county organiser waits for as the province grows.
      const inCounty = (name: string, input: unknown) => (p: Province) => timed(() => call(p.county, name, input), RUNS);
      await side(b, 'one county: org-life compliance', ps, inCounty('orgLife.compliance', { from, to, asOf: DEFAULT_TODAY }));
      await side(b, 'one county: warning board, after a write', ps, afterWrite((p) => call(p.county, 'assessment.board', { period: month })));
      await side(b, 'one county: warning board, again with nothing written', ps, inCounty('assessment.board', { period: month }));
      await side(b, 'one county: member warnings', ps, inCounty('standing.list', { limit: 20 }));
      b.note(`load average: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    } finally {
      for (const p of ps) await p.profile.store.close();
    }
  },
});
