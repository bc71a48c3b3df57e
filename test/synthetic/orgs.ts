// Party organisations of a county: the county committee / general branch, branches for the own-store
// and gov-ent clusters and for outlets with ≥3 full members, joint branches (≤5 units) for the rest,
// a few blind spots left uncovered; committees, secretaries, terms and Party groups.
import { ALLIANCE_SECTORS } from '../../shared/domain/enums.js';
import { emit, quota, synced, type CountyModel, type Gen, type GroupRec, type MemberRec, type OrgRec, type OutletRec, type PersonRec } from './model.js';
import { addDays, addYears, randomDay, type Rng } from './prng.js';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const cn = (n: number) => CN[n - 1] ?? String(n);
const LEAD_POSTS = new Set(['store_manager', 'owner', 'channel_manager', 'grid_leader']);
const SECTORS: readonly (readonly [keyof typeof ALLIANCE_SECTORS, number])[] = [
  ['finance', 3], ['education', 3], ['medical', 2], ['government', 2], ['logistics', 1], ['other', 1],
];

const fullOf = (members: MemberRec[]) => members.filter((x) => !x.probationary);
const fullCount = (outlets: OutletRec[]) => outlets.reduce((n, o) => n + fullOf(o.members).length, 0);

interface NewOrg {
  name: string;
  type: OrgRec['type'];
  mode?: string;
  unitId: string;
  scope: string;
  parent: string | null;
  outlets?: OutletRec[];
  pairing?: string | null;
  sector?: string | null;
  holdsMeetings?: boolean;
}

function newOrg(g: Gen, m: CountyModel, o: NewOrg): OrgRec {
  const id = g.ids.next();
  const row = emit(m, 'party_orgs', {
    id, name: o.name, org_type: o.type, setting_mode: o.mode ?? 'standalone', pairing_ratio: o.pairing ?? null,
    alliance_sector: o.sector ?? null, parent_org_id: o.parent, unit_id: o.unitId, secretary_person_id: null, term_start: null,
    term_end: null, ...synced(o.scope, g.stamp),
  });
  const org: OrgRec = {
    id, name: o.name, type: o.type, mode: o.mode ?? 'standalone', scope: o.scope, row, outlets: [], members: [], secretary: null,
    committee: [], groups: [], holdsMeetings: o.holdsMeetings ?? true,
  };
  m.orgs.push(org);
  for (const outlet of o.outlets ?? []) cover(g, m, org, outlet);
  return org;
}

function cover(g: Gen, m: CountyModel, org: OrgRec, o: OutletRec): void {
  emit(m, 'party_org_outlets', { id: g.ids.next(), org_id: org.id, outlet_id: o.id, ...synced(org.scope, g.stamp) });
  o.row.coverage_org_id = org.id;
  o.org = org;
  org.outlets.push(o);
  for (const mem of o.members) join(org, mem);
}

function join(org: OrgRec, mem: MemberRec): void {
  mem.org = org;
  mem.row.branch_id = org.id;
  org.members.push(mem);
}

/**
 * Cuts outlets into joint-branch chunks of ≤5 units, closing a chunk once it has ≥3 full members.
 * What is left short of three full members comes back as `rest` for the caller to place.
 */
function chunks(rng: Rng, outlets: OutletRec[]): { parts: OutletRec[][]; rest: OutletRec[] } {
  const parts: OutletRec[][] = [];
  let cur: OutletRec[] = [];
  let want = rng.int(2, 5);
  for (const o of outlets) {
    cur.push(o);
    if ((fullCount(cur) >= 3 && cur.length >= want) || cur.length === 5) {
      parts.push(cur);
      cur = [];
      want = rng.int(2, 5);
    }
  }
  const last = parts[parts.length - 1];
  if (cur.length && last && last.length + cur.length <= 5) return { parts: (last.push(...cur), parts), rest: [] };
  return { parts, rest: cur };
}

/** The final leftovers of a pool join its last chunk (a sixth unit happens), or stand alone (short of three full members). */
function settle(parts: OutletRec[][], rest: OutletRec[]): OutletRec[][] {
  if (!rest.length) return parts;
  const last = parts[parts.length - 1];
  if (last && last.length + rest.length <= 6) last.push(...rest);
  else parts.push(rest);
  return parts;
}

function staffCommittee(g: Gen, m: CountyModel, org: OrgRec, pool: PersonRec[], withCommittee: boolean): void {
  const rng = m.rng;
  if (!pool.length) pool = org.members.map((x) => x.person);
  if (!pool.length) return;
  const leaders = pool.filter((p) => LEAD_POSTS.has(p.row.post as string));
  const secretary = leaders.length && rng.chance(0.7) ? rng.pick(leaders) : rng.pick(pool);
  org.secretary = secretary;
  const start = randomDay(rng, addDays(addYears(g.today, -3), -220), addDays(g.today, -30)); // ~15% of terms expired
  Object.assign(org.row, { secretary_person_id: secretary.id, term_start: start, term_end: addYears(start, 3) });
  if (!withCommittee) return;
  const others = rng.sample(pool.filter((p) => p !== secretary), 3);
  if (others.length < 3) return;
  const roles = ['secretary', 'organisation', 'propaganda', 'discipline'];
  [secretary, ...others].forEach((person, i) => {
    org.committee.push({ person, role: roles[i]! });
    emit(m, 'party_org_committee', { id: g.ids.next(), org_id: org.id, person_id: person.id, role: roles[i]!, ...synced(org.scope, g.stamp) });
  });
}

