// 复盘复训 (seed 000 §4.2.3): monthly, quarterly and yearly reviews of an organisation or a county,
// "数据对比 + 案例剖析": the data comparison is prefilled from the warning board and the milestone
// nodes of the period against the period before; findings become three-list items or training
// needs, and a training need is met by a retraining session recorded as an activity with attendance.
import { ApiError } from '../core/errors.js';
import { parsePeriodKey, type Period } from '../orglife/periods.js';
import type { NodeCounts } from '../milestones/rules.js';

export const REVIEW_KINDS = { month: { zh: '月度专项复盘', en: 'Monthly review' }, quarter: { zh: '季度综合复盘', en: 'Quarterly review' }, year: { zh: '年度全面复盘', en: 'Yearly review' } } as const;
export type ReviewKind = keyof typeof REVIEW_KINDS;

export const FINDING_KINDS = { item: { zh: '转三单', en: 'To the three lists' }, training: { zh: '培训需求', en: 'Training need' } } as const;
export type FindingKind = keyof typeof FINDING_KINDS;
export const FINDING_KIND_KEYS = Object.keys(FINDING_KINDS) as [FindingKind, ...FindingKind[]];

export interface LightCounts { red: number; yellow: number; green: number }
/** What a review compares: the board's lights at the period's end and the period's milestone nodes, this period and the one before. */
export interface ReviewData {
  period: string;
  previous: string;
  lights: LightCounts;
  previousLights: LightCounts;
  /** Red lights by indicator this period, the most first: where to look. */
  reds: { indicator: string; count: number }[];
  nodes: NodeCounts;
  previousNodes: NodeCounts;
}

/** A review covers a month, a quarter or a year that has begun. */
export function reviewPeriod(key: string, today: string): Period & { kind: ReviewKind } {
  const p = parsePeriodKey(key);
  if (!p || p.unit === 'half') throw new ApiError('validation', '复盘期间须为月份、季度或年度（如 2026-11、2026-Q4、2026）', 'A review covers a month, a quarter or a year (2026-11, 2026-Q4, 2026)', [{ path: 'periodKey', message: '复盘期间须为月份、季度或年度（如 2026-11、2026-Q4、2026）', messageEn: 'A review covers a month, a quarter or a year (2026-11, 2026-Q4, 2026)' }]);
  if (p.start > today) throw new ApiError('validation', '不能复盘尚未开始的期间', 'A period that has not begun cannot be reviewed', [{ path: 'periodKey', message: '不能复盘尚未开始的期间', messageEn: 'A period that has not begun cannot be reviewed' }]);
  return { ...p, kind: p.unit as ReviewKind };
}

