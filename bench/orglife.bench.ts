// Org-life compliance for a county (≈250 outlets, a year of activities) through the real API:
// cadence compliance, instructor duties and the 待办 list, against the bare grouped count the
// compliance report is built on. Target from issue 5: a county's compliance in under 100 ms.
import { resolve } from 'node:path';
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { openProfile } from '../db/profile.js';
import { DEFAULT_TODAY } from '../test/synthetic/generate.js';
import { cachedProfile } from '../test/synthetic/seedProfile.js';
import { addDays, addMonths } from '../shared/orglife/periods.js';
import { defineBench, type Target } from './harness.js';

const COUNTIES = Number(process.env.BENCH_ORGLIFE_COUNTIES ?? 4);
const SEED = 1;
const COUNTY_TARGET: Target = { stat: 'p95', ms: 100, label: 'county compliance < 100 ms' };

async function call(ctx: ApiContext, name: string, input: unknown): Promise<unknown> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data;
}

export default defineBench({
  name: 'orglife',
  description: `org-life compliance, duties and 待办 for the largest county of a ${COUNTIES}-county synthetic province (seed ${SEED})`,
  async run(b) {
    const dir = resolve('profiles', 'bench-cache', `synthetic-${COUNTIES}-${SEED}`);
    const cache = await cachedProfile(dir, COUNTIES, SEED);
    b.figure('profile', cache.reused ? 'cached' : `generated in ${cache.seconds.toFixed(1)} s`);
    const profile = await openProfile(dir);
    try {
      const raw = profile.store.raw;
      const county = raw
        .prepare(`SELECT u.id, u.path, u.name, (SELECT count(*) FROM outlets o WHERE o.deleted = 0 AND o.scope_path >= u.path AND o.scope_path < u.path || char(65535)) AS outlets
          FROM org_units u WHERE u.level = 'county' ORDER BY outlets DESC LIMIT 1`)
        .get() as { id: string; path: string; name: string; outlets: number };
      // The year of generated activities ends on the generator's "today".
      const asOf = DEFAULT_TODAY;
      const from = addMonths(`${asOf.slice(0, 7)}-01`, -11);
      const to = addDays(addMonths(`${asOf.slice(0, 7)}-01`, 1), -1);
      const count = (sql: string, ...args: unknown[]) => (raw.prepare(sql).get(...args) as { n: number }).n;
      const inCounty = `scope_path >= ? AND scope_path < ?`;
      const scopeArgs = [county.path, county.path + '\uffff'];
      b.figure('county', `${county.name}: ${county.outlets} outlets`);
      b.figure('activities in the year', count(`SELECT count(*) AS n FROM activities WHERE deleted = 0 AND ${inCounty} AND held_on >= ? AND held_on <= ?`, ...scopeArgs, from, to));
      b.figure('attendance marks', count(`SELECT count(*) AS n FROM attendance WHERE ${inCounty}`, ...scopeArgs));
      const ctx: ApiContext = { ...profile.context(), session: { ...profile.session, role: 'county_organiser', scopePath: '/' } };

      // Baseline: the one grouped count the compliance report reads, in hand-written SQL.
      const grouped = raw.prepare(`SELECT org_id, type, group_id, substr(held_on, 1, 7) AS month, count(*) AS n FROM activities
        WHERE deleted = 0 AND status = 'held' AND ${inCounty} AND held_on >= ? AND held_on <= ? AND org_id IS NOT NULL GROUP BY 1, 2, 3, 4`);
      await b.measure('held counts, bare SQL (baseline)', () => grouped.all(...scopeArgs, from, to), { runs: 50 });

      const input = { unitId: county.id, from, to, asOf };
      const report = (await call(ctx, 'orgLife.compliance', input)) as { orgs: unknown[]; rows: unknown[] };
      b.figure('organisations with a cadence', report.orgs.length);
      b.figure('obligation rows', report.rows.length);
      await b.measure('county compliance, 12 months (API)', () => call(ctx, 'orgLife.compliance', input), {
        runs: 50, baseline: 'held counts, bare SQL (baseline)', target: COUNTY_TARGET,
      });
      await b.measure('county instructor duties, 12 months (API)', () => call(ctx, 'orgLife.duties', input), { runs: 50, baseline: 'held counts, bare SQL (baseline)' });
      const due = (await call(ctx, 'orgLife.due', { unitId: county.id, asOf })) as { items: unknown[] };
      b.figure('待办 items in the county', due.items.length);
      await b.measure('county 待办 list (API)', () => call(ctx, 'orgLife.due', { unitId: county.id, asOf }), { runs: 30, baseline: 'held counts, bare SQL (baseline)' });
      if (COUNTIES > 1) {
        await b.measure(`whole ${COUNTIES}-county profile compliance (API)`, () => call(ctx, 'orgLife.compliance', { from, to, asOf }), { runs: 10 });
      }
    } finally {
      await profile.store.close();
    }
  },
});
