// The board's measured indicators (DOMAIN.md warnings table) from the loaded facts: coverage,
// contact, attendance, months without organisation life, overdue conversions, overdue items and
// data quality (quality.ts). Org-life cadence and instructor duties come from orglife's own rules (cadence.ts).
import { attendanceRatio, contactRatio, coverageRatio, daysOverdue, monthsWithoutOrgLife, orgLifeGapFrom } from '../../shared/assessment/aggregate.js';
import { countLight, ratioLight } from '../../shared/assessment/lights.js';
import type { AssessmentSettings } from '../../shared/assessment/thresholds.js';
import type { Cause } from '../../shared/assessment/types.js';
import { daysBetween } from '../../shared/orglife/periods.js';
import type { AbsentMark, AttendanceCount, MemberFact, OpenItem, OrgFact, OutletFact } from './facts.js';
import type { LightSet, Subject } from './lightSet.js';

export interface Subjects { orgs: Map<string, Subject>; outlets: Map<string, Subject>; units: Subject[] }

const person = (id: string, name: string, zh: string, en: string): Cause => ({ kind: 'person', id, name, detail: { zh, en } });
/** Items bucketed by the county and grid they lie in: one pass, not one per unit (a province has hundreds). */
export function byUnit<T>(items: T[], place: (t: T) => { countyId: string | null; gridId: string | null }): (u: Subject) => T[] {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const p = place(t);
    for (const id of [p.countyId, p.gridId]) if (id) (m.get(id) ?? m.set(id, []).get(id)!).push(t);
  }
  return (u) => m.get(u.id) ?? [];
}

/** Members covered by an organisation, per outlet with members and per grid and county. */
export function coverage(set: LightSet, subj: Subjects, outlets: OutletFact[], members: MemberFact[], s: AssessmentSettings, contacted: Set<string>): void {
  const byOutlet = new Map<string, MemberFact[]>();
  for (const m of members) if (m.outletId) (byOutlet.get(m.outletId) ?? byOutlet.set(m.outletId, []).get(m.outletId)!).push(m);
  const withMembers = outlets.filter((o) => byOutlet.has(o.id));
  for (const o of withMembers) {
    const sub = subj.outlets.get(o.id)!;
    const ms = byOutlet.get(o.id)!;
    set.add(sub, 'coverage', ratioLight(o.covered ? 1 : 0, s.thresholds.coverage), o.covered ? 1 : 0,
      o.covered ? [] : ms.map((m) => person(m.personId, m.name, '所在网点无党组织覆盖', 'Their outlet has no covering organisation')));
    const had = contacted.has(o.id);
    set.add(sub, 'contact', ratioLight(had ? 1 : 0, s.thresholds.contact), had ? 1 : 0,
      had ? [] : [{ kind: 'outlet', id: o.id, name: o.name, detail: { zh: `近 ${s.windows.contactDays} 天无党建活动或走访`, en: `No Party activity or visit in ${s.windows.contactDays} days` } }]);
  }
  const outletsOf = byUnit(withMembers, (o) => subj.outlets.get(o.id)!);
  for (const u of subj.units) {
    const os = outletsOf(u);
    if (!os.length) continue;
    const tallies = os.map((o) => ({ members: byOutlet.get(o.id)!.length, covered: o.covered, contacted: contacted.has(o.id) }));
    const rc = coverageRatio(tallies)!;
    set.add(u, 'coverage', ratioLight(rc, s.thresholds.coverage), rc,
      os.filter((o) => !o.covered).flatMap((o) => byOutlet.get(o.id)!.map((m) => person(m.personId, m.name, `${o.name}无党组织覆盖`, `${o.name} has no covering organisation`))));
    const missing = os.filter((o) => !contacted.has(o.id));
    const rt = contactRatio(tallies)!;
    set.add(u, 'contact', ratioLight(rt, s.thresholds.contact), rt,
      missing.map((o) => ({ kind: 'outlet', id: o.id, name: o.name, detail: { zh: `近 ${s.windows.contactDays} 天无党建活动或走访`, en: `No Party activity or visit in ${s.windows.contactDays} days` } })));
  }
}

/** Present over expected, excused absences left out of both. */
export function attendance(set: LightSet, subj: Subjects, counts: AttendanceCount[], absent: AbsentMark[], s: AssessmentSettings): void {
  const causesOf = (orgIds: Set<string>) =>
    absent.filter((a) => orgIds.has(a.orgId)).map((a) => person(a.personId, a.name, `${a.heldOn}「${a.title}」缺席`, `Absent from "${a.title}" on ${a.heldOn}`));
  for (const c of counts) {
    const sub = subj.orgs.get(c.orgId);
    const r = attendanceRatio([c]);
    if (!sub || r === null) continue;
    set.add(sub, 'attendance', ratioLight(r, s.thresholds.attendance), r, causesOf(new Set([c.orgId])));
  }
  const countsOf = byUnit(counts.filter((c) => subj.orgs.has(c.orgId)), (c) => subj.orgs.get(c.orgId)!);
  for (const u of subj.units) {
    const cs = countsOf(u);
    const r = attendanceRatio(cs);
    if (r === null) continue;
    set.add(u, 'attendance', ratioLight(r, s.thresholds.attendance), r, causesOf(new Set(cs.map((c) => c.orgId))));
  }
}

