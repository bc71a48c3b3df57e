// The party track's raw values per outlet for a quarter or year, from records already kept:
// coverage and attendance as the warning board reads them (facts.ts), the points ledger and
// task-force (突击队) activities for the vanguard role, and the instructor's visits (dutyVerdict).
import { sql } from 'kysely';
import type { DualTrackSettings, PartyKey } from '../../shared/assessment/dualTrack.js';
import { scopeEnd } from '../../shared/core/scope.js';
import { dutyVerdict } from '../../shared/orglife/dutyVerdict.js';
import type { Period } from '../../shared/orglife/periods.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import type { Db } from '../context.js';
import { instructorDuties } from '../orglife/compliance.js';
import type { MemberFact, OutletFact } from './facts.js';

export interface PartyValue { raw: number | null; zh: string; en: string }
export type PartyValues = Record<PartyKey, PartyValue>;

interface Counts { present: number; absent: number }

async function attendanceByPerson(db: Db, scope: string, from: string, to: string): Promise<Map<string, Counts>> {
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

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The four party values of every outlet under the scope, each with where its number came from. */
export async function partyValues(db: Db, scope: string, p: { period: Period; asOf: string; outlets: OutletFact[]; members: MemberFact[]; orgNames: Map<string, string>; dt: DualTrackSettings; o: OrgLifeSettings }): Promise<Map<string, PartyValues>> {
  const { period, asOf } = p;
  const [att, pts, tf] = [await attendanceByPerson(db, scope, period.start, asOf), await pointsByPerson(db, scope, period), await taskForces(db, scope, period.start, asOf)];
  const missed = new Map<string, { raw: number; who: string }>();
  const none = { lecture: [], talk: [], campaign: [] };
  for (const d of await instructorDuties(db, scope, p.o, { from: period.start, to: period.end, asOf })) {
    for (const cp of d.contactPoints) {
      const v = dutyVerdict({ contactPoints: [cp], duties: none, visitUnit: p.o.instructor.visit.period });
      if (v.light !== 'none') missed.set(cp.outletId, { raw: v.missedVisits, who: d.name });
    }
  }
  const byOutlet = new Map<string, MemberFact[]>();
  for (const m of p.members) if (m.outletId) (byOutlet.get(m.outletId) ?? byOutlet.set(m.outletId, []).get(m.outletId)!).push(m);
  const out = new Map<string, PartyValues>();
  for (const o of p.outlets) {
    const ms = byOutlet.get(o.id) ?? [];
    const orgName = o.coverageOrgId ? p.orgNames.get(o.coverageOrgId) ?? null : null;
    const org_coverage: PartyValue = o.covered
      ? { raw: 1, zh: `由“${orgName ?? ''}”覆盖`, en: `Covered by "${orgName ?? ''}"` }
      : { raw: 0, zh: '无党组织覆盖', en: 'No covering organisation' };
    let org_life: PartyValue = { raw: null, zh: '网点无党员，不适用', en: 'No members at the outlet: not applicable' };
    let vanguard: PartyValue = org_life;
    if (ms.length) {
      const c = ms.reduce((n, m) => { const x = att.get(m.personId); return x ? { present: n.present + x.present, absent: n.absent + x.absent } : n; }, { present: 0, absent: 0 });
      const expected = c.present + c.absent;
      org_life = expected
        ? { raw: c.present / expected, zh: `${ms.length} 名党员本期出席 ${c.present}/${expected} 人次（请假不计）`, en: `${ms.length} members present ${c.present} of ${expected} times (excused left out)` }
        : { raw: 0, zh: `${ms.length} 名党员本期无组织生活出勤记录`, en: `No organisational-life attendance for the ${ms.length} members this period` };
      const total = ms.reduce((n, m) => n + (pts.get(m.personId) ?? 0), 0);
      const n = tf.get(o.id) ?? 0;
      const raw = total / ms.length + n * p.dt.taskForcePoints;
      vanguard = {
        raw: round1(raw),
        zh: `积分台账 ${total} 分 / ${ms.length} 名党员 + 突击队活动 ${n} 次 × ${p.dt.taskForcePoints}`,
        en: `Points ledger ${total} / ${ms.length} members + ${n} task-force activities × ${p.dt.taskForcePoints}`,
      };
    }
    const m = missed.get(o.id);
    const instructor_duty: PartyValue = m
      ? { raw: m.raw, zh: `指导员${m.who}本期漏访 ${m.raw} 次`, en: `Instructor ${m.who} missed ${m.raw} visits this period` }
      : { raw: null, zh: '非党建联系点，不适用', en: 'Not a contact point: not applicable' };
    out.set(o.id, { org_coverage, org_life, vanguard, instructor_duty });
  }
  return out;
}
