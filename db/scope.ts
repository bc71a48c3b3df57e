// Scope resolution for the API handlers: the session's scope, narrowed to a unit inside it.
import { notFound } from '../shared/core/errors.js';
import { assertInScope } from '../shared/core/scope.js';
import type { Db } from './context.js';

/** The session's scope, narrowed to a unit inside it when one is asked for. */
export async function scopeFor(db: Db, sessionScope: string, unitId?: string): Promise<string> {
  if (!unitId) return sessionScope;
  const u = await db.selectFrom('org_units').select('path').where('id', '=', unitId).where('deleted', '=', 0).executeTakeFirst();
  if (!u) throw notFound('组织单位', 'Org unit');
  assertInScope(u.path, sessionScope);
  return u.path;
}
