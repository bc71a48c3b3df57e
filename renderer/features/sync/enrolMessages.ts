// Strings of the enrolment review and of the records kept at enrolment (issue 15), Chinese first.
import type { Lang } from '../../i18n';

const zh = {
  reviewTitle: '完成注册前请确认',
  reviewBody: '总部已答复：本设备将以“{user}（{role}）”的身份、在“{scope}”范围内同步。注册前在本机录入的以下 {n} 条记录，这个身份无权同步，不会发送给总部。完成注册后它们仍保留在本机，可随时导出为 Excel，删除与否由你决定。',
  table: '类型',
  record: '记录',
  reason: '原因',
  changes: '修改次数',
  export: '导出 Excel',
  finish: '完成注册，保留这些记录',
  finished: '注册完成，{n} 条记录保留在本机',
  keptTitle: '注册时保留在本机的记录（{n}）',
  keptBody: '以下记录在本设备注册前录入，超出本设备身份的权限，没有发送给总部，只保存在本机。可导出为 Excel 交给有权限的同事录入；确认不再需要后可以删除。',
  discard: '从本机删除这些记录',
  discardConfirm: '删除后这些记录将从本机消失且无法恢复（总部从未收到过它们）。确定删除？',
  discarded: '已从本机删除 {n} 条记录',
  keptAt: '保留于',
};

const en: Record<keyof typeof zh, string> = {
  reviewTitle: 'Review before the enrolment completes',
  reviewBody: 'HQ has answered: this device will sync as “{user}” ({role}) within “{scope}”. The {n} records below were entered on this device before enrolment and this identity may not sync them, so they will not be sent to HQ. After enrolment they stay on this device, can be exported to Excel at any time, and are deleted only if you decide so.',
  table: 'Kind',
  record: 'Record',
  reason: 'Reason',
  changes: 'Changes',
  export: 'Export to Excel',
  finish: 'Finish enrolment, keep these records',
  finished: 'Enrolled; {n} records kept on this device',
  keptTitle: 'Records kept on this device at enrolment ({n})',
  keptBody: 'These records were entered before this device enrolled and lie outside what its identity may sync: they were not sent to HQ and exist only here. Export them to Excel for a colleague who may enter them; delete them once they are no longer needed.',
  discard: 'Delete these records from this device',
  discardConfirm: 'The records disappear from this device for good (HQ never received them). Delete them?',
  discarded: '{n} records deleted from this device',
  keptAt: 'Kept at',
};

export type EnrolKey = keyof typeof zh;

export function enrolText(lang: Lang, key: EnrolKey, vars?: Record<string, string | number>): string {
  let s = (lang === 'en' ? en : zh)[key];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}
