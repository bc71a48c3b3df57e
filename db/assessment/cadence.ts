// The board's org-life lights, from orglife's own rules (no second definition of "held"):
// monthly and quarterly cadence from the compliance report, instructor duties from dutyVerdict.
import { ACTIVITY_TYPES } from '../../shared/domain/enums.js';
import type { Cause } from '../../shared/assessment/types.js';
import { dutyVerdict } from '../../shared/orglife/dutyVerdict.js';
import { addMonths, periodLabel, periodOf, type Period } from '../../shared/orglife/periods.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import { LIGHT_OF, worstLight, type Light } from '../../shared/orglife/status.js';
import type { Db } from '../context.js';
import { complianceRows, instructorDuties } from '../orglife/compliance.js';
import type { LightSet, Subject } from './lightSet.js';
import type { Subjects } from './measure.js';

const STATUS_TEXT = { warning: ['尚未召开', 'not held yet'], missed: ['未召开', 'not held'] } as const;

/** Monthly meetings of the month, and quarterly ones of its quarter, per organisation (as of asOf). */
export async function meetings(db: Db, set: LightSet, subj: Subjects, scope: string, s: OrgLifeSettings, month: Period, asOf: string): Promise<void> {
  const quarter = periodOf(month.start, 'quarter');
  const rows = await complianceRows(db, scope, s, { from: quarter.start, to: month.end, asOf, units: ['month', 'quarter'] });
  for (const [indicator, unit, key] of [['meetings_monthly', 'month', month.key], ['meetings_quarterly', 'quarter', quarter.key]] as const) {
    const byOrg = new Map<string, { colours: Light[]; causes: Cause[] }>();
    for (const r of rows) {
      if (r.rule.period !== unit) continue;
      const p = r.periods.find((x) => x.key === key);
      if (!p) continue;
      const acc = byOrg.get(r.orgId) ?? byOrg.set(r.orgId, { colours: [], causes: [] }).get(r.orgId)!;
      acc.colours.push(LIGHT_OF[p.status] === 'none' ? 'green' : LIGHT_OF[p.status]);
      if (p.status === 'warning' || p.status === 'missed') {
        const [zh, en] = STATUS_TEXT[p.status];
        const what = ACTIVITY_TYPES[r.type];
        const label = periodLabel(periodOf(p.start, unit));
        acc.causes.push({
          kind: 'org', id: r.orgId, name: r.groupName ? `${r.orgName} · ${r.groupName}` : r.orgName,
          detail: { zh: `${label}${what.zh}${zh}（应 ${p.required} 次，已 ${p.held} 次）`, en: `${what.en} ${en} in ${p.key} (${p.held} of ${p.required})` },
        });
      }
    }
    const children = [];
    for (const [orgId, acc] of byOrg) {
      const sub = subj.orgs.get(orgId);
      if (!sub) continue;
      const colour = worstLight(acc.colours);
      set.add(sub, indicator, colour, acc.causes.length, acc.causes);
      children.push({ ...sub, colour, causes: acc.causes });
    }
    set.rollUp(indicator, subj.units, children);
  }
}

/**
 * Instructor duties over the six months to the period's end: each contact point outlet gets its
 * visits' light, and grids and counties the worst of the instructors placed in them.
 */
export async function duties(db: Db, set: LightSet, subj: Subjects, scope: string, s: OrgLifeSettings, month: Period, asOf: string, instructorPlace: (id: string) => { countyId: string | null; gridId: string | null } | null): Promise<void> {
  const list = await instructorDuties(db, scope, s, { from: addMonths(month.start, -5), to: month.end, asOf });
  const none = { lecture: [], talk: [], campaign: [] };
  const children: (Subject & { colour: Light; causes: Cause[] })[] = [];
  for (const d of list) {
    for (const cp of d.contactPoints) {
      const sub = subj.outlets.get(cp.outletId);
      if (!sub) continue;
      const v = dutyVerdict({ contactPoints: [cp], duties: none, visitUnit: s.instructor.visit.period });
      if (v.light === 'none') continue;
      const causes: Cause[] = v.reasons.map((r) => ({ kind: 'instructor', id: d.instructorId, name: d.name, detail: r.text }));
      set.add(sub, 'instructor_duties', v.light, v.missedVisits, causes);
    }
    const place = instructorPlace(d.instructorId);
    if (place && d.light !== 'none') {
      children.push({
        kind: 'org', id: d.instructorId, name: d.name, ...place, colour: d.light,
        causes: d.reasons.map((r) => ({ kind: 'instructor', id: d.instructorId, name: d.name, detail: r.text })),
      });
    }
  }
  set.rollUp('instructor_duties', subj.units, children);
}
