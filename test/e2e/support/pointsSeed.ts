// A branch whose last quarter of points is published and approved, for the points print and 待办
// e2e tests: five members (one probationary), theme days and a micro-lecture in that quarter, an
// honour and a deduction; the bottom of the table lands in the three lists (三单), and those items
// are made overdue by moving their due date back, as days passing would.
import { makeCitizenId } from '../../../shared/domain/citizenId.js';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { addDays, addMonths } from '../../../shared/orglife/periods.js';
import { quarterOf, quarterStart } from '../../../shared/points/tally.js';
import { lintongCounty, type Session } from './session.js';

export const BRANCH = '骊山路营业厅党支部';
export const today = todayInBeijing();
export const last = quarterOf(addDays(quarterStart(quarterOf(today)), -1));
const inLast = (monthOffset: number, day: number) => `${addMonths(quarterStart(last), monthOffset).slice(0, 8)}${String(day).padStart(2, '0')}`;

export interface PointsWorld { branchId: string; ids: Record<string, string>; publicationId: string }

export async function seedPoints(s: Session, opts: { approve: boolean; overdueBy?: number }): Promise<PointsWorld> {
  const { county } = await lintongCounty(s.api);
  const outlet = await s.api<{ id: string }>('outlets.save', { code: 'XA-LT-0001', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id, staffCount: 9 });
  const branch = await s.api<{ id: string; name: string }>('partyOrgs.save', { name: BRANCH, orgType: 'branch', unitId: county.id, outletIds: [outlet.id] });
  const people: [string, string, string][] = [['王建国', '1978-03-14', 'full_member'], ['李秀英', '1983-07-02', 'full_member'], ['张伟', '1990-11-20', 'full_member'], ['刘洋', '1992-05-08', 'full_member'], ['陈静', '1998-09-16', 'probationary']];
  const ids: Record<string, string> = {};
  for (const [i, [name, birth, status]] of people.entries()) {
    ids[name] = (await s.api<{ id: string }>('people.save', {
      name, citizenId: makeCitizenId('610115', birth, 11 + i, i % 2 === 0), politicalStatus: status, outletId: outlet.id,
      member: { branchId: branch.id, joinDate: status === 'probationary' ? addMonths(quarterStart(last), -2) : '2012-07-01' },
    })).id;
  }
  // 王建国 is the secretary: the three-list items are his.
  await s.api('partyOrgs.save', { id: branch.id, name: BRANCH, orgType: 'branch', unitId: county.id, outletIds: [outlet.id], committee: [{ personId: ids['王建国'], role: 'secretary' }] });
  const order = Object.values(ids);
  const present = (who: number[]) => order.map((id, i) => ({ personId: id, status: who.includes(i) ? ('present' as const) : ('absent' as const), reason: who.includes(i) ? null : '外出' }));
  for (const [m, who] of [[0, [0, 1, 2, 4]], [1, [0, 1, 2]], [2, [0, 2]]] as [number, number[]][])
    await s.api('activities.save', { type: 'theme_day', orgId: branch.id, title: '主题党日', heldOn: inLast(m, 12), topic: '学习党的二十届四中全会精神', hostPersonId: order[0], attendance: present(who) });
  await s.api('activities.save', { type: 'micro_lecture', orgId: branch.id, title: '五分钟微党课', heldOn: inLast(1, 20), topic: '讲好身边的服务故事', lecturerPersonId: order[1], attendance: present([0, 1, 2, 3, 4]) });
  await s.api('points.addEntry', { personId: ids['王建国'], itemKey: 'honour', occurredOn: inLast(1, 5), reason: '获评县公司服务之星', evidence: '表彰文件 临电党〔2026〕12号' });
  await s.api('points.addEntry', { personId: ids['刘洋'], itemKey: 'absence', occurredOn: inLast(2, 3), reason: '无故缺席支部党员大会' });
  await s.api('points.derive', { orgId: branch.id, quarter: last });
  const pub = await s.api<{ publication: { id: string } }>('points.publish', { orgId: branch.id, quarter: last });
  const raw = s.app.backend.profile.store.raw;
  if (opts.approve) {
    // The objection window has passed (the store's clock is the machine's; the window's end is moved instead).
    raw.prepare(`UPDATE points_publications SET window_ends = ?`).run(addDays(today, -1));
    await s.api('points.approve', { publicationId: pub.publication.id });
  }
  if (opts.overdueBy) raw.prepare(`UPDATE rectification_items SET due_on = ? WHERE source = 'points'`).run(addDays(today, -opts.overdueBy));
  return { branchId: branch.id, ids, publicationId: pub.publication.id };
}
