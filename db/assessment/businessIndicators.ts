// Business indicators of an outlet per period (双轨考核's business track), entered by hand. Every
// value is checked before anything is written: one bad value refuses the whole entry.
import { sql } from 'kysely';
import type { z } from 'zod';
import { BUSINESS_KEYS, BUSINESS_RANGES, DUAL_LABELS, type BusinessKey } from '../../shared/assessment/dualTrack.js';
import type { businessSaveInput } from '../../shared/assessment/dualTrackApi.js';
import { ApiError, notFound, type FieldIssue } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope, scopeEnd } from '../../shared/core/scope.js';
import type { Db, Session } from '../context.js';

export interface BusinessValue { value: number; source: string; note: string | null; enteredBy: string; updatedAt: string }

/** Values per outlet and indicator for one period under the scope. */
export async function loadBusiness(db: Db, scope: string, period: string): Promise<Map<string, Partial<Record<BusinessKey, BusinessValue>>>> {
  const rows = (await sql<{ outlet_id: string; indicator: string; value: number; source: string; note: string | null; entered_by: string; updated_at: string }>`
    SELECT outlet_id, indicator, value, source, note, entered_by, updated_at FROM business_indicators
    WHERE deleted = 0 AND period = ${period} AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)}
    ORDER BY updated_at, id`.execute(db)).rows; // of two live rows for one figure (two devices at once) the later wins, as at HQ (hq/console/dualTrack.ts)
  const out = new Map<string, Partial<Record<BusinessKey, BusinessValue>>>();
  for (const r of rows) {
    const m = out.get(r.outlet_id) ?? out.set(r.outlet_id, {}).get(r.outlet_id)!;
    m[r.indicator as BusinessKey] = { value: r.value, source: r.source, note: r.note, enteredBy: r.entered_by, updatedAt: r.updated_at };
  }
  return out;
}

/** Out-of-range values, one issue each (`at` names the row of an import). */
export function rangeIssues(values: Partial<Record<BusinessKey, number | null>>, at = { zh: '', en: '' }): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const k of BUSINESS_KEYS) {
    const v = values[k];
    if (v === null || v === undefined) continue;
    const r = BUSINESS_RANGES[k];
    const l = DUAL_LABELS[k];
    if (!Number.isFinite(v) || v < r.min || v > r.max)
      out.push({ path: `values.${k}`, message: `${at.zh}“${l.zh}”应在 ${r.min} 到 ${r.max}（${l.unitZh}）之间，填写的是 ${v}`, messageEn: `${at.en}"${l.en}" must lie between ${r.min} and ${r.max} (${l.unitEn}); got ${v}` });
  }
  return out;
}

/** Sets (or clears) an outlet's business values for a period; refuses all of them if one is out of range. */
export async function saveBusiness(db: Db, s: Session, input: z.infer<typeof businessSaveInput>, now: string): Promise<void> {
  if (s.role === 'instructor' || s.role === 'auditor')
    throw new ApiError('forbidden', '经营指标由县级组织员或省公司管理员录入', 'Business indicators are entered by county organisers and HQ administrators');
  const issues = rangeIssues(input.values);
  if (issues.length) throw new ApiError('validation', issues[0]!.message, issues[0]!.messageEn, issues);
  const outlet = await db.selectFrom('outlets').select(['id', 'scope_path']).where('id', '=', input.outletId).where('deleted', '=', 0).executeTakeFirst();
  if (!outlet) throw notFound('网点', 'Outlet');
  assertInScope(outlet.scope_path, s.scopePath, 'outlet');
  await writeValues(db, { outletId: outlet.id, scopePath: outlet.scope_path, period: input.period, values: input.values, note: input.note ?? null, source: 'manual', user: s.userName, now });
}

export interface ValueWrite {
  outletId: string; scopePath: string; period: string; values: Partial<Record<BusinessKey, number | null>>; note: string | null;
  source: 'manual' | 'import'; user: string; now: string;
}

/** One outlet's values, already checked: a number sets (updating the live row), null clears, a key left out stays. */
export async function writeValues(db: Db, w: ValueWrite): Promise<void> {
  // The dispatcher runs a write in one transaction, so a failure half-way leaves nothing behind.
  for (const k of BUSINESS_KEYS) {
    const v = w.values[k];
    if (v === undefined) continue;
    // Two devices may each have entered the figure before syncing: the later row is kept and set, the
    // others go, so a cleared or corrected figure does not come back from the row left over.
    const rows = await db.selectFrom('business_indicators').select('id')
      .where('outlet_id', '=', w.outletId).where('period', '=', w.period).where('indicator', '=', k).where('deleted', '=', 0)
      .orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
    const live = rows[0];
    const extra = rows.slice(v === null ? 0 : 1).map((r) => r.id);
    if (extra.length) await db.updateTable('business_indicators').set({ deleted: 1, updated_at: w.now }).where('id', 'in', extra).execute();
    if (live && v !== null)
      await db.updateTable('business_indicators').set({ value: v, source: w.source, note: w.note, entered_by: w.user, updated_at: w.now }).where('id', '=', live.id).execute();
    else if (v !== null)
      await db.insertInto('business_indicators').values({
        id: uuidv7(), outlet_id: w.outletId, period: w.period, indicator: k, value: v, source: w.source, note: w.note,
        entered_by: w.user, scope_path: w.scopePath, created_at: w.now, updated_at: w.now,
      }).execute();
  }
}
