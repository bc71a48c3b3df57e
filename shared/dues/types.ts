// Result shapes of the dues and member-standing operations. Every amount is a yuan string, or null
// for a role that may not see amounts (shared/dues/privacy.ts).
import type { DuesCategory, PayMethod } from './rules.js';
import type { DuesSettings } from './settings.js';
import type { StandingFlag } from '../people/memberRules.js';

/** `secretaryOf`: the branches whose members' amounts the user sees as their secretary (none for a county organiser, who sees all). */
export interface DuesRules { settings: DuesSettings; seesAmounts: boolean; mayRecord: boolean; thisMonth: string; secretaryOf: string[] }

export interface DuesRow {
  personId: string;
  name: string;
  branchId: string;
  branchName: string;
  probationary: boolean;
  category: DuesCategory | null;
  /** The first month owed, or null when no base is set. */
  start: string | null;
  thisMonthPaid: boolean;
  /** Unpaid past months still payable (back-pay window), and those beyond it. */
  owedMonths: string[];
  lapsedMonths: number;
  /** Consecutive unpaid months ending last month (the lapse rule's count). */
  unpaidRun: number;
  lastPaidMonth: string | null;
  monthly: string | null;
  owed: string | null;
}

export interface DuesPage { rows: DuesRow[]; total: number; owing: number; seesAmounts: boolean }

export interface BaseView { fromMonth: string; category: DuesCategory; base: string | null; monthly: string | null; note: string | null; recordedBy: string }
export interface PaymentView { id: string; month: string; amount: string | null; paidOn: string; collector: string; method: PayMethod; recordedBy: string }

export interface MemberDues { row: DuesRow; bases: BaseView[]; payments: PaymentView[]; seesAmounts: boolean; payable: string[] }

export interface StandingRow {
  personId: string;
  name: string;
  branchName: string;
  noOrgLifeMonths: number;
  duesUnpaidRun: number | null;
  flags: StandingFlag[];
  /** Lost contact set by hand, with its reason (sensitive: null for roles that may not see it). */
  lostContactReason: string | null;
  lostContactComputed: boolean;
  mobilityDestination: string | null;
  mobilitySince: string | null;
}

export interface StandingPage { rows: StandingRow[]; total: number; counts: Record<StandingFlag, number> }

export interface MemberStanding { flags: StandingFlag[]; noOrgLifeMonths: number; duesUnpaidRun: number | null }
