// What each role may change through sync (HQ enforces it on every pushed change).
import type { Role } from '../domain/enums.js';
import { isUnder } from '../core/scope.js';
import { DUES_AMOUNT_COLUMNS } from '../dues/privacy.js';
import { fillablePrivateColumns, PRIVATE_COLUMNS, privateRowColumns, seesFullValues } from './privacy.js';

/** Registry work an instructor does in the field. Everything else is read-only to them. */
const INSTRUCTOR_TABLES = new Set<string>([
  'people', 'members', 'recruits', 'activities', 'activity_outlets', 'attendance', 'attachments', 'instructor_visits', 'points_entries', 'points_objections',
  'quiz_attempts', 'quiz_runs', 'quiz_redemptions', 'quiz_reports', 'member_history', 'registry_audit',
  // an instructor works and completes the three-lists items they own
  'rectification_items',
  // pledges (承诺践诺) are taken down at the outlet, where the instructor is
  'pledges',
]);

/** The audit trail of what a user exported or revealed is written by every role, auditors included. */
const EVERYONE_TABLES = new Set<string>(['registry_audit']);

export type RightsVerdict = { ok: true } | { ok: false; code: 'role' | 'scope' | 'settings'; zh: string; en: string };

const deny = (code: 'role' | 'scope' | 'settings', zh: string, en: string): RightsVerdict => ({ ok: false, code, zh, en });

/**
 * May a writer with this role and scope change a row of `table` whose scope is `before` (null for a
 * new row) and will be `after`? Both scopes are checked, so nobody moves a row into or out of reach.
 */
export function mayWrite(role: Role, scope: string, table: string, before: string | null, after: string): RightsVerdict {
  if (role === 'auditor' && !EVERYONE_TABLES.has(table)) return deny('role', '审计员只能查看，不能修改数据', 'Auditors cannot change data');
  if ((before !== null && !isUnder(before, scope)) || !isUnder(after, scope))
    return deny('scope', '超出本设备的管理范围', 'Outside this device\u2019s scope');
  if (role === 'hq_admin') return { ok: true };
  if (table === 'settings') {
    if (role === 'instructor') return deny('role', '党建指导员不能修改系统设置', 'Instructors cannot change settings');
    if (after === '/' || before === '/') return deny('settings', '全省统一设置只能由省公司管理员修改', 'Only HQ administrators change global settings');
    return { ok: true };
  }
  if (role === 'instructor' && !INSTRUCTOR_TABLES.has(table))
    return deny('role', '党建指导员无权修改此类数据（组织架构、党组织、网点等）', 'Instructors cannot change this kind of record');
  return { ok: true };
}

/**
 * Rows only HQ's own decisions may change. A redemption is requested on a device and decided at HQ
 * (hq/quiz/redeem.ts), where stock and the balance over every device are known: a device that
 * wrote its own "approved", a lower price or a decision would spend stock HQ never granted.
 */
export function mayWriteCells(table: string, cells: Record<string, unknown>, rowExists: boolean, by?: { role: Role; source: unknown }): RightsVerdict {
  // Devices of roles that may not read an item's private part hold null there (shared/sync/privacy.ts):
  // they may create such an item (publishing a quarter) but never write its private part afterwards,
  // nor change a private row's subject or reference they were sent as null (only fill in evidence).
  const fillable = fillablePrivateColumns(table);
  const touched = (c: string) => c in cells && !(fillable.includes(c) && cells[c] !== null);
  if (rowExists && by && !seesFullValues(by.role) && (PRIVATE_COLUMNS[table]?.some((c) => c in cells) || privateRowColumns(by.role, table, by.source).some(touched)))
    return deny('role', '无权修改整改事项的保密内容，本条变更未处理', 'Your role cannot change the private part of this item; this change was not applied');
  // Devices of roles that may not see dues amounts hold null in their place (shared/sync/privacy.ts):
  // a null, or anything but a whole number of fen, written back would erase the real amount at HQ.
  const badAmount = DUES_AMOUNT_COLUMNS[table]?.find((c) => c in cells && !(Number.isInteger(cells[c]) && (cells[c] as number) >= 0));
  if (badAmount) return deny('role', '党费金额不能清空或改为非法值，本条变更未处理', 'A dues amount cannot be cleared or set to an invalid value; this change was not applied');
  if (table !== 'quiz_redemptions') return { ok: true };
  const decided = ['decided_at', 'decided_by', 'reason'].some((c) => cells[c] !== undefined && cells[c] !== null);
  if (rowExists || decided || (cells.status !== undefined && cells.status !== 'requested'))
    return deny('role', '兑换申请只能由总部审批，设备不能修改', 'Redemption requests are decided at HQ; a device cannot change them');
  return { ok: true };
}
