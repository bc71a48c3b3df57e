// 党建和创 / 结对共建 (seed 004; seed 000 §3.2.2 "结对+党组织", §3.5.1 联席会议): an agreement between
// a lead organisation and one partner (1:1) or several (1:N), internal or outside (a bank's branch),
// with a cadence of joint meetings. Whether it is kept is computed per period from the joint
// meetings linked to it: a period that has ended with fewer than the cadence asks is missed; the
// running one is open until it ends (its last day still counts).
import { ApiError } from '../core/errors.js';
import { periodsBetween } from '../orglife/periods.js';

export const PAIRING_RATIOS = {
  one_to_one: { zh: '一对一', en: '1:1' },
  one_to_many: { zh: '一对多', en: '1:N' },
} as const;
export type PairingRatio = keyof typeof PAIRING_RATIOS;
export const PAIRING_RATIO_KEYS = Object.keys(PAIRING_RATIOS) as [PairingRatio, ...PairingRatio[]];

export const CADENCE_UNITS = { month: { zh: '每月', en: 'Monthly' }, quarter: { zh: '每季度', en: 'Quarterly' } } as const;
export type CadenceUnit = keyof typeof CADENCE_UNITS;
export const CADENCE_UNIT_KEYS = Object.keys(CADENCE_UNITS) as [CadenceUnit, ...CadenceUnit[]];

export type PeriodState = 'kept' | 'missed' | 'open';
export interface CadencePeriod { key: string; start: string; end: string; held: number; state: PeriodState }
export interface CadenceCheck { periods: CadencePeriod[]; kept: boolean; missed: string[] }

/** Each period of the agreement up to today (or its end), and whether its meetings met the cadence. */
export function cadenceCheck(startsOn: string, endsOn: string | null, meetingDays: string[], unit: CadenceUnit, min: number, today: string): CadenceCheck {
  const last = endsOn !== null && endsOn < today ? endsOn : today;
  if (last < startsOn) return { periods: [], kept: true, missed: [] };
  const periods = periodsBetween(startsOn, last, unit).map((p): CadencePeriod => {
    const held = meetingDays.filter((d) => d >= p.start && d <= p.end && d >= startsOn).length;
    const over = p.end < today;
    return { key: p.key, start: p.start, end: p.end, held, state: held >= min ? 'kept' : over ? 'missed' : 'open' };
  });
  const missed = periods.filter((p) => p.state === 'missed').map((p) => p.key);
  return { periods, kept: missed.length === 0, missed };
}

const bad = (path: string, zh: string, en: string) => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

/** 1:1 has exactly one partner, 1:N at least two; none named twice, none without a name. */
export function assertParties(ratio: PairingRatio, partnerOrgIds: string[], outsideNames: string[], leadOrgId: string): void {
  const n = partnerOrgIds.length + outsideNames.length;
  if (ratio === 'one_to_one' && n !== 1) throw bad('partnerOrgIds', '一对一结对须有且只有一个结对方', 'A 1:1 pairing has exactly one partner');
  if (ratio === 'one_to_many' && n < 2) throw bad('partnerOrgIds', '一对多结对至少需要两个结对方', 'A 1:N pairing needs at least two partners');
  if (partnerOrgIds.includes(leadOrgId)) throw bad('partnerOrgIds', '牵头党组织不能与自己结对', 'The lead organisation cannot pair with itself');
  if (new Set(partnerOrgIds).size !== partnerOrgIds.length || new Set(outsideNames).size !== outsideNames.length)
    throw bad('partnerOrgIds', '结对方有重复', 'A partner is listed twice');
}

export function assertAgreementDates(signedOn: string, startsOn: string, endsOn: string | null, today: string): void {
  if (signedOn > today) throw bad('signedOn', '签约日期不能晚于今天', 'The signing date cannot be in the future');
  if (endsOn !== null && endsOn < startsOn) throw bad('endsOn', '结束日期不能早于开始日期', 'The end date cannot precede the start date');
}
