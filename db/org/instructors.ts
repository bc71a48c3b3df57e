import { assertInScope, isUnder } from '../../shared/core/scope.js';
import { sql } from 'kysely';
import { notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import type { Instructor } from '../../shared/org/types.js';
import { type Db } from '../context.js';
import { getOrgUnit } from './orgUnits.js';
import { scopeEnd } from '../../shared/core/scope.js';

export async function listInstructors(db: Db, scope: string, unitId?: string): Promise<Instructor[]> {
  let path = scope;
  if (unitId) {
    const u = await getOrgUnit(db, unitId);
    if (isUnder(u.path, scope)) path = u.path;
  }
  const r = await sql<{ id: string; name: string; phone: string | null; unit_id: string; unit_name: string; active: number; n: number }>`
    SELECT i.id, i.name, i.phone, i.unit_id, u.name AS unit_name, i.active,
      (SELECT count(*) FROM outlets o WHERE o.instructor_id = i.id AND o.deleted = 0) AS n
    FROM instructors i LEFT JOIN org_units u ON u.id = i.unit_id
    WHERE i.deleted = 0 AND i.scope_path >= ${path} AND i.scope_path < ${scopeEnd(path)}
    ORDER BY i.name`.execute(db);
  return r.rows.map((i) => ({ id: i.id, name: i.name, phone: i.phone, unitId: i.unit_id, unitName: i.unit_name ?? '', active: i.active === 1, outletCount: Number(i.n) }));
}

export async function saveInstructor(
  db: Db,
  input: { id?: string; name: string; phone?: string | null; unitId: string; active: boolean; personId: string | null },
  now: string,
  scope: string,
): Promise<string> {
  const unit = await getOrgUnit(db, input.unitId);
  assertInScope(unit.path, scope);
  const id = input.id ?? uuidv7();
  const values = { name: input.name, phone: input.phone ?? null, unit_id: input.unitId, active: input.active ? 1 : 0, person_id: input.personId, scope_path: unit.path, updated_at: now };
  if (input.id) {
    const r = await db.updateTable('instructors').set(values).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('党建指导员', 'Instructor');
  } else await db.insertInto('instructors').values({ id, ...values, created_at: now }).execute();
  return id;
}
