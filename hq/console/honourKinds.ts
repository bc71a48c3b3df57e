// Honour kinds (`honours.kinds`) edited in the console: a kind that honours already given or proposed
// in the scope still name cannot be taken away, or those records would lose what they are (the device
// shows an unknown kind by its bare key). Adding kinds and renaming their labels is always allowed.
import { honourKinds } from '../../shared/honours/rules.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Cell } from '../rowset.js';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';

/** Refuses (400, both languages) kinds at `scope` that leave out a kind honours under it use. */
export async function assertKindsKept(store: HqStore, scope: string, value: unknown): Promise<void> {
  const kept = honourKinds(value);
  const rows = await store.db.selectFrom('hq_rows').select('cells').where('tbl', '=', 'honours')
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
  const used = new Map<string, number>();
  for (const r of rows) {
    const c = JSON.parse(r.cells) as Record<string, Cell | undefined>;
    const kind = c.kind?.[0];
    if (c.deleted?.[0] === 1 || typeof kind !== 'string' || kind in kept) continue;
    used.set(kind, (used.get(kind) ?? 0) + 1);
  }
  if (!used.size) return;
  const list = [...used].map(([k, n]) => `${k}（${n}）`).join('、');
  const listEn = [...used].map(([k, n]) => `${k} (${n})`).join(', ');
  throw new HqError(400, 'validation', `荣誉类别 ${list} 已有荣誉记录使用，不能删除（可修改其名称）`,
    `Honour kinds ${listEn} are used by honours already recorded and cannot be removed (their labels may change)`, { issues: [...used.keys()] });
}
