// Activity records: one row per activity with its outlets, attendance marks and attachments.
import { assertInScope, isUnder } from '../../shared/core/scope.js';
import { sql } from 'kysely';
import { notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import type { ActivityDetail, ActivityDetails, ActivityRow, ActivityStatus, ResolutionRecord } from '../../shared/orglife/contract.js';
import type { ActivityType } from '../../shared/domain/enums.js';
import { ACTIVITY_KINDS } from '../../shared/orglife/activityKinds.js';
import { motionOutcome, quorumOf, type Quorum, type Votes } from '../../shared/orglife/quorum.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import type { ActivityParsed } from '../../shared/orglife/schemas.js';
import { type Db, type Session } from '../context.js';
import { linkAttachments, listAttachments } from './attachments.js';
import { effectiveMarks, toMark, writeMarks, type MarkRow } from './attendance.js';
import { checkActivity } from './checkActivity.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';

export interface ActivityFilter {
  orgId?: string;
  instructorId?: string;
  outletId?: string;
  types?: ActivityType[];
  status?: ActivityStatus;
  from?: string;
  to?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listActivities(db: Db, scope: string, f: ActivityFilter): Promise<Page<ActivityRow>> {
  let q = db
    .selectFrom('activities as a')
    .leftJoin('party_orgs as o', 'o.id', 'a.org_id')
    .leftJoin('party_groups as g', 'g.id', 'a.group_id')
    .leftJoin('instructors as i', 'i.id', 'a.instructor_id')
    .where('a.deleted', '=', 0)
    .where('a.scope_path', '>=', scope)
    .where('a.scope_path', '<', scopeEnd(scope));
  if (f.orgId) q = q.where('a.org_id', '=', f.orgId);
  if (f.instructorId) q = q.where('a.instructor_id', '=', f.instructorId);
  if (f.outletId) q = q.where('a.id', 'in', (eb) => eb.selectFrom('activity_outlets').select('activity_id').where('outlet_id', '=', f.outletId!).where('deleted', '=', 0));
  if (f.types?.length) q = q.where('a.type', 'in', f.types);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.from) q = q.where('a.held_on', '>=', f.from);
  if (f.to) q = q.where('a.held_on', '<=', f.to);
  if (f.q?.trim()) {
    const like = `%${f.q.trim()}%`;
    q = q.where((eb) => eb.or([eb('a.title', 'like', like), eb('a.topic', 'like', like), eb('o.name', 'like', like)]));
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'a.id', 'a.type', 'a.status', 'a.title', 'a.held_on', 'a.start_time', 'a.org_id', 'o.name as org_name', 'g.name as group_name',
      'i.name as instructor_name', 'a.place', 'a.topic', 'a.recorded_by', 'a.synthetic', 'a.updated_at',
      sql<string | null>`(SELECT group_concat(x.name, '、') FROM activity_outlets ao JOIN outlets x ON x.id = ao.outlet_id WHERE ao.activity_id = a.id AND ao.deleted = 0)`.as('outlet_names'),
      sql<number>`(SELECT count(*) FROM attachments t WHERE t.activity_id = a.id AND t.deleted = 0)`.as('attachment_count'),
    ])
    .orderBy('a.held_on', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const marks = await effectiveMarks(db, rows.map((r) => r.id));
  return {
    total: Number(n),
    rows: rows.map((r) => {
      const m = marks.get(r.id) ?? [];
      return {
        id: r.id, type: r.type as ActivityType, status: r.status as ActivityStatus, title: r.title, heldOn: r.held_on, startTime: r.start_time,
        orgId: r.org_id, orgName: r.org_name, groupName: r.group_name, instructorName: r.instructor_name,
        outletNames: r.outlet_names ? r.outlet_names.split('、') : [], place: r.place, topic: r.topic,
        expected: m.length, present: m.filter((x) => x.status === 'present').length, attachmentCount: Number(r.attachment_count),
        recordedBy: r.recorded_by, synthetic: r.synthetic === 1, updatedAt: r.updated_at,
      };
    }),
  };
}

/** Resolutions with their outcome computed from the attendance as it stands. */
export function resolutionsOf(json: string | null, quorum: Quorum | null, s: OrgLifeSettings): ResolutionRecord[] {
  const list = json ? (JSON.parse(json) as { text: string; votes: Votes | null }[]) : [];
  return list.map((r) => {
    if (!r.votes || !quorum) return { text: r.text, votes: r.votes ?? null, passed: null, needed: null };
    const o = motionOutcome(r.votes, quorum, s);
    return { text: r.text, votes: r.votes, passed: o.passed, needed: o.needed };
  });
}

export function quorumFor(type: ActivityType, resolutionsJson: string | null, marks: MarkRow[], s: OrgLifeSettings): Quorum | null {
  const voted = !!resolutionsJson && resolutionsJson.includes('"yes"');
  if (!marks.length || !(ACTIVITY_KINDS[type].quorum || voted)) return null;
  return quorumOf(marks, s);
}

export async function getActivity(db: Db, id: string, scope: string, s: OrgLifeSettings): Promise<ActivityDetail> {
  const a = await db
    .selectFrom('activities as a')
    .leftJoin('party_orgs as o', 'o.id', 'a.org_id')
    .leftJoin('party_groups as g', 'g.id', 'a.group_id')
    .leftJoin('instructors as i', 'i.id', 'a.instructor_id')
    .leftJoin('people as h', 'h.id', 'a.host_person_id')
    .leftJoin('people as r', 'r.id', 'a.recorder_person_id')
    .leftJoin('people as l', 'l.id', 'a.lecturer_person_id')
    .selectAll('a')
    .select(['o.name as org_name', 'g.name as group_name', 'i.name as instructor_name', 'h.name as host_name', 'r.name as recorder_name', 'l.name as lecturer_name'])
    .where('a.id', '=', id)
    .where('a.deleted', '=', 0)
    .executeTakeFirst();
  if (!a || !isUnder(a.scope_path, scope)) throw notFound('活动记录', 'Activity');
  const outlets = await db
    .selectFrom('activity_outlets as ao')
    .innerJoin('outlets as o', 'o.id', 'ao.outlet_id')
    .select(['o.id', 'o.name'])
    .where('ao.activity_id', '=', id)
    .where('ao.deleted', '=', 0)
    .execute();
  const marks = (await effectiveMarks(db, [id])).get(id) ?? [];
  const type = a.type as ActivityType;
  const quorum = quorumFor(type, a.resolutions_json, marks, s);
  const details = (a.details_json ? JSON.parse(a.details_json) : {}) as ActivityDetails;
  return {
    id: a.id, type, status: a.status as ActivityStatus, title: a.title, heldOn: a.held_on, startTime: a.start_time, durationMin: a.duration_min,
    orgId: a.org_id, orgName: a.org_name, groupId: a.group_id, groupName: a.group_name, instructorId: a.instructor_id, instructorName: a.instructor_name,
    place: a.place, topic: a.topic, agenda: a.agenda, minutes: a.minutes, hostPersonId: a.host_person_id, hostName: a.host_name,
    recorderPersonId: a.recorder_person_id, recorderName: a.recorder_name, lecturerPersonId: a.lecturer_person_id,
    lecturerName: a.lecturer_name ?? details.lecturerName ?? null, resolutions: resolutionsOf(a.resolutions_json, quorum, s), reachCount: a.reach_count,
    details, outlets, attendance: marks.map(toMark), attachments: await listAttachments(db, id), quorum,
    recordedBy: a.recorded_by, deviceId: a.device_id, scopePath: a.scope_path, synthetic: a.synthetic === 1, createdAt: a.created_at, updatedAt: a.updated_at,
  };
}

function compact(d: ActivityDetails): string | null {
  const kept = Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  return Object.keys(kept).length ? JSON.stringify(kept) : null;
}

/** Saves an activity with its outlets, attendance and attachments; the caller holds the transaction. */
export async function saveActivity(db: Db, a: ActivityParsed, session: Session, now: string, s: OrgLifeSettings): Promise<string> {
  const id = a.id ?? uuidv7();
  if (a.id) {
    const existing = await db.selectFrom('activities').select('scope_path').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
    if (!existing) throw notFound('活动记录', 'Activity');
    assertInScope(existing.scope_path, session.scopePath);
  }
  const { scopePath } = await checkActivity(db, a, session.scopePath, s);
  const values = {
    org_id: a.orgId, type: a.type, status: a.status, title: a.title, held_on: a.heldOn, start_time: a.startTime, duration_min: a.durationMin,
    place: a.place, host_person_id: a.hostPersonId, recorder_person_id: a.recorderPersonId, lecturer_person_id: a.lecturerPersonId,
    topic: a.topic, agenda: a.agenda, minutes: a.minutes, reach_count: a.reachCount, group_id: a.groupId, instructor_id: a.instructorId,
    resolutions_json: a.resolutions.length ? JSON.stringify(a.resolutions.map((r) => ({ text: r.text, votes: r.votes }))) : null,
    details_json: compact(a.details), scope_path: scopePath, updated_at: now,
  };
  if (a.id) await db.updateTable('activities').set(values).where('id', '=', id).execute();
  else await db.insertInto('activities').values({ id, ...values, recorded_by: session.userName, device_id: session.deviceId, created_at: now }).execute();

  const links = await db.selectFrom('activity_outlets').select(['id', 'outlet_id']).where('activity_id', '=', id).where('deleted', '=', 0).execute();
  const wanted = new Set(a.venueOutletIds);
  for (const l of links) if (!wanted.has(l.outlet_id)) await db.updateTable('activity_outlets').set({ deleted: 1, updated_at: now }).where('id', '=', l.id).execute();
  const have = new Set(links.map((l) => l.outlet_id));
  for (const o of wanted) {
    if (!have.has(o)) await db.insertInto('activity_outlets').values({ id: uuidv7(), activity_id: id, outlet_id: o, scope_path: scopePath, created_at: now, updated_at: now }).execute();
  }
  // Children follow their activity when it moves to another organisation's scope.
  for (const t of ['activity_outlets', 'attendance', 'attachments'] as const) {
    await db.updateTable(t).set({ scope_path: scopePath, updated_at: now }).where('activity_id', '=', id).where('scope_path', '<>', scopePath).execute();
  }
  await writeMarks(db, id, a.attendance, scopePath, now);
  await linkAttachments(db, id, a.attachments, scopePath, now, s);
  return id;
}

export async function deleteActivity(db: Db, id: string, scope: string, now: string): Promise<void> {
  const r = await db.updateTable('activities').set({ deleted: 1, updated_at: now }).where('id', '=', id).where('deleted', '=', 0)
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('活动记录', 'Activity');
  // Children keep their rows: tombstoning the activity hides them, and an undelete restores them.
}
