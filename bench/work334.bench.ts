// The 334N lists for a county (≈250 outlets, ≈700 members, a year of records) through the real API:
// 岗区队, 承诺践诺, 节点对账, 结对共建 and honours, first page each, against a bare indexed count of the same rows.
// Target from issue 13: every new list of a county renders its first page in < 100 ms.
import { resolve } from 'node:path';
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { openProfile } from '../db/profile.js';
import { DEFAULT_TODAY } from '../test/synthetic/generate.js';
import { cachedProfile } from '../test/synthetic/seedProfile.js';
import { defineBench, type Target } from './harness.js';

const COUNTIES = Number(process.env.BENCH_WORK334_COUNTIES ?? 4);
const SEED = 1;
const TARGET: Target = { stat: 'p95', ms: 100, label: 'first page < 100 ms' };

async function call(ctx: ApiContext, name: string, input: unknown): Promise<{ total: number }> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as { total: number };
}

export default defineBench({
  name: 'work334',
  description: `岗区队, pledges and milestone nodes, first page, for the largest county of a ${COUNTIES}-county synthetic province (seed ${SEED})`,
  async run(b) {
    const dir = resolve('profiles', 'bench-cache', `work334-${COUNTIES}-${SEED}`);
    const cache = await cachedProfile(dir, COUNTIES, SEED);
    b.figure('profile', cache.reused ? 'cached' : `generated in ${cache.seconds.toFixed(1)} s`);
    const profile = await openProfile(dir);
    try {
      const raw = profile.store.raw;
      const county = raw
        .prepare(`SELECT u.id, u.path, u.name, (SELECT count(*) FROM outlets o WHERE o.deleted = 0 AND o.scope_path >= u.path AND o.scope_path < u.path || char(65535)) AS outlets
          FROM org_units u WHERE u.level = 'county' ORDER BY outlets DESC LIMIT 1`)
        .get() as { id: string; path: string; name: string; outlets: number };
      const args = [county.path, county.path + '\uffff'];
      const n = (sql: string) => (raw.prepare(sql).get(...args) as { n: number }).n;
      b.figure('county', `${county.name}: ${county.outlets} outlets, ${n(`SELECT count(*) AS n FROM members WHERE deleted = 0 AND scope_path >= ? AND scope_path < ?`)} members`);
      const year = Number(DEFAULT_TODAY.slice(0, 4));
      const ctx: ApiContext = { ...profile.context(), now: () => new Date(`${DEFAULT_TODAY}T04:00:00Z`), session: { ...profile.session, role: 'county_organiser', scopePath: county.path } };

      const bare = raw.prepare(`SELECT count(*) AS n FROM milestone_nodes WHERE deleted = 0 AND scope_path >= ? AND scope_path < ?`);
      await b.measure('milestone nodes of the county, bare count (baseline)', () => bare.get(...args), { runs: 50 });
      const page = { limit: 12, offset: 0 };
      b.figure('teams / pledges / nodes', [
        (await call(ctx, 'teams.list', page)).total, (await call(ctx, 'pledges.list', { year, ...page })).total, (await call(ctx, 'milestones.list', { year, ...page })).total,
      ].join(' / '));
      b.figure('missed nodes', (await call(ctx, 'milestones.list', { year, state: 'missed', ...page })).total);
      const opts = { runs: 30, baseline: 'milestone nodes of the county, bare count (baseline)', target: TARGET };
      await b.measure('teams.list, first page (API)', () => call(ctx, 'teams.list', page), opts);
      await b.measure('pledges.list, first page (API)', () => call(ctx, 'pledges.list', { year, ...page }), opts);
      await b.measure('milestones.list (节点对账), first page (API)', () => call(ctx, 'milestones.list', { year, ...page }), opts);
      await b.measure('milestones.list, missed only (API)', () => call(ctx, 'milestones.list', { year, state: 'missed', ...page }), opts);
      await b.measure('pairings.list, first page (API)', () => call(ctx, 'pairings.list', page), opts);
      await b.measure('honours.list, first page (API)', () => call(ctx, 'honours.list', page), opts);
    } finally {
      await profile.store.close();
    }
  },
});
