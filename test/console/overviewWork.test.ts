// The overview's milestone (里程碑) and member-standing (党员状况) indicators against a real HQ over HTTP,
// on SQLite and PostgreSQL: per county the nodes missed and done late and each organisation's light
// (shared/milestones/rules.ts), the members at risk of lapse, lost contact and due a transfer (shared/
// people/memberRules.ts over the dues ledger); the city takes the worst light and adds the counts; a
// node completed late is seen at once, and the county organiser sees the same figures for their county.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overview } from '../../hq/console/overview.js';
import type { Overview } from '../../shared/console/types.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { addDays, addMonths } from '../../shared/orglife/periods.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase } from '../sync/support.js';
import { ADMIN_PW, Client, COUNTY_PW, putRows, startConsoleHq, type ConsoleHq } from './support.js';

const LT = '/hq/xa/xa-lintong/';
const YT = '/hq/xa/xa-yanta/';
let pg: RunningPg;

beforeAll(async () => {
  pg = await startPostgres();
}, 180_000);
afterAll(async () => pg?.stop());

describe.each(['SQLite', 'PostgreSQL'] as const)('milestones and member standing on %s', (engine) => {
  let hq: ConsoleHq;
  beforeAll(async () => {
    hq = await startConsoleHq(engine === 'PostgreSQL' ? await createPgDatabase(pg.url) : undefined);
  }, 120_000);
  afterAll(async () => hq?.close());

  it('counts nodes missed and late and members flagged per county, with the board\'s lights, rolled up to the city', async () => {
    const s = hq.store;
    const today = todayInBeijing();
    const year = Number(today.slice(0, 4));
    const thisMonth = today.slice(0, 7);
    const [, xa] = await putRows(s, [
      { t: 'org_units', scope: '/hq/', c: { code: 'hq', name: '陕西省公司', level: 'hq', parent_id: null, path: '/hq/', sort: 0 } },
      { t: 'org_units', scope: '/hq/xa/', c: { code: 'xa', name: '西安分公司', level: 'city', parent_id: null, path: '/hq/xa/', sort: 0 } },
    ]);
    const [lt, yt] = await putRows(s, [
      { t: 'org_units', scope: LT, c: { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parent_id: xa!, path: LT, sort: 0 } },
      { t: 'org_units', scope: YT, c: { code: 'xa-yanta', name: '雁塔区分公司', level: 'county', parent_id: xa!, path: YT, sort: 1 } },
    ]);
    const [b1, b2] = await putRows(s, [{ t: 'party_orgs', scope: LT, c: { name: '骊山支部', org_type: 'branch' } }, { t: 'party_orgs', scope: YT, c: { name: '雁塔支部', org_type: 'branch' } }]);
    const [p0, p1, p2, p3] = await putRows(s, [LT, LT, YT, YT].map((scope, i) => ({ t: 'people', scope, c: { name: `党员${i}`, outlet_id: null } })));
    // Lintong: p0 keeps dues from 2015 and has paid none (at risk of lapse); p1 is away (outbound) for 8 months (transfer due).
    // Yanta: p2 keeps dues from this month (nothing owed yet); p3 is marked lost contact by hand.
    await putRows(s, [
      { t: 'members', scope: LT, c: { person_id: p0!, branch_id: b1!, standing: 'normal', join_date: '2015-01-01', mobility: 'none', lost_contact: 0 } },
      { t: 'members', scope: LT, c: { person_id: p1!, branch_id: b1!, standing: 'normal', join_date: '2015-01-01', mobility: 'outbound', mobility_since: addMonths(today, -8), lost_contact: 0 } },
      { t: 'members', scope: YT, c: { person_id: p2!, branch_id: b2!, standing: 'normal', join_date: '2015-01-01', mobility: 'none', lost_contact: 0 } },
      { t: 'members', scope: YT, c: { person_id: p3!, branch_id: b2!, standing: 'normal', join_date: '2015-01-01', mobility: 'none', lost_contact: 1 } },
      { t: 'dues_bases', scope: LT, c: { person_id: p0!, from_month: '2015-01', category: 'salary', base_fen: 500_000, recorded_by: '组织员' } },
      { t: 'dues_bases', scope: YT, c: { person_id: p2!, from_month: thisMonth, category: 'salary', base_fen: 500_000, recorded_by: '组织员' } },
    ]);
    // Everyone was present at this month's theme day (so no one lacks organisation life).
    const [a1, a2] = await putRows(s, [
      { t: 'activities', scope: LT, c: { type: 'theme_day', title: '主题党日', status: 'held', held_on: `${thisMonth}-01`, org_id: b1! } },
      { t: 'activities', scope: YT, c: { type: 'theme_day', title: '主题党日', status: 'held', held_on: `${thisMonth}-01`, org_id: b2! } },
    ]);
    await putRows(s, [p0, p1, p2, p3].map((p, i) => ({ t: 'attendance', scope: i < 2 ? LT : YT, c: { activity_id: i < 2 ? a1! : a2!, person_id: p!, status: 'present' } })));
    // Lintong's goal: one node missed (due 10 days ago), one done 15 days late; Yanta's: one node due in 20 days.
    const [g1, g2] = await putRows(s, [
      { t: 'milestone_goals', scope: LT, c: { org_id: b1!, year, title: '全年党建目标' } },
      { t: 'milestone_goals', scope: YT, c: { org_id: b2!, year, title: '全年党建目标' } },
    ]);
    const [missed] = await putRows(s, [
      { t: 'milestone_nodes', scope: LT, c: { goal_id: g1!, org_id: b1!, title: '三季度节点', due_on: addDays(today, -10), done_on: null } },
      { t: 'milestone_nodes', scope: LT, c: { goal_id: g1!, org_id: b1!, title: '二季度节点', due_on: addDays(today, -25), done_on: addDays(today, -10) } },
      { t: 'milestone_nodes', scope: YT, c: { goal_id: g2!, org_id: b2!, title: '年末节点', due_on: addDays(today, 20), done_on: null } },
    ]);

    const admin = new Client(hq.url);
    await admin.signIn('admin', ADMIN_PW);
    const ov = (await admin.call('GET', '/console/api/overview')).json as unknown as Overview;
    const pick = (u: Overview['cities'][number] | Overview['counties'][number]) => [
      u.orgsWithMilestones, u.nodesMissed, u.nodesLate, u.lights.milestones,
      u.branchesJudged, u.membersLapseRisk, u.membersLostContact, u.transfersDue, u.lights.member_standing,
    ];
    expect(ov.counties.map((c) => [c.id, ...pick(c)])).toEqual([
      [lt, 1, 1, 1, 'red', 1, 1, 0, 1, 'red'],
      [yt, 1, 0, 0, 'green', 1, 0, 1, 0, 'yellow'],
    ]);
    expect(ov.cities.map(pick)).toEqual([[2, 1, 1, 'red', 2, 1, 1, 1, 'red']]);
    expect(ov.counties.map((c) => c.worst)).toEqual(['red', 'yellow']);
    const { ms: _a, recomputed: _b, ...batched } = await overview(s, '/', { fresh: true, batchFrom: 1 });
    const { ms: _c, recomputed: _d, ...shown } = ov;
    expect(batched).toEqual(shown);

    // The missed node is completed today (late): Lintong is computed again, no node missed, two late, yellow.
    await putRows(s, [{ t: 'milestone_nodes', id: missed!, scope: LT, c: { goal_id: g1!, org_id: b1!, title: '三季度节点', due_on: addDays(today, -10), done_on: today } }]);
    const after = (await admin.call('GET', '/console/api/overview')).json as unknown as Overview;
    expect(after.recomputed).toBe(1);
    expect(pick(after.counties[0]!).slice(0, 4)).toEqual([1, 0, 2, 'yellow']);

    const county = new Client(hq.url);
    await county.signIn('lintong', COUNTY_PW);
    const own = (await county.call('GET', '/console/api/overview')).json as unknown as Overview;
    expect(own.counties.map(pick)).toEqual([pick(after.counties[0]!)]);
  });
});
