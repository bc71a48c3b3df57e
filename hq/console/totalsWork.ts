// Two more of the board's lights for one county at HQ, with the rules the device's board runs:
// milestones (里程碑: per organisation, shared/milestones/rules.ts milestoneLight, as db/milestones/light.ts
// feeds it) and member standing (党员状况: per branch, shared/people/memberRules.ts standingOf over the
// dues ledger and organisation life, as db/dues/standing.ts and db/dues/light.ts do). Kept per
// organisation so that a city and the province take the worst below them and add up the counts.
import { duesStart, unpaidRunOf, type Base, type DuesCategory } from '../../shared/dues/rules.js';
import { duesSettings } from '../../shared/dues/settings.js';
import { milestoneLight, nodeState } from '../../shared/milestones/rules.js';
import { standingOf } from '../../shared/people/memberRules.js';
import { rulesFrom } from '../../shared/people/rules.js';
import type { Period } from '../../shared/orglife/periods.js';
import type { Light } from '../../shared/orglife/status.js';
import { work334Settings } from '../../shared/teams/settings.js';
import type { HqStore } from '../store.js';
import type { BoardFacts } from './boardFacts.js';
import { liveRows, type Source } from './facts.js';

type Db = HqStore['db'];
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

/** An organisation with milestone nodes this year: its light, and its nodes missed and done late as of the day. */
export interface OrgMilestones { light: Light; missed: number; late: number }
/** A branch the standing rules judge: its light and its members at risk of lapse, lost contact, due a transfer. */
export interface OrgStanding { light: Light; lapse: number; lost: number; transfer: number }

export async function milestoneParts(db: Db, d: Source, scope: string, orgIds: Set<string>, raw: Record<string, unknown>, month: Period, asOf: string): Promise<OrgMilestones[]> {
  const { warnDays } = work334Settings(raw);
  const year = Number(month.start.slice(0, 4));
  const goals = new Set((await liveRows(db, d, 'milestone_goals', scope, ['year'])).filter((g) => Number(g.v.year) === year).map((g) => g.id));
  const byOrg = new Map<string, { dueOn: string; doneOn: string | null }[]>();
  for (const n of await liveRows(db, d, 'milestone_nodes', scope, ['goal_id', 'org_id', 'due_on', 'done_on'])) {
    const org = str(n.v.org_id);
    const due = str(n.v.due_on);
    if (!org || !due || !goals.has(str(n.v.goal_id) ?? '') || !orgIds.has(org)) continue;
    (byOrg.get(org) ?? byOrg.set(org, []).get(org)!).push({ dueOn: due, doneOn: str(n.v.done_on) });
  }
  const out: OrgMilestones[] = [];
  for (const nodes of byOrg.values()) {
    const l = milestoneLight(nodes, month.start, asOf, warnDays);
    if (l.colour === 'none') continue;
    const late = nodes.filter((n) => nodeState(n.dueOn, n.doneOn !== null && n.doneOn <= asOf ? n.doneOn : null, asOf) === 'late').length;
    out.push({ light: l.colour, missed: l.missed, late });
  }
  return out;
}

export async function standingParts(db: Db, d: Source, scope: string, orgIds: Set<string>, f: BoardFacts, raw: Record<string, unknown>, asOf: string): Promise<OrgStanding[]> {
  const ds = duesSettings(raw);
  const transfer = rulesFrom(raw).transferAfterMonths;
  const thisMonth = asOf.slice(0, 7);
  const rows = (await liveRows(db, d, 'members', scope, ['person_id', 'branch_id', 'standing', 'join_date', 'mobility', 'mobility_since', 'lost_contact']))
    .filter((m) => m.v.standing === 'normal' && str(m.v.person_id) && str(m.v.branch_id) && str(m.v.join_date));
  const people = new Map((await liveRows(db, d, 'people', scope, ['political_status'], [...new Set(rows.map((m) => str(m.v.person_id)!))])).map((p) => [p.id, p.v.political_status]));
  const bases = new Map<string, Base[]>();
  for (const b of await liveRows(db, d, 'dues_bases', scope, ['person_id', 'from_month', 'category', 'base_fen'])) {
    const p = str(b.v.person_id);
    const from = str(b.v.from_month);
    if (p && from) (bases.get(p) ?? bases.set(p, []).get(p)!).push({ fromMonth: from, category: b.v.category as DuesCategory, baseFen: Number(b.v.base_fen ?? 0) });
  }
  const paid = new Map<string, Set<string>>();
  for (const x of await liveRows(db, d, 'dues_payments', scope, ['person_id', 'month'])) {
    const p = str(x.v.person_id);
    const m = str(x.v.month);
    if (p && m) (paid.get(p) ?? paid.set(p, new Set()).get(p)!).add(m);
  }
  const recordsFrom = f.firstHeld ? f.firstHeld.slice(0, 7) : null;
  const byOrg = new Map<string, OrgStanding>();
  const org = (id: string) => byOrg.get(id) ?? byOrg.set(id, { light: 'green', lapse: 0, lost: 0, transfer: 0 }).get(id)!;
  for (const m of rows) {
    const personId = str(m.v.person_id)!;
    const branchId = str(m.v.branch_id)!;
    if (!people.has(personId) || !orgIds.has(branchId)) continue;
    const mine = bases.get(personId) ?? [];
    const start = duesStart(str(m.v.join_date)!, people.get(personId) === 'probationary', mine);
    const last = f.lastPresentEver.get(personId);
    const st = standingOf({
      joinDate: str(m.v.join_date)!, lastAttendedMonth: last ? last.slice(0, 7) : null, recordsFrom,
      duesUnpaidRun: start === null ? null : unpaidRunOf(start, paid.get(personId) ?? new Set(), thisMonth),
      mobility: str(m.v.mobility) ?? 'none', mobilitySince: str(m.v.mobility_since), lostContactByHand: Number(m.v.lost_contact) === 1,
    }, asOf, ds, transfer);
    // A branch is judged when it keeps dues here or has someone flagged (db/dues/light.ts).
    if (!mine.length && !st.flags.length) continue;
    const o = org(branchId);
    if (st.flags.includes('lapse_risk')) o.lapse++;
    if (st.flags.includes('lost_contact')) o.lost++;
    if (st.flags.includes('transfer_due')) o.transfer++;
    if (st.flags.length) o.light = st.flags.includes('lapse_risk') || o.light === 'red' ? 'red' : 'yellow';
  }
  return [...byOrg.values()];
}
