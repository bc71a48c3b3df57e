// Labels and value formats of the assessment screens (shared with exports through shared/assessment).
import { INDICATOR_LABELS, RATIO_INDICATORS, type Indicator } from '../../../shared/assessment/thresholds.js';
import { ITEM_KIND_LABELS, ITEM_STATUS_LABELS } from '../../../shared/assessment/items.js';
import type { BoardLight, SubjectKind } from '../../../shared/assessment/types.js';
import type { Labelled } from '../../../shared/domain/enums.js';

export const INDICATORS_L: Labelled = INDICATOR_LABELS;
export const ITEM_KINDS_L: Labelled = ITEM_KIND_LABELS;
export const ITEM_STATUSES_L: Labelled = ITEM_STATUS_LABELS;
export const SUBJECT_KINDS_L: Record<SubjectKind, { zh: string; en: string }> = {
  county: { zh: '县（区）', en: 'County' },
  grid: { zh: '网格', en: 'Grid' },
  org: { zh: '党组织', en: 'Organisation' },
  outlet: { zh: '网点', en: 'Outlet' },
};
export const SOURCES_L: Labelled = {
  manual: { zh: '手工', en: 'By hand' },
  warning: { zh: '预警', en: 'Warning' },
  points: { zh: '积分', en: 'Points' },
  review: { zh: '复盘', en: 'Review' },
};

const RATIO = new Set<string>(RATIO_INDICATORS);
const MONTHS = new Set<string>(['member_gap']);
const DAYS = new Set<string>(['probation_overdue', 'rectification_overdue']);

/** A light's value as a reader wants it: a share in %, months or days, or a count of misses. */
export function valueText(l: Pick<BoardLight, 'indicator' | 'value' | 'derived'>, lang: 'zh' | 'en'): string {
  if (l.value === null) return '—';
  if (l.derived) return lang === 'zh' ? `红灯 ${l.value} 个` : `${l.value} red`;
  // The composite is a score out of 100, kept over 100 so its bands work like the shares'.
  if (l.indicator === 'dual_track') return lang === 'zh' ? `${(l.value * 100).toFixed(1)} 分` : `${(l.value * 100).toFixed(1)} pts`;
  if (RATIO.has(l.indicator)) return `${(l.value * 100).toFixed(1)}%`;
  if (MONTHS.has(l.indicator)) return lang === 'zh' ? `最长 ${l.value} 个月` : `up to ${l.value} months`;
  if (l.indicator === 'member_standing') return lang === 'zh' ? `${l.value} 名党员` : `${l.value} members`;
  if (DAYS.has(l.indicator)) return lang === 'zh' ? `最长逾期 ${l.value} 天` : `up to ${l.value} days late`;
  return lang === 'zh' ? `未完成 ${l.value} 项` : `${l.value} missed`;
}

/** Column headers of the board: short enough for ten columns at 1366 px; the full name is on hover. */
export const INDICATOR_SHORT: Record<Indicator, { zh: string; en: string }> = {
  coverage: { zh: '组织覆盖', en: 'Coverage' },
  contact: { zh: '党建联系', en: 'Contact' },
  meetings_monthly: { zh: '月度会议', en: 'Monthly mtg' },
  meetings_quarterly: { zh: '季度大会', en: 'Quarterly mtg' },
  attendance: { zh: '出勤率', en: 'Attend.' },
  member_gap: { zh: '未过组织生活', en: 'No org life' },
  probation_overdue: { zh: '转正逾期', en: 'Prob. late' },
  instructor_duties: { zh: '指导员履职', en: 'Instr. duty' },
  rectification_overdue: { zh: '整改逾期', en: 'Items late' },
  data_quality: { zh: '数据质量', en: 'Data quality' },
  dual_track: { zh: '双轨综合', en: 'Dual-track' },
  milestones: { zh: '里程碑', en: 'Milestones' },
  member_standing: { zh: '党员状况', en: 'Standing' },
};

export type { Indicator };
