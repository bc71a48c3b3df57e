// Member standing over a scope, computed from attendance and the dues ledger (shared/people/
// memberRules.ts): used by the warnings list, 待办 and the board's light.
import { addMonth } from '../../shared/dues/rules.js';
import { duesSettings, type DuesSettings } from '../../shared/dues/settings.js';
import type { DueItem, DueLevel } from '../../shared/orglife/due.js';
import { standingOf, type Standing, type StandingFlag } from '../../shared/people/memberRules.js';
import { rulesFrom } from '../../shared/people/rules.js';
import type { Db } from '../context.js';
import { readSettings } from '../system/settings.js';
import { basesIn, firstActivityMonth, lastAttendedIn, membersIn, paidMonthsIn, type DuesMember } from './store.js';
import { duesRow } from './view.js';

export interface MemberStanding { m: DuesMember; st: Standing }

/** What a caller already read (the board): members, bases and each one's month of last organisation life. */
export interface StandingInputs { members: DuesMember[]; bases: Awaited<ReturnType<typeof basesIn>>; last: Map<string, string> }

/** Every member in scope with at least one flag, as of `today`. */
export async function flaggedMembers(db: Db, scope: string, today: string, s?: DuesSettings, read?: StandingInputs): Promise<MemberStanding[]> {
  const raw = await readSettings(db, scope);
  const ds = s ?? duesSettings(raw);
  const transfer = rulesFrom(raw).transferAfterMonths;
  const thisMonth = today.slice(0, 7);
  const [members, bases, paid, last] = read
    ? [read.members, read.bases, await paidMonthsIn(db, scope), read.last]
    : [await membersIn(db, scope), await basesIn(db, scope), await paidMonthsIn(db, scope), await lastAttendedIn(db, scope)];
  const recordsFrom = await firstActivityMonth(db, scope);
  const out: MemberStanding[] = [];
  for (const m of members) {
    const d = duesRow(m, bases.get(m.personId) ?? [], paid.get(m.personId) ?? new Set(), thisMonth, ds, false);
    const st = standingOf(
      { joinDate: m.joinDate, lastAttendedMonth: last.get(m.personId) ?? null, recordsFrom, duesUnpaidRun: d.start === null ? null : d.unpaidRun, mobility: m.mobility, mobilitySince: m.mobilitySince, lostContactByHand: m.lostContact },
      today, ds, transfer,
    );
    if (st.flags.length) out.push({ m, st });
  }
  return out;
}

const LEVEL: Record<StandingFlag, DueLevel> = { lapse_risk: 'overdue', lost_contact: 'warning', transfer_due: 'due' };

/** 待办 items: one per flagged member and flag; settled on the member's record. */
export async function standingDueItems(db: Db, scope: string, asOf: string, owners: { orgId: string; instructorId: string }[]): Promise<DueItem[]> {
  const byOrg = new Map<string, string[]>();
  for (const o of owners) (byOrg.get(o.orgId) ?? byOrg.set(o.orgId, []).get(o.orgId)!).push(o.instructorId);
  const month = addMonth(asOf.slice(0, 7), -1);
  return (await flaggedMembers(db, scope, asOf)).flatMap(({ m, st }) =>
    st.flags.map((flag): DueItem => ({
      key: `s|${flag}|${m.personId}`, kind: 'standing', standing: flag, level: LEVEL[flag], periodKey: month, deadline: asOf, overdueDays: 0, activityType: null,
      orgId: m.branchId, orgName: m.branchName, groupName: null, instructorName: null, outletName: null, personName: m.name,
      owners: byOrg.get(m.branchId) ?? [], settle: { form: 'person', personId: m.personId },
    })),
  );
}
