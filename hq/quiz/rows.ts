// Reading and writing the quiz's synced rows at HQ. HQ writes as itself (the HQ node) through the
// same merge a device push goes through, so its rows reach devices by pull like any other write.
import { uuidv7 } from '../../shared/core/ids.js';
import { Hlc } from '../../shared/sync/hlc.js';
import type { CellValue, WireWrite } from '../../shared/sync/protocol.js';
import type { SyncTable } from '../../shared/sync/tables.js';
import { applyPush, HQ_NODE } from '../push.js';
import { readCells, type Cell } from '../cells.js';
import type { HqStore } from '../store.js';

export type RowCells = Record<string, CellValue>;
export interface HqRow { id: string; scope: string; c: RowCells }

/** Live rows of a quiz table (optionally of one scope), cells as plain values. */
export async function rowsOf(store: HqStore, tbl: string, scope?: string): Promise<HqRow[]> {
  let q = store.db.selectFrom('hq_rows').select(['row_id', 'scope_path', 'cells']).where('tbl', '=', tbl);
  if (scope) q = q.where('scope_path', '=', scope);
  const out: HqRow[] = [];
  for (const r of await q.execute()) {
    const cells = JSON.parse(r.cells) as Record<string, Cell | undefined>;
    const c: RowCells = {};
    for (const [k, v] of Object.entries(cells)) if (v) c[k] = v[0];
    if (c.deleted === 1) continue;
    out.push({ id: r.row_id, scope: r.scope_path, c });
  }
  return out;
}

async function stampsOf(store: HqStore, tbl: string, id: string, cols: string[]): Promise<Record<string, string>> {
  const r = await store.db.selectFrom('hq_rows').select(['cells', 'stamps']).where('tbl', '=', tbl).where('row_id', '=', id).executeTakeFirst();
  const cells: Record<string, Cell | undefined> = r ? readCells(r.cells, r.stamps) : {};
  return Object.fromEntries(cols.map((c) => [c, cells[c]?.[1] ?? '']));
}

export interface HqWrite { t: SyncTable; r?: string; scope: string; c: RowCells; isNew: boolean }

/** Applies HQ's own writes in one transaction; new rows get their bookkeeping columns. */
export async function writeAsHq(store: HqStore, writes: HqWrite[]): Promise<string[]> {
  const clock = new Hlc(HQ_NODE);
  const now = new Date().toISOString();
  const ids: string[] = [];
  const wire: WireWrite[] = [];
  for (const [i, w] of writes.entries()) {
    const id = w.r ?? uuidv7();
    ids.push(id);
    const c: WireWrite['c'] = { ...w.c, updated_at: now };
    if (w.isNew) Object.assign(c, { scope_path: w.scope, created_at: now, synthetic: 0, deleted: 0 });
    const write: WireWrite = { s: i + 1, t: w.t, r: id, h: clock.tick(), p: w.scope, c };
    // HQ decides with the row's current values in front of it: a deliberate edit, not a concurrent one.
    if (!w.isNew) write.b = await stampsOf(store, w.t, id, Object.keys(c));
    wire.push(write);
  }
  const answers = await applyPush(store, clock, { deviceId: HQ_NODE, userName: '总部', role: 'hq_admin', scopePath: '/' }, wire, { numbered: false });
  const refused = answers.find((a) => Object.values(a.res).includes('r'));
  if (refused) throw new Error(`HQ write refused: ${refused.reason?.en ?? 'unknown'}`);
  return ids;
}

export const str = (v: CellValue | undefined): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
export const int = (v: CellValue | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
