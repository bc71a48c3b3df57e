// Loads what the pure cadence and duty rules need, in a handful of grouped queries (a county's
// year is a few thousand activities; the rules then run in memory).
import { sql, type RawBuilder } from 'kysely';
import { computeCompliance, type CadenceOrg, type ComplianceRow, type HeldCount } from '../../shared/orglife/compliance.js';
import { computeDuties, contactPointsOf, type DutyActivityCount, type InstructorDuty, type VisitCount } from '../../shared/orglife/duties.js';
import { periodOf, type PeriodUnit } from '../../shared/orglife/periods.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import { type Db } from '../context.js';
import { scopeEnd } from '../../shared/core/scope.js';

/** Counts cover the whole periods of the rules' units that overlap the range: a period counts everything held in it. */
function wholePeriods(units: readonly PeriodUnit[], from: string, to: string): { start: string; end: string } {
  return { start: units.map((u) => periodOf(from, u).start).sort()[0] ?? from, end: units.map((u) => periodOf(to, u).end).sort().at(-1) ?? to };
}

/**
 * `column IN types` on the index that reads least: for the whole province, (type, held_on) reads only
 * the period's activities of those types; under a city or county, the scope's own indexes read only
 * its rows. With years of history the type index made one county read every county's period (100
 * counties × 5 years: held counts ~250 ms instead of ~7 ms, a county's instructor visits 18 ms instead
 * of 1.3, its lectures and campaigns 12 ms instead of 1.4); `+type` keeps SQLite off the type index.
 */
function typeIn(scope: string, column: string, types: readonly string[]): RawBuilder<unknown> {
  const province = scope.split('/').filter(Boolean).length <= 1;
  return sql`${sql.raw(province ? '' : '+')}${sql.ref(column)} IN (${sql.join(types)})`;
}

export async function loadCadenceOrgs(db: Db, scope: string, s: OrgLifeSettings, orgId?: string): Promise<CadenceOrg[]> {
  const end = scopeEnd(scope);
  const types = s.cadenceOrgTypes;
  const orgs = await sql<{ id: string; name: string; org_type: string; seats: number }>`
    SELECT po.id, po.name, po.org_type,
      (SELECT count(*) FROM party_org_committee c WHERE c.org_id = po.id AND c.deleted = 0 AND c.role <> 'secretary') AS seats
    FROM party_orgs po
    WHERE po.deleted = 0 AND po.scope_path >= ${scope} AND po.scope_path < ${end}
      AND po.org_type IN (${sql.join(types)}) ${orgId ? sql`AND po.id = ${orgId}` : sql``}
      AND EXISTS (SELECT 1 FROM members m WHERE m.branch_id = po.id AND m.deleted = 0 AND m.standing = 'normal')
    ORDER BY po.scope_path, po.name`.execute(db);
  const groups = await sql<{ id: string; branch_id: string; name: string }>`
    SELECT g.id, g.branch_id, g.name FROM party_groups g
    WHERE g.deleted = 0 AND g.scope_path >= ${scope} AND g.scope_path < ${end} ${orgId ? sql`AND g.branch_id = ${orgId}` : sql``}
    ORDER BY g.name`.execute(db);
  const byOrg = new Map<string, { id: string; name: string }[]>();
  for (const g of groups.rows) (byOrg.get(g.branch_id) ?? byOrg.set(g.branch_id, []).get(g.branch_id)!).push({ id: g.id, name: g.name });
  return orgs.rows.map((o) => ({ id: o.id, name: o.name, orgType: o.org_type, hasCommittee: Number(o.seats) > 0, groups: byOrg.get(o.id) ?? [] }));
}

export async function loadHeldCounts(db: Db, scope: string, from: string, to: string, types: string[], orgId?: string): Promise<HeldCount[]> {
  if (!types.length) return [];
  const r = await sql<{ org_id: string; type: string; group_id: string | null; month: string; n: number }>`
    SELECT org_id, type, group_id, substr(held_on, 1, 7) AS month, count(*) AS n FROM activities
    WHERE deleted = 0 AND status = 'held' AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)}
      AND held_on >= ${from} AND held_on <= ${to} AND ${typeIn(scope, 'type', types)} AND org_id IS NOT NULL
      ${orgId ? sql`AND org_id = ${orgId}` : sql``}
    GROUP BY org_id, type, group_id, month`.execute(db);
  return r.rows.map((x) => ({ orgId: x.org_id, type: x.type, groupId: x.group_id, month: x.month, n: Number(x.n) }));
}

/**
 * The cadence rows of [from, to]. `units`: only the rules of these periods, read over their whole
 * periods (the board's monthly and quarterly lights read the quarter, not the year: at 100 counties
 * 86 → 13 ms).
 */
