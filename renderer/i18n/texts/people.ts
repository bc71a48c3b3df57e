// UI strings of the people feature (党员信息库); the registry's own texts are in features/people/text.ts.
// Chinese first; English is the second language. Gathered into one table by ../messages.ts.
export const zh = {
  'people.new': '登记人员',
  'people.empty': '没有符合条件的人员',
  'people.searchHint': '姓名、网点、身份证号或手机号（至少4位）',
  'people.basic': '基本信息',
  'people.membership': '党员信息',
  'people.recruit': '发展党员',
  'people.hasRecruit': '在发展流程中',
  'people.masked': '已脱敏',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'people.new': 'Register person',
  'people.empty': 'No people match',
  'people.searchHint': 'Name, outlet, ID or phone (4+ digits)',
  'people.basic': 'Basic',
  'people.membership': 'Membership',
  'people.recruit': 'Recruitment',
  'people.hasRecruit': 'In the recruitment pipeline',
  'people.masked': 'Masked',
};
