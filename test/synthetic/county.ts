// One county: its org unit and grids, outlets by channel type, the people at each outlet and
// which of them are Party members (DOMAIN.md, "Realistic synthetic data").
import type { ChannelType } from '../../shared/domain/enums.js';
import type { County } from './geography.js';
import { emit, quota, synced, type CountyModel, type Gen, type Grid, type MemberRec, type OutletRec, type PersonRec } from './model.js';
import { COMMUNITY_NAMES, DESTINATIONS, ROADS, SHOP_WORDS, TOWNS, VILLAGE_SUFFIX } from './names.js';
import { breakCheckDigit, STAFF_MEAN, type MemberKind } from './people.js';
import { addDays, addMonths, addYears, randomDay, Rng } from './prng.js';

/** Probability that an outlet of the type has no member, and λ of 1 + Poisson(λ) otherwise. */
export const ZERO_MEMBERS: Record<ChannelType, number> = {
  own_store: 0.25, gov_ent: 0.05, flagship: 0.05, install_maint: 0.3, social_partner: 0.88, rural: 0.75, micro_store: 0.92,
  community_station: 0.6, outdoor: 0.7,
};
export const MEMBER_LAMBDA: Record<ChannelType, number> = {
  own_store: 1.5, gov_ent: 4, flagship: 5, install_maint: 1, social_partner: 0.2, rural: 0.2, micro_store: 0.2, community_station: 0.2,
  outdoor: 0.2,
};
const ON_GRID = new Set<ChannelType>(['own_store', 'social_partner', 'rural', 'micro_store', 'community_station']);
const URBAN_AREAS = ['东城', '西城', '南城', '北城', '高新', '经开', '文教', '滨河', '站前', '大学城', '商圈', '新区'];
const CN_ORD = ['', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function outletCounts(rng: Rng, c: County): Record<ChannelType, number> {
  const size = 0.75 + 0.5 * rng.next(); // counties differ in size; mean 1
  const gov = rng.next();
  return {
    own_store: Math.max(1, rng.poisson(7)),
    flagship: c.seat ? 1 + rng.poisson(0.45) : 0,
    gov_ent: gov < 0.05 ? 0 : gov > 0.95 ? 2 : 1,
    social_partner: rng.poisson(110 * size),
    rural: rng.poisson((c.urban ? 10 : 90) * size),
    micro_store: rng.poisson(25 * size),
    community_station: rng.poisson((c.urban ? 15 : 3) * size),
    install_maint: Math.max(1, rng.poisson(6)),
    outdoor: rng.poisson(2),
  };
}

function outletName(rng: Rng, m: CountyModel, type: ChannelType, grid: Grid | null, n: number): string {
  const c = m.county;
  const town = grid?.town ?? c.shortName;
  switch (type) {
    case 'own_store': return `中国电信${c.shortName}${town}${rng.chance(0.4) ? rng.pick(ROADS) : ''}营业厅`;
    case 'flagship': return `中国电信${c.city.name}${n > 1 ? rng.pick(ROADS) : ''}旗舰店`;
    case 'gov_ent': return `${c.shortName}政企客户${n > 1 ? `第${CN_ORD[n - 1]}` : ''}中心`;
    case 'social_partner': return `${town}${rng.pick(SHOP_WORDS)}${rng.pick(['通讯', '通讯店', '手机卖场', '电信专营店', '数码通讯'])}`;
    case 'rural': return `${rng.pick(TOWNS)}${rng.pick(VILLAGE_SUFFIX)}电信服务点`;
    case 'micro_store': return `${rng.pick(SHOP_WORDS)}${rng.pick(['便利店', '超市', '烟酒店', '手机维修部', '百货'])}`;
    case 'community_station': return `${rng.pick(COMMUNITY_NAMES)}社区电信服务站`;
    case 'install_maint': return `${c.shortName}装维${n}班`;
    case 'outdoor': return `${c.shortName}户外营销${n}队`;
  }
}

export function buildCounty(g: Gen, county: County, index: number, cityId: string, cityPath: string): CountyModel {
  const rng = Rng.derive(g.seed, 'county', index);
  const path = `${cityPath}${county.code}/`;
  const m: CountyModel = {
    county, index, id: g.ids.next(), path, rng, deviceId: g.ids.next(), grids: [], outlets: [], orgs: [], countyOrg: null,
    instructors: [], tables: new Map(),
  };
  const unit = (id: string, code: string, name: string, level: string, parent: string, p: string, sort: number) => {
    emit(m, 'org_units', { id, code, name, level, parent_id: parent, path: p, sort, ...synced(p, g.stamp) });
    emit(m, 'org_unit_links', { id: g.ids.next(), unit_id: id, parent_id: parent, valid_from: '2018-01-01', valid_to: null, ...synced(p, g.stamp) });
  };
  unit(m.id, county.code, `${county.name}分公司`, 'county', cityId, path, index);

  const towns = county.urban ? rng.sample(URBAN_AREAS, 8) : ['城关', ...rng.sample(TOWNS.filter((t) => t !== '城关'), 7)];
  const gridCount = rng.int(4, 8);
  for (let i = 0; i < gridCount; i++) {
    const code = `g${String(i + 1).padStart(2, '0')}`;
    const grid: Grid = { id: g.ids.next(), path: `${path}${code}/`, name: `${towns[i]}网格`, town: towns[i]! };
    unit(grid.id, code, grid.name, 'grid', m.id, grid.path, i);
    m.grids.push(grid);
  }

  // Outlets, then how many members each has, then the people.
  const center = { lat: 32.8 + 5.8 * rng.next(), lng: 106 + 4.4 * rng.next() };
  const counts = outletCounts(rng, county);
  const memberSlots: number[] = [];
  let seq = 0;
  for (const type of Object.keys(counts) as ChannelType[]) {
    for (let n = 1; n <= counts[type]; n++) {
      const grid = ON_GRID.has(type) && !(type === 'social_partner' && rng.chance(0.02)) ? rng.pick(m.grids) : null;
      const name = outletName(rng, m, type, grid, n);
      const scope = grid ? grid.path : path;
      const id = g.ids.next();
      const gps = rng.chance(0.8);
      const row = {
        id, code: `${county.region}${String(index).padStart(3, '0')}${String(++seq).padStart(4, '0')}`, name, channel_type: type,
        county_id: m.id, grid_id: grid?.id ?? null,
        address: `${county.name}${grid ? grid.town : ''}${rng.pick(ROADS)}${rng.int(1, 388)}号`,
        staff_count: 0, coverage_org_id: null, instructor_id: null, is_contact_point: 0,
        opened_on: randomDay(rng, type === 'own_store' || type === 'gov_ent' ? '2003-01-01' : '2010-01-01', addDays(g.today, -60)),
        closed_on: null,
        lat: gps ? Math.round((center.lat + (rng.next() - 0.5) * 0.4) * 1e6) / 1e6 : null,
        lng: gps ? Math.round((center.lng + (rng.next() - 0.5) * 0.4) * 1e6) / 1e6 : null,
        ...synced(scope, g.stamp),
      };
      m.outlets.push({ id, type, name, scope, grid, row: emit(m, 'outlets', row), people: [], members: [], org: null });
      memberSlots.push(rng.chance(ZERO_MEMBERS[type]) ? 0 : 1 + rng.poisson(MEMBER_LAMBDA[type]));
    }
  }
  const totalMembers = memberSlots.reduce((a, b) => a + b, 0);
  const probationary = new Set(rng.sample([...Array(totalMembers).keys()], quota(rng, totalMembers, 0.025)));
  let slot = 0;
  m.outlets.forEach((o, oi) => {
    const k = memberSlots[oi]!;
    const staff = Math.max(k, 1 + rng.poisson(STAFF_MEAN[o.type] - 1));
    // Who at the outlet is a member: the one who runs it more often than the others.
    const order = [...Array(staff).keys()];
    rng.shuffle(order);
    if (k > 0 && rng.chance(0.6)) {
      order.splice(order.indexOf(0), 1);
      order.unshift(0);
    }
    const kinds = new Array<MemberKind>(staff).fill(null);
    for (let j = 0; j < k; j++) kinds[order[j]!] = probationary.has(slot++) ? 'probationary' : 'full';
    for (let i = 0; i < staff; i++) addPerson(g, m, o, i, kinds[i]!);
    o.row.staff_count = staff;
  });
  injectPeopleDefects(g, m);
  return m;
}

function addPerson(g: Gen, m: CountyModel, o: OutletRec, i: number, kind: MemberKind): void {
  const rng = m.rng;
  const d = g.persons.make(rng, g.ids.next(), o.type, i, m.county.region, kind);
  const row = emit(m, 'people', { ...d, outlet_id: o.id, notes: null, ...synced(o.scope, g.stamp) });
  const p: PersonRec = { id: d.id, row, outlet: o, member: null, duplicate: false, taken: false };
  o.people.push(p);
  if (!kind) return;
  const joinDate = kind === 'probationary'
    ? randomDay(rng, addMonths(g.today, -13), addDays(g.today, -7))
    : (() => {
        const latest = addYears(g.today, -1);
        const age = Math.max(0, Math.min(25, (Date.parse(latest) - Date.parse(d.birth_date)) / 3.156e10 - 20.1));
        const earliest = addYears(d.birth_date, 20);
        return randomDay(rng, earliest, addDays(earliest, Math.floor(age * 365)));
      })();
  const member: MemberRec = { id: g.ids.next(), row: {}, person: p, probationary: kind === 'probationary', outbound: false, joinDate, gap: null, org: null, group: null };
  member.row = emit(m, 'members', {
    id: member.id, person_id: p.id, branch_id: '', group_id: null, join_date: joinDate,
    full_date: kind === 'full' ? addYears(joinDate, 1) : null, standing: 'normal', mobility: 'none',
    mobility_destination: null, mobility_since: null, mobility_card_no: null, lost_contact: 0, lost_contact_since: null,
    lost_contact_reason: null, dues_base_type: d.employment === 'owner' ? 'business_income' : 'wage', ...synced(o.scope, g.stamp),
  });
  p.member = member;
  o.members.push(member);
}

/** Outbound members, bad check digits and duplicate registrations at county-level quotas. */
function injectPeopleDefects(g: Gen, m: CountyModel): void {
  const rng = m.rng;
  const away = m.outlets.filter((o) => o.type === 'social_partner' || o.type === 'rural').flatMap((o) => o.members);
  for (const mem of rng.sample(away, quota(rng, away.length, 0.03 + 0.05 * rng.next()))) {
    const since = randomDay(rng, addYears(g.today, -3), addMonths(g.today, -2));
    mem.outbound = true;
    Object.assign(mem.row, {
      mobility: 'outbound', mobility_destination: rng.pick(DESTINATIONS), mobility_since: since,
      mobility_card_no: `LD${m.county.region}${since.slice(0, 4)}${String(rng.int(0, 99999)).padStart(5, '0')}`,
    });
  }
  const people = m.outlets.flatMap((o) => o.people);
  for (const p of rng.sample(people, quota(rng, people.length, 0.01))) {
    p.row.citizen_id = breakCheckDigit(rng, p.row.citizen_id as string);
    g.defects.badCheckDigits++;
  }
  // The same person registered twice at two partner outlets (works at both, or moved).
  const partner = people.filter((p) => !p.member && p.row.employment === 'partner_staff');
  const pairs = quota(rng, people.length, 0.005);
  for (let made = 0, tries = 0; made < pairs && partner.length > 2 && tries < pairs * 10; tries++) {
    const a = rng.pick(partner);
    const b = rng.pick(partner);
    if (a.outlet === b.outlet || a.duplicate || b.duplicate) continue;
    made++;
    a.duplicate = b.duplicate = true;
    for (const col of ['name', 'gender', 'ethnicity', 'birth_date', 'education'] as const) b.row[col] = a.row[col]!;
    if (rng.chance(0.7)) {
      b.row.citizen_id = a.row.citizen_id!;
      if (rng.chance(0.5)) b.row.phone = a.row.phone!;
    } else {
      b.row.phone = a.row.phone!;
      b.row.citizen_id = null;
    }
    g.defects.duplicatePeople++;
  }
}