function makeGroups(g: Gen, m: CountyModel, org: OrgRec): void {
  if (org.members.length < 10) return;
  const rng = m.rng;
  const n = Math.max(2, Math.round(org.members.length / 7));
  const kind = org.mode === 'mobile' ? 'mobile' : org.mode === 'grid' ? 'grid' : 'regular';
  const shuffled = rng.shuffle([...org.members]);
  for (let i = 0; i < n; i++) {
    const group: GroupRec = { id: g.ids.next(), name: `第${cn(i + 1)}党小组`, members: shuffled.filter((_, j) => j % n === i) };
    org.groups.push(group);
    for (const mem of group.members) {
      mem.group = group;
      mem.row.group_id = group.id;
    }
    const leader = group.members.find((x) => !x.probationary) ?? group.members[0]!;
    emit(m, 'party_groups', { id: group.id, branch_id: org.id, name: group.name, kind, leader_person_id: leader.person.id, ...synced(org.scope, g.stamp) });
  }
}

export function buildOrgs(g: Gen, m: CountyModel, parentOrgId: string): void {
  const rng = m.rng;
  const c = m.county;
  const all = m.outlets.flatMap((o) => o.members);
  const countyOrg = newOrg(g, m, {
    name: all.length >= 80 ? `中共${c.name}分公司委员会` : `中共${c.name}分公司总支部委员会`,
    type: all.length >= 80 ? 'committee' : 'general_branch', unitId: m.id, scope: m.path, parent: parentOrgId, holdsMeetings: false,
  });
  m.countyOrg = countyOrg;
  const base = { type: 'branch' as const, parent: countyOrg.id };
  const pool: OutletRec[] = [];

  const stores = m.outlets.filter((o) => o.type === 'own_store' || o.type === 'flagship');
  const govEnt = m.outlets.filter((o) => o.type === 'gov_ent');
  for (const [cluster, name] of [[stores, `${c.shortName}营业厅党支部`], [govEnt, `${c.shortName}政企客户党支部`]] as const) {
    if (fullCount(cluster) >= 3) newOrg(g, m, { ...base, name, unitId: m.id, scope: m.path, outlets: cluster });
    else pool.push(...cluster.filter((o) => o.members.length));
  }
  for (const o of m.outlets) {
    if (o.org || o.type === 'own_store' || o.type === 'flagship' || o.type === 'gov_ent' || !o.members.length) continue;
    if (fullOf(o.members).length >= 3) newOrg(g, m, { ...base, name: `${o.name}党支部`, unitId: o.grid?.id ?? m.id, scope: o.scope, outlets: [o] });
    else pool.push(o);
  }

  // Blind spots: a few member-holding outlets no organisation covers; their members' relation stays with the county.
  const uncovered = new Set(rng.sample(pool, quota(rng, pool.length, 0.04)));
  for (const o of uncovered) for (const mem of o.members) join(countyOrg, mem);
  g.defects.uncoveredOutlets += uncovered.size;

  const byMode = { grid: [] as OutletRec[], paired: [] as OutletRec[], alliance: [] as OutletRec[], mobile: [] as OutletRec[] };
  for (const o of pool) {
    if (uncovered.has(o)) continue;
    if (o.type === 'install_maint' || o.type === 'outdoor') byMode.mobile.push(o);
    else if (!o.grid) byMode.paired.push(o);
    else byMode[rng.weighted([['grid', 0.7], ['paired', 0.15], ['alliance', 0.15]] as const)].push(o);
  }
  const joint = { type: 'joint_branch' as const, parent: countyOrg.id };
  const spill: OutletRec[] = []; // grid and alliance leftovers go to county-level paired branches
  for (const grid of m.grids) {
    const { parts, rest } = chunks(rng, byMode.grid.filter((o) => o.grid === grid));
    spill.push(...rest);
    parts.forEach((outlets, i) => {
      const name = parts.length > 1 ? `${grid.town}网格第${cn(i + 1)}联合党支部` : `${grid.name}联合党支部`;
      newOrg(g, m, { ...joint, name, mode: 'grid', unitId: grid.id, scope: grid.path, outlets });
    });
  }
  const alliance = chunks(rng, byMode.alliance);
  spill.push(...alliance.rest);
  alliance.parts.forEach((outlets, i) => {
    const sector = rng.weighted(SECTORS);
    const name = `${c.shortName}${ALLIANCE_SECTORS[sector].zh}行业党建联盟第${cn(i + 1)}联合党支部`;
    newOrg(g, m, { ...joint, name, mode: 'alliance', sector, unitId: m.id, scope: m.path, outlets });
  });
  const paired = chunks(rng, [...byMode.paired, ...spill]);
  settle(paired.parts, paired.rest).forEach((outlets, i) => {
    const pairing = outlets.length > 1 ? 'one_to_many' : 'one_to_one';
    newOrg(g, m, { ...joint, name: `${c.shortName}结对共建第${cn(i + 1)}联合党支部`, mode: 'paired', pairing, unitId: m.id, scope: m.path, outlets });
  });
  const mobile = chunks(rng, byMode.mobile);
  settle(mobile.parts, mobile.rest).forEach((outlets, i) => {
    newOrg(g, m, { ...joint, name: `${c.shortName}装维流动第${cn(i + 1)}联合党支部`, mode: 'mobile', unitId: m.id, scope: m.path, outlets });
  });

  for (const org of m.orgs) {
    if (org === countyOrg) continue;
    const full = fullOf(org.members).map((x) => x.person);
    staffCommittee(g, m, org, full, full.length >= 7);
    makeGroups(g, m, org);
  }
  // The county organisation's committee comes from the company-side branches.
  const company = m.orgs.filter((o) => o !== countyOrg && o.outlets.some((x) => x.type === 'own_store' || x.type === 'gov_ent'));
  const leaders = fullOf(company.flatMap((o) => o.members)).map((x) => x.person);
  staffCommittee(g, m, countyOrg, leaders.length >= 4 ? leaders : fullOf(all).map((x) => x.person), true);
}
