// Member standing over a scope, computed from attendance and the dues ledger (shared/people/
// memberRules.ts): used by the warnings list, 待办 and the board's light.
import { addMonth, duesStart, unpaidRunOf } from '../../shared/dues/rules.js';
import { duesSettings, type DuesSettings } from '../../shared/dues/settings.js';
import type { DueItem, DueLevel } from '../../shared/orglife/due.js';
import { standingOf, type Standing, type StandingFlag } from '../../shared/people/memberRules.js';
import { rulesFrom } from '../../shared/people/rules.js';
import type { Db } from '../context.js';
import { readSettings } from '../system/settings.js';
import { basesIn, firstActivityMonth, lastAttendedIn, lastAttendedOf, membersIn, paidMonthsIn, type DuesMember } from './store.js';

export interface MemberStanding { m: DuesMember; st: Standing }

const NONE: ReadonlySet<string> = new Set();

/** What a caller already read (the board): members, bases, each one's month of last organisation life, and the scope's first held activity. */
export interface StandingInputs { members: DuesMember[]; bases: Awaited<ReturnType<typeof basesIn>>; last: Map<string, string>; recordsFrom: string | null }

/**
 * Each member's month of last organisation life. Marks of the last months the rules look at are
 * read for the whole scope; anyone seen there has their latest mark among them. Only the few not
 * seen are looked up over all time — their month is shown and sorts the list — so a year of marks
 * is not grouped for everyone.
 */
async function lastSeen(db: Db, scope: string, members: DuesMember[], thisMonth: string, s: DuesSettings): Promise<Map<string, string>> {
  const since = `${addMonth(thisMonth, -Math.max(s.lapseMonths, s.lostContactMonths) - 1)}-01`;
  const last = await lastAttendedIn(db, scope, since);
  const unseen = members.map((m) => m.personId).filter((id) => !last.has(id));
  for (const [id, month] of await lastAttendedOf(db, scope, unseen)) last.set(id, month);
  return last;
}

/** Every member in scope with at least one flag, as of `today`. */
export async function flaggedMembers(db: Db, scope: string, today: string, s?: DuesSettings, read?: StandingInputs): Promise<MemberStanding[]> {
  const raw = await readSettings(db, scope);
  const ds = s ?? duesSettings(raw);
  const transfer = rulesFrom(raw).transferAfterMonths;
  const thisMonth = today.slice(0, 7);
  const members = read ? read.members : await membersIn(db, scope);
  const [bases, paid, last] = read
    ? [read.bases, await paidMonthsIn(db, scope), read.last]
    : [await basesIn(db, scope), await paidMonthsIn(db, scope), await lastSeen(db, scope, members, thisMonth, ds)];
  const recordsFrom = read ? (read.recordsFrom?.slice(0, 7) ?? null) : await firstActivityMonth(db, scope);
  const out: MemberStanding[] = [];
  for (const m of members) {
    // only the unpaid run counts here: the whole dues row (every month since a base of decades ago) is not needed
    const start = duesStart(m.joinDate, m.probationary, bases.get(m.personId) ?? []);
    const unpaidRun = start === null ? null : unpaidRunOf(start, paid.get(m.personId) ?? NONE, thisMonth);
    const st = standingOf(
      { joinDate: m.joinDate, lastAttendedMonth: last.get(m.personId) ?? null, recordsFrom, duesUnpaidRun: unpaidRun, mobility: m.mobility, mobilitySince: m.mobilitySince, lostContactByHand: m.lostContact },
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
