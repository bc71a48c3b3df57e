import { isUnder } from '../../shared/core/scope.js';
import type { Db } from '../context.js';
import { uuidv7 } from '../../shared/core/ids.js';

/** Settings visible to a scope: the global value, overridden by the nearest unit above the scope. */
export async function readSettings(db: Db, scope: string): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value_json', 'scope_path']).where('deleted', '=', 0).orderBy('scope_path').execute();
  const out: Record<string, unknown> = {};
  for (const r of rows) if (isUnder(scope, r.scope_path)) out[r.key] = JSON.parse(r.value_json);
  return out;
}

export async function writeSetting(db: Db, key: string, value: unknown, scope: string, now: string): Promise<void> {
  const existing = await db.selectFrom('settings').select('id').where('key', '=', key).where('scope_path', '=', scope).where('deleted', '=', 0).executeTakeFirst();
  const value_json = JSON.stringify(value);
  if (existing) await db.updateTable('settings').set({ value_json, updated_at: now }).where('id', '=', existing.id).execute();
  else await db.insertInto('settings').values({ id: uuidv7(), key, value_json, scope_path: scope, created_at: now, updated_at: now }).execute();
}
