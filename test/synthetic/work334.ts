// The 334N records of one synthetic county (issue 13): about half the branches run a post, area or
// commando team of 2–5 of their members with a few of their outlets; most members pledge early in
// the year (reviews pending until December); each branch with a team breaks a yearly goal into four
// quarterly nodes; a quarter of the branches have a pairing agreement, some team leaders an honour.
// Realistic defects: ~10% of past nodes done late and ~10% missed, a third of agreements missed. Its own random
// stream and ids, so the rest of the province stays exactly as it was.
import { addDays as addIsoDays, addMonths as addMonthsIso } from '../../shared/orglife/periods.js';
import { emit, synced, type CountyModel, type Gen } from './model.js';
import { IdMaker, Rng, toMs } from './prng.js';

const KINDS = ['vanguard_post', 'vanguard_post', 'responsibility_area', 'commando_team', 'commando_team'] as const;
const GOALS = ['千兆宽带进小区', '反诈宣传进社区', '5G 套餐迁转攻坚', '乡村智慧应用推广', '政企专线交付提速'];
const PLEDGES = ['全年服务零投诉', '带头完成月度营销任务', '每月参加一次志愿服务', '帮带一名新员工', '带头开展反诈宣传'];
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];
const PARTNERS = ['农商银行营业部党支部', '镇卫生院党支部', '中心小学党支部', '邮政支局党支部', '社区居委会党支部'];
type RowOf = (extra: Record<string, string | number | null>) => Record<string, string | number | null>;

/**
 * A pairing agreement with an outside partner and no joint meeting linked yet (they are recorded
 * in 组织生活 and linked by hand): most start this month (open), a third three months ago (missed,
 * the defect the pairing list should show). Honours: a member proposed now and then.
 */
function pairing(g: Gen, m: CountyModel, rng: Rng, ids: IdMaker, orgId: string, row: RowOf): void {
  const start = rng.chance(0.33) ? `${addMonthsIso(g.today, -3).slice(0, 7)}-01` : `${g.today.slice(0, 7)}-01`;
  const id = ids.next();
  emit(m, 'pairings', row({
    id, org_id: orgId, title: '党建和创协议', ratio: 'one_to_one', cadence_unit: 'month', cadence_min: 1, signed_on: start, starts_on: start, ends_on: null,
    terms: '以互联互通为基础，以互惠共赢为目标，每月召开一次结对共建联席会议', created_by: '组织员',
  }));
  emit(m, 'pairing_parties', row({ id: ids.next(), pairing_id: id, org_id: null, outside_name: rng.pick(PARTNERS) }));
}

export function buildWork334(g: Gen, m: CountyModel): void {
  const rng = Rng.derive(g.seed, 'work334', m.index);
  const ids = new IdMaker(rng.int(1, 2 ** 30), toMs(g.today) - 20 * 86_400_000);
  const year = g.today.slice(0, 4);
  for (const org of m.orgs) {
    if (!org.holdsMeetings || org.members.length < 2) continue;
    const row = (extra: Record<string, string | number | null>) => ({ ...extra, ...synced(org.scope, g.stamp) });
    for (const mem of org.members) {
      if (!rng.chance(0.6)) continue;
      emit(m, 'pledges', row({
        id: ids.next(), person_id: mem.person.id, org_id: org.id, year: Number(year), pledge: rng.pick(PLEDGES), pledged_on: `${year}-0${rng.int(1, 3)}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        evidence: null, outcome: 'pending', reviewed_on: null, reviewed_by: null, review_note: null, created_by: '组织员',
      }));
    }
    if (rng.chance(0.25)) pairing(g, m, rng, ids, org.id, row);
    if (!rng.chance(0.5)) continue;
    const kind = rng.pick(KINDS);
    const people = rng.sample(org.members, Math.min(org.members.length, rng.int(2, 5)));
    const teamId = ids.next();
    const goal = rng.pick(GOALS);
    emit(m, 'teams', row({
      id: teamId, org_id: org.id, kind, name: `${goal}${kind === 'commando_team' ? '党员突击队' : kind === 'vanguard_post' ? '党员先锋岗' : '党员责任区'}`,
      goal: `${year}年${goal}`, starts_on: `${year}-01-01`, ends_on: rng.chance(0.5) ? `${year}-12-31` : null, leader_person_id: people[0]!.person.id, results: null, created_by: '组织员',
    }));
    for (const p of people) emit(m, 'team_members', row({ id: ids.next(), team_id: teamId, person_id: p.person.id }));
    for (const o of rng.sample(org.outlets, Math.min(org.outlets.length, 3))) emit(m, 'team_outlets', row({ id: ids.next(), team_id: teamId, outlet_id: o.id }));
    if (rng.chance(0.3))
      emit(m, 'honours', row({
        id: ids.next(), kind: 'excellent_member', subject_kind: 'person', subject_id: people[0]!.person.id, basis_period: `${year}-Q3`, basis: '第三季度党员积分全支部第一',
        status: rng.chance(0.5) ? 'approved' : 'proposed', proposed_by: '组织员', proposed_on: `${year}-10-15`, decided_by: null, decided_on: null, note: null,
      }));
    const goalId = ids.next();
    emit(m, 'milestone_goals', row({ id: goalId, org_id: org.id, year: Number(year), title: goal, team_id: teamId, owner_person_id: people[0]!.person.id, created_by: '组织员' }));
    QUARTER_END.forEach((end, q) => {
      const due = `${year}-${end}`;
      const r = rng.next();
      // a past node: 80% on time, 10% late, 10% missed (the defects the board should find)
      const done = due >= g.today ? null : r < 0.8 ? addIsoDays(due, -rng.int(0, 20)) : r < 0.9 ? addIsoDays(due, rng.int(1, 25)) : null;
      emit(m, 'milestone_nodes', row({
        id: ids.next(), goal_id: goalId, org_id: org.id, period_key: `${year}-Q${q + 1}`, title: `第${q + 1}季度${goal}节点`, owner_person_id: rng.pick(people).person.id,
        standard: '按季度计划完成，附工单或照片', due_on: due, done_on: done && done <= g.today ? done : null, done_by: done ? '组织员' : null, evidence: done ? '季度台账' : null, item_id: null,
      }));
    });
  }
}
