// Instructors' outlets over time (instructor_assignments, valid_from/valid_to), kept in step with
// the outlet's current instructor and contact-point flag.
import { assertInScope } from '../../shared/core/scope.js';
import { sql } from 'kysely';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import type { InstructorAssignment } from '../../shared/orglife/contract.js';
import { addDays } from '../../shared/orglife/periods.js';
import { type Db } from '../context.js';
import { scopeEnd } from '../../shared/core/scope.js';

export async function listAssignments(db: Db, scope: string, f: { id?: string; instructorId?: string; current: boolean; today: string }): Promise<InstructorAssignment[]> {
  const r = await sql<{ id: string; instructor_id: string; instructor_name: string; outlet_id: string; outlet_name: string; outlet_code: string; is_contact_point: number; valid_from: string; valid_to: string | null }>`
    SELECT x.id, x.instructor_id, i.name AS instructor_name, x.outlet_id, o.name AS outlet_name, o.code AS outlet_code,
      o.is_contact_point, x.valid_from, x.valid_to
    FROM instructor_assignments x
    JOIN outlets o ON o.id = x.outlet_id AND o.deleted = 0
    JOIN instructors i ON i.id = x.instructor_id
    WHERE x.deleted = 0 AND o.scope_path >= ${scope} AND o.scope_path < ${scopeEnd(scope)}
      ${f.instructorId ? sql`AND x.instructor_id = ${f.instructorId}` : sql``}
      ${f.id ? sql`AND x.id = ${f.id}` : sql``}
      ${f.current ? sql`AND (x.valid_to IS NULL OR x.valid_to >= ${f.today})` : sql``}
    ORDER BY i.name, o.is_contact_point DESC, o.code
    LIMIT 5000`.execute(db);
  return r.rows.map((x) => ({
    id: x.id, instructorId: x.instructor_id, instructorName: x.instructor_name, outletId: x.outlet_id, outletName: x.outlet_name,
    outletCode: x.outlet_code, isContactPoint: x.is_contact_point === 1, validFrom: x.valid_from, validTo: x.valid_to,
  }));
}

/** Assigns an outlet to an instructor from a day: the outlet's open assignment ends the day before. */
export async function saveAssignment(db: Db, scope: string, input: { instructorId: string; outletId: string; validFrom: string; isContactPoint: boolean }, now: string): Promise<string> {
  const outlet = await db.selectFrom('outlets').select(['id', 'scope_path']).where('id', '=', input.outletId).where('deleted', '=', 0).executeTakeFirst();
  if (!outlet) throw notFound('网点', 'Outlet');
  assertInScope(outlet.scope_path, scope);
  const ins = await db.selectFrom('instructors').select('id').where('id', '=', input.instructorId).where('deleted', '=', 0).executeTakeFirst();
  if (!ins) throw notFound('党建指导员', 'Instructor');
  const open = await db.selectFrom('instructor_assignments').selectAll().where('outlet_id', '=', input.outletId).where('deleted', '=', 0).where('valid_to', 'is', null).execute();
  for (const a of open) {
    if (a.valid_from >= input.validFrom) {
      throw new ApiError('conflict', `该网点自${a.valid_from}起已有指导员分配，开始日期须晚于此日`, 'The outlet has a later assignment already');
    }
    await db.updateTable('instructor_assignments').set({ valid_to: addDays(input.validFrom, -1), updated_at: now }).where('id', '=', a.id).execute();
  }
  const id = uuidv7();
  await db.insertInto('instructor_assignments').values({
    id, instructor_id: input.instructorId, outlet_id: input.outletId, valid_from: input.validFrom, valid_to: null, scope_path: outlet.scope_path, created_at: now, updated_at: now,
  }).execute();
  await db.updateTable('outlets').set({ instructor_id: input.instructorId, is_contact_point: input.isContactPoint ? 1 : 0, updated_at: now }).where('id', '=', input.outletId).execute();
  return id;
}

export async function endAssignment(db: Db, scope: string, id: string, validTo: string, now: string): Promise<void> {
  const a = await db.selectFrom('instructor_assignments').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!a) throw notFound('指导员分配', 'Assignment');
  assertInScope(a.scope_path, scope);
  if (validTo < a.valid_from) throw new ApiError('validation', '结束日期不能早于开始日期', 'The end precedes the start', [{ path: 'validTo', message: '结束日期不能早于开始日期', messageEn: 'The end precedes the start' }]);
  await db.updateTable('instructor_assignments').set({ valid_to: validTo, updated_at: now }).where('id', '=', id).execute();
  await db.updateTable('outlets').set({ instructor_id: null, is_contact_point: 0, updated_at: now }).where('id', '=', a.outlet_id).where('instructor_id', '=', a.instructor_id).execute();
}

export async function getAssignment(db: Db, scope: string, id: string, today: string): Promise<InstructorAssignment> {
  const [a] = await listAssignments(db, scope, { id, current: false, today });
  if (!a) throw notFound('指导员分配', 'Assignment');
  return a;
}
