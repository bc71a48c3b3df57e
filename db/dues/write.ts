// Recording dues: a member's base from a month on, and payments as append-only ledger lines (one
// per month paid, its amount the month's due). Refusals are bilingual and write nothing.
import { todayInBeijing } from '../../shared/core/dates.js';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope } from '../../shared/core/scope.js';
import { seesDuesAmounts } from '../../shared/dues/privacy.js';
import { addMonth, baseIn, DUES_CATEGORIES, duesStart, monthlyDue, paymentWindowProblem, toFen } from '../../shared/dues/rules.js';
import type { DuesSettings } from '../../shared/dues/settings.js';
import { nowIso, type ApiContext } from '../context.js';
import { derivedId } from '../points/ids.js';
import { basesIn, membersIn, paidMonthsIn, type DuesMember } from './store.js';

const refuse = (zh: string, en: string, path = 'months') => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

export function assertMayRecord(ctx: ApiContext): void {
  if (!seesDuesAmounts(ctx.session.role))
    throw new ApiError('forbidden', '党费金额涉及个人收入，只有县级组织员可以登记党费基数和缴费', 'Dues amounts reveal income: only county organisers record bases and payments');
}

export async function memberIn(ctx: ApiContext, personId: string): Promise<DuesMember> {
  const any = await ctx.db.selectFrom('members').select('scope_path').where('person_id', '=', personId).where('deleted', '=', 0).executeTakeFirst();
  if (!any) throw notFound('党员', 'Member');
  assertInScope(any.scope_path, ctx.session.scopePath, 'person');
  const [m] = await membersIn(ctx.db, ctx.session.scopePath, { personId });
  if (!m) throw new ApiError('validation', '该党员不在正常状态（停止党籍、出党等），不再计算党费', 'This member is not in normal standing; no dues are due');
  return m;
}

export async function setBase(ctx: ApiContext, input: { personId: string; fromMonth: string; category: keyof typeof DUES_CATEGORIES; base: number | null; note: string | null }): Promise<void> {
  assertMayRecord(ctx);
  const m = await memberIn(ctx, input.personId);
  const flat = DUES_CATEGORIES[input.category].kind === 'flat';
  if (!flat && (input.base === null || input.base <= 0))
    throw refuse('按工资或离退休费计算的党费须填写每月税后收入（大于0）', 'A wage or pension category needs the after-tax monthly amount (above 0)', 'base');
  if (input.fromMonth < m.joinDate.slice(0, 7))
    throw refuse(`起算月份不能早于入党月份（${m.joinDate.slice(0, 7)}）`, `The base cannot apply before the member joined (${m.joinDate.slice(0, 7)})`, 'fromMonth');
  const now = nowIso(ctx);
  const id = derivedId('dues_base', m.personId, input.fromMonth);
  const values = { category: input.category, base_fen: flat ? null : toFen(input.base!), note: input.note, recorded_by: ctx.session.userName, updated_at: now, deleted: 0 };
  const had = await ctx.db.selectFrom('dues_bases').select('id').where('id', '=', id).executeTakeFirst();
  if (had) await ctx.db.updateTable('dues_bases').set(values).where('id', '=', id).execute();
  else await ctx.db.insertInto('dues_bases').values({ id, person_id: m.personId, from_month: input.fromMonth, scope_path: m.scopePath, created_at: now, ...values }).execute();
}

export async function pay(
  ctx: ApiContext, s: DuesSettings,
  input: { personId: string; months: string[]; paidOn: string; collector: string; method: string; note: string | null },
): Promise<void> {
  assertMayRecord(ctx);
  const m = await memberIn(ctx, input.personId);
  const today = todayInBeijing(ctx.now());
  if (input.paidOn > today) throw refuse('缴费日期不能晚于今天', 'The payment date cannot be in the future', 'paidOn');
  const bases = (await basesIn(ctx.db, m.scopePath, m.personId)).get(m.personId) ?? [];
  const paid = (await paidMonthsIn(ctx.db, m.scopePath, m.personId)).get(m.personId) ?? new Set<string>();
  const thisMonth = today.slice(0, 7);
  const start = duesStart(m.joinDate, m.probationary, bases);
  const months = [...input.months].sort();
  if (new Set(months).size !== months.length) throw refuse('同一月份不能重复登记', 'A month is listed twice');
  for (const month of months) {
    switch (paymentWindowProblem(month, thisMonth, start, s)) {
      case 'no_base': throw refuse('请先登记该党员的党费基数', 'Set the member\u2019s dues base first', 'personId');
      case 'before_start': throw refuse(`${month} 早于应缴起始月份（${start}）`, `${month} is before dues start (${start})`);
      case 'too_old': throw refuse(`${month} 超过补缴期限（最多补缴 ${s.backPayMonths} 个月，最早 ${addMonth(thisMonth, -s.backPayMonths)}）`, `${month} is beyond the back-pay limit (${s.backPayMonths} months, earliest ${addMonth(thisMonth, -s.backPayMonths)})`);
      case 'too_early': throw refuse(`${month} 超过预缴期限（最多预缴 ${s.advanceMonths} 个月）`, `${month} is too far ahead (at most ${s.advanceMonths} months in advance)`);
      default:
    }
    if (paid.has(month)) throw refuse(`${month} 的党费已缴纳，不能重复登记`, `${month} is already paid`);
  }
  const now = nowIso(ctx);
  for (const month of months) {
    await ctx.db.insertInto('dues_payments').values({
      id: uuidv7(), person_id: m.personId, org_id: m.branchId, month, amount_fen: monthlyDue(baseIn(bases, month)!, s), paid_on: input.paidOn,
      collector: input.collector, method: input.method, note: input.note, recorded_by: ctx.session.userName, scope_path: m.scopePath, created_at: now, updated_at: now,
    }).execute();
  }
}
