// A row's political status, from what typed rosters actually hold: a status column that says
// 中共党员 for full and probationary members alike, the difference written in 备注 (预备党员, 预备,
// 转正时间2025.03), or nothing but the join date. The probation rule is certain: nobody admitted
// less than a year ago is a full member, so such a row is imported as probationary, with a warning
// when the file said otherwise.
import { toHalfWidth } from '../../../shared/domain/text.js';
import { parseDate } from '../../../shared/people/cells.js';
import { addYears } from '../../../shared/people/rules.js';
import type { ImportProblem } from '../../../shared/people/types.js';
import { problem } from './rowValues.js';

type Status = 'full_member' | 'probationary';

/** Status words that do not tell full from probationary membership. */
const GENERIC = new Set(['', '党员', '中共党员', '共产党员', '中国共产党党员', '中共']);

const DATE = String.raw`(\d{4}[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?月?|\d{6,8})`;
const WILL_CONVERT = /(预计|拟|待|应|未|将)[^,，;；]{0,12}转正|延长预备期|预备期/;
const CONVERTED_ON = new RegExp(`转正(?:时间|日期|于)?[:：]?${DATE}|${DATE}(?:转正|转为正式党员)`);
const PROBATIONARY = /预备/;
const CONVERTED = /已转正|正式党员/;

export interface RemarkStatus {
  status: Status;
  fullDate: string | null;
}

/** What a remarks cell says about membership, or null when it says nothing about it. */
export function remarkStatus(notes: string | null): RemarkStatus | null {
  if (!notes) return null;
  const t = toHalfWidth(notes).replace(/\s/g, '');
  if (WILL_CONVERT.test(t)) return { status: 'probationary', fullDate: null };
  const on = CONVERTED_ON.exec(t);
  if (on) {
    const d = parseDate({ t: 'text', v: (on[1] ?? on[2] ?? '').replace(/月$/, '') });
    return { status: 'full_member', fullDate: d.ok ? d.v : null };
  }
  if (PROBATIONARY.test(t)) return { status: 'probationary', fullDate: null };
  if (CONVERTED.test(t)) return { status: 'full_member', fullDate: null };
  return null;
}

const LABEL: Record<Status, [string, string]> = { full_member: ['正式党员', 'a full member'], probationary: ['预备党员', 'a probationary member'] };

export interface StatusIn {
  /** The status column, read (null when blank or unreadable). */
  status: string | null;
  statusText: string;
  joinDate: string | null;
  fullDate: string | null;
  notes: string | null;
  stored: string | null;
  today: string;
  probationYears: number;
}

/** The status to import, the full-membership date to add (from the remarks) and the warnings. */
export function decideStatus(i: StatusIn): { status: string; fullDate: string | null; notes: ImportProblem[] } {
  const notes: ImportProblem[] = [];
  let status = i.status;
  let fullDate = i.fullDate;
  const remark = remarkStatus(i.notes);
  const generic = GENERIC.has(i.statusText) && (!status || status === 'full_member');
  if (remark && generic && !(remark.status === 'probationary' && fullDate)) {
    if (remark.status !== status) {
      const [zh, en] = LABEL[remark.status];
      notes.push(problem('politicalStatus', '', { zh: `按备注“${i.notes}”记为${zh}`, en: `Recorded as ${en}, as the remarks say` }));
    }
    status = remark.status;
    if (remark.fullDate && !fullDate) {
      fullDate = remark.fullDate;
      notes.push(problem('fullDate', '', { zh: `按备注“${i.notes}”记为${fullDate}`, en: `${fullDate}, from the remarks` }));
    }
  } else if (remark && status && remark.status !== status && (status === 'full_member' || status === 'probationary')) {
    notes.push(problem('politicalStatus', '', { zh: `备注“${i.notes}”与人员类别不一致，按人员类别导入`, en: 'The remarks disagree with the status column; the column is used' }));
  }
  const cutoff = addYears(i.today, -i.probationYears);
  // A roster with join dates and no status is a list of members: a recent join without a
  // full-membership date is a probationary member.
  if (!status && i.joinDate) status = fullDate || i.joinDate <= cutoff ? 'full_member' : 'probationary';
  if (status === 'full_member' && !fullDate && i.joinDate && i.joinDate > cutoff) {
    status = 'probationary';
    const typed = i.statusText || '中共党员';
    notes.push(problem('politicalStatus', '', {
      zh: `文件为“${typed}”，但入党不满${i.probationYears}年且没有转正日期，按预备党员导入`,
      en: `Joined less than ${i.probationYears} year(s) ago with no full-membership date: imported as probationary`,
    }));
  }
  return { status: status ?? i.stored ?? 'masses', fullDate, notes };
}
