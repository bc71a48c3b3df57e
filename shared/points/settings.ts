// Every number the points rules use, with DOMAIN.md's defaults (seed 004 积分管理). Organisers change
// them through settings (keys `points.*`); HQ sets `points.bounds` at the province scope ('/'), and
// a county's rule set counts only inside those bounds.
import { z } from 'zod';
import { ACTIVITY_TYPES, keysOf } from '../domain/enums.js';

const activityType = z.enum(keysOf(ACTIVITY_TYPES));

/** Where an automatic entry comes from: a present attendance mark, or giving the lecture/host role. */
const autoSource = z.strictObject({ from: z.enum(['attendance', 'lecturer', 'quiz']), types: z.array(activityType).min(1) });

export const ITEM_KINDS = {
  mandatory: { zh: '规定动作', en: 'Mandatory action' },
  optional: { zh: '自选动作', en: 'Optional action' },
  deduction: { zh: '扣分', en: 'Deduction' },
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;

export const pointsItem = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  kind: z.enum(['mandatory', 'optional', 'deduction']),
  zh: z.string().min(1).max(40),
  en: z.string().min(1).max(60),
  /** Points per occurrence: positive for actions, negative for deductions. */
  value: z.number().min(-100).max(100),
  /** Yearly cap of the item's earned points (null: none; deductions are never capped). */
  cap: z.number().min(0).max(400).nullable(),
  auto: autoSource.nullable(),
});
export type PointsItem = z.infer<typeof pointsItem>;

const bounds = z.strictObject({
  baseMin: z.number().min(0).max(100),
  baseMax: z.number().min(0).max(100),
  maxValue: z.number().min(0).max(100),
  maxCap: z.number().min(0).max(400),
  maxDeduction: z.number().min(0).max(100),
});
export type PointsBounds = z.infer<typeof bounds>;

const schemas = {
  items: z.array(pointsItem).min(1).max(60),
  base: z.number().min(0).max(100),
  /** Lower edges of the grades: excellent ≥ excellent, good ≥ good, pass ≥ pass, else poor. */
  grades: z.strictObject({ excellent: z.number(), good: z.number(), pass: z.number() }).refine((g) => g.excellent > g.good && g.good > g.pass),
  objectionDays: z.number().int().min(1).max(60),
  /** Days a member listed in the three lists has to rectify, counted from publication. */
  rectifyDays: z.number().int().min(1).max(365),
  /** The lowest of a branch get the three lists: these grades, or the bottom share of the ranking. */
  lowest: z.strictObject({ grades: z.array(z.enum(['excellent', 'good', 'pass', 'poor'])), bottomShare: z.number().min(0).max(1) }),
  bounds,
};

export type PointsSettings = { [K in keyof typeof schemas]: z.infer<(typeof schemas)[K]> };
export const POINTS_SETTING_KEYS = Object.keys(schemas).map((k) => `points.${k}`);

export const POINTS_DEFAULTS: PointsSettings = {
  items: [
    { key: 'sanhui_yike', kind: 'mandatory', zh: '参加三会一课', en: 'Attending 三会一课', value: 3, cap: 12,
      auto: { from: 'attendance', types: ['general_meeting', 'committee_meeting', 'group_meeting', 'lecture'] } },
    { key: 'theme_day', kind: 'mandatory', zh: '参加主题党日', en: 'Attending a theme day', value: 2, cap: 8, auto: { from: 'attendance', types: ['theme_day'] } },
    { key: 'micro_lecture', kind: 'optional', zh: '讲微党课/党课', en: 'Giving a micro-lecture or lecture', value: 3, cap: 12,
      auto: { from: 'lecturer', types: ['micro_lecture', 'lecture'] } },
    { key: 'task_force', kind: 'optional', zh: '突击队/先锋岗攻坚', en: 'Commando team / vanguard post work', value: 3, cap: 12,
      auto: { from: 'attendance', types: ['task_force', 'pioneer_service'] } },
    { key: 'volunteer', kind: 'optional', zh: '志愿服务与反诈宣传', en: 'Volunteering and anti-fraud outreach', value: 2, cap: 8, auto: null },
    { key: 'honour', kind: 'optional', zh: '获得表彰', en: 'Honour received', value: 5, cap: 10, auto: null },
    { key: 'absence', kind: 'deduction', zh: '无故缺席组织生活', en: 'Unexcused absence', value: -3, cap: null, auto: null },
    { key: 'discipline', kind: 'deduction', zh: '违反纪律或服务投诉', en: 'Breach of discipline or upheld complaint', value: -5, cap: null, auto: null },
  ],
  base: 70,
  grades: { excellent: 90, good: 80, pass: 60 },
  objectionDays: 7,
  rectifyDays: 30,
  lowest: { grades: ['poor'], bottomShare: 0.1 },
  bounds: { baseMin: 60, baseMax: 80, maxValue: 10, maxCap: 40, maxDeduction: 20 },
};

