// Every enum the domain knows, with the Chinese label users see first and the English one.
// The key order is the display order.
export type Labelled = Record<string, { zh: string; en: string }>;

function labels<const T extends Labelled>(t: T) {
  return t;
}

export const CHANNEL_TYPES = labels({
  own_store: { zh: '自有营业厅', en: 'Own store' },
  flagship: { zh: '旗舰店', en: 'Flagship store' },
  gov_ent: { zh: '政企中心', en: 'Gov & enterprise centre' },
  social_partner: { zh: '社会合作网点', en: 'Social partner outlet' },
  rural: { zh: '乡村渠道', en: 'Rural channel' },
  micro_store: { zh: '小微门店', en: 'Micro store' },
  community_station: { zh: '社区服务站', en: 'Community station' },
  install_maint: { zh: '装维交付', en: 'Install & maintenance' },
  outdoor: { zh: '户外营销', en: 'Outdoor marketing' },
});

export const ORG_UNIT_LEVELS = labels({
  hq: { zh: '省公司', en: 'Province HQ' },
  city: { zh: '地市公司', en: 'City' },
  county: { zh: '县（区）公司', en: 'County' },
  grid: { zh: '网格', en: 'Grid' },
});

export const ORG_TYPES = labels({
  committee: { zh: '党委', en: 'Party committee' },
  general_branch: { zh: '党总支', en: 'General branch' },
  branch: { zh: '党支部', en: 'Branch' },
  joint_branch: { zh: '联合党支部', en: 'Joint branch' },
  temp_branch: { zh: '临时党支部', en: 'Temporary branch' },
});

export const SETTING_MODES = labels({
  standalone: { zh: '单独组建', en: 'Standalone' },
  grid: { zh: '网格+党组织', en: 'Grid + Party org' },
  mobile: { zh: '流动+党组织', en: 'Mobile + Party org' },
  paired: { zh: '结对+党组织', en: 'Paired + Party org' },
  alliance: { zh: '行业党建联盟', en: 'Industry alliance' },
});

export const PAIRING_RATIOS = labels({
  one_to_one: { zh: '1对1', en: '1:1' },
  one_to_many: { zh: '1对N', en: '1:N' },
});

export const ALLIANCE_SECTORS = labels({
  finance: { zh: '金融', en: 'Finance' },
  education: { zh: '教育', en: 'Education' },
  medical: { zh: '医疗', en: 'Medical' },
  government: { zh: '政务', en: 'Government' },
  logistics: { zh: '物流', en: 'Logistics' },
  other: { zh: '其他', en: 'Other' },
});

export const GROUP_KINDS = labels({
  regular: { zh: '常规党小组', en: 'Regular' },
  mobile: { zh: '流动党小组', en: 'Mobile' },
  grid: { zh: '网格党小组', en: 'Grid' },
});

export const COMMITTEE_ROLES = labels({
  secretary: { zh: '书记', en: 'Secretary' },
  deputy_secretary: { zh: '副书记', en: 'Deputy secretary' },
  organisation: { zh: '组织委员', en: 'Organisation' },
  propaganda: { zh: '宣传委员', en: 'Propaganda' },
  discipline: { zh: '纪检委员', en: 'Discipline' },
  member: { zh: '委员', en: 'Member' },
});

export const GENDERS = labels({
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
});

export const EDUCATION = labels({
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior middle' },
  senior: { zh: '高中/中专', en: 'Senior middle' },
  college: { zh: '大专', en: 'College' },
  bachelor: { zh: '本科', en: 'Bachelor' },
  master: { zh: '硕士', en: 'Master' },
  doctor: { zh: '博士', en: 'Doctorate' },
});

export const POSTS = labels({
  store_manager: { zh: '店长', en: 'Store manager' },
  clerk: { zh: '营业员', en: 'Clerk' },
  account_manager: { zh: '客户经理', en: 'Account manager' },
  installer: { zh: '装维人员', en: 'Installer' },
  channel_manager: { zh: '渠道经理', en: 'Channel manager' },
  grid_leader: { zh: '网格长', en: 'Grid leader' },
  owner: { zh: '店主', en: 'Owner' },
});

export const EMPLOYMENT = labels({
  employee: { zh: '正式员工', en: 'Employee' },
  dispatched: { zh: '劳务派遣', en: 'Dispatched' },
  partner_staff: { zh: '合作方员工', en: 'Partner staff' },
  owner: { zh: '业主', en: 'Owner' },
});

