// Every number the quiz rules use (党建知识闯关赛, seed 000 §3.3.2), with DOMAIN.md's defaults.
// Organisers change them through settings (keys `quiz.*`); HQ sets the categories at '/', because the
// question bank it imports is checked against them.
import { z } from 'zod';
import { ApiError } from '../core/errors.js';

export const quizCategory = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  zh: z.string().min(1).max(20),
  en: z.string().min(1).max(40),
});
export type QuizCategory = z.infer<typeof quizCategory>;

const schemas = {
  /** Questions in one run of a level; answering all of them right passes the level. */
  levelLength: z.number().int().min(1).max(50),
  pointsPerCorrect: z.number().int().min(0).max(20),
  pointsPerLevel: z.number().int().min(0).max(50),
  /** Quiz points a person can earn on one Beijing calendar day, summed over every device. */
  dailyCap: z.number().int().min(0).max(500),
  /** Seconds to answer one question; 0: no limit. */
  timeLimitSeconds: z.number().int().min(0).max(600),
  /** Right answers in a row after which a reviewed question leaves the review list. */
  reviewGraduate: z.number().int().min(1).max(10),
  /** Whether players' own names appear in the standings (off unless an organiser switches it on). */
  publicRanking: z.boolean(),
  categories: z.array(quizCategory).min(1).max(30),
};

export type QuizSettings = { [K in keyof typeof schemas]: z.infer<(typeof schemas)[K]> };
export const QUIZ_SETTING_KEYS = Object.keys(schemas).map((k) => `quiz.${k}`);

export const QUIZ_DEFAULTS: QuizSettings = {
  levelLength: 5,
  pointsPerCorrect: 1,
  pointsPerLevel: 2,
  dailyCap: 6,
  timeLimitSeconds: 0,
  reviewGraduate: 3,
  publicRanking: false,
  categories: [
    { key: 'business', zh: '业务知识', en: 'Business' },
    { key: 'party_rules', zh: '党规党纪', en: 'Party rules' },
    { key: 'anti_fraud', zh: '反诈知识', en: 'Anti-fraud' },
    { key: 'party_history', zh: '党史知识', en: 'Party history' },
  ],
};

/** The settings in force from the raw `quiz.*` values: a value failing its schema falls back to the default. */
export function quizSettings(raw: Record<string, unknown> = {}): QuizSettings {
  const out = { ...QUIZ_DEFAULTS } as Record<string, unknown>;
  for (const [k, schema] of Object.entries(schemas)) {
    const v = raw[`quiz.${k}`];
    if (v === undefined) continue;
    const p = schema.safeParse(v);
    if (p.success) out[k] = p.data;
  }
  return out as QuizSettings;
}

/** What is wrong with a value about to be stored under a `quiz.*` key (null: nothing). */
export function quizSettingIssue(key: string, value: unknown): { zh: string; en: string } | null {
  const name = key.slice('quiz.'.length) as keyof QuizSettings;
  if (!(name in schemas)) return { zh: `未知的闯关赛设置项：${key}`, en: `Unknown quiz setting: ${key}` };
  return schemas[name].safeParse(value).success ? null : { zh: `闯关赛设置“${key}”的取值不符合要求`, en: `The value of ${key} is invalid` };
}

/** Refuses (bilingual, nothing written) a `quiz.*` setting that is unknown or out of its range. */
export function assertQuizSetting(key: string, value: unknown): void {
  const issue = quizSettingIssue(key, value);
  if (issue) throw new ApiError('validation', `输入有误：${issue.zh}`, `Invalid input: ${issue.en}`, [{ path: 'value', message: issue.zh, messageEn: issue.en }]);
}
