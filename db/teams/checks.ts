// Reference checks a 334N write makes (synced tables carry no foreign keys): the organisation,
// people and outlets named must exist, be live and lie in the user's scope.
import { ApiError } from '../../shared/core/errors.js';
import { assertInScope } from '../../shared/core/scope.js';
import type { Db, Session } from '../context.js';

const bad = (path: string, zh: string, en: string) => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

/** The organisation's scope path, once it is known to exist and lie in the user's scope. */
export async function orgInScope(db: Db, s: Session, orgId: string, path = 'orgId'): Promise<{ scope: string; name: string }> {
  const o = await db.selectFrom('party_orgs').select(['scope_path', 'name']).where('id', '=', orgId).where('deleted', '=', 0).executeTakeFirst();
  if (!o) throw bad(path, '所选党组织不存在或已删除', 'The chosen organisation does not exist');
  assertInScope(o.scope_path, s.scopePath);
  return { scope: o.scope_path, name: o.name };
}

/** People who are Party members (full or probationary, standing normal) in the user's scope. */
export async function membersInScope(db: Db, s: Session, ids: string[], path: string): Promise<void> {
  if (!ids.length) return;
  const rows = await db.selectFrom('people').innerJoin('members', 'members.person_id', 'people.id')
    .select(['people.id', 'people.scope_path', 'members.standing', 'people.political_status'])
    .where('people.id', 'in', ids).where('people.deleted', '=', 0).where('members.deleted', '=', 0).execute();
  const ok = new Map(rows.filter((r) => r.standing === 'normal' && (r.political_status === 'full_member' || r.political_status === 'probationary')).map((r) => [r.id, r.scope_path]));
  const missing = ids.filter((i) => !ok.has(i));
  if (missing.length) throw bad(path, '所选人员须是在册党员（正式或预备）', 'The people chosen must be Party members on the roll (full or probationary)');
  for (const p of ok.values()) assertInScope(p, s.scopePath, 'people');
}

export async function outletsInScope(db: Db, s: Session, ids: string[]): Promise<void> {
  if (!ids.length) return;
  if (new Set(ids).size !== ids.length) throw bad('outletIds', '网点列表中有重复', 'An outlet is listed twice');
  const rows = await db.selectFrom('outlets').select(['id', 'scope_path']).where('id', 'in', ids).where('deleted', '=', 0).execute();
  if (rows.length !== ids.length) throw bad('outletIds', '所选网点不存在或已删除', 'A chosen outlet does not exist');
  for (const r of rows) assertInScope(r.scope_path, s.scopePath, 'outlet');
}

/** Teams, pledges reviews and milestones are the organiser's work; instructors see them. */
export function assertOrganiser(s: Session): void {
  if (s.role === 'instructor')
    throw new ApiError('forbidden', '党建指导员可查看岗区队和里程碑，由县级组织员维护', 'Instructors see teams and milestones; county organisers keep them');
}
