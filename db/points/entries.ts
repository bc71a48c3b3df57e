// Writing the ledger: entries are only ever inserted. A deed in a quarter that is approved (locked)
// is counted in the next open quarter and the result says so; only the approver's explicit reopen
// (publish.ts) lets an entry into a locked quarter again.
import { ApiError, notFound } from '../../shared/core/errors.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope } from '../../shared/core/scope.js';
import { assertMayDo } from '../../shared/points/roles.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import { nextQuarter, quarterOf } from '../../shared/points/tally.js';
import type { EntryResult } from '../../shared/points/types.js';
import { nowIso, type ApiContext, type Db } from '../context.js';

export interface NewEntry {
  personId: string;
  orgId: string;
  itemKey: string;
  occurredOn: string;
  points: number;
  source: 'auto' | 'manual';
  sourceRef: string | null;
  reason: string;
  evidence: string | null;
  scopePath: string;
}

/** The first quarter from `q` on that is not approved (locked). */
export async function openQuarterFrom(db: Db, orgId: string, q: string): Promise<string> {
  const locked = new Set((await db.selectFrom('points_publications').select('quarter').where('org_id', '=', orgId).where('status', '=', 'approved')
    .where('deleted', '=', 0).where('quarter', '>=', q).execute()).map((r) => r.quarter));
  while (locked.has(q)) q = nextQuarter(q);
  return q;
}

export async function insertEntry(ctx: ApiContext, e: NewEntry, id: string = uuidv7()): Promise<{ id: string; quarter: string; movedFrom: string | null }> {
  const own = quarterOf(e.occurredOn);
  const quarter = await openQuarterFrom(ctx.db, e.orgId, own);
  const now = nowIso(ctx);
  await ctx.db.insertInto('points_entries').values({
    id, person_id: e.personId, org_id: e.orgId, quarter, occurred_on: e.occurredOn, item_key: e.itemKey, points: e.points, source: e.source,
    source_ref: e.sourceRef, reason: e.reason, evidence: e.evidence, created_by: ctx.session.userName, moved_from: quarter === own ? null : own,
    scope_path: e.scopePath, created_at: now, updated_at: now,
  }).execute();
  return { id, quarter, movedFrom: quarter === own ? null : own };
}

export interface EntryInput { personId: string; itemKey: string; occurredOn: string; points?: number | undefined; reason: string; evidence: string | null }

/** A manual entry or deduction for a member in the user's scope, with its reason. */
export async function addManualEntry(ctx: ApiContext, input: EntryInput, s: PointsSettings): Promise<EntryResult> {
  assertMayDo(ctx.session.role, 'addEntry');
  const m = await ctx.db.selectFrom('members as m').innerJoin('people as p', 'p.id', 'm.person_id').innerJoin('party_orgs as o', 'o.id', 'm.branch_id')
    .select(['p.scope_path', 'm.branch_id', 'o.scope_path as org_scope']).where('m.person_id', '=', input.personId).where('m.deleted', '=', 0).where('p.deleted', '=', 0)
    .executeTakeFirst();
  if (!m) throw notFound('党员', 'Member');
  assertInScope(m.scope_path, ctx.session.scopePath, 'person');
  const item = s.items.find((i) => i.key === input.itemKey);
  if (!item) throw new ApiError('validation', '积分项目不存在，请从当前规则中选择', 'Unknown points item; choose one from the rules in force', [{ path: 'itemKey', message: '积分项目不存在', messageEn: 'Unknown item' }]);
  const points = input.points ?? item.value;
  const wrongSign = item.kind === 'deduction' ? points >= 0 : points <= 0;
  if (wrongSign) {
    const [zh, en] = item.kind === 'deduction' ? ['扣分项目的分值须为负数', 'A deduction must be negative'] : ['加分项目的分值须为正数', 'Points for an action must be positive'];
    throw new ApiError('validation', `输入有误：${zh}`, `Invalid input: ${en}`, [{ path: 'points', message: zh, messageEn: en }]);
  }
  const today = todayInBeijing(ctx.now());
  if (input.occurredOn > today)
    throw new ApiError('validation', '输入有误：日期不能晚于今天', 'Invalid input: the date cannot be in the future', [{ path: 'occurredOn', message: '日期不能晚于今天', messageEn: 'The date cannot be in the future' }]);
  const r = await insertEntry(ctx, {
    personId: input.personId, orgId: m.branch_id, itemKey: item.key, occurredOn: input.occurredOn, points, source: 'manual', sourceRef: null,
    reason: input.reason, evidence: input.evidence, scopePath: m.org_scope,
  });
  return {
    ...r,
    zh: r.movedFrom ? `${r.movedFrom} 已审定锁定，本条已计入 ${r.quarter}` : `已计入 ${r.quarter}`,
    en: r.movedFrom ? `${r.movedFrom} is approved and locked; this entry counts in ${r.quarter}` : `Counted in ${r.quarter}`,
  };
}
