// The unit ratios the device's board and HQ's overview share (shared/assessment/aggregate.ts): the
// board's county lights carry exactly the shared figures, and the figures are the DOMAIN.md ones.
import { describe, expect, it } from 'vitest';
import { attendance, coverage, memberGap, type Subjects } from '../../db/assessment/measure.js';
import { LightSet, type Subject } from '../../db/assessment/lightSet.js';
import type { MemberFact, OrgFact, OutletFact } from '../../db/assessment/facts.js';
import { attendanceRatio, contactRatio, coverageRatio, monthsWithoutOrgLife } from '../../shared/assessment/aggregate.js';
import { assessmentSettings } from '../../shared/assessment/thresholds.js';

const county: Subject = { kind: 'county', id: 'c1', name: '临潼', countyId: 'c1', gridId: null };
const outlet = (id: string, covered: boolean): OutletFact => ({ id, name: id, countyId: 'c1', gridId: null, scopePath: '/hq/c1/', coverageOrgId: covered ? 'b1' : null, covered, channelType: null });
const member = (i: number, outletId: string, joinDate: string, lastOn: string | null): MemberFact => ({ personId: `p${i}`, name: `党员${i}`, outletId, branchId: 'b1', joinDate, scopePath: '/hq/c1/', lastOn });

describe('shared unit figures', () => {
  it('weighs coverage by members, contact by outlets, and leaves excused marks out of attendance', () => {
    const t = [{ members: 3, covered: true, contacted: false }, { members: 1, covered: false, contacted: true }, { members: 4, covered: true, contacted: true }];
    expect(coverageRatio(t)).toBe(7 / 8);
    expect(contactRatio(t)).toBe(2 / 3);
    expect(coverageRatio([])).toBeNull();
    expect(attendanceRatio([{ present: 6, absent: 2 }, { present: 3, absent: 1 }])).toBe(9 / 12);
    expect(attendanceRatio([{ present: 0, absent: 0 }])).toBeNull();
    expect(monthsWithoutOrgLife({ joinDate: '2025-01-10', lastOn: '2026-03-15' }, '2026-07-14', '2025-01-01')).toBe(3);
    expect(monthsWithoutOrgLife({ joinDate: '2026-05-01', lastOn: '2026-03-15' }, '2026-07-14', '2025-01-01')).toBe(2);
  });

  it('counts a member never present from the day the records begin, not from joining decades ago', () => {
    const never = { joinDate: '2010-06-01', lastOn: null };
    expect(monthsWithoutOrgLife(never, '2026-07-14', '2026-03-20')).toBe(3);
    expect(monthsWithoutOrgLife({ ...never, joinDate: '2026-05-02' }, '2026-07-14', '2026-03-20')).toBe(2);
    // No organisation life recorded in the scope at all (a registry just imported): nothing to count yet.
    expect(monthsWithoutOrgLife(never, '2026-07-14', null)).toBe(0);
    // A past month judged before the records began.
    expect(monthsWithoutOrgLife(never, '2026-02-28', '2026-03-20')).toBe(0);
  });

  it('gives the board’s county lights exactly these figures', () => {
    const s = assessmentSettings({});
    const outlets = [outlet('o1', true), outlet('o2', false), outlet('o3', true)];
    const members = [member(1, 'o1', '2020-01-01', '2026-06-01'), member(2, 'o1', '2020-01-01', null), member(3, 'o2', '2020-01-01', '2026-01-05'), member(4, 'o3', '2026-02-01', null)];
    const orgs: OrgFact[] = [{ id: 'b1', name: '支部', scopePath: '/hq/c1/', secretaryPersonId: null }];
    const subj: Subjects = {
      orgs: new Map([['b1', { kind: 'org', id: 'b1', name: '支部', countyId: 'c1', gridId: null }]]),
      outlets: new Map(outlets.map((o) => [o.id, { kind: 'outlet', id: o.id, name: o.name, countyId: 'c1', gridId: null }])),
      units: [county],
    };
    const set = new LightSet();
    coverage(set, subj, outlets, members, s, new Set(['o1']));
    attendance(set, subj, [{ orgId: 'b1', present: 5, absent: 3, excused: 4 }], [], s);
    memberGap(set, subj, orgs, members, s, '2026-07-14', '2025-11-02');
    const val = (ind: string) => set.lights.get(`county|c1|${ind}`)?.value;
    expect(val('coverage')).toBe(coverageRatio([{ members: 2, covered: true, contacted: true }, { members: 1, covered: false, contacted: false }, { members: 1, covered: true, contacted: false }]));
    expect(val('coverage')).toBe(0.75);
    expect(val('contact')).toBe(1 / 3);
    expect(val('attendance')).toBe(5 / 8);
    expect(set.lights.get('org|b1|member_gap')?.value).toBe(Math.max(...members.map((m) => monthsWithoutOrgLife(m, '2026-07-14', '2025-11-02'))));
  });
});