/** Months since a member last attended (or joined, or the records began), per organisation: its worst member. */
export function memberGap(set: LightSet, subj: Subjects, orgs: OrgFact[], members: MemberFact[], s: AssessmentSettings, asOf: string, recordsFrom: string | null): void {
  const b = s.thresholds.member_gap;
  const byOrg = new Map<string, { m: MemberFact; months: number }[]>();
  for (const m of members) {
    (byOrg.get(m.branchId) ?? byOrg.set(m.branchId, []).get(m.branchId)!).push({ m, months: monthsWithoutOrgLife(m, asOf, recordsFrom) });
  }
  const children = [];
  for (const o of orgs) {
    const list = byOrg.get(o.id);
    const sub = subj.orgs.get(o.id);
    if (!list || !sub) continue;
    const worst = Math.max(...list.map((x) => x.months));
    const causes = list.filter((x) => x.months >= b.yellowFrom).sort((x, y) => y.months - x.months).map(({ m, months }) =>
      m.lastOn
        ? person(m.personId, m.name, `${months} 个月未参加组织生活（最近一次：${m.lastOn}）`, `${months} months without organisation life (last: ${m.lastOn})`)
        : person(m.personId, m.name, `${months} 个月未参加组织生活（${orgLifeGapFrom(m, recordsFrom)} 以来无参加记录）`, `${months} months without organisation life (none recorded since ${orgLifeGapFrom(m, recordsFrom)})`));
    const colour = countLight(worst, b);
    set.add(sub, 'member_gap', colour, worst, causes);
    children.push({ ...sub, colour, causes });
  }
  set.rollUp('member_gap', subj.units, children);
}

/** Probationary members whose conversion date has passed, per organisation. */
export function probation(set: LightSet, subj: Subjects, list: { personId: string; name: string; orgId: string | null; dueOn: string }[], s: AssessmentSettings, asOf: string): void {
  const b = s.thresholds.probation_overdue;
  const byOrg = new Map<string, { personId: string; name: string; days: number }[]>();
  for (const p of list) {
    if (!p.orgId) continue;
    const days = daysOverdue(p.dueOn, asOf);
    (byOrg.get(p.orgId) ?? byOrg.set(p.orgId, []).get(p.orgId)!).push({ personId: p.personId, name: p.name, days });
  }
  const children = [];
  for (const [orgId, ps] of byOrg) {
    const sub = subj.orgs.get(orgId);
    if (!sub) continue;
    const worst = Math.max(...ps.map((x) => x.days));
    const causes = ps.filter((x) => x.days >= b.yellowFrom).map((x) => person(x.personId, x.name, `转正逾期 ${x.days} 天`, `Conversion ${x.days} days overdue`));
    const colour = countLight(worst, b);
    set.add(sub, 'probation_overdue', colour, worst, causes);
    children.push({ ...sub, colour, causes });
  }
  set.rollUp('probation_overdue', subj.units, children);
}

/** Open items past their due date, on the organisation or outlet they concern and on every unit above. */
export function overdueItems(set: LightSet, subj: Subjects, items: OpenItem[], s: AssessmentSettings, asOf: string, placeOf: (path: string) => { countyId: string | null; gridId: string | null }): void {
  const b = s.thresholds.rectification_overdue;
  const cause = (i: OpenItem, days: number): Cause => ({ kind: 'item', id: i.id, name: i.title, detail: { zh: `逾期 ${days} 天（应于 ${i.dueOn} 完成）`, en: `${days} days overdue (due ${i.dueOn})` } });
  const dated = items.map((i) => ({ i, days: daysBetween(i.dueOn, asOf) }));
  const bySubject = new Map<Subject, typeof dated>();
  for (const d of dated) {
    const sub = d.i.subjectKind === 'org' ? subj.orgs.get(d.i.subjectId ?? '') : subj.outlets.get((d.i.subjectKind === 'outlet' ? d.i.subjectId : d.i.outletOfPerson) ?? '');
    if (sub) (bySubject.get(sub) ?? bySubject.set(sub, []).get(sub)!).push(d);
  }
  const light = (sub: Subject, list: typeof dated) => {
    const worst = Math.max(0, ...list.map((d) => d.days));
    set.add(sub, 'rectification_overdue', countLight(worst, b), worst, list.sort((x, y) => y.days - x.days).map((d) => cause(d.i, d.days)));
  };
  for (const [sub, list] of bySubject) light(sub, list);
  const datedOf = byUnit(dated, (d) => placeOf(d.i.scopePath));
  for (const u of subj.units) light(u, datedOf(u));
}
