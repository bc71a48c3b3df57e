// The red/yellow/green warning thresholds (DOMAIN.md "Red / yellow / green warnings") as reference
// data, key `assessment.thresholds`. Each indicator keeps two cut points, so its three bands tile
// the whole scale by construction; a set whose cut points are out of order (bands that would
// overlap or leave a gap) is refused with a bilingual message naming the indicator.
import { z } from 'zod';
import { ApiError, type FieldIssue } from '../core/errors.js';
import { parseDualTrack } from './dualTrack.js';

/** A share (0–1) where more is better: green at or above `green`, yellow at or above `yellow`, else red. */
export interface RatioBands { green: number; yellow: number }
/** A count of days or months where less is better: yellow from `yellowFrom`, red from `redFrom`. */
export interface CountBands { yellowFrom: number; redFrom: number }

// dual_track is the composite score (0–100) over 100, so its bands read as shares like the others.
export const RATIO_INDICATORS = ['coverage', 'contact', 'attendance', 'data_quality', 'dual_track'] as const;
export const COUNT_INDICATORS = ['member_gap', 'probation_overdue', 'rectification_overdue'] as const;
/** Lights that come from the org-life cadence and duty rules (thresholds in `orglife.warning`). */
export const RULE_INDICATORS = ['meetings_monthly', 'meetings_quarterly', 'instructor_duties'] as const;
/** Lights from the 334N records (db/milestones/light.ts; numbers in `milestones.*`). */
export const WORK_INDICATORS = ['milestones'] as const;
/** Members' standing from attendance and dues (db/dues/light.ts; numbers in `dues.*`). */
export const OBLIGATION_INDICATORS = ['member_standing'] as const;
export type RatioIndicator = (typeof RATIO_INDICATORS)[number];
export type CountIndicator = (typeof COUNT_INDICATORS)[number];
export type Indicator = RatioIndicator | CountIndicator | (typeof RULE_INDICATORS)[number] | (typeof WORK_INDICATORS)[number] | (typeof OBLIGATION_INDICATORS)[number];
export const INDICATORS: Indicator[] = [
  'coverage', 'contact', 'meetings_monthly', 'meetings_quarterly', 'attendance', 'member_gap', 'probation_overdue', 'instructor_duties',
  'rectification_overdue', 'data_quality', 'dual_track', 'milestones', 'member_standing',
];

export const INDICATOR_LABELS: Record<Indicator, { zh: string; en: string }> = {
  coverage: { zh: '党员组织覆盖率', en: 'Members covered by an organisation' },
  contact: { zh: '网点上季度党建联系率', en: 'Outlets with Party contact last quarter' },
  meetings_monthly: { zh: '月度主题党日/支委会/党小组会', en: 'Monthly theme day / committee / group meeting' },
  meetings_quarterly: { zh: '季度党员大会', en: 'Quarterly general meeting' },
  attendance: { zh: '出勤率（请假不计）', en: 'Attendance (excused excluded)' },
  member_gap: { zh: '党员未参加组织生活月数', en: 'Months a member went without organisation life' },
  probation_overdue: { zh: '预备党员逾期未转正', en: 'Probation conversion overdue' },
  instructor_duties: { zh: '党建指导员履职', en: 'Instructor duties' },
  rectification_overdue: { zh: '整改事项逾期', en: 'Overdue rectification items' },
  data_quality: { zh: '数据质量（身份证校验、重复、必填项）', en: 'Data quality (id check digit, duplicates, blank fields)' },
  dual_track: { zh: '双轨考核综合得分', en: 'Dual-track composite score' },
  milestones: { zh: '里程碑节点逾期未完成', en: 'Missed milestone nodes' },
  member_standing: { zh: '党员自行脱党风险、失联与应转关系', en: 'Members at risk of lapse, lost contact or due a transfer' },
};

export type Thresholds = Record<RatioIndicator, RatioBands> & Record<CountIndicator, CountBands>;

