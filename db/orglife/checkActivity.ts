// The checks of an activity record that need the store: references exist and sit in the user's
// scope, attendance names only members of the organisation, its host and recorder were present,
// and votes fit the attendance.
import { assertInScope } from '../../shared/core/scope.js';
import { ApiError, notFound, RULE_MESSAGES } from '../../shared/core/errors.js';
import { ACTIVITY_KINDS } from '../../shared/orglife/activityKinds.js';
import { motionOutcome, quorumOf, type Quorum } from '../../shared/orglife/quorum.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import type { ActivityParsed } from '../../shared/orglife/schemas.js';
import { roleConflicts } from '../../shared/orglife/roles.js';
import type { Db } from '../context.js';

function invalid(key: string, path: string, detail = ''): ApiError {
  const m = RULE_MESSAGES[key]!;
  const zh = m.zh + detail;
  return new ApiError('validation', zh, m.en, [{ path, message: zh, messageEn: m.en }]);
}

const names = (list: string[]) => `：${list.slice(0, 5).join('、')}${list.length > 5 ? ` 等${list.length}人` : ''}`;

export interface CheckedActivity {
  scopePath: string;
  probationary: Set<string>;
  quorum: Quorum | null;
}

/** Where the record belongs: its organisation, else its outlet, else its instructor's unit. */
async function scopePathOf(db: Db, a: ActivityParsed): Promise<string | null> {
  if (a.orgId) {
    const org = await db.selectFrom('party_orgs').select('scope_path').where('id', '=', a.orgId).where('deleted', '=', 0).executeTakeFirst();
    if (!org) throw notFound('党组织', 'Organisation');
    return org.scope_path;
  }
  if (a.venueOutletIds[0]) {
    const o = await db.selectFrom('outlets').select('scope_path').where('id', '=', a.venueOutletIds[0]).where('deleted', '=', 0).executeTakeFirst();
    if (o) return o.scope_path;
  }
  if (a.instructorId) {
    const i = await db.selectFrom('instructors').select('scope_path').where('id', '=', a.instructorId).where('deleted', '=', 0).executeTakeFirst();
    if (i) return i.scope_path;
  }
  return null;
}

export async function checkActivity(db: Db, a: ActivityParsed, sessionScope: string, s: OrgLifeSettings): Promise<CheckedActivity> {
  const scopePath = (await scopePathOf(db, a)) ?? sessionScope;
  assertInScope(scopePath, sessionScope);
  // Before any lookup: the record contradicts itself whatever the store holds.
  const conflicts = roleConflicts(a);
  if (conflicts.length) throw new ApiError('validation', `输入有误：${conflicts[0]!.message}`, `Invalid input: ${conflicts[0]!.messageEn}`, conflicts);

  if (a.groupId) {
    const g = await db.selectFrom('party_groups').select('branch_id').where('id', '=', a.groupId).where('deleted', '=', 0).executeTakeFirst();
    if (!g || g.branch_id !== a.orgId) throw invalid('activity.group_not_in_org', 'groupId');
  }
  if (a.instructorId) {
    const i = await db.selectFrom('instructors').select('id').where('id', '=', a.instructorId).where('deleted', '=', 0).executeTakeFirst();
    if (!i) throw notFound('党建指导员', 'Instructor');
  }
  if (a.venueOutletIds.length) {
    const found = await db.selectFrom('outlets').select('id').where('id', 'in', a.venueOutletIds).where('deleted', '=', 0).execute();
    if (found.length !== new Set(a.venueOutletIds).size) throw notFound('所选网点', 'An outlet');
  }
  const people = { hostPersonId: a.hostPersonId, recorderPersonId: a.recorderPersonId, lecturerPersonId: a.lecturerPersonId, talkeePersonId: a.details.talkeePersonId ?? null };
  const referenced = Object.values(people).filter((x): x is string => !!x);
  if (referenced.length) {
    const found = new Set((await db.selectFrom('people').select('id').where('id', 'in', referenced).where('deleted', '=', 0).execute()).map((p) => p.id));
    for (const [field, pid] of Object.entries(people)) if (pid && !found.has(pid)) throw invalid('activity.person_not_found', field === 'talkeePersonId' ? 'details.talkeePersonId' : field);
  }

  // Attendance: members of this organisation only, who had joined by the day of the activity.
  const probationary = new Set<string>();
  if (a.attendance.length && a.orgId) {
    const ids = a.attendance.map((m) => m.personId);
    const rows = await db
      .selectFrom('people as p')
      .leftJoin('members as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.deleted', '=', 0).on('m.branch_id', '=', a.orgId!))
      .select(['p.id', 'p.name', 'p.political_status', 'm.id as member_id', 'm.join_date'])
      .where('p.id', 'in', ids)
      .where('p.deleted', '=', 0)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const strangers = ids.filter((pid) => !byId.get(pid)?.member_id).map((pid) => byId.get(pid)?.name ?? pid.slice(0, 8));
    if (strangers.length) throw invalid('attendance.other_branch', 'attendance', names(strangers));
    if (a.status === 'held') {
      const early = rows.filter((r) => r.join_date && r.join_date > a.heldOn).map((r) => r.name);
      if (early.length) throw invalid('attendance.not_yet_member', 'attendance', names(early));
    }
    for (const r of rows) if (r.political_status === 'probationary') probationary.add(r.id);
  }

  const kind = ACTIVITY_KINDS[a.type];
  const voted = a.resolutions.some((r) => r.votes);
  const quorum = a.attendance.length && (kind.quorum || voted)
    ? quorumOf(a.attendance.map((m) => ({ status: m.status, probationary: probationary.has(m.personId) })), s)
    : null;
  a.resolutions.forEach((r, i) => {
    if (!r.votes || !quorum) return;
    const outcome = motionOutcome(r.votes, quorum, s);
    if (outcome.problem) throw invalid(outcome.problem, `resolutions.${i}.votes`);
  });
  return { scopePath, probationary, quorum };
}
