// Reading the dues tables for a scope: members in good standing, their bases and paid months.
import { sql } from 'kysely';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Base, DuesCategory } from '../../shared/dues/rules.js';
import type { Db } from '../context.js';

export interface DuesMember {
  personId: string; name: string; branchId: string; branchName: string; probationary: boolean; joinDate: string; scopePath: string;
  mobility: string; mobilitySince: string | null; mobilityDestination: string | null; lostContact: boolean; lostContactReason: string | null;
}

export async function membersIn(db: Db, scope: string, f: { orgId?: string; personId?: string } = {}): Promise<DuesMember[]> {
  let q = db
    .selectFrom('members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('party_orgs as o', 'o.id', 'm.branch_id')
    .select(['p.id', 'p.name', 'p.political_status', 'm.branch_id', 'o.name as branch_name', 'm.join_date', 'm.scope_path', 'm.mobility', 'm.mobility_since',
      'm.mobility_destination', 'm.lost_contact', 'm.lost_contact_reason'])
    .where('m.deleted', '=', 0).where('p.deleted', '=', 0).where('m.standing', '=', 'normal')
    .where('m.scope_path', '>=', scope).where('m.scope_path', '<', scopeEnd(scope));
  if (f.orgId) q = q.where('m.branch_id', '=', f.orgId);
  if (f.personId) q = q.where('p.id', '=', f.personId);
  const rows = await q.execute();
  return rows.map((r) => ({
    personId: r.id, name: r.name, branchId: r.branch_id, branchName: r.branch_name ?? '', probationary: r.political_status === 'probationary', joinDate: r.join_date,
    scopePath: r.scope_path, mobility: r.mobility, mobilitySince: r.mobility_since, mobilityDestination: r.mobility_destination, lostContact: r.lost_contact === 1,
    lostContactReason: r.lost_contact_reason,
  }));
}

export async function basesIn(db: Db, scope: string, personId?: string): Promise<Map<string, (Base & { note: string | null; recordedBy: string })[]>> {
  let q = db.selectFrom('dues_bases').select(['person_id', 'from_month', 'category', 'base_fen', 'note', 'recorded_by']).where('deleted', '=', 0)
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope));
  if (personId) q = q.where('person_id', '=', personId);
  const out = new Map<string, (Base & { note: string | null; recordedBy: string })[]>();
  for (const r of await q.orderBy('from_month').execute()) {
    const list = out.get(r.person_id) ?? out.set(r.person_id, []).get(r.person_id)!;
    list.push({ fromMonth: r.from_month, category: r.category as DuesCategory, baseFen: r.base_fen, note: r.note, recordedBy: r.recorded_by });
  }
  return out;
}

/** Months paid per member, one row per member (a county's year is thousands of ledger lines). */
export async function paidMonthsIn(db: Db, scope: string, personId?: string): Promise<Map<string, Set<string>>> {
  let q = db.selectFrom('dues_payments').select(['person_id', sql<string>`group_concat(month)`.as('months')])
    .where('deleted', '=', 0).where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope));
  if (personId) q = q.where('person_id', '=', personId);
  const out = new Map<string, Set<string>>();
  for (const r of await q.groupBy('person_id').execute()) out.set(r.person_id, new Set(r.months.split(',')));
  return out;
}

/** The month of each member's last present mark (org life), for the standing rules. Activities of
 * the scope are where its members' organisation life is recorded, so the scan starts from them. */
export async function lastAttendedIn(db: Db, scope: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('activities as x')
    .innerJoin('attendance as a', 'a.activity_id', 'x.id')
    .select(['a.person_id', (eb) => eb.fn.max('x.held_on').as('last')])
    .where('x.deleted', '=', 0).where('x.status', '=', 'held').where('x.scope_path', '>=', scope).where('x.scope_path', '<', scopeEnd(scope))
    .where('a.deleted', '=', 0).where('a.status', '=', 'present')
    .groupBy('a.person_id')
    .execute();
  return new Map(rows.filter((r) => r.last).map((r) => [r.person_id, String(r.last).slice(0, 7)]));
}

/** The month of the first held activity in scope: where its org-life records begin. */
export async function firstActivityMonth(db: Db, scope: string): Promise<string | null> {
  const r = await db.selectFrom('activities').select((eb) => eb.fn.min('held_on').as('first'))
    .where('deleted', '=', 0).where('status', '=', 'held').where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).executeTakeFirst();
  return r?.first ? String(r.first).slice(0, 7) : null;
}
