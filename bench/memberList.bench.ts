// The member list's first page on a province-sized profile (~100k people): opening the store, then
// reading page one through the real API, against the same read in hand-written SQL.
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { openProfile } from '../db/profile.js';
import { peopleListTuning } from '../db/people/people.js';
import { cachedProfile } from '../test/synthetic/seedProfile.js';
import { defineBench, type Target } from './harness.js';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const SEED = 1;
const MEMBERS = { politicalStatus: ['full_member', 'probationary'], limit: 100 };
const FIRST_PAGE: Target = { stat: 'p95', ms: 50, label: 'first page < 50 ms' };

async function call(ctx: ApiContext, name: string, input: unknown): Promise<{ total: number; rows: { id: string }[] }> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as { total: number; rows: { id: string }[] };
}

/**
 * The same page written by hand: a count and the first 100 rows. `paged` does what listPeople does
 * (the page of ids from people alone — sorting the matches, or walking the name index when more than
 * peopleListTuning.walkAbove match — then the joins for those rows); `joined` is the obvious query,
 * joining first and sorting the joined rows (listPeople's shape before 2026_11_25_people_indexes).
 */
function rawPage(raw: Database.Database, statuses: string[] | null, shape: 'paged' | 'joined') {
  const where = (plus: string) =>
    `p.deleted = 0 AND ${plus}p.scope_path >= ? AND ${plus}p.scope_path < ?` +
    (statuses ? ` AND ${plus}p.political_status IN (${statuses.map(() => '?').join(',')})` : '');
  const cols = `p.id, p.name, p.gender, p.birth_date, p.citizen_id, p.phone, p.outlet_id, o.name AS outlet_name, p.post,
      p.political_status, b.name AS branch_name, m.standing, m.mobility, p.synthetic`;
  const joins = `LEFT JOIN members m ON m.person_id = p.id AND m.deleted = 0 LEFT JOIN outlets o ON o.id = p.outlet_id
    LEFT JOIN party_orgs b ON b.id = m.branch_id`;
  const paged = (plus: string) =>
    raw.prepare(`SELECT ${cols} FROM (SELECT p.id, p.name FROM people p WHERE ${where(plus)} ORDER BY p.name, p.id LIMIT 100) pg
      JOIN people p ON p.id = pg.id ${joins} ORDER BY pg.name, pg.id`);
  const count = raw.prepare(shape === 'paged' ? `SELECT count(*) AS n FROM people p WHERE ${where('')}` : `SELECT count(*) AS n FROM people p ${joins} WHERE ${where('')}`);
  const [sorted, walked] = [paged(''), paged('+')];
  const joined = raw.prepare(`SELECT ${cols} FROM people p ${joins} WHERE ${where('')} ORDER BY p.name, p.id LIMIT 100`);
  return (scope: string) => {
    const args = [scope, scope + '\uffff', ...(statuses ?? [])];
    const total = (count.get(...args) as { n: number }).n;
    const page = shape === 'joined' ? joined : total > peopleListTuning.walkAbove ? walked : sorted;
    return { total, rows: page.all(...args) as { id: string }[] };
  };
}

export default defineBench({
  name: 'memberList',
  description: `first page of the member list, ${COUNTIES}-county synthetic province (seed ${SEED})`,
  async run(b) {
    const dir = resolve('profiles', 'bench-cache', `synthetic-${COUNTIES}-${SEED}`);
    const cache = await cachedProfile(dir, COUNTIES, SEED);
    b.figure('profile', cache.reused ? 'cached' : `generated in ${cache.seconds.toFixed(1)} s`);
    b.note(`profile folder: ${dir}`);

    // (a) Cold: a fresh connection each time (migrations already applied), then page one.
    const opens: number[] = [];
    const firstReads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const p = await openProfile(dir);
      const t1 = performance.now();
      await call(p.context(), 'people.list', MEMBERS);
      firstReads.push(performance.now() - t1);
      opens.push(t1 - t0);
      await p.store.close();
    }
    b.record('open store (openProfile)', opens);
    b.record('member page, first read after open', firstReads);

    const p = await openProfile(dir);
    const ctx = p.context();
    const scope = p.session.scopePath;
    const members = rawPage(p.store.raw, MEMBERS.politicalStatus, 'paged');
    const everyone = rawPage(p.store.raw, null, 'paged');
    b.figure('people / members in scope', `${everyone(scope).total} / ${members(scope).total} (scope ${scope})`);

    // (b) Warm reads: hand-written SQL is the baseline for the API.
    await b.measure('raw SQL: member page', () => members(scope));
    await b.measure('API people.list: member page', () => call(ctx, 'people.list', MEMBERS), { baseline: 'raw SQL: member page', target: FIRST_PAGE });
    await b.measure('raw SQL: all-people page', () => everyone(scope));
    await b.measure('API people.list: all-people page', () => call(ctx, 'people.list', {}), { baseline: 'raw SQL: all-people page', target: FIRST_PAGE });

    // For reference: the obvious join-then-sort query over the same data.
    const [joinedMembers, joinedEveryone] = [rawPage(p.store.raw, MEMBERS.politicalStatus, 'joined'), rawPage(p.store.raw, null, 'joined')];
    await b.measure('raw SQL, join then sort: member page', () => joinedMembers(scope), { runs: 10 });
    await b.measure('raw SQL, join then sort: all-people page', () => joinedEveryone(scope), { runs: 10 });

    // A county organiser's device sees one county: the same page under a narrow scope.
    const county = (p.store.raw.prepare(`SELECT path FROM org_units WHERE level = 'county' ORDER BY sort LIMIT 1`).get() as { path: string }).path;
    const countyCtx: ApiContext = { ...ctx, session: { ...ctx.session, role: 'county_organiser', scopePath: county } };
    await b.measure('raw SQL: member page, one county', () => members(county));
    await b.measure('API people.list: member page, one county', () => call(countyCtx, 'people.list', MEMBERS), {
      baseline: 'raw SQL: member page, one county', target: FIRST_PAGE,
    });

    // Same rows every way.
    const ids = (page: { total: number; rows: { id: string }[] }) => `${page.total}:${page.rows.map((r) => r.id).join()}`;
    const same =
      ids(await call(ctx, 'people.list', MEMBERS)) === ids(members(scope)) &&
      ids(members(scope)) === ids(joinedMembers(scope)) &&
      ids(await call(ctx, 'people.list', {})) === ids(everyone(scope)) &&
      ids(everyone(scope)) === ids(joinedEveryone(scope));
    b.figure('API and raw SQL return the same pages', same ? 'yes' : 'NO');
    await p.store.close();
  },
});