export const THRESHOLD_DEFAULTS: Thresholds = {
  coverage: { green: 0.98, yellow: 0.9 },
  contact: { green: 0.8, yellow: 0.6 },
  attendance: { green: 0.9, yellow: 0.75 },
  data_quality: { green: 1, yellow: 0.97 },
  dual_track: { green: 0.85, yellow: 0.7 },
  // months since last attended: <3 green, 3–4 yellow, ≥5 red
  member_gap: { yellowFrom: 3, redFrom: 5 },
  // days overdue: 0 green, 1–30 yellow, >30 red
  probation_overdue: { yellowFrom: 1, redFrom: 31 },
  rectification_overdue: { yellowFrom: 1, redFrom: 16 },
};

/** Windows the indicators look back over (days), key `assessment.windows`. */
export interface Windows {
  contactDays: number;
  /** An escalation's interview and rectification item are due this many days after the period's end. */
  escalationDueDays: number;
}
export const WINDOW_DEFAULTS: Windows = { contactDays: 90, escalationDueDays: 30 };

/** Fields a person record must have for data quality, key `assessment.requiredFields`. */
export const REQUIRED_FIELD_CHOICES = ['name', 'gender', 'birth_date', 'citizen_id', 'phone', 'outlet_id', 'ethnicity', 'education', 'post'] as const;
export type RequiredField = (typeof REQUIRED_FIELD_CHOICES)[number];
export const REQUIRED_DEFAULTS: RequiredField[] = ['name', 'gender', 'birth_date', 'citizen_id', 'outlet_id'];

const ratio = z.strictObject({ green: z.number().min(0).max(1), yellow: z.number().min(0).max(1) });
const count = z.strictObject({ yellowFrom: z.number().int().min(0).max(3660), redFrom: z.number().int().min(0).max(3660) });
const thresholdsSchema = z.strictObject({
  coverage: ratio, contact: ratio, attendance: ratio, data_quality: ratio, dual_track: ratio, member_gap: count, probation_overdue: count, rectification_overdue: count,
});
const windowsSchema = z.strictObject({ contactDays: z.number().int().min(1).max(366), escalationDueDays: z.number().int().min(1).max(366) });
const requiredSchema = z.array(z.enum(REQUIRED_FIELD_CHOICES)).min(1);

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Why a threshold set is refused: one issue per indicator whose cut points are out of order. */
export function thresholdIssues(t: Thresholds): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const k of RATIO_INDICATORS) {
    const b = t[k];
    if (b.yellow > b.green) {
      const l = INDICATOR_LABELS[k];
      out.push({
        path: k,
        message: `“${l.zh}”的黄灯下限（${pct(b.yellow)}）高于绿灯下限（${pct(b.green)}），黄灯与绿灯区间重叠，请调整`,
        messageEn: `"${l.en}": the yellow floor (${pct(b.yellow)}) is above the green floor (${pct(b.green)}), so the bands overlap`,
      });
    }
  }
  for (const k of COUNT_INDICATORS) {
    const b = t[k];
    const l = INDICATOR_LABELS[k];
    if (b.yellowFrom < 1)
      out.push({ path: k, message: `“${l.zh}”的黄灯起点须至少为 1，否则没有绿灯区间`, messageEn: `"${l.en}": yellow must start at 1 or more, else there is no green band` });
    if (b.redFrom < b.yellowFrom)
      out.push({
        path: k,
        message: `“${l.zh}”的红灯起点（${b.redFrom}）小于黄灯起点（${b.yellowFrom}），区间重叠，请调整`,
        messageEn: `"${l.en}": red starts (${b.redFrom}) before yellow (${b.yellowFrom}), so the bands overlap`,
      });
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A stored value laid over the defaults indicator by indicator (one changed row keeps the rest). */
function overlay(raw: unknown): unknown {
  if (!isPlainObject(raw)) return raw;
  const out: Record<string, unknown> = { ...THRESHOLD_DEFAULTS };
  for (const [k, v] of Object.entries(raw)) {
    const base = (THRESHOLD_DEFAULTS as unknown as Record<string, unknown>)[k];
    out[k] = isPlainObject(base) && isPlainObject(v) ? { ...base, ...v } : v;
  }
  return out;
}

export const WINDOW_LABELS: Record<keyof Windows, { zh: string; en: string }> = {
  contactDays: { zh: '党建联系回看天数', en: 'Party-contact look-back (days)' },
  escalationDueDays: { zh: '约谈和整改期限（天）', en: 'Interview and rectification due in (days)' },
};

function windowIssues(value: unknown): FieldIssue[] {
  const v: Record<string, unknown> = { ...WINDOW_DEFAULTS, ...(isPlainObject(value) ? value : {}) };
  const out: FieldIssue[] = [];
  if (!isPlainObject(value)) out.push({ path: 'assessment.windows', message: '考核窗口设置的格式不正确', messageEn: 'The assessment windows setting is malformed' });
  for (const k of Object.keys(v)) {
    if (!(k in WINDOW_LABELS)) out.push({ path: k, message: `未知的窗口设置项“${k}”`, messageEn: `Unknown window setting "${k}"` });
  }
  for (const k of Object.keys(WINDOW_LABELS) as (keyof Windows)[]) {
    const n = v[k];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 366)
      out.push({ path: k, message: `“${WINDOW_LABELS[k].zh}”须为 1–366 的整数`, messageEn: `"${WINDOW_LABELS[k].en}" must be a whole number from 1 to 366` });
  }
  return out;
}

function requiredIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [{ path: 'requiredFields', message: '数据质量必填项的格式不正确', messageEn: 'The required fields setting is malformed' }];
  if (!value.length) return [{ path: 'requiredFields', message: '数据质量必填项至少选择一项', messageEn: 'Choose at least one required field for data quality' }];
  const known = new Set<unknown>(REQUIRED_FIELD_CHOICES);
  return value.filter((f) => !known.has(f)).map((f) => ({ path: 'requiredFields', message: `“${String(f)}”不是可选的必填项`, messageEn: `"${String(f)}" is not a field that can be required` }));
}

/**
 * Why a value for an `assessment.*` key would be refused (empty when it may be stored): unknown
 * keys, wrong shapes, threshold sets whose bands would overlap or leave a gap, dual-track weights
 * that break the party share or do not make 100%. The settings screens check with it before saving,
 * the backend again before storing, so both say the same thing.
 */
export function assessmentSettingIssues(key: string, value: unknown): FieldIssue[] {
  switch (key) {
    case 'assessment.thresholds': {
      const parsed = thresholdsSchema.safeParse(overlay(value));
      if (!parsed.success) return [{ path: key, message: `“${key}”的取值格式不正确`, messageEn: `The value of "${key}" is malformed` }];
      return thresholdIssues(parsed.data as Thresholds);
    }
    case 'assessment.windows':
      return windowIssues(value);
    case 'assessment.requiredFields':
      return requiredIssues(value);
    case 'assessment.dual_track': {
      const r = parseDualTrack(value);
      return r.ok ? [] : r.issues;
    }
    default:
      return [{ path: key, message: `未知的考核预警设置项“${key}”`, messageEn: `Unknown assessment setting "${key}"` }];
  }
}

/** Refuses a bad value for an `assessment.*` key before it is stored (see assessmentSettingIssues). */
export function assertAssessmentSetting(key: string, value: unknown): void {
  const issues = assessmentSettingIssues(key, value);
  if (issues.length) throw new ApiError('validation', issues[0]!.message, issues[0]!.messageEn, issues);
}

export interface AssessmentSettings {
  thresholds: Thresholds;
  windows: Windows;
  requiredFields: RequiredField[];
}

/** The settings in force: stored values over DOMAIN.md's defaults; a value that fails its check is ignored. */
export function assessmentSettings(raw: Record<string, unknown> = {}): AssessmentSettings {
  const t = thresholdsSchema.safeParse(overlay(raw['assessment.thresholds'] ?? {}));
  const thresholds = t.success && !thresholdIssues(t.data as Thresholds).length ? (t.data as Thresholds) : THRESHOLD_DEFAULTS;
  const w = windowsSchema.safeParse({ ...WINDOW_DEFAULTS, ...(isPlainObject(raw['assessment.windows']) ? raw['assessment.windows'] : {}) });
  const r = requiredSchema.safeParse(raw['assessment.requiredFields']);
  return { thresholds, windows: w.success ? w.data : WINDOW_DEFAULTS, requiredFields: r.success ? r.data : REQUIRED_DEFAULTS };
}
