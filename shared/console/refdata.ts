// Which reference data the HQ console edits, and the check each value passes before HQ stores it:
// the same shared rules the app's settings.set applies (assessment, points, org-life, honours, quiz), so a value
// HQ sends down is one the device would have accepted. Province-only keys cannot be overridden by a county.
import { assertAssessmentSetting } from '../assessment/thresholds.js';
import { ApiError } from '../core/errors.js';
import { assertHonoursSetting } from '../honours/rules.js';
import { assertQuizSetting } from '../quiz/settings.js';
import { orgLifeSettings, type OrgLifeSettings } from '../orglife/settings.js';
import { pointsSettings, settingIssue } from '../points/settings.js';
import { consoleSettingValid } from './settings.js';

export interface RefKey { key: string; zh: string; en: string; provinceOnly: boolean }

export const REF_KEYS: RefKey[] = [
  { key: 'assessment.thresholds', zh: '红黄绿预警阈值', en: 'Warning thresholds', provinceOnly: false },
  { key: 'assessment.dual_track', zh: '双轨考核权重与评分曲线', en: 'Dual-track weights and curves', provinceOnly: false },
  { key: 'points.items', zh: '党员积分项目', en: 'Member points items', provinceOnly: false },
  { key: 'points.base', zh: '积分基础分', en: 'Points base', provinceOnly: false },
  { key: 'points.grades', zh: '积分等次', en: 'Points grades', provinceOnly: false },
  { key: 'points.bounds', zh: '积分规则允许范围（省公司）', en: 'Bounds of the points rules (province)', provinceOnly: true },
  { key: 'orglife.cadence', zh: '三会一课频次', en: 'Meeting cadences', provinceOnly: false },
  { key: 'orglife.warning', zh: '组织生活黄灯时点', en: 'When org-life items turn yellow', provinceOnly: false },
  { key: 'orglife.instructor', zh: '党建指导员履职要求', en: 'Instructor duties', provinceOnly: false },
  { key: 'honours.kinds', zh: '荣誉类别', en: 'Honour kinds', provinceOnly: false },
  // HQ checks imported questions against the province's categories and caps a person's day with the province's cap.
  { key: 'quiz.categories', zh: '闯关赛题目分类', en: 'Quiz question categories', provinceOnly: true },
  { key: 'quiz.dailyCap', zh: '闯关赛每日积分上限', en: 'Quiz points cap per day', provinceOnly: true },
  { key: 'quiz.levelLength', zh: '闯关赛每关题数', en: 'Questions per quiz level', provinceOnly: false },
  { key: 'quiz.pointsPerCorrect', zh: '闯关赛答对一题积分', en: 'Quiz points per right answer', provinceOnly: false },
  { key: 'quiz.pointsPerLevel', zh: '闯关赛通关积分', en: 'Quiz points per level passed', provinceOnly: false },
  { key: 'quiz.timeLimitSeconds', zh: '闯关赛答题限时（秒，0 为不限）', en: 'Quiz time per question (s, 0: none)', provinceOnly: false },
  { key: 'quiz.publicRanking', zh: '闯关赛公开个人排名', en: 'Quiz public individual ranking', provinceOnly: false },
  { key: 'console.silentDays', zh: '设备失联天数', en: 'Days before a device counts as silent', provinceOnly: true },
  { key: 'console.signIn', zh: '控制台登录锁定', en: 'Console sign-in lockout', provinceOnly: true },
  { key: 'console.session', zh: '控制台会话时长', en: 'Console session lifetime', provinceOnly: true },
];

const refused = (key: string, zh: string, en: string) =>
  new ApiError('validation', `输入有误：${zh}`, `Invalid input: ${en}`, [{ path: key, message: zh, messageEn: en }]);

/** Every leaf of `part` is in `whole` with the same value (arrays compared whole). */
function contained(part: unknown, whole: unknown): boolean {
  if (typeof part !== 'object' || part === null || Array.isArray(part)) return JSON.stringify(part) === JSON.stringify(whole);
  if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) return false;
  const w = whole as Record<string, unknown>;
  return Object.entries(part).every(([k, v]) => k in w && contained(v, w[k]));
}

/**
 * Refuses (bilingual ApiError) a value for `key` at `scope`. `hqBounds` is the points bounds set at '/'.
 * Org-life values are checked by the rules' own reader: a value it would fall back from is refused.
 */
export function assertRefValue(key: string, value: unknown, scope: string, hqBounds: unknown): void {
  const ref = REF_KEYS.find((k) => k.key === key);
  if (!ref) throw refused(key, `不可在控制台修改的设置项“${key}”`, `"${key}" cannot be edited in the console`);
  if (ref.provinceOnly && scope !== '/') throw refused(key, `“${ref.zh}”只能由省公司统一设置`, `"${ref.en}" is set for the whole province only`);
  if (key.startsWith('assessment.')) return assertAssessmentSetting(key, value);
  if (key.startsWith('points.')) {
    const issue = settingIssue(key, value, scope, pointsSettings({}, hqBounds).bounds);
    if (issue) throw refused(key, issue.zh, issue.en);
    return;
  }
  if (key.startsWith('honours.')) return assertHonoursSetting(key, value);
  if (key.startsWith('quiz.')) return assertQuizSetting(key, value);
  if (key.startsWith('orglife.')) {
    const name = key.slice('orglife.'.length) as keyof OrgLifeSettings;
    const effective = orgLifeSettings({ [key]: value })[name];
    // A value the reader falls back from leaves the defaults in force, which then do not contain it.
    if (value === null || typeof value !== 'object' || !contained(value, effective))
      throw refused(key, `“${ref.zh}”的取值不符合要求`, `The value of "${ref.en}" is invalid`);
    return;
  }
  if (!consoleSettingValid(key, value)) throw refused(key, `“${ref.zh}”的取值不符合要求`, `The value of "${ref.en}" is invalid`);
}
