// The dues list of a scope, one member's dues, and the member standing list (lapse, lost contact,
// transfer due) — computed for the whole scope in one pass, then filtered and paged.
import { todayInBeijing } from '../../shared/core/dates.js';
import { addMonth, yuanText, monthlyDue } from '../../shared/dues/rules.js';
import type { DuesSettings } from '../../shared/dues/settings.js';
import type { DuesPage, MemberDues, StandingPage, StandingRow } from '../../shared/dues/types.js';
import type { StandingFlag } from '../../shared/people/memberRules.js';
import { seesFullValues } from '../../shared/sync/privacy.js';
import type { ApiContext } from '../context.js';
import { basesIn, membersIn, paidMonthsIn, type DuesMember } from './store.js';
import { flaggedMembers } from './standing.js';
import { duesRow } from './view.js';
import { amountsView, seesAmountsOf, seesAnyAmount } from './visibility.js';

// One collator for every comparison: localeCompare with a locale builds one per call (slow on hundreds of rows).
const collator = new Intl.Collator('zh-CN');
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

export async function duesList(ctx: ApiContext, scope: string, s: DuesSettings, f: { orgId?: string; filter: 'all' | 'owing' | 'no_base'; search?: string; limit: number; offset: number }): Promise<DuesPage> {
  const thisMonth = todayInBeijing(ctx.now()).slice(0, 7);
  const view = await amountsView(ctx);
  const [members, bases, paid] = [await membersIn(ctx.db, scope, { orgId: f.orgId }), await basesIn(ctx.db, scope), await paidMonthsIn(ctx.db, scope)];
  const all = members.filter((m) => !f.search || m.name.includes(f.search)).map((m) => duesRow(m, bases.get(m.personId) ?? [], paid.get(m.personId) ?? new Set(), thisMonth, s, seesAmountsOf(view, m.personId)));
  const owing = all.filter((r) => r.owedMonths.length > 0);
  const rows = f.filter === 'owing' ? owing : f.filter === 'no_base' ? all.filter((r) => r.start === null) : all;
  rows.sort((a, b) => b.owedMonths.length - a.owedMonths.length || byName(a, b));
  return { rows: rows.slice(f.offset, f.offset + f.limit), total: rows.length, owing: owing.length, seesAmounts: seesAnyAmount(view) };
}

export async function memberDues(ctx: ApiContext, m: DuesMember, s: DuesSettings): Promise<MemberDues> {
  const thisMonth = todayInBeijing(ctx.now()).slice(0, 7);
  const sees = seesAmountsOf(await amountsView(ctx), m.personId);
  const bases = (await basesIn(ctx.db, m.scopePath, m.personId)).get(m.personId) ?? [];
  const paid = (await paidMonthsIn(ctx.db, m.scopePath, m.personId)).get(m.personId) ?? new Set<string>();
  const row = duesRow(m, bases, paid, thisMonth, s, sees);
  const payments = await ctx.db.selectFrom('dues_payments').selectAll().where('person_id', '=', m.personId).where('deleted', '=', 0).orderBy('month', 'desc').orderBy('created_at').execute();
  const ahead: string[] = [];
  if (row.start) for (let x = thisMonth; x <= addMonth(thisMonth, s.advanceMonths); x = addMonth(x, 1)) if (!paid.has(x) && x >= row.start) ahead.push(x);
  return {
    row, seesAmounts: sees, payable: [...row.owedMonths, ...ahead],
    bases: bases.map((b) => ({ fromMonth: b.fromMonth, category: b.category, base: sees && b.baseFen !== null ? yuanText(b.baseFen) : null, monthly: sees ? yuanText(monthlyDue(b, s)) : null, note: b.note, recordedBy: b.recordedBy })),
    payments: payments.map((p) => ({ id: p.id, month: p.month, amount: sees && p.amount_fen !== null ? yuanText(p.amount_fen) : null, paidOn: p.paid_on, collector: p.collector, method: p.method as MemberDues['payments'][number]['method'], recordedBy: p.recorded_by })),
  };
}

export async function standingList(ctx: ApiContext, scope: string, s: DuesSettings, f: { flag?: StandingFlag; limit: number; offset: number }): Promise<StandingPage> {
  const full = seesFullValues(ctx.session.role);
  const all: StandingRow[] = (await flaggedMembers(ctx.db, scope, todayInBeijing(ctx.now()), s)).map(({ m, st }) => ({
    personId: m.personId, name: m.name, branchName: m.branchName, noOrgLifeMonths: st.noOrgLifeMonths, duesUnpaidRun: st.duesUnpaidRun, flags: st.flags,
    lostContactReason: full ? m.lostContactReason : null, lostContactComputed: st.lostContactComputed,
    mobilityDestination: full ? m.mobilityDestination : null, mobilitySince: m.mobilitySince,
  }));
  const counts: Record<StandingFlag, number> = { lapse_risk: 0, lost_contact: 0, transfer_due: 0 };
  for (const r of all) for (const fl of r.flags) counts[fl]++;
  const rows = (f.flag ? all.filter((r) => r.flags.includes(f.flag!)) : all).sort((a, b) => b.noOrgLifeMonths - a.noOrgLifeMonths || byName(a, b));
  return { rows: rows.slice(f.offset, f.offset + f.limit), total: rows.length, counts };
}