export async function complianceRows(db: Db, scope: string, s: OrgLifeSettings, p: { from: string; to: string; asOf: string; orgId?: string; units?: PeriodUnit[] }): Promise<ComplianceRow[]> {
  const { units } = p;
  const only: OrgLifeSettings = units ? { ...s, cadence: Object.fromEntries(Object.entries(s.cadence).filter(([, r]) => r && units.includes(r.period))) } : s;
  const orgs = await loadCadenceOrgs(db, scope, only, p.orgId);
  const span = wholePeriods(Object.values(only.cadence).map((r) => r!.period), p.from, p.to);
  const held = await loadHeldCounts(db, scope, span.start, span.end, Object.keys(only.cadence), p.orgId);
  return computeCompliance({ orgs, held, from: p.from, to: p.to, asOf: p.asOf, settings: only });
}

export async function instructorDuties(db: Db, scope: string, s: OrgLifeSettings, p: { from: string; to: string; asOf: string; instructorId?: string }): Promise<InstructorDuty[]> {
  const end = scopeEnd(scope);
  const visitSpan = wholePeriods([s.instructor.visit.period], p.from, p.to);
  const span = wholePeriods([s.instructor.lecture.period, s.instructor.talk.period, s.instructor.campaign.period], p.from, p.to);
  const only = p.instructorId ? sql`AND i.id = ${p.instructorId}` : sql``;
  const instructors = (await sql<{ id: string; name: string; person_id: string | null }>`
    SELECT i.id, i.name, i.person_id FROM instructors i
    WHERE i.deleted = 0 AND i.active = 1 AND i.scope_path >= ${scope} AND i.scope_path < ${end} ${only}
    ORDER BY i.name`.execute(db)).rows;
  const points = (await sql<{ id: string; name: string; instructor_id: string | null }>`
    SELECT o.id, o.name, o.instructor_id FROM outlets o
    WHERE o.deleted = 0 AND o.is_contact_point = 1 AND o.scope_path >= ${scope} AND o.scope_path < ${end}`.execute(db)).rows;
  const assignments = (await sql<{ outlet_id: string; instructor_id: string; valid_from: string; valid_to: string | null }>`
    SELECT x.outlet_id, x.instructor_id, x.valid_from, x.valid_to FROM instructor_assignments x
    JOIN outlets o ON o.id = x.outlet_id AND o.deleted = 0 AND o.is_contact_point = 1
    WHERE x.deleted = 0 AND o.scope_path >= ${scope} AND o.scope_path < ${end}`.execute(db)).rows;
  const contactPoints = contactPointsOf(
    points.map((o) => ({ id: o.id, name: o.name, instructorId: o.instructor_id })),
    assignments.map((a) => ({ outletId: a.outlet_id, instructorId: a.instructor_id, from: a.valid_from, to: a.valid_to })),
  );
  const visits = (await sql<{ outlet_id: string; month: string; n: number }>`
    SELECT ao.outlet_id, substr(a.held_on, 1, 7) AS month, count(*) AS n
    FROM activities a
    JOIN activity_outlets ao ON ao.activity_id = a.id AND ao.deleted = 0
    JOIN outlets o ON o.id = ao.outlet_id AND o.is_contact_point = 1 AND o.deleted = 0
    WHERE a.deleted = 0 AND a.status = 'held' AND ${typeIn(scope, 'a.type', ['instructor_visit'])} AND a.held_on >= ${visitSpan.start} AND a.held_on <= ${visitSpan.end}
      AND o.scope_path >= ${scope} AND o.scope_path < ${end}
    GROUP BY ao.outlet_id, month`.execute(db)).rows.map((v): VisitCount => ({ outletId: v.outlet_id, month: v.month, n: Number(v.n) }));
  // Lectures, talks and campaigns count for the instructor named on them, or who lectured or hosted.
  const dutyTypes = [...new Set([...s.instructor.lecture.types, ...s.instructor.talk.types, ...s.instructor.campaign.types])];
  const acts = (await sql<{ type: string; held_on: string; instructor_id: string | null; lecturer_person_id: string | null; host_person_id: string | null }>`
    SELECT type, held_on, instructor_id, lecturer_person_id, host_person_id FROM activities
    WHERE deleted = 0 AND status = 'held' AND ${typeIn(scope, 'type', dutyTypes)} AND held_on >= ${span.start} AND held_on <= ${span.end}
      AND scope_path >= ${scope} AND scope_path < ${end}`.execute(db)).rows;
  const byPerson = new Map(instructors.filter((i) => i.person_id).map((i) => [i.person_id!, i.id]));
  const counts = new Map<string, DutyActivityCount>();
  for (const a of acts) {
    const who = a.instructor_id ?? (a.lecturer_person_id && byPerson.get(a.lecturer_person_id)) ?? (a.host_person_id && byPerson.get(a.host_person_id));
    if (!who) continue;
    const key = `${who}|${a.type}|${a.held_on.slice(0, 7)}`;
    const c = counts.get(key) ?? counts.set(key, { instructorId: who, type: a.type, month: a.held_on.slice(0, 7), n: 0 }).get(key)!;
    c.n++;
  }
  return computeDuties({
    instructors: instructors.map((i) => ({ id: i.id, name: i.name })), contactPoints, visits, activities: [...counts.values()],
    from: p.from, to: p.to, asOf: p.asOf, settings: s,
  });
}
