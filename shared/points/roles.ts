// Who may do what with points. Instructors keep the ledger in the field (entries, objections they
// are told of); publishing, answering, approving and reopening a quarter, and the rule set, are the
// county organiser's (or HQ's). The backend and the screen ask these same functions.
import { ApiError } from '../core/errors.js';
import type { Role } from '../domain/enums.js';

export const POINTS_ACTIONS = {
  addEntry: { zh: '录入积分或扣分', en: 'add points or deductions', roles: ['instructor', 'county_organiser', 'hq_admin'] },
  derive: { zh: '生成自动积分', en: 'derive automatic points', roles: ['instructor', 'county_organiser', 'hq_admin'] },
  object: { zh: '登记异议', en: 'record objections', roles: ['instructor', 'county_organiser', 'hq_admin'] },
  publish: { zh: '公示季度积分', en: 'publish a quarter', roles: ['county_organiser', 'hq_admin'] },
  answer: { zh: '答复异议', en: 'answer objections', roles: ['county_organiser', 'hq_admin'] },
  approve: { zh: '审定并锁定季度积分', en: 'approve and lock a quarter', roles: ['county_organiser', 'hq_admin'] },
  reopen: { zh: '重新开放已锁定的季度', en: 'reopen a locked quarter', roles: ['county_organiser', 'hq_admin'] },
  editRules: { zh: '修改积分规则', en: 'change the points rules', roles: ['county_organiser', 'hq_admin'] },
} as const satisfies Record<string, { zh: string; en: string; roles: readonly Role[] }>;
export type PointsAction = keyof typeof POINTS_ACTIONS;

export function mayDo(role: Role, action: PointsAction): boolean {
  return (POINTS_ACTIONS[action].roles as readonly Role[]).includes(role);
}

export function assertMayDo(role: Role, action: PointsAction): void {
  if (mayDo(role, action)) return;
  const a = POINTS_ACTIONS[action];
  throw new ApiError('forbidden', `您的角色不能${a.zh}`, `Your role cannot ${a.en}`);
}

export const permissionsOf = (role: Role): Record<PointsAction, boolean> =>
  Object.fromEntries(Object.keys(POINTS_ACTIONS).map((k) => [k, mayDo(role, k as PointsAction)])) as Record<PointsAction, boolean>;
