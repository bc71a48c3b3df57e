// Honours (党建示范渠道, 优秀渠道党员 …) and accountability (约谈提醒, 限期整改), seed 000 §3.4.2:
// honours rest on the assessment result of a period and are proposed, then approved or refused by
// someone other than the proposer; a subject with a red light kept in that period cannot be
// proposed. Interviews and deadline rectifications record their deadline and outcome; a negative
// outcome is sensitive (DOMAIN.md Privacy), so only county organisers and HQ administrators read
// them — on screen and on their devices: HQ withholds the rows from every other role (shared/sync/privacy.ts).
import { z } from 'zod';
import { ApiError } from '../core/errors.js';
import type { Role } from '../domain/enums.js';

export const HONOUR_STATUSES = { proposed: { zh: '已提名', en: 'Proposed' }, approved: { zh: '已批准', en: 'Approved' }, refused: { zh: '未批准', en: 'Refused' } } as const;
export type HonourStatus = keyof typeof HONOUR_STATUSES;

export const ACCOUNT_KINDS = { talk: { zh: '约谈提醒', en: 'Reminder talk' }, deadline: { zh: '限期整改', en: 'Rectify by a deadline' } } as const;
export type AccountKind = keyof typeof ACCOUNT_KINDS;
export const ACCOUNT_KIND_KEYS = Object.keys(ACCOUNT_KINDS) as [AccountKind, ...AccountKind[]];

export const OUTCOMES = { pending: { zh: '待跟踪', en: 'Pending' }, improved: { zh: '已整改到位', en: 'Improved' }, not_improved: { zh: '整改不到位', en: 'Not improved' } } as const;
export type AccountOutcome = keyof typeof OUTCOMES;
export const OUTCOME_KEYS = Object.keys(OUTCOMES) as [AccountOutcome, ...AccountOutcome[]];

/** An honour kind of reference data `honours.kinds`: its label and what it may be given to. */
const kind = z.object({ zh: z.string().min(1).max(40), en: z.string().min(1).max(60), subjects: z.array(z.enum(['org', 'outlet', 'person'])).min(1) });
export type HonourKind = z.infer<typeof kind>;
export const HONOUR_KIND_DEFAULTS: Record<string, HonourKind> = {
  demo_channel: { zh: '党建示范渠道', en: 'Party-building model channel', subjects: ['outlet'] },
  excellent_member: { zh: '优秀渠道党员', en: 'Outstanding channel Party member', subjects: ['person'] },
  advanced_branch: { zh: '先进基层党组织', en: 'Advanced grassroots organisation', subjects: ['org'] },
};
const kindsSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]{1,30}$/), kind);

export function honourKinds(raw: unknown): Record<string, HonourKind> {
  const r = kindsSchema.safeParse(raw);
  return r.success && Object.keys(r.data).length ? r.data : HONOUR_KIND_DEFAULTS;
}

export function assertHonoursSetting(key: string, value: unknown): void {
  if (key !== 'honours.kinds')
    throw new ApiError('validation', `未知的设置项“${key}”`, `Unknown setting "${key}"`, [{ path: key, message: `未知的设置项“${key}”`, messageEn: `Unknown setting "${key}"` }]);
  if (!kindsSchema.safeParse(value).success || !Object.keys(value as object).length)
    throw new ApiError('validation', '“honours.kinds”的取值格式不正确', 'The value of "honours.kinds" is malformed', [{ path: 'honours.kinds', message: '“honours.kinds”的取值格式不正确', messageEn: 'The value of "honours.kinds" is malformed' }]);
}

const bad = (path: string, zh: string, en: string) => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

export function assertHonourSubject(kinds: Record<string, HonourKind>, key: string, subjectKind: 'org' | 'outlet' | 'person'): HonourKind {
  const k = kinds[key];
  if (!k) throw bad('kind', '未知的荣誉类别', 'Unknown honour');
  if (!k.subjects.includes(subjectKind)) throw bad('subjectKind', `“${k.zh}”不能授予此类对象`, `"${k.en}" is not given to this kind of subject`);
  return k;
}

/** DOMAIN.md: an honour rests on the assessment; a red light kept in the basis period rules it out. */
export function assertNoRedLight(redPeriods: string[], basisPeriod: string): void {
  if (redPeriods.length)
    throw bad('basisPeriod', `该对象在${basisPeriod}有红灯预警（${redPeriods.join('、')}），不能提名`, `The subject had a red light in ${basisPeriod} (${redPeriods.join(', ')}) and cannot be proposed`);
}

export function assertDecider(proposedBy: string, userName: string, role: Role): void {
  if (role !== 'county_organiser' && role !== 'hq_admin') throw new ApiError('forbidden', '荣誉由县级组织员或省公司管理员审批', 'Honours are approved by county organisers or HQ administrators');
  if (proposedBy.trim() === userName.trim()) throw new ApiError('forbidden', '提名人不能审批自己的提名', 'A proposal is decided by someone other than its proposer');
}

export function maySeeAccountability(role: Role): boolean {
  return role === 'county_organiser' || role === 'hq_admin';
}

/** A deadline rectification needs its deadline; an outcome is recorded on or before today. */
export function assertAccountDates(kind: AccountKind, heldOn: string, deadline: string | null, today: string): void {
  if (heldOn > today) throw bad('heldOn', '约谈日期不能晚于今天', 'The date cannot be in the future');
  if (kind === 'deadline' && !deadline) throw bad('deadline', '限期整改须填写整改期限', 'A deadline rectification needs its deadline');
  if (deadline && deadline < heldOn) throw bad('deadline', '整改期限不能早于约谈日期', 'The deadline cannot precede the talk');
}
