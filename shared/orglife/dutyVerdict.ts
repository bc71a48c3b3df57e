// An instructor's light, missed-visit count and reasons come out of this one function (field trial:
// 履职情况 showed "漏访 6" beside "有联系点漏访一次", and a yellow light with no reason). Each
// reason carries the number its text states, so the count, the light and the words cannot drift:
// every yellow or red light has a reason of that colour, and the missed-visit reason states the
// same number as the 漏访 column.
import type { PeriodStatus } from './compliance.js';
import { parsePeriodKey, periodLabel, type PeriodUnit } from './periods.js';
import type { Light } from './status.js';

export type DutyKind = 'lecture' | 'talk' | 'campaign';
export const DUTY_KINDS: DutyKind[] = ['lecture', 'talk', 'campaign'];

/** DOMAIN.md: two missed visits in a row at one contact point turn the light red. */
export const VISITS_IN_A_ROW_RED = 2;

export type DutyReasonRule =
  | 'visits_in_a_row' | 'visits_missed' | 'visits_late'
  | 'lecture_missed' | 'lecture_late' | 'talk_missed' | 'talk_late' | 'campaign_missed' | 'campaign_late';

export interface DutyReason {
  rule: DutyReasonRule;
  light: 'red' | 'yellow';
  /** The number the text states: missed visits, contact points, or periods. */
  count: number;
  /** What it concerns: contact points (outlet names) or period keys. */
  subjects: string[];
  text: { zh: string; en: string };
}

export interface DutyVerdict {
  missedVisits: number;
  light: Light;
  /** Red reasons first. */
  reasons: DutyReason[];
}

export interface VerdictInput {
  contactPoints: { outletName: string; periods: PeriodStatus[]; missedInARow: number }[];
  duties: Record<DutyKind, PeriodStatus[]>;
  visitUnit: PeriodUnit;
}

const KIND = {
  lecture: { zh: '讲党课', en: 'lecture' },
  talk: { zh: '开展谈心谈话', en: 'talks' },
  campaign: { zh: '参与攻坚项目', en: 'campaign' },
} as const;
const UNIT = { month: ['个月', 'months'], quarter: ['个季度', 'quarters'], half: ['个半年', 'half-years'], year: ['年', 'years'] } as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const label = (key: string, lang: 'zh' | 'en') => {
  const p = parsePeriodKey(key);
  return p ? periodLabel(p, lang) : key;
};
/** At most three names, then how many more: a county instructor may have dozens of contact points. */
function names(list: string[], lang: 'zh' | 'en'): string {
  const shown = list.slice(0, 3).join(lang === 'zh' ? '、' : ', ');
  if (list.length <= 3) return shown;
  return lang === 'zh' ? `${shown} 等` : `${shown} and ${list.length - 3} more`;
}

function visitReasons(cps: VerdictInput['contactPoints'], unit: PeriodUnit): DutyReason[] {
  const out: DutyReason[] = [];
  const [zhUnit, enUnit] = UNIT[unit];
  const inARow = cps.filter((c) => c.missedInARow >= VISITS_IN_A_ROW_RED);
  if (inARow.length) {
    const longest = Math.max(...inARow.map((c) => c.missedInARow));
    const who = inARow.map((c) => c.outletName);
    out.push({
      rule: 'visits_in_a_row', light: 'red', count: inARow.length, subjects: who,
      text: {
        zh: `${inARow.length} 个联系点连续 ${VISITS_IN_A_ROW_RED} ${zhUnit}以上未走访（最长连续 ${longest} ${zhUnit}）：${names(who, 'zh')}`,
        en: `${plural(inARow.length, 'contact point')} went ${VISITS_IN_A_ROW_RED} or more ${enUnit} in a row without a visit (longest ${longest}): ${names(who, 'en')}`,
      },
    });
  }
  const missed = cps.map((c) => ({ name: c.outletName, n: c.periods.filter((p) => p.status === 'missed').length })).filter((c) => c.n > 0);
  const total = missed.reduce((n, c) => n + c.n, 0);
  if (total) {
    const who = missed.map((c) => c.name);
    out.push({
      rule: 'visits_missed', light: 'yellow', count: total, subjects: who,
      text: {
        zh: `漏访 ${total} 次（${who.length} 个联系点：${names(who, 'zh')}）`,
        en: `${plural(total, 'visit')} missed (${plural(who.length, 'contact point')}: ${names(who, 'en')})`,
      },
    });
  }
  const late = cps.flatMap((c) => c.periods.filter((p) => p.status === 'warning').map((p) => ({ name: c.outletName, p })));
  if (late.length) {
    const { p } = late[0]!;
    const who = [...new Set(late.map((l) => l.name))];
    out.push({
      rule: 'visits_late', light: 'yellow', count: who.length, subjects: who,
      text: {
        zh: `${who.length} 个联系点${label(p.key, 'zh')}尚未走访，${p.end} 截止：${names(who, 'zh')}`,
        en: `${plural(who.length, 'contact point')} not yet visited in ${label(p.key, 'en')}, due by ${p.end}: ${names(who, 'en')}`,
      },
    });
  }
  return out;
}

function dutyReasons(k: DutyKind, periods: PeriodStatus[]): DutyReason[] {
  const out: DutyReason[] = [];
  const missed = periods.filter((p) => p.status === 'missed');
  if (missed.length) {
    const keys = missed.map((p) => p.key);
    out.push({
      rule: `${k}_missed`, light: k === 'lecture' ? 'red' : 'yellow', count: keys.length, subjects: keys,
      text: {
        zh: `${keys.map((x) => label(x, 'zh')).join('、')}未${KIND[k].zh}`,
        en: `No ${KIND[k].en} in ${keys.map((x) => label(x, 'en')).join(', ')}`,
      },
    });
  }
  const late = periods.filter((p) => p.status === 'warning');
  if (late.length) {
    const p = late[0]!;
    out.push({
      rule: `${k}_late`, light: 'yellow', count: late.length, subjects: late.map((x) => x.key),
      text: { zh: `${label(p.key, 'zh')}尚未${KIND[k].zh}，${p.end} 截止`, en: `No ${KIND[k].en} yet in ${label(p.key, 'en')}, due by ${p.end}` },
    });
  }
  return out;
}

/**
 * DOMAIN.md "instructor duties": green on schedule; yellow for one missed visit (or one coming due
 * late, or a missed talk or campaign); red for two missed in a row at one contact point or a
 * half-year without a lecture.
 */
export function dutyVerdict(input: VerdictInput): DutyVerdict {
  const reasons = [...visitReasons(input.contactPoints, input.visitUnit), ...DUTY_KINDS.flatMap((k) => dutyReasons(k, input.duties[k]))];
  reasons.sort((a, b) => (a.light === b.light ? 0 : a.light === 'red' ? -1 : 1));
  const missedVisits = reasons.find((r) => r.rule === 'visits_missed')?.count ?? 0;
  const started = [...input.contactPoints.flatMap((c) => c.periods), ...DUTY_KINDS.flatMap((k) => input.duties[k])].some((p) => p.status !== 'upcoming');
  const light: Light = reasons[0]?.light ?? (started ? 'green' : 'none');
  return { missedVisits, light, reasons };
}
