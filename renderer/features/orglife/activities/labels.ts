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

export const DUE_LEVEL: Labelled = {
  due: { zh: '待办', en: 'Due' },
  warning: { zh: '预警', en: 'Late' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

export const DUE_COLOR: Record<DueLevel, string> = { due: 'blue', warning: 'gold', overdue: 'red' };

export const ACTIVITY_STATUS: Labelled = { held: { zh: '已举行', en: 'Held' }, planned: { zh: '计划', en: 'Planned' } };

export const ATTENDANCE_COLOR: Record<string, string> = { present: 'green', absent: 'red', excused: 'gold' };

export const DUTY_KIND_LABEL: Labelled = {
  lecture: { zh: '讲党课（每半年）', en: 'Lecture (half-yearly)' },
  talk: { zh: '谈心谈话（每半年）', en: 'Talks (half-yearly)' },
  campaign: { zh: '参与攻坚（每年）', en: 'Campaign (yearly)' },
};
