// UI strings of the dashboard feature (工作台).
// Chinese first; English is the second language. Gathered into one table by ../messages.ts.
export const zh = {
  'dash.title': '工作台',
  'dash.counties': '县（区）',
  'dash.outlets': '渠道网点',
  'dash.outletsWithMembers': '有党员的网点',
  'dash.people': '登记人员',
  'dash.members': '党员',
  'dash.probationary': '预备党员',
  'dash.partyOrgs': '党组织',
  'dash.uncovered': '有党员未覆盖网点',
  'dash.noInstructor': '未配指导员网点',
  'dash.uncoveredHint': '有党员、但没有任何党组织覆盖的渠道网点数（红色：须尽快建立或挂靠党组织）',
  'dash.noInstructorHint': '没有配备党建指导员的渠道网点数（橙色：请在“指导员工作”中分配）',
  'dash.byType': '按渠道类型',
  'dash.empty': '本机还没有数据。请先在“组织架构”中建立单位，或运行 npm run seed 生成合成数据。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'dash.title': 'Dashboard',
  'dash.counties': 'Counties',
  'dash.outlets': 'Outlets',
  'dash.outletsWithMembers': 'Outlets with members',
  'dash.people': 'People registered',
  'dash.members': 'Party members',
  'dash.probationary': 'Probationary',
  'dash.partyOrgs': 'Party organisations',
  'dash.uncovered': 'Uncovered outlets with members',
  'dash.noInstructor': 'Outlets without instructor',
  'dash.uncoveredHint': 'Outlets with members that no Party organisation covers (red: set one up or attach them soon)',
  'dash.noInstructorHint': 'Outlets with no instructor assigned (orange: assign one under Instructor work)',
  'dash.byType': 'By channel type',
  'dash.empty': 'This device has no data yet. Create org units under Organisation, or run npm run seed for synthetic data.',
};
