// Reading the dues tables for a scope: members in good standing, their bases and paid months.
import { sql } from 'kysely';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Base, DuesCategory } from '../../shared/dues/rules.js';
import type { Db } from '../context.js';
import { atHeldPaths, heldPaths } from '../orglife/heldPaths.js';

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

/** Months paid per member, one row per member (a county's year is thousands of ledger lines), read
 * from the partial covering index dues_payments_paid (its `deleted = 0` written out, not bound). */
export async function paidMonthsIn(db: Db, scope: string, personId?: string): Promise<Map<string, Set<string>>> {
  const rows = (await sql<{ person_id: string; months: string }>`
    SELECT person_id, group_concat(month) AS months FROM dues_payments
    WHERE deleted = 0 AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)} ${personId ? sql`AND person_id = ${personId}` : sql``}
    GROUP BY +person_id`.execute(db)).rows;
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.person_id, new Set(r.months.split(',')));
  return out;
}

/** The month of each member's last present mark (org life), for the standing rules. Activities of
 * the scope are where its members' organisation life is recorded, so the scan starts from them —
 * CROSS JOIN keeps SQLite from walking every mark of the store by person instead — and each
 * activity's present marks come from the partial index attendance_live alone (its WHERE terms
 * are repeated word for word: SQLite uses a partial index only then). */
export async function lastAttendedIn(db: Db, scope: string, since?: string): Promise<Map<string, string>> {
  const rows = (await sql<{ person_id: string; last: string | null }>`
    SELECT a.person_id, max(x.held_on) AS last
    FROM activities x CROSS JOIN attendance a ON a.activity_id = x.id AND a.deleted = 0 AND a.status = 'present'
    WHERE x.deleted = 0 AND x.status = 'held' AND ${atHeldPaths('x.scope_path', await heldPaths(db, scope))} ${since ? sql`AND x.held_on >= ${since}` : sql``}
    GROUP BY a.person_id`.execute(db)).rows;
  return new Map(rows.filter((r) => r.last).map((r) => [r.person_id, String(r.last).slice(0, 7)]));
}

/** The same month for a few people only (those a recent-window read did not see), by person. */
export async function lastAttendedOf(db: Db, scope: string, personIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = (await sql<{ person_id: string; last: string | null }>`
      SELECT a.person_id, max(x.held_on) AS last FROM attendance a JOIN activities x ON x.id = a.activity_id
      WHERE a.person_id IN (${sql.join(personIds.slice(i, i + 500))}) AND a.deleted = 0 AND a.status = 'present'
        AND x.deleted = 0 AND x.status = 'held' AND x.scope_path >= ${scope} AND x.scope_path < ${scopeEnd(scope)}
      GROUP BY a.person_id`.execute(db)).rows;
    for (const r of rows) if (r.last) out.set(r.person_id, String(r.last).slice(0, 7));
  }
  return out;
}

/** The month of the first held activity in scope: where its org-life records begin. */
export async function firstActivityMonth(db: Db, scope: string): Promise<string | null> {
  return (await firstHeldOn(db, scope))?.slice(0, 7) ?? null;
}

/** The day the scope's records of organisation life begin: its first held activity (null: none yet). */
export async function firstHeldOn(db: Db, scope: string): Promise<string | null> {
  // Each path's first day is one seek (orglife/heldPaths.ts); its terms as literals: the partial index
  // activities_held serves only a query that repeats them.
  const r = (await sql<{ first: string | null }>`SELECT min((SELECT min(held_on) FROM activities WHERE deleted = 0 AND status = 'held' AND scope_path = p.value)) AS first
    FROM json_each(${await heldPaths(db, scope)}) p`.execute(db)).rows[0];
  return r?.first ? String(r.first) : null;
}
