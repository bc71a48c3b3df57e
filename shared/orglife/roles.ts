// Who may hold a role at a meeting (field trial: a member marked absent was recorded as its host).
// Someone the attendance list marks absent or on leave was not there, so cannot have hosted or
// kept the record. The form and the backend ask this one function, so they refuse the same thing.
import type { FieldIssue } from '../core/errors.js';

export type AttendanceStatusLike = 'present' | 'absent' | 'excused';

/** The roles a person must be present to hold, with their names in the messages. */
export const PRESENT_ROLES = {
  hostPersonId: { zh: '主持人', en: 'host' },
  recorderPersonId: { zh: '记录人', en: 'recorder' },
} as const;
export type PresentRole = keyof typeof PRESENT_ROLES;

const STATUS_WORD = { absent: { zh: '缺席', en: 'absent' }, excused: { zh: '请假', en: 'on leave' } } as const;

export interface RoleHolders {
  hostPersonId?: string | null;
  recorderPersonId?: string | null;
  attendance?: readonly { personId: string; status: AttendanceStatusLike }[];
}

/** People the attendance marks absent or on leave, by id: not available for a role. */
export function notPresent(attendance: RoleHolders['attendance']): Map<string, 'absent' | 'excused'> {
  const out = new Map<string, 'absent' | 'excused'>();
  for (const m of attendance ?? []) if (m.status !== 'present') out.set(m.personId, m.status);
  return out;
}

export function roleConflictText(role: PresentRole, status: 'absent' | 'excused') {
  const r = PRESENT_ROLES[role];
  const s = STATUS_WORD[status];
  return {
    message: `${r.zh}在出勤名单中为“${s.zh}”，不能担任${r.zh}；请改选出席的人员，或更正出勤`,
    messageEn: `The ${r.en} is marked ${s.en} in the attendance list and cannot be the ${r.en}; choose someone present, or correct the attendance`,
  };
}

/** One issue per role held by someone the same record marks absent or on leave. */
export function roleConflicts(a: RoleHolders): FieldIssue[] {
  const away = notPresent(a.attendance);
  const issues: FieldIssue[] = [];
  for (const role of Object.keys(PRESENT_ROLES) as PresentRole[]) {
    const who = a[role];
    const status = who ? away.get(who) : undefined;
    if (status) issues.push({ path: role, ...roleConflictText(role, status) });
  }
  return issues;
}
