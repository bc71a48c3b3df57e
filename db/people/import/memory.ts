// The value mapping remembered per device user and scope (migration 2026_12_03_import_mappings).
// Keyed by who imports where rather than by the file's header row: a county office's words for
// its branches and posts stay the same from month to month while the sheet layout changes with
// whoever typed it, and a mapping to a branch only means something inside the scope it was made in.
import type { ValueTarget } from '../../../shared/people/schemas/import.js';
import type { ValueField } from '../../../shared/people/headers.js';
import type { Db } from '../../context.js';
import { valueKey } from './values.js';

export async function rememberedValues(db: Db, user: string, scope: string): Promise<Map<string, ValueTarget>> {
  const rows = await db.selectFrom('import_value_mappings').select(['field', 'value', 'kind', 'target'])
    .where('user_name', '=', user).where('scope_path', '=', scope).execute();
  const out = new Map<string, ValueTarget>();
  for (const r of rows) {
    if (r.kind === 'blank') out.set(valueKey(r.field as ValueField, r.value), { kind: 'blank' });
    else if (r.target) out.set(valueKey(r.field as ValueField, r.value), { kind: 'existing', target: r.target });
  }
  return out;
}

export async function rememberValues(
  db: Db, user: string, scope: string, now: string,
  choices: { field: ValueField; value: string; to: { kind: 'existing'; target: string } | { kind: 'blank' } }[],
): Promise<void> {
  if (!choices.length) return;
  const rows = choices.map((c) => ({
    user_name: user, scope_path: scope, field: c.field, value: c.value, kind: c.to.kind,
    target: c.to.kind === 'existing' ? c.to.target : null, updated_at: now,
  }));
  await db.insertInto('import_value_mappings').values(rows)
    .onConflict((oc) => oc.columns(['user_name', 'scope_path', 'field', 'value']).doUpdateSet((eb) => ({
      kind: eb.ref('excluded.kind'), target: eb.ref('excluded.target'), updated_at: eb.ref('excluded.updated_at'),
    })))
    .execute();
}
