// The party track's raw values per outlet for a quarter or year, from records already kept:
// coverage and attendance as the warning board reads them (facts.ts), the points ledger and
// task-force (突击队) activities for the vanguard role, and the instructor's visits; the values
// themselves come from shared/assessment/dualTrackOutlet.ts (the same rules HQ's overview runs).
import { sql } from 'kysely';
import type { DualTrackSettings } from '../../shared/assessment/dualTrack.js';
import { missedVisits, partyValuesOf, type Marks, type PartyValues } from '../../shared/assessment/dualTrackOutlet.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Period } from '../../shared/orglife/periods.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import type { Db } from '../context.js';
import { instructorDuties } from '../orglife/compliance.js';
import type { MemberFact, OutletFact } from './facts.js';

async function attendanceByPerson(db: Db, scope: string, from: string, to: string): Promise<Map<string, Marks>> {
  const r = await sql<{ person_id: string; present: number; absent: number }>`
    SELECT t.person_id, sum(t.status = 'present') AS present, sum(t.status = 'absent') AS absent
    FROM activities a JOIN attendance t ON t.activity_id = a.id AND t.deleted = 0
    WHERE a.deleted = 0 AND a.status = 'held' AND a.scope_path >= ${scope} AND a.scope_path < ${scopeEnd(scope)} AND a.held_on >= ${from} AND a.held_on <= ${to}
    GROUP BY t.person_id`.execute(db);
  return new Map(r.rows.map((x) => [x.person_id, { present: Number(x.present), absent: Number(x.absent) }]));
}

async function pointsByPerson(db: Db, scope: string, period: Period): Promise<Map<string, number>> {
  const quarters = period.unit === 'year' ? sql`quarter LIKE ${`${period.key}-Q%`}` : sql`quarter = ${period.key}`;
  const r = await sql<{ person_id: string; pts: number }>`
    SELECT person_id, sum(points) AS pts FROM points_entries
    WHERE deleted = 0 AND ${quarters} AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)} GROUP BY person_id`.execute(db);
  return new Map(r.rows.map((x) => [x.person_id, Number(x.pts)]));
}

async function taskForces(db: Db, scope: string, from: string, to: string): Promise<Map<string, number>> {
  const r = await sql<{ outlet_id: string; n: number }>`
    SELECT ao.outlet_id, count(DISTINCT a.id) AS n FROM activities a JOIN activity_outlets ao ON ao.activity_id = a.id AND ao.deleted = 0
    WHERE a.deleted = 0 AND a.status = 'held' AND a.type = 'task_force' AND a.scope_path >= ${scope} AND a.scope_path < ${scopeEnd(scope)}
      AND a.held_on >= ${from} AND a.held_on <= ${to} GROUP BY ao.outlet_id`.execute(db);
  return new Map(r.rows.map((x) => [x.outlet_id, Number(x.n)]));
}

/** The four party values of every outlet under the scope, each with where its number came from. */
export async function partyValues(db: Db, scope: string, p: { period: Period; asOf: string; outlets: OutletFact[]; members: MemberFact[]; orgNames: Map<string, string>; dt: DualTrackSettings; o: OrgLifeSettings }): Promise<Map<string, PartyValues>> {
  const { period, asOf } = p;
  const [attendance, points, tf] = [await attendanceByPerson(db, scope, period.start, asOf), await pointsByPerson(db, scope, period), await taskForces(db, scope, period.start, asOf)];
  const duties = await instructorDuties(db, scope, p.o, { from: period.start, to: period.end, asOf });
  return partyValuesOf({
    outlets: p.outlets.map((o) => ({ id: o.id, covered: o.covered, orgName: o.coverageOrgId ? p.orgNames.get(o.coverageOrgId) ?? null : null })),
    members: p.members, attendance, points, taskForces: tf, missed: missedVisits(duties, p.o.instructor.visit.period), taskForcePoints: p.dt.taskForcePoints,
  });
}
