// The province overview and the reference data editor against a real HQ, on SQLite and PostgreSQL:
// the county's coverage and contact lights from HQ's copy under the province's thresholds and a
// county's own override; a county organiser's view of their county only; values the app's rules
// refuse are refused and write nothing; every change is in the audit with before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBeijing } from '../../shared/core/dates.js';
import type { Overview } from '../../shared/console/types.js';
import { addDays, addMonths, periodOf } from '../../shared/orglife/periods.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase } from '../sync/support.js';
import { ADMIN_PW, Client, COUNTY_PW, putRows, startConsoleHq, type ConsoleHq } from './support.js';

const LT = '/hq/xa/xa-lintong/';
const YT = '/hq/xa/xa-yanta/';
let pg: RunningPg;
type Ids = Awaited<ReturnType<typeof province>>;

beforeAll(async () => {
  pg = await startPostgres();
}, 180_000);
afterAll(async () => pg?.stop());

/** Lintong: two outlets with a member each, one covered, one visited lately (50% / 50%). Yanta: one covered outlet with a member, visited (100% / 100%). */
async function province(hq: ConsoleHq) {
  const s = hq.store;
  const [top, city] = await putRows(s, [
    { t: 'org_units', scope: '/hq/', c: { code: 'hq', name: '陕西省公司', level: 'hq', parent_id: null, path: '/hq/', sort: 0 } },
    { t: 'org_units', scope: '/hq/xa/', c: { code: 'xa', name: '西安分公司', level: 'city', parent_id: null, path: '/hq/xa/', sort: 0 } },
  ]);
  const [lintong, yanta] = await putRows(s, [
    { t: 'org_units', scope: LT, c: { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parent_id: city!, path: LT, sort: 0 } },
    { t: 'org_units', scope: YT, c: { code: 'xa-yanta', name: '雁塔区分公司', level: 'county', parent_id: city!, path: YT, sort: 1 } },
  ]);
  expect(top).toBeTruthy();
  const [b1, b2] = await putRows(s, [{ t: 'party_orgs', scope: LT, c: { name: '骊山支部', org_type: 'branch' } }, { t: 'party_orgs', scope: YT, c: { name: '雁塔支部', org_type: 'branch' } }]);
  const [o1, o2, o3] = await putRows(s, [
    { t: 'outlets', scope: LT, c: { code: 'LT1', name: '骊山路营业厅', channel_type: 'own_store', county_id: lintong!, coverage_org_id: b1!, instructor_id: null } },
    { t: 'outlets', scope: LT, c: { code: 'LT2', name: '华清路合作厅', channel_type: 'social_partner', county_id: lintong!, coverage_org_id: null, instructor_id: null } },
    { t: 'outlets', scope: YT, c: { code: 'YT1', name: '小寨营业厅', channel_type: 'own_store', county_id: yanta!, coverage_org_id: b2!, instructor_id: null } },
  ]);
  const people = await putRows(s, [o1!, o2!, o3!].map((o, i) => ({ t: 'people', scope: i < 2 ? LT : YT, c: { name: `党员${i}`, outlet_id: o } })));
  await putRows(s, people.map((p, i) => ({ t: 'members', scope: i < 2 ? LT : YT, c: { person_id: p, branch_id: i < 2 ? b1! : b2!, standing: 'normal', join_date: '2015-01-01' } })));
  const held = addDays(todayInBeijing(), -10);
  const [a1, a2] = await putRows(s, [
    { t: 'activities', scope: LT, c: { type: 'theme_day', title: '主题党日', status: 'held', held_on: held, org_id: b1! } },
    { t: 'activities', scope: YT, c: { type: 'theme_day', title: '主题党日', status: 'held', held_on: held, org_id: b2! } },
  ]);
  await putRows(s, [{ t: 'activity_outlets', scope: LT, c: { activity_id: a1!, outlet_id: o1! } }, { t: 'activity_outlets', scope: YT, c: { activity_id: a2!, outlet_id: o3! } }]);
  return { lintong: lintong!, yanta: yanta!, b1: b1!, b2: b2!, o1: o1!, people, a2: a2! };
}

type Ov = { counties: { id: string; name: string; coverage: number; contact: number; lights: { coverage: string; contact: string }; uncoveredOutlets: number; members: number }[] };

