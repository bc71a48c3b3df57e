// The warning board for a county (≈250 outlets, a year of activities) through the real API, against
// the bare grouped SQL it rests on (members' last organisation life). Target from issue 12: a
// county's board in under 200 ms; the whole province's board at an HQ administrator's scope in under
// 2 s (BENCH_ASSESSMENT_COUNTIES=100), each against its bare grouped SQL in the same run.
import { resolve } from 'node:path';
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { openProfile } from '../db/profile.js';
import { DEFAULT_TODAY } from '../test/synthetic/generate.js';
import { cachedProfile } from '../test/synthetic/seedProfile.js';
import { defineBench, type Target } from './harness.js';

const COUNTIES = Number(process.env.BENCH_ASSESSMENT_COUNTIES ?? process.env.BENCH_ORGLIFE_COUNTIES ?? 4);
const SEED = 1;
// Province repetitions (BENCH_ASSESSMENT_RUNS): a few while iterating on a shared machine, 10 for the record.
const PROVINCE_RUNS = Number(process.env.BENCH_ASSESSMENT_RUNS ?? 10);
const COUNTY_TARGET: Target = { stat: 'p95', ms: 200, label: 'county board < 200 ms' };
const PROVINCE_TARGET: Target = { stat: 'p95', ms: 2000, label: 'province board (HQ admin) < 2 s' };

async function call(ctx: ApiContext, name: string, input: unknown): Promise<unknown> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data;
}

export default defineBench({
  name: 'assessment',
  description: `warning board (红黄绿灯) for the largest county of a ${COUNTIES}-county synthetic province (seed ${SEED})`,
  async run(b) {
    // Its own cache: a shared one made before a migration was renamed cannot be opened any more.
    const dir = resolve('profiles', 'bench-cache', `assessment-${COUNTIES}-${SEED}`);
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
      b.figure('county', `${county.name}: ${county.outlets} outlets`);
      b.figure('activities', (raw.prepare(`SELECT count(*) AS n FROM activities WHERE deleted = 0 AND scope_path >= ? AND scope_path < ?`).get(...args) as { n: number }).n);
      const ctx: ApiContext = { ...profile.context(), now: () => new Date(`${DEFAULT_TODAY}T04:00:00Z`), session: { ...profile.session, role: 'county_organiser', scopePath: '/' } };

      // Baseline: the grouped last-attendance read the months-without-organisation-life row needs, in hand-written SQL.
      const last = raw.prepare(`SELECT t.person_id, max(a.held_on) AS last_on FROM activities a JOIN attendance t ON t.activity_id = a.id AND t.deleted = 0 AND t.status = 'present'
        WHERE a.deleted = 0 AND a.status = 'held' AND a.scope_path >= ? AND a.scope_path < ? AND a.held_on <= ? GROUP BY t.person_id`);
      await b.measure('last attendance per member, bare SQL (baseline)', () => last.all(...args, DEFAULT_TODAY), { runs: 50 });

      const input = { unitId: county.id, period: DEFAULT_TODAY.slice(0, 7) };
      const board = (await call(ctx, 'assessment.board', input)) as { lights: unknown[]; counts: { red: number; yellow: number; green: number } };
      b.figure('lights on the county board', board.lights.length);
      b.figure('red / yellow / green', `${board.counts.red} / ${board.counts.yellow} / ${board.counts.green}`);
      // The board's lights are kept while nothing is written (db/assessment/lightsMemo.ts): one meta row
      // written again before each run, untimed, makes every timed board a computed one.
      const touch = raw.prepare(`UPDATE meta SET value = value WHERE key = 'device_id'`);
      const before = () => touch.run();
      await b.measure('county board, this month (API)', () => call(ctx, 'assessment.board', input), {
        runs: 30, baseline: 'last attendance per member, bare SQL (baseline)', target: COUNTY_TARGET, before,
      });
      await b.measure('county board, a past month (API)', () => call(ctx, 'assessment.board', { ...input, period: '2026-06' }), { runs: 20, target: COUNTY_TARGET, before });
      await b.measure('county board, this month again with nothing written (kept)', () => call(ctx, 'assessment.board', input), { runs: 30, target: COUNTY_TARGET });
      if (COUNTIES > 1) {
        const all = ['/', '/\uffff'];
        await b.measure(`last attendance per member, whole province, bare SQL (baseline)`, () => last.all(...all, DEFAULT_TODAY), { runs: PROVINCE_RUNS, warmup: 1 });
        const hq: ApiContext = { ...ctx, session: { ...ctx.session, role: 'hq_admin', scopePath: '/' } };
        const whole = (await call(hq, 'assessment.board', { period: input.period })) as { lights: unknown[] };
        b.figure(`lights on the ${COUNTIES}-county province board`, whole.lights.length);
        await b.measure(`whole ${COUNTIES}-county province board, HQ admin (API)`, () => call(hq, 'assessment.board', { period: input.period }), {
          runs: PROVINCE_RUNS, warmup: 1, baseline: 'last attendance per member, whole province, bare SQL (baseline)', target: PROVINCE_TARGET, before,
        });
      }
    } finally {
      await profile.store.close();
    }
  },
});
