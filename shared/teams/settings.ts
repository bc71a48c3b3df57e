// Reference data of 岗区队, 承诺践诺 and 里程碑 (keys `teams.*`, `milestones.*`), with our defaults
// (DOMAIN.md gives none for these); a stored value that fails its check is ignored, and settings.set
// refuses it in both languages before it is stored.
import { z } from 'zod';
import { ApiError } from '../core/errors.js';

const schemas = {
  /** The fewest members a post, area or team may have. */
  'teams.minMembers': z.number().int().min(1).max(50),
  /** MM-DD from which a year's pledges may be reviewed (年终评议). */
  'teams.pledgeReviewFrom': z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
  /** An open node due within this many days (today included) is a yellow light. */
  'milestones.warnDays': z.number().int().min(0).max(90),
  /** A rectification item opened from a missed node is due this many days later. */
  'milestones.rectifyDueDays': z.number().int().min(1).max(366),
};

export interface Work334Settings { minMembers: number; pledgeReviewFrom: string; warnDays: number; rectifyDueDays: number }

export const WORK334_DEFAULTS: Work334Settings = { minMembers: 1, pledgeReviewFrom: '12-01', warnDays: 7, rectifyDueDays: 30 };

const FIELD: Record<keyof typeof schemas, keyof Work334Settings> = {
  'teams.minMembers': 'minMembers', 'teams.pledgeReviewFrom': 'pledgeReviewFrom', 'milestones.warnDays': 'warnDays', 'milestones.rectifyDueDays': 'rectifyDueDays',
};

export function work334Settings(raw: Record<string, unknown> = {}): Work334Settings {
  const out: Work334Settings = { ...WORK334_DEFAULTS };
  for (const key of Object.keys(schemas) as (keyof typeof schemas)[]) {
    const r = schemas[key].safeParse(raw[key]);
    if (r.success) (out as unknown as Record<string, unknown>)[FIELD[key]] = r.data;
  }
  return out;
}

export function assertWork334Setting(key: string, value: unknown): void {
  const schema = (schemas as Record<string, z.ZodType>)[key];
  const zh = schema ? `“${key}”的取值格式不正确` : `未知的设置项“${key}”`;
  const en = schema ? `The value of "${key}" is malformed` : `Unknown setting "${key}"`;
  if (!schema || !schema.safeParse(value).success) throw new ApiError('validation', zh, en, [{ path: key, message: zh, messageEn: en }]);
}
