// Labels and colours of the org-life statuses, shared by the activity, calendar and dashboard screens.
import type { Labelled } from '../../../../shared/domain/enums.js';
import type { DueLevel } from '../../../../shared/orglife/due.js';
import type { ObligationStatus } from '../../../../shared/orglife/status.js';

export const OBLIGATION_STATUS: Labelled = {
  done: { zh: '已完成', en: 'Done' },
  due: { zh: '待开展', en: 'Due' },
  warning: { zh: '待开展·预警', en: 'Due · late' },
  missed: { zh: '未开展', en: 'Missed' },
  upcoming: { zh: '未到期', en: 'Not yet due' },
};

export const STATUS_COLOR: Record<ObligationStatus, string> = { done: 'green', due: 'blue', warning: 'gold', missed: 'red', upcoming: 'default' };

// The words of 待办's counts (field trial: bare 99+ badges): each level says what it means.
export const DUE_LEVEL: Labelled = {
  due: { zh: '本期待办', en: 'Due this period' },
  warning: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

export const DUE_KIND: Labelled = {
  meeting: { zh: '组织生活', en: 'Organisation life' },
  visit: { zh: '驻点走访', en: 'Outlet visits' },
  duty: { zh: '指导员履职', en: 'Instructor duties' },
  conversion: { zh: '预备党员转正', en: 'Conversions' },
  standing: { zh: '党员状况预警', en: 'Member warnings' },
  rectification: { zh: '三单事项', en: 'Three-list items' },
};

/** What a compliance light means; {day} {q} {h} {y} are the reminder settings. */
export const COMPLIANCE_LIGHT: Record<'green' | 'yellow' | 'red' | 'none', { short: { zh: string; en: string }; long: { zh: string; en: string } }> = {
  green: { short: { zh: '按期开展', en: 'On schedule' }, long: { zh: '各期都已按要求开展，或本期尚在正常开展时间内', en: 'Every period held as required, or the current one still on time' } },
  yellow: {
    short: { zh: '临近截止未开展', en: 'Late, not yet held' },
    long: {
      zh: '本期尚未开展且已进入提醒期：月度事项过了{day}日，季度事项进入最后{q}个月，半年事项进入最后{h}个月，年度事项进入最后{y}个月',
      en: 'Not yet held and in its reminder window: after day {day} of the month, the last {q} month(s) of a quarter, {h} of a half-year, {y} of a year',
    },
  },
  red: { short: { zh: '有一期未开展', en: 'A period missed' }, long: { zh: '至少有一期已经结束仍未开展', en: 'At least one period ended without it' } },
  none: { short: { zh: '未到期', en: 'Not yet due' }, long: { zh: '所选期间尚未开始，还没有应开展的', en: 'The period has not started: nothing is owed yet' } },
};

/** What an instructor's duty light means (DOMAIN.md warnings: instructor duties). */
export const DUTY_LIGHT: typeof COMPLIANCE_LIGHT = {
  green: { short: { zh: '按期履职', en: 'On schedule' }, long: { zh: '走访、党课、谈心谈话和攻坚都按期完成或尚在期限内', en: 'Visits, lectures, talks and campaigns done or still on time' } },
  yellow: {
    short: { zh: '漏访或临近截止', en: 'A visit missed, or late' },
    long: { zh: '有漏访（未连续），或本期事项临近截止仍未完成，或未开展谈心谈话、攻坚；原因列写明是哪一项', en: 'A visit missed (not twice in a row), something late in its period, or talks or a campaign missed; the Why column says which' },
  },
  red: {
    short: { zh: '连续漏访或未讲党课', en: 'Visits missed in a row, or no lecture' },
    long: { zh: '同一联系点连续两期未走访，或有半年未讲党课', en: 'A contact point missed twice in a row, or a half-year without a lecture' },
  },
  none: { short: { zh: '未开始', en: 'Not started' }, long: { zh: '所选期间尚未开始', en: 'The period has not started' } },
};

export const DUE_COLOR: Record<DueLevel, string> = { due: 'blue', warning: 'gold', overdue: 'red' };

export const ACTIVITY_STATUS: Labelled = { held: { zh: '已举行', en: 'Held' }, planned: { zh: '计划', en: 'Planned' } };

export const ATTENDANCE_COLOR: Record<string, string> = { present: 'green', absent: 'red', excused: 'gold' };

export const DUTY_KIND_LABEL: Labelled = {
  lecture: { zh: '讲党课（每半年）', en: 'Lecture (half-yearly)' },
  talk: { zh: '谈心谈话（每半年）', en: 'Talks (half-yearly)' },
  campaign: { zh: '参与攻坚（每年）', en: 'Campaign (yearly)' },
};