export interface BoundIssue { key: string; zh: string; en: string }

/** What in a rule set lies outside HQ's bounds (empty: the rule set may be used). */
export function boundIssues(items: readonly PointsItem[], base: number, b: PointsBounds): BoundIssue[] {
  const out: BoundIssue[] = [];
  if (base < b.baseMin || base > b.baseMax)
    out.push({ key: 'base', zh: `基础分须在 ${b.baseMin}–${b.baseMax} 之间`, en: `The base must be between ${b.baseMin} and ${b.baseMax}` });
  for (const i of items) {
    if (i.kind === 'deduction' ? i.value > 0 || -i.value > b.maxDeduction : i.value < 0 || i.value > b.maxValue)
      out.push(i.kind === 'deduction'
        ? { key: i.key, zh: `“${i.zh}”须为负分，且不超过 ${b.maxDeduction} 分`, en: `“${i.en}” must be negative and at most ${b.maxDeduction} points` }
        : { key: i.key, zh: `“${i.zh}”的分值须在 0–${b.maxValue} 之间`, en: `“${i.en}” must be worth 0–${b.maxValue} points` });
    if (i.kind !== 'deduction' && (i.cap === null || i.cap > b.maxCap))
      out.push({ key: i.key, zh: `“${i.zh}”的年度上限须设置且不超过 ${b.maxCap} 分`, en: `“${i.en}” needs a yearly cap of at most ${b.maxCap}` });
  }
  if (new Set(items.map((i) => i.key)).size !== items.length) out.push({ key: 'items', zh: '积分项目的代码不能重复', en: 'Item codes must be unique' });
  return out;
}

/**
 * The effective points settings from the settings in force for a scope (`raw`) and HQ's bounds
 * (`hqBounds`, the value set at '/'). A value failing its schema falls back to the default; a rule
 * set or base outside HQ's bounds is not used (the province default stands), so no county can
 * exceed what HQ allows even by writing settings directly.
 */
export function pointsSettings(raw: Record<string, unknown> = {}, hqBounds?: unknown): PointsSettings {
  const pick = <K extends keyof PointsSettings>(k: K, v: unknown): PointsSettings[K] => {
    const p = schemas[k].safeParse(v ?? POINTS_DEFAULTS[k]);
    return (p.success ? p.data : POINTS_DEFAULTS[k]) as PointsSettings[K];
  };
  const b = pick('bounds', hqBounds);
  const items = pick('items', raw['points.items']);
  const base = pick('base', raw['points.base']);
  return {
    items: boundIssues(items, POINTS_DEFAULTS.base, b).length ? POINTS_DEFAULTS.items : items,
    base: boundIssues([], base, b).length ? POINTS_DEFAULTS.base : base,
    grades: pick('grades', raw['points.grades']),
    objectionDays: pick('objectionDays', raw['points.objectionDays']),
    rectifyDays: pick('rectifyDays', raw['points.rectifyDays']),
    lowest: pick('lowest', raw['points.lowest']),
    bounds: b,
  };
}

/** Why a rectification window (`points.rectifyDays`) cannot be used (null: it can); the rules screen asks the same. */
export function rectifyDaysIssue(v: unknown): BoundIssue | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 365) return null;
  return { key: 'rectifyDays', zh: '三单整改期限须为 1–365 之间的整数天', en: 'The three-lists rectification window must be a whole number of days from 1 to 365' };
}

/**
 * What is wrong with a value about to be stored under a `points.*` key (null: nothing), for a
 * writer at `scope`: HQ's bounds are set province-wide only, and a rule set must lie inside them.
 */
export function settingIssue(key: string, value: unknown, scope: string, b: PointsBounds): BoundIssue | null {
  const name = key.slice('points.'.length) as keyof PointsSettings;
  if (!key.startsWith('points.') || !(name in schemas)) return { key, zh: `未知的积分设置项：${key}`, en: `Unknown points setting: ${key}` };
  if (name === 'bounds' && scope !== '/') return { key, zh: '积分规则的允许范围只能由省公司统一设置', en: 'Only HQ sets the bounds of the points rules' };
  if (name === 'rectifyDays') return rectifyDaysIssue(value);
  const parsed = schemas[name].safeParse(value);
  if (!parsed.success) return { key, zh: `积分设置“${key}”的取值不符合要求`, en: `The value of ${key} is invalid` };
  if (name === 'items') return boundIssues(parsed.data as PointsItem[], b.baseMin, b)[0] ?? null;
  if (name === 'base') return boundIssues([], parsed.data as number, b)[0] ?? null;
  return null;
}
