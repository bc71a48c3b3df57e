// A small province for looking at the console overview (test/e2e/overviewIndicators.e2e.test.ts): two
// cities, three counties with outlets, members, a theme day, milestone nodes (one missed, one done late)
// and dues (one member at risk of lapse, one away long enough for a transfer, one lost contact by hand);
// the quarter's four business figures for Lintong's two outlets (its dual-track composite: two outlets scored, one red).
import type { HqStore } from '../../hq/store.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { addDays, addMonths, periodOf } from '../../shared/orglife/periods.js';
import { putRows } from './support.js';

export const LT = '/hq/xa/xa-lintong/';
export const YT = '/hq/xa/xa-yanta/';
export const LW = '/hq/wn/wn-linwei/';

export async function seedOverview(s: HqStore): Promise<void> {
  const today = todayInBeijing();
  const thisMonth = today.slice(0, 7);
  const [, xa, wn] = await putRows(s, [
    { t: 'org_units', scope: '/hq/', c: { code: 'hq', name: '陕西省公司', level: 'hq', parent_id: null, path: '/hq/', sort: 0 } },
    { t: 'org_units', scope: '/hq/xa/', c: { code: 'xa', name: '西安分公司', level: 'city', parent_id: null, path: '/hq/xa/', sort: 0 } },
    { t: 'org_units', scope: '/hq/wn/', c: { code: 'wn', name: '渭南分公司', level: 'city', parent_id: null, path: '/hq/wn/', sort: 1 } },
  ]);
  const scopes = [LT, YT, LW];
  const counties = await putRows(s, scopes.map((p, i) => ({ t: 'org_units', scope: p, c: { code: p.split('/')[2]!, name: ['临潼区分公司', '雁塔区分公司', '临渭区分公司'][i]!, level: 'county', parent_id: i < 2 ? xa! : wn!, path: p, sort: i } })));
  const branches = await putRows(s, scopes.map((p, i) => ({ t: 'party_orgs', scope: p, c: { name: ['骊山支部', '小寨支部', '临渭支部'][i]!, org_type: 'branch' } })));
  const outlets = await putRows(s, scopes.flatMap((p, i) => [
    { t: 'outlets', scope: p, c: { code: `O${i}a`, name: `${['骊山路', '小寨', '临渭'][i]}营业厅`, channel_type: 'own_store', county_id: counties[i]!, coverage_org_id: branches[i]!, instructor_id: null } },
    { t: 'outlets', scope: p, c: { code: `O${i}b`, name: `${['华清路', '长安路', '胜利街'][i]}合作厅`, channel_type: 'social_partner', county_id: counties[i]!, coverage_org_id: i === 1 ? branches[i]! : null, instructor_id: null } },
  ]));
  const people = await putRows(s, scopes.flatMap((p, i) => [0, 1, 2].map((k) => ({ t: 'people', scope: p, c: { name: `党员${i}${k}`, outlet_id: outlets[i * 2 + (k === 2 ? 1 : 0)]! } }))));
  await putRows(s, people.map((person, n) => {
    const i = Math.floor(n / 3);
    const k = n % 3;
    const away = i === 0 && k === 1;
    return { t: 'members', scope: scopes[i]!, c: { person_id: person, branch_id: branches[i]!, standing: 'normal', join_date: '2015-01-01', mobility: away ? 'outbound' : 'none', mobility_since: away ? addMonths(today, -8) : null, lost_contact: i === 1 && k === 2 ? 1 : 0 } };
  }));
  await putRows(s, [
    { t: 'dues_bases', scope: LT, c: { person_id: people[0]!, from_month: '2015-01', category: 'salary', base_fen: 500_000, recorded_by: '组织员' } },
    { t: 'dues_bases', scope: YT, c: { person_id: people[3]!, from_month: thisMonth, category: 'salary', base_fen: 500_000, recorded_by: '组织员' } },
    { t: 'dues_bases', scope: LW, c: { person_id: people[6]!, from_month: thisMonth, category: 'salary', base_fen: 500_000, recorded_by: '组织员' } },
  ]);
  const acts = await putRows(s, scopes.map((p, i) => ({ t: 'activities', scope: p, c: { type: 'theme_day', title: '主题党日', status: 'held', held_on: `${thisMonth}-01`, org_id: branches[i]! } })));
  await putRows(s, scopes.map((p, i) => ({ t: 'activity_outlets', scope: p, c: { activity_id: acts[i]!, outlet_id: outlets[i * 2]! } })));
  await putRows(s, people.map((person, n) => ({ t: 'attendance', scope: scopes[Math.floor(n / 3)]!, c: { activity_id: acts[Math.floor(n / 3)]!, person_id: person, status: n % 3 === 2 ? 'absent' : 'present' } })));
  const quarter = periodOf(today, 'quarter').key;
  const figures = [[8, 45, 92, 2], [-4, 20, 80, 9]] as const;
  await putRows(s, figures.flatMap((f, k) => (['revenue_growth', 'core_penetration', 'satisfaction', 'complaint_rate'] as const).map((indicator, j) => ({
    t: 'business_indicators', scope: LT, c: { outlet_id: outlets[k]!, period: quarter, indicator, value: f[j]!, source: 'manual', note: null, entered_by: '组织员' },
  }))));
  const year = Number(thisMonth.slice(0, 4));
  const goals = await putRows(s, scopes.map((p, i) => ({ t: 'milestone_goals', scope: p, c: { org_id: branches[i]!, year, title: '全年党建目标' } })));
  await putRows(s, [
    { t: 'milestone_nodes', scope: LT, c: { goal_id: goals[0]!, org_id: branches[0]!, title: '三季度节点', due_on: addDays(today, -10), done_on: null } },
    { t: 'milestone_nodes', scope: LT, c: { goal_id: goals[0]!, org_id: branches[0]!, title: '二季度节点', due_on: addDays(today, -25), done_on: addDays(today, -10) } },
    { t: 'milestone_nodes', scope: YT, c: { goal_id: goals[1]!, org_id: branches[1]!, title: '年末节点', due_on: addDays(today, 20), done_on: null } },
    { t: 'milestone_nodes', scope: LW, c: { goal_id: goals[2]!, org_id: branches[2]!, title: '月度节点', due_on: addDays(today, 3), done_on: null } },
  ]);
}
