// Sync health across the province: conflict records (a write that lost to a later one) and writes HQ
// refused, filterable by kind, county (scope) and table, newest first; a county organiser sees their county only.
import type { HealthRow, HealthView } from '../../shared/console/types.js';
import { isUnder, scopeEnd } from '../../shared/core/scope.js';
import { hlcMs } from '../../shared/sync/hlc.js';
import type { HqStore } from '../store.js';

type Db = HqStore['db'];

export async function health(db: Db, scope: string, f: { kind: 'conflict' | 'rejected' | 'all'; tbl?: string; limit: number }): Promise<HealthView> {
  const rows: HealthRow[] = [];
  const end = scopeEnd(scope);
  if (f.kind !== 'rejected') {
    let q = db.selectFrom('hq_conflicts').select(['tbl', 'row_id', 'col', 'scope_path', 'loser_user', 'winner_user', 'winner_hlc'])
      .where('deleted', '=', 0).where('scope_path', '>=', scope).where('scope_path', '<', end);
    if (f.tbl) q = q.where('tbl', '=', f.tbl);
    for (const c of await q.orderBy('version', 'desc').limit(f.limit).execute())
      rows.push({
        kind: 'conflict', at: new Date(hlcMs(c.winner_hlc)).toISOString(), tbl: c.tbl, rowId: c.row_id, scopePath: c.scope_path, deviceId: null,
        detail: `${c.col}: ${c.loser_user} → ${c.winner_user}`,
      });
  }
  if (f.kind !== 'conflict') {
    let q = db.selectFrom('hq_writes').innerJoin('hq_devices', 'hq_devices.device_id', 'hq_writes.device_id')
      .select(['hq_writes.tbl', 'hq_writes.row_id', 'hq_writes.received_at', 'hq_writes.answer', 'hq_writes.device_id', 'hq_devices.scope_path', 'hq_devices.user_name'])
      .where('hq_writes.answer', 'like', '%"reason"%').where('hq_devices.scope_path', '>=', scope).where('hq_devices.scope_path', '<', end);
    if (f.tbl) q = q.where('hq_writes.tbl', '=', f.tbl);
    for (const w of await q.orderBy('hq_writes.received_at', 'desc').limit(f.limit).execute()) {
      const a = JSON.parse(w.answer) as { reason?: { code?: string; zh?: string; en?: string } };
      rows.push({
        kind: 'rejected', at: w.received_at, tbl: w.tbl, rowId: w.row_id, scopePath: w.scope_path, deviceId: w.device_id,
        detail: `${w.user_name}: ${a.reason?.zh ?? a.reason?.code ?? ''} / ${a.reason?.en ?? ''}`,
      });
    }
  }
  rows.sort((a, b) => b.at.localeCompare(a.at));
  const kept = rows.filter((r) => isUnder(r.scopePath, scope)).slice(0, f.limit);
  return { rows: kept, total: rows.length };
}