export const POLITICAL_STATUS = labels({
  full_member: { zh: '中共党员', en: 'CPC member' },
  probationary: { zh: '中共预备党员', en: 'Probationary member' },
  youth_league: { zh: '共青团员', en: 'Youth League' },
  other_party: { zh: '民主党派', en: 'Democratic party' },
  independent: { zh: '无党派人士', en: 'Independent' },
  masses: { zh: '群众', en: 'Masses' },
});

export const STANDINGS = labels({
  normal: { zh: '正常', en: 'Normal' },
  suspended: { zh: '停止党籍', en: 'Suspended' },
  removed: { zh: '除名', en: 'Removed' },
  expelled: { zh: '开除党籍', en: 'Expelled' },
  deceased: { zh: '去世', en: 'Deceased' },
});

export const MOBILITY = labels({
  none: { zh: '无', en: 'None' },
  outbound: { zh: '外出流动', en: 'Outbound' },
  inbound: { zh: '流入', en: 'Inbound' },
});

export const DUES_BASE_TYPES = labels({
  wage: { zh: '工资收入', en: 'Wage' },
  business_income: { zh: '经营收入', en: 'Business income' },
  pension: { zh: '离退休费', en: 'Pension' },
  none: { zh: '无固定收入', en: 'No fixed income' },
});

export const RECRUIT_STAGES = labels({
  applicant: { zh: '入党申请人', en: 'Applicant' },
  activist: { zh: '入党积极分子', en: 'Activist' },
  candidate: { zh: '发展对象', en: 'Candidate' },
  probationary: { zh: '预备党员', en: 'Probationary' },
  full: { zh: '正式党员', en: 'Full member' },
  cancelled: { zh: '已终止', en: 'Cancelled' },
});

export const ACTIVITY_TYPES = labels({
  general_meeting: { zh: '党员大会', en: 'General meeting' },
  committee_meeting: { zh: '支委会', en: 'Committee meeting' },
  group_meeting: { zh: '党小组会', en: 'Group meeting' },
  lecture: { zh: '党课', en: 'Party lecture' },
  theme_day: { zh: '主题党日', en: 'Theme day' },
  org_life_meeting: { zh: '组织生活会', en: 'Org-life meeting' },
  review: { zh: '民主评议', en: 'Democratic review' },
  talk: { zh: '谈心谈话', en: 'Talk' },
  micro_lecture: { zh: '五分钟微党课', en: 'Five-minute lecture' },
  quiz: { zh: '党建知识闯关赛', en: 'Knowledge quiz' },
  pioneer_service: { zh: '党员先锋区公益服务', en: 'Pioneer public service' },
  anti_fraud: { zh: '反诈宣传', en: 'Anti-fraud outreach' },
  task_force: { zh: '突击队攻坚', en: 'Task-force campaign' },
  rural_revitalization: { zh: '党建+乡村振兴', en: 'Rural revitalisation' },
  oath_renewal: { zh: '重温入党誓词', en: 'Oath renewal' },
  joint_meeting: { zh: '联席会议', en: 'Joint meeting' },
  instructor_visit: { zh: '驻点指导', en: 'Instructor visit' },
});

export const ATTENDANCE_STATUS = labels({
  present: { zh: '出席', en: 'Present' },
  absent: { zh: '缺席', en: 'Absent' },
  excused: { zh: '请假', en: 'Excused' },
});

export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

export function keysOf<T extends Labelled>(t: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(t) as [keyof T & string, ...(keyof T & string)[]];
}

export type ChannelType = keyof typeof CHANNEL_TYPES;
export type OrgUnitLevel = keyof typeof ORG_UNIT_LEVELS;
export type OrgType = keyof typeof ORG_TYPES;
export type SettingMode = keyof typeof SETTING_MODES;
export type PoliticalStatus = keyof typeof POLITICAL_STATUS;
export type ActivityType = keyof typeof ACTIVITY_TYPES;
export type RecruitStage = keyof typeof RECRUIT_STAGES;
export type Role = 'instructor' | 'county_organiser' | 'hq_admin' | 'auditor';

export const ROLES = labels({
  instructor: { zh: '党建指导员', en: 'Instructor' },
  county_organiser: { zh: '县级组织员', en: 'County organiser' },
  hq_admin: { zh: '省公司管理员', en: 'HQ administrator' },
  auditor: { zh: '审计员', en: 'Auditor' },
});
