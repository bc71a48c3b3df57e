// 岗区队 and 承诺践诺 (seed 004's 3支队伍 and 4个落实): the kinds of team, pledge outcomes, and the
// rules a save must pass. Every number comes from reference data (`teams.*`, settings.ts).
import { ApiError } from '../core/errors.js';

export const TEAM_KINDS = {
  vanguard_post: { zh: '党员先锋岗', en: 'Vanguard post' },
  responsibility_area: { zh: '党员责任区', en: 'Responsibility area' },
  commando_team: { zh: '党员突击队', en: 'Commando team' },
} as const;
export type TeamKind = keyof typeof TEAM_KINDS;
export const TEAM_KIND_KEYS = Object.keys(TEAM_KINDS) as [TeamKind, ...TeamKind[]];

export const PLEDGE_OUTCOMES = {
  pending: { zh: '待评议', en: 'Not yet reviewed' },
  kept: { zh: '已践诺', en: 'Kept' },
  partly: { zh: '部分践诺', en: 'Partly kept' },
  not_kept: { zh: '未践诺', en: 'Not kept' },
} as const;
export type PledgeOutcome = keyof typeof PLEDGE_OUTCOMES;
export const PLEDGE_OUTCOME_KEYS = Object.keys(PLEDGE_OUTCOMES) as [PledgeOutcome, ...PledgeOutcome[]];

export type TeamState = 'upcoming' | 'active' | 'ended';

/** Where a team stands on `today`: its period includes both ends; no end date means it runs on. */
export function teamState(startsOn: string, endsOn: string | null, today: string): TeamState {
  if (today < startsOn) return 'upcoming';
  return endsOn !== null && today > endsOn ? 'ended' : 'active';
}

const issue = (path: string, zh: string, en: string) => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

export function assertTeamPeriod(startsOn: string, endsOn: string | null): void {
  if (endsOn !== null && endsOn < startsOn) throw issue('endsOn', '结束日期不能早于开始日期', 'The end date cannot precede the start date');
}

/** A team needs people: at least `minMembers` (reference data), and its leader among them. */
export function assertTeamMembers(memberIds: string[], leaderId: string | null, minMembers: number): void {
  if (new Set(memberIds).size !== memberIds.length) throw issue('memberIds', '队员名单中有重复人员', 'A member is listed twice');
  if (memberIds.length < minMembers)
    throw issue('memberIds', `岗区队至少需要 ${minMembers} 名党员`, `A team needs at least ${minMembers} member${minMembers === 1 ? '' : 's'}`);
  if (leaderId && !memberIds.includes(leaderId)) throw issue('leaderPersonId', '负责人须是队员之一', 'The leader must be one of the members');
}

/**
 * The year-end review (年终评议) of a year's pledges opens on `reviewFrom` (MM-DD, reference data)
 * of that year and stays open after; a kept or partly kept pledge needs its evidence.
 */
export function reviewOpensOn(year: number, reviewFrom: string): string {
  return `${year}-${reviewFrom}`;
}

export function assertPledgeReview(year: number, outcome: PledgeOutcome, evidence: string | null, today: string, reviewFrom: string): void {
  const opens = reviewOpensOn(year, reviewFrom);
  if (today < opens) throw issue('outcome', `${year}年的承诺须在 ${opens} 起进行年终评议`, `Pledges of ${year} are reviewed at year end, from ${opens}`);
  if (outcome === 'pending') throw issue('outcome', '请选择评议结果', 'Choose the outcome of the review');
  if ((outcome === 'kept' || outcome === 'partly') && !evidence?.trim())
    throw issue('evidence', '评定为已践诺或部分践诺须填写践诺佐证', 'A kept or partly kept pledge needs its evidence');
}

/** A pledge is made within its year, and not after today. */
export function assertPledgeDate(year: number, pledgedOn: string, today: string): void {
  if (pledgedOn.slice(0, 4) !== String(year)) throw issue('pledgedOn', '承诺日期须在承诺年度内', 'The pledge date must fall in its year');
  if (pledgedOn > today) throw issue('pledgedOn', '承诺日期不能晚于今天', 'The pledge date cannot be in the future');
}
