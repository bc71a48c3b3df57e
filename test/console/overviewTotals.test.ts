// The overview's kept per-county facts (hq/console/totals.ts) against a real HQ over HTTP, on SQLite and
// PostgreSQL: after pushes touching one county only that county is computed again and the overview
// equals one computed from scratch; a row moved between counties, a setting above a city and a new day
// each bring back exactly the counties they touch; a county organiser sees their county only; after a
// restart (with rows written while HQ was down) the first overview is right; kept current in the
// background (hq/console/totalsWarm.ts), an overview finds nothing left to compute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overview } from '../../hq/console/overview.js';
import { scheduleTotals } from '../../hq/console/totalsWarm.js';
import { startHq } from '../../hq/server.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import type { CountyDetail, Overview } from '../../shared/console/types.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { addDays } from '../../shared/orglife/periods.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase } from '../sync/support.js';
import { ADMIN_PW, Client, COUNTY_PW, putRows, startConsoleHq } from './support.js';

const LT = '/hq/xa/xa-lintong/';
const YT = '/hq/xa/xa-yanta/';
const WB = '/hq/wn/wn-linwei/';
let pg: RunningPg;
let dir: string;

beforeAll(async () => {
  pg = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'rc-totals-'));
}, 180_000);
afterAll(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Three counties in two cities, each with a branch and one covered outlet of one member, visited ten days ago. */
async function province(s: HqStore) {
  const [, xa, wn] = await putRows(s, [
    { t: 'org_units', scope: '/hq/', c: { code: 'hq', name: '陕西省公司', level: 'hq', parent_id: null, path: '/hq/', sort: 0 } },
    { t: 'org_units', scope: '/hq/xa/', c: { code: 'xa', name: '西安分公司', level: 'city', parent_id: null, path: '/hq/xa/', sort: 0 } },
    { t: 'org_units', scope: '/hq/wn/', c: { code: 'wn', name: '渭南分公司', level: 'city', parent_id: null, path: '/hq/wn/', sort: 1 } },
  ]);
  const scopes = [LT, YT, WB];
  const counties = await putRows(s, scopes.map((p, i) => ({ t: 'org_units', scope: p, c: { code: p.split('/')[3]!, name: ['临潼区分公司', '雁塔区分公司', '临渭区分公司'][i]!, level: 'county', parent_id: i < 2 ? xa! : wn!, path: p, sort: i } })));
  const branches = await putRows(s, scopes.map((p, i) => ({ t: 'party_orgs', scope: p, c: { name: `支部${i}`, org_type: 'branch' } })));
  const outlets = await putRows(s, scopes.map((p, i) => ({ t: 'outlets', scope: p, c: { code: `O${i}`, name: `营业厅${i}`, channel_type: 'own_store', county_id: counties[i]!, coverage_org_id: branches[i]!, instructor_id: null } })));
  const people = await putRows(s, scopes.map((p, i) => ({ t: 'people', scope: p, c: { name: `党员${i}`, outlet_id: outlets[i]! } })));
  await putRows(s, scopes.map((p, i) => ({ t: 'members', scope: p, c: { person_id: people[i]!, branch_id: branches[i]!, standing: 'normal', join_date: '2015-01-01' } })));
  const acts = await putRows(s, scopes.map((p, i) => ({ t: 'activities', scope: p, c: { type: 'theme_day', title: '主题党日', status: 'held', held_on: addDays(todayInBeijing(), -10), org_id: branches[i]! } })));
  await putRows(s, scopes.map((p, i) => ({ t: 'activity_outlets', scope: p, c: { activity_id: acts[i]!, outlet_id: outlets[i]! } })));
  return { counties: counties as [string, string, string], branches: branches as [string, string, string], outlets };
}

/** An overview without what differs from one computation to the next (its time, how much it recomputed). */
const same = ({ ms: _m, recomputed: _r, ...rest }: Overview) => rest;

describe.each(['SQLite', 'PostgreSQL'] as const)('kept county facts on %s', (engine) => {
  let target: string;
  let ids: Awaited<ReturnType<typeof province>>;
  beforeAll(async () => {
    target = engine === 'PostgreSQL' ? await createPgDatabase(pg.url) : join(dir, 'hq.sqlite');
  }, 60_000);

  it('recomputes only the counties a change touches, and always equals a computation from scratch', async () => {
    const hq = await startConsoleHq(target);
    try {
      ids = await province(hq.store);
      const [lt, yt, wb] = ids.counties;
      const admin = new Client(hq.url);
      await admin.signIn('admin', ADMIN_PW);
      const get = async () => (await admin.call('GET', '/console/api/overview')).json as unknown as Overview;
      const fresh = async () => same(await overview(hq.store, '/', { fresh: true }));

      const first = await get();
      expect(first.recomputed).toBe(3);
      expect(same(first)).toEqual(await fresh());
      const again = await get();
      expect(again.recomputed).toBe(0);
      expect(same(again)).toEqual(same(first));

      // Lintong gets an uncovered outlet with two members: only Lintong is computed again, and its figures move.
      const [o] = await putRows(hq.store, [{ t: 'outlets', scope: LT, c: { code: 'LT9', name: '华清路合作厅', channel_type: 'social_partner', county_id: lt, coverage_org_id: null, instructor_id: null } }]);
      const ps = await putRows(hq.store, [0, 1].map((i) => ({ t: 'people', scope: LT, c: { name: `新党员${i}`, outlet_id: o! } })));
      await putRows(hq.store, ps.map((p) => ({ t: 'members', scope: LT, c: { person_id: p, branch_id: ids.branches[0], standing: 'normal', join_date: '2016-01-01' } })));
      const afterPush = await get();
      expect(afterPush.recomputed).toBe(1);
      expect(afterPush.counties.map((c) => [c.id, c.members, c.coverage, c.uncoveredOutlets])).toEqual([[wb, 1, 1, 0], [lt, 3, 1 / 3, 1], [yt, 1, 1, 0]]);
      expect(afterPush.cities.map((c) => [c.name, c.members, c.coverage])).toEqual([['渭南分公司', 1, 1], ['西安分公司', 4, 0.5]]);
      expect(afterPush.province).toMatchObject({ members: 5, coverage: 3 / 5 });
      expect(same(afterPush)).toEqual(await fresh());
      // Read county by county or all at once (as a new day's first overview does for many counties): the same.
      const perCounty = same(await overview(hq.store, '/', { fresh: true, batchFrom: Infinity }));
      expect(same(await overview(hq.store, '/', { fresh: true, batchFrom: 1 }))).toEqual(perCounty);
      expect(perCounty).toEqual(same(afterPush));

      // The outlet moves to Yanta (its scope path changes): both counties come back, Linwei stays kept. Its
      // members' person rows stay in Lintong, so neither county counts them (as neither county's device would).
      await putRows(hq.store, [{ t: 'outlets', id: o!, scope: YT, c: { code: 'LT9', name: '华清路合作厅', channel_type: 'social_partner', county_id: yt, coverage_org_id: null, instructor_id: null } }]);
      const moved = await get();
      expect(moved.recomputed).toBe(2);
      expect(moved.counties.map((c) => [c.id, c.outlets, c.members, c.uncoveredOutlets])).toEqual([[wb, 1, 1, 0], [lt, 1, 1, 0], [yt, 2, 1, 0]]);
      expect(same(moved)).toEqual(await fresh());

      // A setting at Xi'an (org-life cadence rules apply in the parts) brings back its two counties.
      const set = await admin.call('POST', '/console/api/refdata/set', { key: 'orglife.warning', scopePath: '/hq/xa/', value: { monthlyYellowAfterDay: 1 } });
      expect(set.status).toBe(200);
      const bySetting = await get();
      expect(bySetting.recomputed).toBe(2);
      expect(same(bySetting)).toEqual(await fresh());

      // A county organiser: their county only, with the same figures the province shows for it.
      const county = new Client(hq.url);
      await county.signIn('lintong', COUNTY_PW);
      const own = (await county.call('GET', '/console/api/overview')).json as unknown as Overview;
      expect(own.counties).toEqual([bySetting.counties.find((c) => c.id === lt)]);
      expect((await county.call('GET', `/console/api/overview/county?id=${yt}`)).status).toBe(404);
      const drill = (await county.call('GET', `/console/api/overview/county?id=${lt}`)).json as unknown as CountyDetail;
      expect(drill.outlets.map((x) => [x.name, x.members, x.covered, x.contacted])).toEqual([['营业厅0', 1, true, true]]);

      // Two overviews at once right after a push: both current.
      await putRows(hq.store, [{ t: 'members', scope: WB, c: { person_id: ps[0]!, branch_id: ids.branches[2], standing: 'normal', join_date: '2016-01-01' } }]);
      const [a, b] = await Promise.all([get(), get()]);
      const now = await fresh();
      expect([same(a), same(b)]).toEqual([now, now]);
    } finally {
      await hq.close();
    }
  }, 120_000);

  it('is right on the first overview after a restart, with rows written while HQ was down and on a new day', async () => {
    const [lt, yt, wb] = ids.counties;
    // HQ down: rows reach the database (another HQ process, or a relay import) — Linwei gets a covered-nowhere outlet with a member.
    const down = await openHqStore(target);
    const [o] = await putRows(down, [{ t: 'outlets', scope: WB, c: { code: 'WB9', name: '渭南合作厅', channel_type: 'rural', county_id: wb, coverage_org_id: null, instructor_id: null } }]);
    const [p] = await putRows(down, [{ t: 'people', scope: WB, c: { name: '农村党员', outlet_id: o! } }]);
    await putRows(down, [{ t: 'members', scope: WB, c: { person_id: p!, branch_id: ids.branches[2], standing: 'normal', join_date: '2016-01-01' } }]);
    await down.close();

    const store = await openHqStore(target);
    const srv = await startHq({ store });
    try {
      const admin = new Client(srv.url);
      await admin.signIn('admin', ADMIN_PW);
      const get = async () => (await admin.call('GET', '/console/api/overview')).json as unknown as Overview;
      const first = await get();
      expect(first.recomputed).toBe(1);
      expect(first.counties.find((c) => c.id === wb)).toMatchObject({ outletsWithMembers: 2, uncoveredOutlets: 1, coverage: 1 / 2 });
      expect(same(first)).toEqual(same(await overview(store, '/', { fresh: true })));
      // Kept facts of yesterday are not today's: every county is computed again.
      await sql`UPDATE hq_county_totals SET as_of = ${addDays(todayInBeijing(), -1)} WHERE county_id = ${lt} OR county_id = ${yt}`.execute(store.db);
      const nextDay = await get();
      expect(nextDay.recomputed).toBe(2);
      expect(same(nextDay)).toEqual(same(first));
    } finally {
      await srv.close();
      await store.close();
    }
  }, 120_000);

  it('has the facts ready when kept current in the background while HQ serves', async () => {
    const store = await openHqStore(target);
    const srv = await startHq({ store });
    const lines: string[] = [];
    try {
      const [p] = await putRows(store, [{ t: 'people', scope: YT, c: { name: '雁塔新党员', outlet_id: ids.outlets[1]! } }]);
      await putRows(store, [{ t: 'members', scope: YT, c: { person_id: p!, branch_id: ids.branches[1], standing: 'normal', join_date: '2016-01-01' } }]);
      const stop = scheduleTotals(store, { everyMs: 60_000, log: (l) => lines.push(l) });
      for (let i = 0; i < 100 && !lines.length; i++) await new Promise((r) => setTimeout(r, 100));
      await stop();
      expect(lines).toEqual([expect.stringMatching(/^\[hq\] overview: 1 counties' facts computed in \d+ ms$/)]);
      const admin = new Client(srv.url);
      await admin.signIn('admin', ADMIN_PW);
      const ov = (await admin.call('GET', '/console/api/overview')).json as unknown as Overview;
      expect(ov.recomputed).toBe(0);
      expect(same(ov)).toEqual(same(await overview(store, '/', { fresh: true })));
    } finally {
      await srv.close();
      await store.close();
    }
  }, 60_000);
});
