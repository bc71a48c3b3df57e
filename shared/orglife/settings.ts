// Every number the org-life rules use, with DOMAIN.md's defaults. Organisers change them through
// settings (keys `orglife.*`); the rules never hold a constant of their own.
import { z } from 'zod';
import { ACTIVITY_TYPES, ORG_TYPES, keysOf, type ActivityType, type OrgType } from '../domain/enums.js';
import type { PeriodUnit } from './periods.js';

const unit = z.enum(['month', 'quarter', 'half', 'year']);
const activityType = z.enum(keysOf(ACTIVITY_TYPES));

/** Who a cadence applies to: every organisation, those with a committee, or each Party group. */
export type CadenceSubject = 'org' | 'committee' | 'group';

const cadenceRule = z.object({ period: unit, min: z.number().int().min(1).max(31), subject: z.enum(['org', 'committee', 'group']) });
export type CadenceRule = z.infer<typeof cadenceRule>;

const duty = z.object({ period: unit, min: z.number().int().min(1).max(31), types: z.array(activityType).min(1) });
export type DutyRule = z.infer<typeof duty>;

const schemas = {
  /** Organisation-life cadence (DOMAIN.md "Meetings"). Removing a type drops it from compliance. */
  cadence: z.partialRecord(activityType, cadenceRule),
  /** Organisation types that hold the 三会一课 cadence. */
  cadenceOrgTypes: z.array(z.enum(keysOf(ORG_TYPES))).min(1),
  /** Red/yellow/green: monthly items turn yellow after this day; longer periods in their last months. */
  warning: z.object({
    monthlyYellowAfterDay: z.number().int().min(1).max(28),
    yellowLastMonths: z.object({ quarter: z.number().int().min(0).max(3), half: z.number().int().min(0).max(6), year: z.number().int().min(0).max(12) }),
  }),
  /** Strictly more than this share of voting members must be present / vote yes. */
  quorum: z.object({ presentShare: z.number().min(0).max(1), motionShare: z.number().min(0).max(1) }),
  /** Instructor duties (DOMAIN.md "Instructors", seed 000). */
  instructor: z.object({ visit: z.object({ period: unit, min: z.number().int().min(1).max(31) }), lecture: duty, talk: duty, campaign: duty }),
  /** Probation length and when an overdue conversion turns red. */
  probation: z.object({ months: z.number().int().min(1).max(36), redAfterDays: z.number().int().min(0).max(365) }),
  /** 待办 lists a missed obligation of the last period only while it is this many days overdue. */
  due: z.object({ overdueWindowDays: z.number().int().min(0).max(3660) }),
  /** Size limits of attached photos and files, in megabytes. */
  attachments: z.object({ maxPhotoMb: z.number().min(0.1).max(14), maxFileMb: z.number().min(0.1).max(14) }),
};

export type OrgLifeSettings = { [K in keyof typeof schemas]: z.infer<(typeof schemas)[K]> };

export const ORGLIFE_DEFAULTS: OrgLifeSettings = {
  cadence: {
    theme_day: { period: 'month', min: 1, subject: 'org' },
    committee_meeting: { period: 'month', min: 1, subject: 'committee' },
    group_meeting: { period: 'month', min: 1, subject: 'group' },
    general_meeting: { period: 'quarter', min: 1, subject: 'org' },
    lecture: { period: 'quarter', min: 1, subject: 'org' },
    org_life_meeting: { period: 'year', min: 1, subject: 'org' },
    review: { period: 'year', min: 1, subject: 'org' },
    talk: { period: 'year', min: 1, subject: 'org' },
  },
  cadenceOrgTypes: ['branch', 'joint_branch', 'temp_branch'],
  warning: { monthlyYellowAfterDay: 20, yellowLastMonths: { quarter: 1, half: 1, year: 3 } },
  quorum: { presentShare: 0.5, motionShare: 0.5 },
  instructor: {
    visit: { period: 'month', min: 1 },
    lecture: { period: 'half', min: 1, types: ['lecture', 'micro_lecture'] },
    talk: { period: 'half', min: 1, types: ['talk'] },
    campaign: { period: 'year', min: 1, types: ['task_force'] },
  },
  probation: { months: 12, redAfterDays: 30 },
  due: { overdueWindowDays: 31 },
  // The browser-mode server accepts 20 MB bodies; base64 grows a file by a third.
  attachments: { maxPhotoMb: 10, maxFileMb: 10 },
};

export const ORGLIFE_SETTING_KEYS = Object.keys(schemas).map((k) => `orglife.${k}`);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key over the default; arrays and scalars replace it. */
function merge(base: unknown, over: unknown): unknown {
  if (over === undefined || over === null) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

/**
 * The effective org-life settings from the raw settings map (`settings.get`). A value that does
 * not pass its schema is ignored for that key, so one bad entry cannot break the rules.
 */
export function orgLifeSettings(raw: Record<string, unknown> = {}): OrgLifeSettings {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(schemas) as (keyof OrgLifeSettings)[]) {
    const merged = key === 'cadence' && isPlainObject(raw[`orglife.${key}`])
      ? // a cadence map replaces whole rules but keeps the default types it does not mention
        { ...ORGLIFE_DEFAULTS.cadence, ...(raw[`orglife.${key}`] as object) }
      : merge(ORGLIFE_DEFAULTS[key], raw[`orglife.${key}`]);
    const parsed = schemas[key].safeParse(merged);
    out[key] = parsed.success ? parsed.data : ORGLIFE_DEFAULTS[key];
  }
  return out as OrgLifeSettings;
}

/** The cadence rules as a list, in the display order of ACTIVITY_TYPES. */
export function cadenceRules(s: OrgLifeSettings): { type: ActivityType; rule: CadenceRule }[] {
  return keysOf(ACTIVITY_TYPES)
    .filter((t) => s.cadence[t])
    .map((t) => ({ type: t, rule: s.cadence[t]! }));
}

export function holdsCadence(s: OrgLifeSettings, orgType: string): boolean {
  return s.cadenceOrgTypes.includes(orgType as OrgType);
}

export type { PeriodUnit };
