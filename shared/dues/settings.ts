// Every number the dues and member-standing rules use (keys `dues.*`), with DOMAIN.md's defaults.
// A stored value that fails its schema is ignored for that key, so one bad entry cannot break them.
import { z } from 'zod';
import { ApiError } from '../core/errors.js';

/** One band of a rate table: bases up to `upTo` yuan (inclusive; null = no ceiling) pay `rate`. */
const band = z.object({ upTo: z.number().positive().nullable(), rate: z.number().min(0).max(0.2) });
/** Bands ascend and only the last one is open-ended. */
const bands = z.array(band).min(1).max(10).refine(
  (bs) => bs.every((b, i) => (i === bs.length - 1 ? b.upTo === null : b.upTo !== null && (i === 0 || b.upTo > bs[i - 1]!.upTo!))),
  { message: 'bands' },
);

const schemas = {
  /** % of the after-tax monthly wage (also business income). */
  wageBands: bands,
  /** % of the monthly pension for retirees. */
  pensionBands: bands,
  /** Flat monthly amounts (yuan) for members without a wage base. */
  flat: z.object({ farmer: z.number().min(0).max(100), student: z.number().min(0).max(100), unemployed: z.number().min(0).max(100) }),
  /** A payment may cover a month at most this many months back (the current one counts as 0). */
  backPayMonths: z.number().int().min(0).max(60),
  /** … and at most this many months ahead. */
  advanceMonths: z.number().int().min(0).max(24),
  /** Consecutive months without org life, or without dues, before a member is at risk of lapse. */
  lapseMonths: z.number().int().min(1).max(36),
  /** Consecutive months without org life and without dues before a member counts as lost contact. */
  lostContactMonths: z.number().int().min(1).max(36),
  /** A probation may be extended once, by this many months. */
  probationExtension: z.object({ minMonths: z.number().int().min(1).max(24), maxMonths: z.number().int().min(1).max(24) }),
};

export type DuesSettings = { [K in keyof typeof schemas]: z.infer<(typeof schemas)[K]> };
export type RateBand = z.infer<typeof band>;

export const DUES_DEFAULTS: DuesSettings = {
  wageBands: [{ upTo: 3000, rate: 0.005 }, { upTo: 5000, rate: 0.01 }, { upTo: 10000, rate: 0.015 }, { upTo: null, rate: 0.02 }],
  pensionBands: [{ upTo: 5000, rate: 0.005 }, { upTo: null, rate: 0.01 }],
  flat: { farmer: 0.2, student: 0.2, unemployed: 0.2 },
  backPayMonths: 6,
  advanceMonths: 12,
  lapseMonths: 6,
  lostContactMonths: 6,
  probationExtension: { minMonths: 6, maxMonths: 12 },
};

export const DUES_SETTING_KEYS = Object.keys(schemas).map((k) => `dues.${k}`);

export function duesSettings(raw: Record<string, unknown> = {}): DuesSettings {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(schemas) as (keyof DuesSettings)[]) {
    const v = raw[`dues.${key}`];
    const parsed = v === undefined ? null : schemas[key].safeParse(v);
    out[key] = parsed?.success ? parsed.data : DUES_DEFAULTS[key];
  }
  return out as DuesSettings;
}

/** Refuses (bilingual, nothing stored) an unknown `dues.*` key or a value that fails its schema. */
export function duesSettingIssue(key: string, value: unknown): { zh: string; en: string } | null {
  const name = key.slice('dues.'.length) as keyof DuesSettings;
  if (!(name in schemas)) return { zh: `未知的党费设置项“${key}”`, en: `Unknown dues setting "${key}"` };
  if (schemas[name].safeParse(value).success) return null;
  return name === 'wageBands' || name === 'pensionBands'
    ? { zh: `“${key}”的费率档次须按上限从低到高排列，最后一档不设上限，费率在0至20%之间`, en: `"${key}": bands ascend by ceiling, the last has none, rates are 0–20%` }
    : { zh: `“${key}”的取值格式不正确`, en: `The value of "${key}" is malformed` };
}

export function assertDuesSetting(key: string, value: unknown): void {
  const issue = duesSettingIssue(key, value);
  if (issue) throw new ApiError('validation', `输入有误：${issue.zh}`, `Invalid input: ${issue.en}`, [{ path: 'value', message: issue.zh, messageEn: issue.en }]);
}
