import type { z } from 'zod';
import { fieldLabel } from './fieldLabels.js';

export type ErrorCode = 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unknown_operation' | 'internal';

export interface FieldIssue {
  path: string;
  message: string;
  messageEn: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  messageEn: string;
  issues: FieldIssue[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly messageZh: string,
    public readonly messageEn: string,
    public readonly issues: FieldIssue[] = [],
  ) {
    super(messageEn);
  }
  toBody(): ApiErrorBody {
    return { code: this.code, message: this.messageZh, messageEn: this.messageEn, issues: this.issues };
  }
}

/** Messages for refinements: schemas use these keys as their zod `message`. */
export const RULE_MESSAGES: Record<string, { zh: string; en: string }> = {
  'citizen_id.length': { zh: '身份证号应为18位', en: 'A citizen ID has 18 characters' },
  'citizen_id.format': { zh: '身份证号前17位应为数字，末位为数字或X', en: 'A citizen ID is 17 digits and a digit or X' },
  'citizen_id.birth_date': { zh: '身份证号中的出生日期不存在', en: 'The birth date inside the citizen ID is not a real date' },
  'citizen_id.check_digit': { zh: '身份证号校验位错误，请核对', en: 'The citizen ID check digit is wrong' },
  'citizen_id.birth_mismatch': { zh: '出生日期与身份证号不一致', en: 'Birth date does not match the citizen ID' },
  'citizen_id.gender_mismatch': { zh: '性别与身份证号不一致', en: 'Gender does not match the citizen ID' },
  phone: { zh: '手机号应为11位数字，以1开头', en: 'A phone number is 11 digits starting with 1' },
  date: { zh: '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  uuid: { zh: '编号格式不正确', en: 'Malformed id' },
  'date.future': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  'member.required_for_party': { zh: '中共党员和预备党员须填写党员信息（所在支部、入党日期）', en: 'Members need branch and join date' },
  'member.not_party': { zh: '只有中共党员或预备党员可以填写党员信息', en: 'Only Party members have membership details' },
  'member.full_date_before_join': { zh: '转正日期不能早于入党日期', en: 'Full-membership date precedes join date' },
  'member.mobility_details': { zh: '流动党员须填写流向地和开始日期', en: 'Mobile members need destination and start date' },
  'member.lost_contact_details': { zh: '失联党员须填写失联开始日期和原因', en: 'Lost contact needs a start date and reason' },
  'consent.partner_staff': { zh: '合作方员工须记录本人同意信息采集的日期', en: 'Partner staff need a recorded consent' },
  'term.order': { zh: '任期届满日期须晚于任期开始日期', en: 'Term end must follow term start' },
  'pairing.required': { zh: '结对设置须选择1对1或1对N', en: 'Paired settings need a pairing ratio' },
  'alliance.required': { zh: '联盟设置须选择联盟行业', en: 'Alliance settings need a sector' },
  'org_unit.code': { zh: '编码只能包含小写字母、数字和连字符', en: 'Codes use lowercase letters, digits and hyphens' },
  'closed.before_opened': { zh: '关停日期不能早于开业日期', en: 'Closed date precedes opened date' },
};

function issueText(issue: z.core.$ZodIssue, lang: 'zh' | 'en'): string {
  const rule = RULE_MESSAGES[issue.message];
  if (rule) return rule[lang];
  const label = fieldLabel(issue.path as (string | number)[], lang);
  const zh = lang === 'zh';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return zh ? `${label}为必填项` : `${label} is required`;
      return zh ? `${label}的类型不正确` : `${label} has the wrong type`;
    case 'too_big':
      return issue.origin === 'string'
        ? zh ? `${label}不能超过${issue.maximum}个字符` : `${label} is longer than ${issue.maximum} characters`
        : zh ? `${label}不能大于${issue.maximum}` : `${label} exceeds ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return zh ? `${label}为必填项` : `${label} is required`;
      return issue.origin === 'string'
        ? zh ? `${label}至少${issue.minimum}个字符` : `${label} needs at least ${issue.minimum} characters`
        : zh ? `${label}不能小于${issue.minimum}` : `${label} is below ${issue.minimum}`;
    case 'invalid_value':
      return zh ? `${label}的取值不在允许范围内` : `${label} has a value that is not allowed`;
    case 'invalid_format':
      return zh ? `${label}的格式不正确` : `${label} is malformed`;
    case 'unrecognized_keys':
      return zh ? `包含未知字段：${issue.keys.join('、')}` : `Unknown fields: ${issue.keys.join(', ')}`;
    default:
      return zh ? `${label}不符合要求` : `${label} is invalid`;
  }
}

export function validationError(err: z.ZodError): ApiError {
  const issues = err.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: issueText(i, 'zh'),
    messageEn: issueText(i, 'en'),
  }));
  const first = issues[0];
  return new ApiError(
    'validation',
    first ? `输入有误：${first.message}` : '输入有误',
    first ? `Invalid input: ${first.messageEn}` : 'Invalid input',
    issues,
  );
}

/** Parses with the issues carrying their input, so a missing field reads "required", not "wrong type". */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.output<S> } | { ok: false; error: ApiError } {
  const r = schema.safeParse(value, { reportInput: true });
  return r.success ? { ok: true, data: r.data } : { ok: false, error: validationError(r.error) };
}

export function notFound(what: string, whatEn: string): ApiError {
  return new ApiError('not_found', `${what}不存在或已删除`, `${whatEn} not found`);
}
