// 待办: what is due or overdue for a scope as of a day, and the month view of the calendar.
import { standingDueItems } from '../dues/standing.js';
import { sql } from 'kysely';
import type { CalendarMonth, DueReport } from '../../shared/orglife/contract.js';
import type { ActivityType } from '../../shared/domain/enums.js';
import { computeDueItems, type Probationer } from '../../shared/orglife/due.js';
import { periodOf, previousPeriod } from '../../shared/orglife/periods.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import { type Db } from '../context.js';
import { complianceRows, instructorDuties } from './compliance.js';
import { scopeEnd } from '../../shared/core/scope.js';

export async function probationers(db: Db, scope: string): Promise<Probationer[]> {
  const r = await sql<{ person_id: string; name: string; org_id: string | null; org_name: string | null; join_date: string; ext_on: string | null; ext_months: number | null }>`
    SELECT p.id AS person_id, p.name, m.branch_id AS org_id, b.name AS org_name, m.join_date,
      m.probation_extended_on AS ext_on, m.probation_extension_months AS ext_months
    FROM people p
    JOIN members m ON m.person_id = p.id AND m.deleted = 0 AND m.standing = 'normal'
    LEFT JOIN party_orgs b ON b.id = m.branch_id
    WHERE p.deleted = 0 AND p.political_status = 'probationary' AND p.scope_path >= ${scope} AND p.scope_path < ${scopeEnd(scope)}`.execute(db);
  return r.rows.map((x) => ({
    personId: x.person_id, name: x.name, orgId: x.org_id, orgName: x.org_name, admittedOn: x.join_date,
    extension: x.ext_on && x.ext_months ? { decidedOn: x.ext_on, months: x.ext_months } : null,
  }));
}

/** The instructor of each outlet an organisation covers: they log its meetings there. */
export async function orgInstructors(db: Db, scope: string): Promise<{ orgId: string; instructorId: string }[]> {
  const end = scopeEnd(scope);
  const r = await sql<{ org_id: string; instructor_id: string }>`
    SELECT x.org_id, o.instructor_id FROM party_org_outlets x JOIN outlets o ON o.id = x.outlet_id AND o.deleted = 0
    WHERE x.deleted = 0 AND o.instructor_id IS NOT NULL AND o.scope_path >= ${scope} AND o.scope_path < ${end}
    UNION
    SELECT o.coverage_org_id, o.instructor_id FROM outlets o
    WHERE o.deleted = 0 AND o.coverage_org_id IS NOT NULL AND o.instructor_id IS NOT NULL AND o.scope_path >= ${scope} AND o.scope_path < ${end}`.execute(db);
  return r.rows.map((x) => ({ orgId: x.org_id, instructorId: x.instructor_id }));
}

/**
 * The instructor records that are the signed-in user. A device knows its user by the name it was
 * enrolled with (session.userName), and an instructor record by its name or its person's name:
 * active records in the user's scope with that name are theirs (namesakes in one county all match).
 */
export async function myInstructorIds(db: Db, scope: string, userName: string): Promise<string[]> {
  const name = userName.trim();
  if (!name) return [];
  const r = await sql<{ id: string }>`
    SELECT i.id FROM instructors i LEFT JOIN people p ON p.id = i.person_id AND p.deleted = 0
    WHERE i.deleted = 0 AND i.active = 1 AND i.scope_path >= ${scope} AND i.scope_path < ${scopeEnd(scope)}
      AND (trim(i.name) = ${name} OR trim(p.name) = ${name})
    ORDER BY i.id`.execute(db);
  return r.rows.map((x) => x.id);
}

export async function dueItems(db: Db, scope: string, s: OrgLifeSettings, asOf: string): Promise<DueReport> {
  // From the start of last year: the period before the current one, for every cadence unit.
  const from = previousPeriod(periodOf(asOf, 'year')).start;
  const to = periodOf(asOf, 'year').end;
  const [compliance, duties, people, owners] = [
    await complianceRows(db, scope, s, { from, to, asOf }),
    await instructorDuties(db, scope, s, { from, to, asOf }),
    await probationers(db, scope),
    await orgInstructors(db, scope),
  ];
  const items = computeDueItems({ compliance, duties, probationers: people, orgInstructors: owners, asOf, settings: s });
  return { asOf, items: [...items, ...(await standingDueItems(db, scope, asOf, owners))], myInstructorIds: [] };
}

export async function calendarMonth(db: Db, scope: string, s: OrgLifeSettings, month: string, today: string, orgId?: string): Promise<CalendarMonth> {
  const p = periodOf(`${month}-01`, 'month');
  const rows = await db
    .selectFrom('activities as a')
    .leftJoin('party_orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.type', 'a.status', 'a.title', 'a.held_on', 'o.name as org_name'])
    .where('a.deleted', '=', 0)
    .where('a.scope_path', '>=', scope)
    .where('a.scope_path', '<', scopeEnd(scope))
    .where('a.held_on', '>=', p.start)
    .where('a.held_on', '<=', p.end)
    .$if(!!orgId, (q) => q.where('a.org_id', '=', orgId!))
    .orderBy('a.held_on')
    .orderBy('a.start_time')
    .limit(2000)
    .execute();
  // A past month shows what was still open on its last day; this and later months, what is open now.
  const asOf = p.end < today ? p.end : today;
  const due = (await dueItems(db, scope, s, asOf)).items.filter((d) => d.deadline >= p.start && d.deadline <= p.end && (!orgId || d.orgId === orgId));
  return {
    month,
    activities: rows.map((r) => ({ id: r.id, type: r.type as ActivityType, status: r.status as 'held' | 'planned', title: r.title, heldOn: r.held_on, orgName: r.org_name })),
    due,
  };
}
