// What the overview's board indicators read from HQ's copy beyond coverage (facts.ts): held
// activities (read once for contact, attendance, months without organisation life and cadence),
// attendance marks, members with their branch, probationers, open three-lists items and the
// organisations' cadence facts (type, committee, groups). The rules then run in memory, as on the device.
import type { CadenceOrg, HeldCount } from '../../shared/orglife/compliance.js';
import type { HqStore } from '../store.js';
import { liveRows, type Source } from './facts.js';

type Db = HqStore['db'];
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

export interface HeldActivity { id: string; orgId: string | null; type: string; groupId: string | null; heldOn: string }
export interface MemberRow { personId: string; branchId: string; joinDate: string }
export interface OpenItemRow { dueOn: string; scopePath: string }
export interface OrgRow { id: string; name: string; scopePath: string; orgType: string }

export interface BoardFacts {
  /** Held activities by organisation (a county reads only its own organisations' ones). */
  heldByOrg: Map<string, HeldActivity[]>;
  /** Outlets with a held activity in (contactSince, asOf]. */
  contacted: Set<string>;
  /** Present and absent marks per organisation for activities held from the month's start. */
  monthMarks: Map<string, { present: number; absent: number }>;
  /** Each member's last day present at organisation life by asOf. */
  lastPresent: Map<string, string>;
  /** Each person's last day present at any held activity (whatever its day), and the first held activity's day. */
  lastPresentEver: Map<string, string>;
  firstHeld: string | null;
  /** Members by their branch. */
  membersByOrg: Map<string, MemberRow[]>;
  probationary: Set<string>;
  items: OpenItemRow[];
  orgs: OrgRow[];
  /** Per organisation: it has committee seats besides the secretary, and its groups. */
  committee: Set<string>;
  groups: Map<string, { id: string; name: string }[]>;
}