describe.each(['SQLite', 'PostgreSQL'] as const)('console on %s', (engine) => {
  let hq: ConsoleHq;
  let ids: Ids;
  beforeAll(async () => {
    hq = await startConsoleHq(engine === 'PostgreSQL' ? await createPgDatabase(pg.url) : undefined);
    ids = await province(hq);
  }, 120_000);
  afterAll(async () => hq?.close());

  it('computes each county from HQ\'s copy with the shared light rules, and a county override applies there only', async () => {
    const admin = new Client(hq.url);
    await admin.signIn('admin', ADMIN_PW);
    const ov = (await admin.call('GET', '/console/api/overview')).json as unknown as Ov;
    const lt = ov.counties.find((c) => c.id === ids.lintong)!;
    const yt = ov.counties.find((c) => c.id === ids.yanta)!;
    expect(lt).toMatchObject({ coverage: 0.5, contact: 0.5, members: 2, uncoveredOutlets: 1, lights: { coverage: 'red', contact: 'red' } });
    expect(yt).toMatchObject({ coverage: 1, contact: 1, members: 1, uncoveredOutlets: 0, lights: { coverage: 'green', contact: 'green' } });

    // Lintong's own thresholds: 50% is green there, Yanta unchanged
    const set = await admin.call('POST', '/console/api/refdata/set', { key: 'assessment.thresholds', scopePath: LT, value: { coverage: { green: 0.5, yellow: 0.3 }, contact: { green: 0.6, yellow: 0.5 } } });
    expect(set.status).toBe(200);
    const after = ((await admin.call('GET', '/console/api/overview')).json as unknown as Ov).counties.find((c) => c.id === ids.lintong)!;
    expect(after.lights).toMatchObject({ coverage: 'green', contact: 'yellow' });
    const drill = (await admin.call('GET', `/console/api/overview/county?id=${ids.lintong}`)).json as unknown as { outlets: { name: string; covered: boolean; contacted: boolean }[] };
    expect(drill.outlets.map((o) => [o.name, o.covered, o.contacted]).sort()).toEqual([['华清路合作厅', false, false], ['骊山路营业厅', true, true]]);

    const county = new Client(hq.url);
    await county.signIn('lintong', COUNTY_PW);
    const own = (await county.call('GET', '/console/api/overview')).json as unknown as Ov;
    expect(own.counties.map((c) => c.id)).toEqual([ids.lintong]);
    expect((await county.call('GET', `/console/api/overview/county?id=${ids.yanta}`)).status).toBe(404);
  });

  it('refuses values the app\'s rules refuse, writing nothing, and keeps who changed what', async () => {
    const admin = new Client(hq.url);
    await admin.signIn('admin', ADMIN_PW);
    const settingsBefore = await hq.store.db.selectFrom('hq_rows').select(['row_id', 'cells']).where('tbl', '=', 'settings').execute();
    const refused = [
      { key: 'assessment.thresholds', scopePath: '/', value: { attendance: { green: 0.7, yellow: 0.8 } }, says: '黄灯与绿灯区间重叠' },
      { key: 'points.base', scopePath: LT, value: 95, says: '基础分须在 60–80 之间' },
      { key: 'points.bounds', scopePath: LT, value: { baseMin: 0, baseMax: 100, maxValue: 100, maxCap: 400, maxDeduction: 100 }, says: '只能由省公司统一设置' },
      { key: 'orglife.warning', scopePath: '/', value: { monthlyYellowAfterDay: 40 }, says: '取值不符合要求' },
      { key: 'orglife.cadence', scopePath: '/', value: { theme_day: { period: 'fortnight', min: 1, subject: 'org' } }, says: '取值不符合要求' },
      { key: 'console.silentDays', scopePath: '/', value: 0, says: '取值不符合要求' },
      { key: 'sync.requireTls', scopePath: '/', value: true, says: '不可在控制台修改' },
    ];
    for (const r of refused) {
      const a = await admin.call('POST', '/console/api/refdata/set', { key: r.key, scopePath: r.scopePath, value: r.value });
      expect([a.status, String(a.json.zh)], r.key).toEqual([400, expect.stringContaining(r.says)]);
    }
    expect(await hq.store.db.selectFrom('hq_rows').select(['row_id', 'cells']).where('tbl', '=', 'settings').execute()).toEqual(settingsBefore);

    const ok = await admin.call('POST', '/console/api/refdata/set', { key: 'orglife.warning', scopePath: '/', value: { monthlyYellowAfterDay: 15 } });
    expect(ok.status).toBe(200);
    const again = await admin.call('POST', '/console/api/refdata/set', { key: 'orglife.warning', scopePath: '/', value: { monthlyYellowAfterDay: 18 } });
    const view = again.json as unknown as { entries: { key: string; province: { value: unknown } | null }[]; history: { key: string; userName: string; before: unknown; after: unknown }[] };
    expect(view.entries.find((e) => e.key === 'orglife.warning')!.province!.value).toEqual({ monthlyYellowAfterDay: 18 });
    expect(view.history.filter((h) => h.key === 'orglife.warning').map((h) => [h.userName, h.before, h.after])).toEqual([
      ['admin', { monthlyYellowAfterDay: 15 }, { monthlyYellowAfterDay: 18 }],
      ['admin', null, { monthlyYellowAfterDay: 15 }],
    ]);
    // a county's override removed: the province's value applies there again
    await admin.call('POST', '/console/api/refdata/clear', { key: 'assessment.thresholds', scopePath: LT });
    const lt = ((await admin.call('GET', '/console/api/overview')).json as unknown as Ov).counties.find((c) => c.id === ids.lintong)!;
    expect(lt.lights.coverage).toBe('red');
  });
  it('shows every board indicator HQ can compute, per county and rolled up to the city and the province', async () => {
    const today = todayInBeijing();
    const monthStart = periodOf(today, 'month').start;
    const [p0, p1, p2] = ids.people;
    // Lintong: this month's theme day with one present and one absent (and one excused, left out); a probationer
    // 40 days past conversion; an item 20 days overdue. Yanta: its member was present ten days ago.
    // Its records begin eight months back (a theme day nobody's attendance was taken at): months without
    // organisation life are counted from there, not from joining years ago.
    const [meeting] = await putRows(hq.store, [{ t: 'activities', scope: LT, c: { type: 'theme_day', title: '本月主题党日', status: 'held', held_on: monthStart, org_id: ids.b1 } }]);
    await putRows(hq.store, [{ t: 'activities', scope: LT, c: { type: 'theme_day', title: '早先的主题党日', status: 'held', held_on: addMonths(today, -8), org_id: ids.b1 } }]);
    const [p3] = await putRows(hq.store, [{ t: 'people', scope: LT, c: { name: '预备党员', outlet_id: ids.o1, political_status: 'probationary' } }]);
    await putRows(hq.store, [
      { t: 'members', scope: LT, c: { person_id: p3!, branch_id: ids.b1, standing: 'normal', join_date: addDays(addMonths(today, -12), -40) } },
      { t: 'attendance', scope: LT, c: { activity_id: meeting!, person_id: p0!, status: 'present' } },
      { t: 'attendance', scope: LT, c: { activity_id: meeting!, person_id: p1!, status: 'absent' } },
      { t: 'attendance', scope: LT, c: { activity_id: meeting!, person_id: p3!, status: 'excused' } },
      { t: 'attendance', scope: YT, c: { activity_id: ids.a2, person_id: p2!, status: 'present' } },
      { t: 'rectification_items', scope: LT, c: { kind: 'rectification', title: '整改支部记录', subject_kind: 'org', subject_id: ids.b1, due_on: addDays(today, -20), status: 'open' } },
    ]);
    const admin = new Client(hq.url);
    await admin.signIn('admin', ADMIN_PW);
    const ov = (await admin.call('GET', '/console/api/overview')).json as unknown as Overview;
    const lt = ov.counties.find((c) => c.id === ids.lintong)!;
    const yt = ov.counties.find((c) => c.id === ids.yanta)!;
    expect(lt).toMatchObject({ coverage: 2 / 3, attendance: 0.5, membersWithoutOrgLife: 2, conversionsOverdue: 1, itemsOverdue: 1, orgsWithCadence: 1, monthlyBehind: 0 });
    expect(lt.lights).toMatchObject({ attendance: 'red', member_gap: 'red', probation_overdue: 'red', rectification_overdue: 'red', meetings_monthly: 'green' });
    expect(yt).toMatchObject({ attendance: null, membersWithoutOrgLife: 0, conversionsOverdue: 0, itemsOverdue: 0, orgsWithCadence: 1 });
    expect(yt.lights).toMatchObject({ attendance: 'none', member_gap: 'green', probation_overdue: 'none', rectification_overdue: 'green' });
    expect(yt.monthlyBehind).toBe(['yellow', 'red'].includes(yt.lights.meetings_monthly) ? 1 : 0);
    // Xi'an from its counties' parts taken together: 3 of 4 members covered, 2 of 3 outlets contacted, 1 of 2 present.
    expect(ov.cities.map((c) => [c.name, c.counties, c.coverage, c.contact, c.attendance, c.membersWithoutOrgLife, c.itemsOverdue]))
      .toEqual([['西安分公司', 2, 0.75, 2 / 3, 0.5, 2, 1]]);
    expect(ov.cities[0]!.lights).toMatchObject({ coverage: 'red', rectification_overdue: 'red', member_gap: 'red' });
    expect(ov.province).toMatchObject({ name: '陕西省公司', counties: 2, coverage: 0.75, conversionsOverdue: 1 });
    // A county organiser sees their county only, and no roll-up above it.
    const county = new Client(hq.url);
    await county.signIn('lintong', COUNTY_PW);
    const own = (await county.call('GET', '/console/api/overview')).json as unknown as Overview;
    expect(own.counties.map((c) => [c.id, c.itemsOverdue])).toEqual([[ids.lintong, 1]]);
    expect(own.province).toBeNull();
    expect(own.cities.map((c) => c.counties)).toEqual([1]);
  });
});
