// Joint meetings (联席会议) of pairing agreements in the compliance view (seed 000 §3.5.1: the paired
// organisations meet monthly; an agreement may set its own cadence, monthly or quarterly, and a
// minimum). They are not an org-life cadence of every branch — only an organisation that leads an
// agreement owes them, as that agreement says — so they come as rows of their own, one per agreement,
// judged per period like every other obligation (done / due / warning / missed / upcoming) from the
// held joint meetings linked to it. Periods outside the agreement's term are not owed.
import type { CadenceUnit } from '../pairing/rules.js';
import type { ComplianceRow, PeriodStatus } from './compliance.js';
import { periodsBetween } from './periods.js';
import type { OrgLifeSettings } from './settings.js';
import { LIGHT_OF, obligationStatus, worstLight } from './status.js';

export interface AgreementCadence {
  id: string;
  title: string;
  orgId: string;
  orgName: string;
  unit: CadenceUnit;
  min: number;
  startsOn: string;
  endsOn: string | null;
  /** Days of the held joint meetings linked to the agreement. */
  meetingDays: string[];
}

/** One compliance row per agreement with at least one owed period in from–to. */
export function jointMeetingRows(agreements: AgreementCadence[], from: string, to: string, asOf: string, s: OrgLifeSettings): ComplianceRow[] {
  const rows: ComplianceRow[] = [];
  for (const a of agreements) {
    const owed = periodsBetween(from, to, a.unit).filter((p) => p.end >= a.startsOn && (a.endsOn === null || p.start <= a.endsOn));
    if (!owed.length) continue;
    const periods = owed.map((p): PeriodStatus => {
      const held = a.meetingDays.filter((d) => d >= p.start && d <= p.end && d >= a.startsOn).length;
      return { key: p.key, start: p.start, end: p.end, held, required: a.min, status: obligationStatus(p, held, a.min, asOf, s) };
    });
    const started = periods.filter((p) => p.status !== 'upcoming');
    rows.push({
      orgId: a.orgId, orgName: a.orgName, groupId: null, groupName: null, type: 'joint_meeting', rule: { period: a.unit, min: a.min, subject: 'org' },
      periods, done: started.filter((p) => p.status === 'done').length, elapsed: started.length, light: worstLight(started.map((p) => LIGHT_OF[p.status])),
      pairing: { id: a.id, title: a.title },
    });
  }
  return rows;
}
