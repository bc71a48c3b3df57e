// A person as a record: the masked detail, standing history, probation end, and the organisational
// life they took part in. Activities outside the reader's scope are left out even when the person
// attended them (an instructor of one county sees only that county's records).
import { sql } from 'kysely';
import { scopeEnd } from '../../shared/core/scope.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { conversionDueOn } from '../../shared/orglife/due.js';
import { extensionOf } from './probation.js';
import type { Page } from '../../shared/contract/define.js';
import type { ActivityType } from '../../shared/domain/enums.js';
import type { AttendanceMarkStatus, AttendedRow, HostedRole, HostedRow, PersonRecord, ProbationInfo } from '../../shared/people/recordTypes.js';
import { canSeeFullIds, type ApiContext, type Db } from '../context.js';
import { settingsFor } from '../orglife/settings.js';
import { personHistory } from './history.js';
import { getPersonMasked } from './privacy.js';

interface Window {
  limit: number;
  offset: number;
}

// A person's mark on an activity is their latest attendance row (db/orglife/attendance.ts): the
// window keeps that one row per activity, in SQL, so that a page costs one page of rows.
const latestMarks = (personId: string) => sql`
  SELECT activity_id, status, reason FROM (
    SELECT activity_id, status, reason, ROW_NUMBER() OVER (PARTITION BY activity_id ORDER BY created_at DESC, id DESC) AS rn
    FROM attendance WHERE person_id = ${personId} AND deleted = 0
  ) WHERE rn = 1`;

const heldInScope = (scope: string) => sql`a.deleted = 0 AND a.status = 'held' AND a.scope_path >= ${scope} AND a.scope_path < ${scopeEnd(scope)}`;

const orgNameOf = sql`COALESCE(o.name, g.name, i.name)`;
const orgJoins = sql`
  LEFT JOIN party_orgs o ON o.id = a.org_id
  LEFT JOIN party_groups g ON g.id = a.group_id
  LEFT JOIN instructors i ON i.id = a.instructor_id`;

export async function personRecord(ctx: ApiContext, id: string): Promise<PersonRecord> {
  const scope = ctx.session.scopePath;
  const person = await getPersonMasked(ctx.db, scope, id);
  const counts = await sql<{ status: string; n: number }>`
    SELECT m.status, count(*) AS n FROM (${latestMarks(id)}) m JOIN activities a ON a.id = m.activity_id AND ${heldInScope(scope)}
    GROUP BY m.status`.execute(ctx.db);
  const count = (s: AttendanceMarkStatus) => Number(counts.rows.find((r) => r.status === s)?.n ?? 0);
  const hosted = await sql<{ n: number }>`
    SELECT count(*) AS n FROM activities a WHERE ${heldInScope(scope)}
      AND (a.host_person_id = ${id} OR a.recorder_person_id = ${id} OR a.lecturer_person_id = ${id})`.execute(ctx.db);
  const { scopePath, ...detail } = person;
  return {
    person: detail,
    mayReveal: canSeeFullIds(ctx.session.role),
    history: await personHistory(ctx.db, id),
    probation: await probationOf(ctx.db, scopePath, id, detail.politicalStatus, detail.member?.joinDate ?? null, ctx.now()),
    attendance: { present: count('present'), absent: count('absent'), excused: count('excused') },
    hostedCount: Number(hosted.rows[0]?.n ?? 0),
  };
}

/** For a probationary member: admission + the probation months in force where the person is registered, + an extension. */
async function probationOf(db: Db, scopePath: string, personId: string, status: string, admittedOn: string | null, now: Date): Promise<ProbationInfo | null> {
  if (status !== 'probationary' || !admittedOn) return null;
  const s = await settingsFor(db, scopePath);
  const extension = await extensionOf(db, personId);
  const endsOn = conversionDueOn(admittedOn, s, extension?.months ?? 0);
  return { admittedOn, endsOn, months: s.probation.months, overdue: endsOn < todayInBeijing(now), extension, mayExtend: !extension };
}

/** The held activities the person has a mark on, newest first. */
export async function personAttended(ctx: ApiContext, personId: string, w: Window): Promise<Page<AttendedRow>> {
  const scope = ctx.session.scopePath;
  await getPersonMasked(ctx.db, scope, personId);
  const from = sql`FROM (${latestMarks(personId)}) m JOIN activities a ON a.id = m.activity_id AND ${heldInScope(scope)}`;
  const total = await sql<{ n: number }>`SELECT count(*) AS n ${from}`.execute(ctx.db);
  const rows = await sql<{ activity_id: string; held_on: string; type: string; title: string; org_name: string | null; status: string; reason: string | null }>`
    SELECT m.activity_id, a.held_on, a.type, a.title, ${orgNameOf} AS org_name, m.status, m.reason
    ${from} ${orgJoins}
    ORDER BY a.held_on DESC, a.id DESC LIMIT ${w.limit} OFFSET ${w.offset}`.execute(ctx.db);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    rows: rows.rows.map((r) => ({
      activityId: r.activity_id, heldOn: r.held_on, type: r.type as ActivityType, title: r.title, orgName: r.org_name,
      status: r.status as AttendanceMarkStatus, reason: r.reason,
    })),
  };
}

/** The held activities the person hosted, recorded or lectured at, newest first. */
export async function personHosted(ctx: ApiContext, personId: string, w: Window): Promise<Page<HostedRow>> {
  const scope = ctx.session.scopePath;
  await getPersonMasked(ctx.db, scope, personId);
  const where = sql`WHERE ${heldInScope(scope)} AND (a.host_person_id = ${personId} OR a.recorder_person_id = ${personId} OR a.lecturer_person_id = ${personId})`;
  const total = await sql<{ n: number }>`SELECT count(*) AS n FROM activities a ${where}`.execute(ctx.db);
  const rows = await sql<{ id: string; held_on: string; type: string; title: string; org_name: string | null; host: string | null; recorder: string | null; lecturer: string | null }>`
    SELECT a.id, a.held_on, a.type, a.title, ${orgNameOf} AS org_name,
      a.host_person_id AS host, a.recorder_person_id AS recorder, a.lecturer_person_id AS lecturer
    FROM activities a ${orgJoins} ${where}
    ORDER BY a.held_on DESC, a.id DESC LIMIT ${w.limit} OFFSET ${w.offset}`.execute(ctx.db);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    rows: rows.rows.map((r) => ({
      activityId: r.id, heldOn: r.held_on, type: r.type as ActivityType, title: r.title, orgName: r.org_name,
      roles: (['host', 'recorder', 'lecturer'] as HostedRole[]).filter((k) => r[k] === personId),
    })),
  };
}
