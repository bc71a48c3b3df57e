// A member's dues as the screens show them: status per member (paid/unpaid for everyone), amounts
// only for roles that may see them (shared/dues/privacy.ts).
import { baseIn, duesStart, duesStatus, monthlyDue, yuanText, type Base } from '../../shared/dues/rules.js';
import type { DuesSettings } from '../../shared/dues/settings.js';
import type { DuesRow } from '../../shared/dues/types.js';
import type { DuesMember } from './store.js';

export function duesRow(m: DuesMember, bases: Base[], paid: Set<string>, thisMonth: string, s: DuesSettings, seesAmounts: boolean): DuesRow {
  const start = duesStart(m.joinDate, m.probationary, bases);
  const st = duesStatus(start, bases, paid, thisMonth, s);
  const current = baseIn(bases, thisMonth);
  const lastPaidMonth = [...paid].filter((x) => x <= thisMonth).sort().pop() ?? null;
  return {
    personId: m.personId, name: m.name, branchId: m.branchId, branchName: m.branchName, probationary: m.probationary,
    category: current?.category ?? null, start, thisMonthPaid: st.thisMonthPaid, owedMonths: st.owedMonths, lapsedMonths: st.lapsedMonths, unpaidRun: st.unpaidRun, lastPaidMonth,
    monthly: seesAmounts && current ? yuanText(monthlyDue(current, s)) : null,
    owed: seesAmounts && start ? yuanText(st.owedFen) : null,
  };
}
