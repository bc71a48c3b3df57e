// The registry on a province (~100k people, 100 counties): people search p95 through the real API
// (FTS5 + pinyin index) against the LIKE scan it replaced; a 10,000-row roster import (preview +
// commit); an export of every person to .xlsx. Runs on a copy of a cached synthetic profile.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { openProfile, STORE_FILE } from '../db/profile.js';
import { makeCitizenId } from '../shared/domain/citizenId.js';
import { cachedProfile } from '../test/synthetic/seedProfile.js';
import { defineBench, statsOf, type Bench } from './harness.js';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const SEED = 1;
const QUERIES_PER_KIND = 40;

async function call<T>(ctx: ApiContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

/** A deterministic pseudo-random pick, so every run asks the same questions. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

interface Sample { name: string; phone: string | null; citizen_id: string | null; py_full: string; py_initials: string; py_given: string; outlet: string | null }

function queries(samples: Sample[]): Record<string, string[]> {
  const rnd = lcg(7);
  const pick = () => samples[Math.floor(rnd() * samples.length)]!;
  const kinds: Record<string, (s: Sample) => string | null> = {
    'full name': (s) => s.name,
    'name, first 2 characters': (s) => [...s.name].slice(0, 2).join(''),
    'pinyin initials ("zs")': (s) => s.py_initials,
    'full pinyin': (s) => s.py_full,
    'given-name pinyin': (s) => (s.py_given.length >= 3 ? s.py_given : null),
    'surname (1 character)': (s) => [...s.name][0]!,
    'phone, 5 middle digits': (s) => s.phone?.slice(3, 8) ?? null,
    'citizen id, 6 middle digits': (s) => s.citizen_id?.slice(8, 14) ?? null,
    'outlet name, 4 characters': (s) => (s.outlet ? [...s.outlet].slice(2, 6).join('') : null),
  };
  const out: Record<string, string[]> = {};
  for (const [k, f] of Object.entries(kinds)) {
    out[k] = [];
    while (out[k]!.length < QUERIES_PER_KIND) {
      const q = f(pick());
      if (q) out[k]!.push(q);
    }
  }
  return out;
}

async function searchBench(b: Bench, ctx: ApiContext, raw: import('better-sqlite3').Database) {
  const samples = raw
    .prepare(`SELECT p.name, p.phone, p.citizen_id, s.py_full, s.py_initials, s.py_given, o.name AS outlet
      FROM people p JOIN people_search s ON s.person_id = p.id LEFT JOIN outlets o ON o.id = p.outlet_id WHERE p.deleted = 0 ORDER BY p.id LIMIT 5000`)
    .all() as Sample[];
  const byKind = queries(samples);
  // Every query runs 3 times after a warm-up. On a shared, loaded machine the scheduler adds tens of
  // ms to random runs, so besides the p95 of all runs the p95 of each query's best run is printed:
  // that one tracks the work the query does, not the machine's neighbours.
  const timed = async (input: Record<string, unknown>) => {
    await call(ctx, 'people.list', input);
    const runs: number[] = [];
    let total = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      total = (await call<{ total: number }>(ctx, 'people.list', input)).total;
      runs.push(performance.now() - t);
    }
    return { runs, total };
  };
  const all: number[] = [];
  const best: number[] = [];
  const members: number[] = [];
  const membersBest: number[] = [];
  for (const [kind, qs] of Object.entries(byKind)) {
    const times: number[] = [];
    let hits = 0;
    for (const q of qs) {
      const e = await timed({ q, limit: 100 });
      times.push(...e.runs);
      best.push(Math.min(...e.runs));
      hits += e.total;
      const m = await timed({ q, politicalStatus: ['full_member', 'probationary'], limit: 100 });
      members.push(...m.runs);
      membersBest.push(Math.min(...m.runs));
    }
    all.push(...times);
    const s = statsOf(times);
    b.figure(`search "${kind}"`, `p50 ${s.p50.toFixed(2)} ms · p95 ${s.p95.toFixed(2)} ms · mean hits ${Math.round(hits / qs.length)}`);
  }
  // The text search listPeople had before the FTS index (prefix LIKE on names, infix LIKE on outlets).
  const like = raw.prepare(`SELECT count(*) AS n FROM people p LEFT JOIN outlets o ON o.id = p.outlet_id
    WHERE p.deleted = 0 AND (p.name LIKE ? || '%' OR o.name LIKE '%' || ? || '%')`);
  const likeTimes = byKind['full name']!.slice(0, 20).map((q) => {
    const t = performance.now();
    like.get(q, q);
    return performance.now() - t;
  });
  b.record('baseline: LIKE scan (count only), full names', likeTimes);
  const target = { stat: 'p95', ms: 10, label: 'search p95 < 10 ms' } as const;
  b.record('people.list search, everyone: all runs', all, { target });
  b.record('people.list search, everyone: best of 3 per query', best, { target });
  b.record('people.list search, members filter: all runs', members, { target });
  b.record('people.list search, members filter: best of 3 per query', membersBest, { target });
  b.note(`load average while searching: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
}

export async function rosterFile(raw: import('better-sqlite3').Database, rows: number): Promise<Buffer> {
  const branches = raw.prepare(`SELECT name FROM party_orgs WHERE deleted = 0 AND org_type IN ('branch', 'joint_branch') GROUP BY name HAVING count(*) = 1 LIMIT 300`).pluck().all() as string[];
  const outlets = raw.prepare(`SELECT code FROM outlets WHERE deleted = 0 GROUP BY code HAVING count(*) = 1 LIMIT 2000`).pluck().all() as string[];
  const existing = raw.prepare(`SELECT p.name, p.citizen_id, m.join_date, b.name AS branch FROM people p JOIN members m ON m.person_id = p.id AND m.deleted = 0
    JOIN party_orgs b ON b.id = m.branch_id WHERE p.deleted = 0 AND p.citizen_id IS NOT NULL AND p.political_status = 'full_member'
      AND b.name IN (${branches.map(() => '?').join(',')}) LIMIT ?`).all(...branches, Math.floor(rows / 5)) as { name: string; citizen_id: string; join_date: string; branch: string }[];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['某县党员花名册（基准测试）']);
  ws.addRow(['序号', '党员姓名', '公民身份号码', '性别', '出生年月', '入党时间', '转正时间', '所在党组织', '网点编码', '联系电话', '文化程度', '人员类别']);
  const rnd = lcg(11);
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英';
  for (let i = 0; i < rows; i++) {
    const update = existing[i];
    if (update && i < existing.length) {
      ws.addRow([i + 1, update.name, update.citizen_id, null, null, update.join_date, null, update.branch, null, `139${String(10_000_000 + i).slice(-8)}`, '本科', '中共党员']);
      continue;
    }
    const birth = `19${60 + Math.floor(rnd() * 40)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    // New people: region 99xxxx (not a real one) keeps their ids apart from the generated people's.
    const id = makeCitizenId(`99${String(Math.floor(i / 1000)).padStart(4, '0')}`, birth, i % 1000, i % 2 === 0);
    const name = surnames[Math.floor(rnd() * surnames.length)]! + given[Math.floor(rnd() * given.length)]! + given[Math.floor(rnd() * given.length)]!;
    ws.addRow([i + 1, name, id, i % 2 ? '女' : '男', birth.slice(0, 7).replace('-', '.'), `20${10 + Math.floor(rnd() * 10)}.0${1 + Math.floor(rnd() * 9)}`, null,
      branches[i % branches.length], outlets[i % outlets.length], `138${String(10_000_000 + i).slice(-8)}`, '大专', '中共党员']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export default defineBench({
  name: 'registry',
  description: `registry search p95, 10k-row roster import, full export; ${COUNTIES}-county synthetic province (seed ${SEED})`,
  async run(b) {
    const cacheDir = resolve('profiles', 'bench-cache', `registry-${COUNTIES}-${SEED}`);
    const cache = await cachedProfile(cacheDir, COUNTIES, SEED);
    b.figure('profile', cache.reused ? `reused ${cacheDir}` : `generated in ${cache.seconds.toFixed(1)} s → ${cacheDir}`);
    // Imports and exports write (people, audit rows): work on a copy, keep the cache pristine.
    const dir = mkdtempSync(join(tmpdir(), 'rc-bench-registry-'));
    copyFileSync(join(cacheDir, STORE_FILE), join(dir, STORE_FILE));
    const p = await openProfile(dir);
    try {
      const hq: ApiContext = { ...p.context(), session: { ...p.session, role: 'hq_admin', scopePath: '/hq/' } };
      const people = (p.store.raw.prepare('SELECT count(*) AS n FROM people WHERE deleted = 0').get() as { n: number }).n;
      b.figure('people in the store', people);

      await searchBench(b, hq, p.store.raw);
      if (process.env.REGISTRY_BENCH_SEARCH_ONLY) return;

      const file = { name: '花名册.xlsx', base64: (await rosterFile(p.store.raw, 10_000)).toString('base64') };
      const t0 = performance.now();
      const preview = await call<{ totals: Record<string, number> }>(hq, 'roster.preview', { file });
      const t1 = performance.now();
      const done = await call<Record<string, number>>(hq, 'roster.commit', { file, skipInvalid: true });
      const t2 = performance.now();
      b.figure('import 10k: preview totals', JSON.stringify(preview.totals));
      b.figure('import 10k: written', JSON.stringify(done));
      b.record('import 10,000 rows: preview', [t1 - t0]);
      b.record('import 10,000 rows: commit (the preview\'s plan, still valid, then the writes)', [t2 - t1]);
      b.record('import 10,000 rows: preview + commit', [t2 - t0], { target: { stat: 'max', ms: 10_000, label: 'import 10k < 10 s' } });

      const t3 = performance.now();
      const exported = await call<{ rows: number; base64: string }>(hq, 'registry.export', { list: 'roster', fullIds: false });
      const t4 = performance.now();
      b.figure('export: rows / file size', `${exported.rows} / ${(exported.base64.length * 0.75 / 1024 / 1024).toFixed(1)} MB`);
      b.record(`export every person (${exported.rows} rows) to .xlsx`, [t4 - t3], { target: { stat: 'max', ms: 10_000, label: 'export 100k < 10 s' } });
    } finally {
      await p.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
