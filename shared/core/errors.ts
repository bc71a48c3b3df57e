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
  // Organisation life (issue 5)
  time: { zh: '时间格式应为 HH:mm', en: 'Times are written HH:mm' },
  month: { zh: '月份格式应为 YYYY-MM', en: 'Months are written YYYY-MM' },
  'activity.future': { zh: '已举行活动的日期不能晚于今天；尚未举行的请标记为“计划”', en: 'A held activity cannot be dated in the future; mark it planned' },
  'activity.group_not_in_org': { zh: '所选党小组不属于该党组织', en: 'That group is not in this organisation' },
  'activity.person_not_found': { zh: '所选人员不存在或已删除', en: 'A chosen person does not exist' },
  'attendance.duplicate': { zh: '出勤名单中有重复人员', en: 'The attendance list names someone twice' },
  'attendance.reason': { zh: '缺席或请假须注明原因', en: 'Absence and leave need a reason' },
  'attendance.org_required': { zh: '登记出勤须先选择党组织', en: 'Choose the organisation before recording attendance' },
  'attendance.other_branch': { zh: '出勤名单中有不属于本党组织的人员', en: 'The attendance list names people from another branch' },
  'attendance.not_yet_member': { zh: '出勤名单中有人员在活动日期尚未入党', en: 'Someone on the list had not yet joined on that date' },
  'visit.one_outlet': { zh: '一次驻点指导只记录一个网点', en: 'A visit records one outlet' },
  'votes.not_for_type': { zh: '该类活动不进行表决', en: 'This kind of activity does not vote' },
  'votes.exceed_present': { zh: '表决票数之和超过了到会的有表决权党员人数（预备党员没有表决权）', en: 'More votes than voting members present (probationary members do not vote)' },
  'attachment.hash': { zh: '附件编号格式不正确', en: 'Malformed attachment hash' },
  'attachment.missing': { zh: '附件文件不存在，请重新上传', en: 'The attachment file is missing; upload it again' },
  'attachment.too_large': { zh: '文件过大', en: 'The file is too large' },
  // Registry in depth (issue 4): roster import, recruit pipeline, privacy
  'date.invalid': { zh: '日期无法识别（可写作 2008-07-01、2008.07 或 2008年7月1日）', en: 'Unreadable date (write 2008-07-01, 2008.07 or 2008年7月1日)' },
  'date.year_only': { zh: '日期只有年份，请补充月份', en: 'The date has a year only; add the month' },
  'date.month_only': { zh: '只有年月，按当月1日记录', en: 'Year and month only: recorded as the 1st' },
  'date.month_ambiguous': { zh: '“.1”可能是1月也可能是10月（Excel会去掉末尾的0），已按1月记录，请核对', en: '".1" may be January or October (Excel drops the trailing 0); read as January, please check' },
  'cell.unreadable': { zh: '单元格是公式或错误值，请复制后“粘贴为数值”再导入', en: 'The cell holds a formula or an error; paste it as a value' },
  'citizen_id.number': { zh: '身份证号被Excel存成了数字，后几位已丢失；请把该列设为“文本”后重新填写', en: 'Excel stored the ID as a number and lost its last digits; format the column as text and re-enter it' },
  'text.too_long': { zh: '内容过长', en: 'Text too long' },
  'enum.gender': { zh: '性别应为“男”或“女”', en: 'Gender must be 男 or 女' },
  'enum.ethnicity': { zh: '民族不在国家标准（GB/T 3304）名录中', en: 'Not an ethnicity of GB/T 3304' },
  'enum.politicalStatus': { zh: '人员类别无法识别（如：中共党员、中共预备党员、共青团员、群众）', en: 'Unknown political status' },
  'enum.education': { zh: '学历无法识别（如：本科、大专、高中/中专）', en: 'Unknown education level' },
  'enum.post': { zh: '岗位无法识别（如：店长、营业员、客户经理、装维人员）', en: 'Unknown post' },
  'enum.employment': { zh: '用工性质无法识别（如：正式员工、劳务派遣、合作方员工、业主）', en: 'Unknown employment type' },
  'enum.standing': { zh: '党籍状态无法识别（如：正常、停止党籍）', en: 'Unknown standing' },
  'import.too_large': { zh: '文件过大（上限10MB），请按县（区）拆分后分批导入', en: 'File too large (10 MB at most); split it by county' },
  'import.not_base64': { zh: '文件内容在传输中损坏，请重新选择文件', en: 'The file was damaged in transfer; choose it again' },
  'relay.too_large': { zh: '文件过大（同步包和回执最大 12 MB）', en: 'The file is too large (12 MB at most)' },
  'recruit.order': { zh: '发展阶段须逐级推进', en: 'Stages advance one at a time' },
  'recruit.activist_year': { zh: '入党积极分子须培养考察满一年才能确定为发展对象', en: 'Activists are cultivated at least a year before becoming candidates' },
  'recruit.probation_year': { zh: '预备期满一年才能转为正式党员', en: 'Conversion comes after a full year of probation' },
  'recruit.date_order': { zh: '日期不能早于上一阶段的日期', en: 'The date precedes the previous stage' },
  'recruit.closed': { zh: '已转正或已终止的发展流程不能再终止', en: 'A finished pipeline cannot be cancelled' },
  'attachment.not_image': { zh: '所选文件不是有效的图片（仅支持 JPEG、PNG、WebP、GIF）', en: 'The file is not a valid image (JPEG, PNG, WebP or GIF)' },
  'attachment.type': { zh: '不支持该文件类型（支持图片、PDF、Word、Excel）', en: 'Unsupported file type (images, PDF, Word, Excel)' },
  'attachment.empty': { zh: '文件为空', en: 'The file is empty' },
  'attachment.base64': { zh: '文件内容编码不正确', en: 'The file content is not valid base64' },
  'period.order': { zh: '结束日期不能早于开始日期', en: 'The end date precedes the start date' },
  'period.too_long': { zh: '查询期间不能超过5年', en: 'A period spans at most 5 years' },
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
