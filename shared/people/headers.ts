// The columns of a member roster (党员花名册) and the many ways real rosters title them.
// Pure: used by the import parser (db/) and the mapping screen (renderer/).
import { toHalfWidth } from '../domain/text.js';

export const ROSTER_FIELDS = {
  name: { zh: '姓名', en: 'Name' },
  gender: { zh: '性别', en: 'Gender' },
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  birthDate: { zh: '出生日期', en: 'Birth date' },
  citizenId: { zh: '身份证号', en: 'Citizen ID' },
  phone: { zh: '手机号', en: 'Phone' },
  education: { zh: '学历', en: 'Education' },
  politicalStatus: { zh: '人员类别', en: 'Political status' },
  joinDate: { zh: '入党日期', en: 'Join date' },
  fullDate: { zh: '转正日期', en: 'Full-membership date' },
  branch: { zh: '所在党支部', en: 'Branch' },
  group: { zh: '党小组', en: 'Party group' },
  outletName: { zh: '所在网点', en: 'Outlet' },
  outletCode: { zh: '网点编码', en: 'Outlet code' },
  post: { zh: '岗位', en: 'Post' },
  employment: { zh: '用工性质', en: 'Employment' },
  standing: { zh: '党籍状态', en: 'Standing' },
  consentOn: { zh: '信息采集同意日期', en: 'Consent date' },
  notes: { zh: '备注', en: 'Notes' },
} as const;

export type RosterField = keyof typeof ROSTER_FIELDS;
export const ROSTER_FIELD_KEYS = Object.keys(ROSTER_FIELDS) as RosterField[];

/**
 * Columns whose values name a record or a code: a value the importer cannot read is offered for
 * value mapping (once per distinct value), never typed again row by row. `blank`: the field is
 * optional, so "leave it blank" is a choice; `create`: the importer may create the record (a
 * branch: its name and org unit are all it needs; an outlet needs the operator's channel code and
 * a channel type, which no roster carries, so outlets are only ever picked).
 */
export const VALUE_FIELDS = {
  branch: { blank: false, create: true },
  outletName: { blank: true, create: false },
  outletCode: { blank: true, create: false },
  post: { blank: true, create: false },
  education: { blank: true, create: false },
  politicalStatus: { blank: false, create: false },
  employment: { blank: true, create: false },
  ethnicity: { blank: true, create: false },
  standing: { blank: false, create: false },
} as const satisfies Partial<Record<RosterField, { blank: boolean; create: boolean }>>;

export type ValueField = keyof typeof VALUE_FIELDS;
export const VALUE_FIELD_KEYS = Object.keys(VALUE_FIELDS) as ValueField[];

/** The template's columns, in order (the export writes the same titles, so it re-imports). */
export const TEMPLATE_FIELDS: RosterField[] = [
  'name', 'gender', 'ethnicity', 'birthDate', 'citizenId', 'phone', 'education', 'politicalStatus', 'joinDate', 'fullDate',
  'branch', 'group', 'outletName', 'outletCode', 'post', 'employment', 'standing', 'consentOn', 'notes',
];

const VARIANTS: Record<RosterField, string[]> = {
  name: ['姓名', '党员姓名', '名字', '人员姓名', '职工姓名'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '出生时间', '生日'],
  citizenId: ['身份证号', '公民身份号码', '身份证号码', '身份证', '证件号码', '身份证件号码', '公民身份证号', '公民身份证号码'],
  phone: ['手机号', '手机', '手机号码', '联系电话', '电话', '联系方式', '移动电话', '电话号码'],
  education: ['学历', '文化程度', '最高学历', '全日制学历'],
  politicalStatus: ['人员类别', '党员类型', '政治面貌', '党员类别', '党员身份'],
  joinDate: ['入党日期', '入党时间', '入党年月', '加入党组织日期', '接收预备党员日期'],
  fullDate: ['转正日期', '转正时间', '转为正式党员日期', '转正年月'],
  branch: ['所在党支部', '党组织名称', '所在党组织', '党支部', '支部名称', '所在支部', '党支部名称', '所属党支部', '所属支部', '所属党组织'],
  group: ['党小组', '所在党小组', '所属党小组'],
  outletName: ['所在网点', '网点', '网点名称', '渠道名称', '渠道网点', '所在渠道', '工作网点', '所属网点'],
  outletCode: ['网点编码', '渠道编码', '网点编号', '渠道编号', '网点代码', '渠道代码'],
  post: ['岗位', '职务', '工作岗位', '现任职务', '岗位名称'],
  employment: ['用工性质', '用工形式', '人员性质', '用工类型'],
  standing: ['党籍状态'],
  consentOn: ['信息采集同意日期', '同意日期', '授权日期', '同意采集日期'],
  notes: ['备注', '说明'],
};

/** Drops what rosters decorate titles with: marks, spaces, line breaks and bracketed hints. */
export function normalizeHeader(raw: string): string {
  return toHalfWidth(raw)
    .replace(/\([^)]*\)|（[^）]*）|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s*:："'“”]/g, '')
    .toLowerCase();
}

const EXACT = new Map<string, RosterField>();
for (const f of ROSTER_FIELD_KEYS) for (const v of VARIANTS[f]) EXACT.set(normalizeHeader(v), f);

/** The field a column title means, or null. Exact variants first, then telling fragments. */
export function fieldForHeader(raw: string): RosterField | null {
  const h = normalizeHeader(raw);
  if (!h || h.length > 20) return null;
  const exact = EXACT.get(h);
  if (exact) return exact;
  if (h.includes('身份证') || h.includes('身份号码')) return 'citizenId';
  if (h.includes('手机') || h.includes('电话')) return 'phone';
  if (h.includes('转正')) return 'fullDate';
  if (h.includes('入党') && /时间|日期|年月/.test(h)) return 'joinDate';
  if (h.includes('出生')) return 'birthDate';
  if (h.includes('党小组')) return 'group';
  if (h.includes('支部') || h.includes('党组织')) return 'branch';
  if ((h.includes('网点') || h.includes('渠道')) && /编码|编号|代码/.test(h)) return 'outletCode';
  if (h.includes('网点') || h.includes('渠道')) return 'outletName';
  if (h.includes('学历') || h.includes('文化')) return 'education';
  if (h.includes('姓名')) return 'name';
  return null;
}

export interface HeaderGuess {
  /** 0-based index of the header row in the rows given. */
  row: number;
  /** One entry per column: the field it maps to, or null (ignored). */
  mapping: (RosterField | null)[];
}

/**
 * Finds the header row among the first rows of a sheet (title rows and notes often sit above it):
 * the row that maps the most columns, needing at least a name column and one other.
 */
export function detectHeader(rows: string[][], scan = 20): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  let bestScore = 1;
  for (let r = 0; r < Math.min(rows.length, scan); r++) {
    const seen = new Set<RosterField>();
    const mapping = (rows[r] ?? []).map((cell) => {
      const f = fieldForHeader(cell ?? '');
      if (!f || seen.has(f)) return null; // a repeated title maps once: the first column wins
      seen.add(f);
      return f;
    });
    if (!seen.has('name')) continue;
    if (seen.size > bestScore) {
      best = { row: r, mapping };
      bestScore = seen.size;
    }
  }
  return best;
}
