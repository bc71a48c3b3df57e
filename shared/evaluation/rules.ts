// Democratic review (民主评议) rules: who is graded, the four grades, 优秀 capped at a share of
// those graded (⅓ by default, `evaluation.excellentShare`), and who may see a negative outcome.
import type { Role } from '../domain/enums.js';

export const REVIEW_GRADES = {
  excellent: { zh: '优秀', en: 'Excellent' },
  pass: { zh: '合格', en: 'Pass' },
  basic_pass: { zh: '基本合格', en: 'Basic pass' },
  fail: { zh: '不合格', en: 'Fail' },
} as const;
export type ReviewGrade = keyof typeof REVIEW_GRADES;
export const REVIEW_GRADE_KEYS = Object.keys(REVIEW_GRADES) as [ReviewGrade, ...ReviewGrade[]];

/** What a role that may not see a grade holds instead (also what HQ sends it). */
export const MASKED_GRADE = '*';

/** Everything below 优秀 is hidden from such roles, so the mask does not itself single out a negative outcome. */
export const maskGrade = (g: string): string => (g === 'excellent' ? g : MASKED_GRADE);

/** Negative outcomes are sensitive (DOMAIN.md Privacy): the roles that see every grade. */
export const seesAllGrades = (role: Role): boolean => role === 'county_organiser' || role === 'hq_admin';

export interface EvaluationSettings { excellentShare: number }
export const EVALUATION_DEFAULTS: EvaluationSettings = { excellentShare: 1 / 3 };

export function evaluationSettings(raw: Record<string, unknown> = {}): EvaluationSettings {
  const v = raw['evaluation.excellentShare'];
  return { excellentShare: typeof v === 'number' && v > 0 && v <= 1 ? v : EVALUATION_DEFAULTS.excellentShare };
}

/** The most members who may be graded 优秀 among `graded` (rounded down; a tiny epsilon keeps ⅓ × 6 at 2). */
export function excellentCap(graded: number, s: EvaluationSettings = EVALUATION_DEFAULTS): number {
  return Math.floor(graded * s.excellentShare + 1e-9);
}