export async function loadBoardFacts(db: Db, d: Source, scope: string, p: { asOf: string; monthStart: string; contactSince: string }): Promise<BoardFacts> {
  const heldEver = (await liveRows(db, d, 'activities', scope, ['status', 'held_on', 'org_id', 'type', 'group_id']))
    .filter((a) => a.v.status === 'held' && str(a.v.held_on))
    .map((a) => ({ id: a.id, orgId: str(a.v.org_id), type: str(a.v.type) ?? '', groupId: str(a.v.group_id), heldOn: str(a.v.held_on)! }));
  const held = heldEver.filter((a) => a.heldOn <= p.asOf);
  const heldById = new Map(held.map((a) => [a.id, a]));
  // The standing rules read every held activity, whatever its day (db/dues/store.ts lastAttendedIn, firstActivityMonth).
  const everById = new Map(heldEver.map((a) => [a.id, a.heldOn]));
  const lastPresentEver = new Map<string, string>();
  const firstHeld = heldEver.reduce<string | null>((m, a) => (m === null || a.heldOn < m ? a.heldOn : m), null);
  const recent = new Set(held.filter((a) => a.heldOn > p.contactSince).map((a) => a.id));
  const contacted = new Set((await liveRows(db, d, 'activity_outlets', scope, ['activity_id', 'outlet_id']))
    .filter((l) => recent.has(str(l.v.activity_id) ?? '')).map((l) => str(l.v.outlet_id) ?? ''));
  const monthMarks = new Map<string, { present: number; absent: number }>();
  const lastPresent = new Map<string, string>();
  for (const m of await liveRows(db, d, 'attendance', scope, ['activity_id', 'person_id', 'status'])) {
    const person = str(m.v.person_id);
    const ever = everById.get(str(m.v.activity_id) ?? '');
    if (ever && person && m.v.status === 'present' && (lastPresentEver.get(person) ?? '') < ever) lastPresentEver.set(person, ever);
    const a = heldById.get(str(m.v.activity_id) ?? '');
    if (!a || !person) continue;
    if (m.v.status === 'present' && (lastPresent.get(person) ?? '') < a.heldOn) lastPresent.set(person, a.heldOn);
    if (a.orgId && a.heldOn >= p.monthStart && (m.v.status === 'present' || m.v.status === 'absent')) {
      const c = monthMarks.get(a.orgId) ?? monthMarks.set(a.orgId, { present: 0, absent: 0 }).get(a.orgId)!;
      c[m.v.status]++;
    }
  }
  const members = (await liveRows(db, d, 'members', scope, ['person_id', 'branch_id', 'standing', 'join_date']))
    .filter((m) => m.v.standing === 'normal' && (str(m.v.join_date) ?? '9999') <= p.asOf && str(m.v.person_id) && str(m.v.branch_id))
    .map((m) => ({ personId: str(m.v.person_id)!, branchId: str(m.v.branch_id)!, joinDate: str(m.v.join_date)! }));
  // Only the members' own person rows: a province holds many more people (staff) than members.
  const people = await liveRows(db, d, 'people', scope, ['political_status'], [...new Set(members.map((m) => m.personId))]);
  const live = new Set(people.map((x) => x.id));
  const probationary = new Set(people.filter((x) => x.v.political_status === 'probationary').map((x) => x.id));
  const items = (await liveRows(db, d, 'rectification_items', scope, ['due_on', 'status', 'done_on', 'created_at']))
    .filter((i) => {
      const due = str(i.v.due_on);
      const done = str(i.v.done_on);
      return !!due && due < p.asOf && (str(i.v.created_at) ?? '').slice(0, 10) <= p.asOf
        && (i.v.status === 'open' || i.v.status === 'in_progress' || (done !== null && done > p.asOf));
    })
    .map((i) => ({ dueOn: str(i.v.due_on)!, scopePath: i.scopePath }));
  const orgs = (await liveRows(db, d, 'party_orgs', scope, ['name', 'org_type'])).map((o) => ({ id: o.id, name: str(o.v.name) ?? '', scopePath: o.scopePath, orgType: str(o.v.org_type) ?? '' }));
  const committee = new Set((await liveRows(db, d, 'party_org_committee', scope, ['org_id', 'role'])).filter((c) => c.v.role !== 'secretary').map((c) => str(c.v.org_id) ?? ''));
  const groups = new Map<string, { id: string; name: string }[]>();
  for (const g of (await liveRows(db, d, 'party_groups', scope, ['branch_id', 'name'])).sort((a, b) => String(a.v.name).localeCompare(String(b.v.name)))) {
    const b = str(g.v.branch_id);
    if (b) (groups.get(b) ?? groups.set(b, []).get(b)!).push({ id: g.id, name: str(g.v.name) ?? '' });
  }
  const heldByOrg = new Map<string, HeldActivity[]>();
  for (const a of held) if (a.orgId) (heldByOrg.get(a.orgId) ?? heldByOrg.set(a.orgId, []).get(a.orgId)!).push(a);
  const membersByOrg = new Map<string, MemberRow[]>();
  for (const m of members) if (live.has(m.personId)) (membersByOrg.get(m.branchId) ?? membersByOrg.set(m.branchId, []).get(m.branchId)!).push(m);
  return { heldByOrg, contacted, monthMarks, lastPresent, lastPresentEver, firstHeld, membersByOrg, probationary, items, orgs, committee, groups };
}

/** The cadence rules' input for the organisations of one county (as db/orglife/compliance.ts loads it on the device). */
export function cadenceInput(f: BoardFacts, orgIds: Set<string>, types: string[], cadenceTypes: readonly string[], span: { start: string; end: string }): { orgs: CadenceOrg[]; held: HeldCount[] } {
  const orgs = f.orgs.filter((o) => orgIds.has(o.id) && types.includes(o.orgType) && f.membersByOrg.has(o.id))
    .map((o) => ({ id: o.id, name: o.name, orgType: o.orgType, hasCommittee: f.committee.has(o.id), groups: f.groups.get(o.id) ?? [] }));
  const counts = new Map<string, HeldCount>();
  for (const orgId of orgIds) for (const a of f.heldByOrg.get(orgId) ?? []) {
    if (!cadenceTypes.includes(a.type) || a.heldOn < span.start || a.heldOn > span.end) continue;
    const month = a.heldOn.slice(0, 7);
    const k = `${orgId}|${a.type}|${a.groupId ?? ''}|${month}`;
    const c = counts.get(k) ?? counts.set(k, { orgId, type: a.type, groupId: a.groupId, month, n: 0 }).get(k)!;
    c.n++;
  }
  return { orgs, held: [...counts.values()] };
}
