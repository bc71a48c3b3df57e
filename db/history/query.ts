// A record's history on this device, newest first, masked for the viewer's role. Entries are
// scoped like the record: a row outside the session's scope shows nothing (and says so).
import { ApiError } from '../../shared/core/errors.js';
import { isUnder, scopeEnd } from '../../shared/core/scope.js';
import { HLC_MS_DIGITS } from '../../shared/sync/hlc.js';
import { presentRow } from '../../shared/history/present.js';
import type { HistoryEntry } from '../../shared/history/types.js';
import type { ApiContext } from '../context.js';
import { historyDb } from './store.js';

const MAX_ROWS = 2000;
/** Stamps sort by time: their first digits are the milliseconds in hex (shared/sync/hlc.ts). */
const hlcPrefix = (ms: number) => ms.toString(16).padStart(HLC_MS_DIGITS, '0');

export async function recordHistory(ctx: ApiContext, tbl: string, rowId: string): Promise<HistoryEntry[]> {
  const rows = await historyDb(ctx.db)
    .selectFrom('record_history')
    .selectAll()
    .where('tbl', '=', tbl)
    .where('row_id', '=', rowId)
    .orderBy('hlc', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_ROWS)
    .execute();
  const scope = ctx.session.scopePath;
  if (rows.length && !rows.some((r) => isUnder(r.scope_path, scope)))
    throw new ApiError('forbidden', '该记录不在您的管辖范围内', 'This record is outside your scope');
  return rows.filter((r) => isUnder(r.scope_path, scope)).flatMap((r) => presentRow(r, ctx.session.role));
}

/** Every entry in `scope` between two Beijing days (inclusive), oldest first, for an export. */
export async function historyInPeriod(ctx: ApiContext, scope: string, from: string, to: string): Promise<HistoryEntry[]> {
  const start = new Date(`${from}T00:00:00+08:00`).getTime();
  const end = new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000;
  const rows = await historyDb(ctx.db)
    .selectFrom('record_history')
    .selectAll()
    .where('scope_path', '>=', scope)
    .where('scope_path', '<', scopeEnd(scope))
    .where('hlc', '>=', hlcPrefix(start))
    .where('hlc', '<', hlcPrefix(end))
    .orderBy('hlc')
    .orderBy('id')
    .execute();
  return rows.flatMap((r) => presentRow(r, ctx.session.role));
}
