// 节点对账 at its edges: due today is on time, due yesterday is missed; done on the due day is done,
// a day after is late; the board light turns red on a miss and yellow ahead of a due date.
import { describe, expect, it } from 'vitest';
import { assertCompletion, assertNode, milestoneLight, nodeState } from '../../shared/milestones/rules.js';
import { assertPledgeReview, assertTeamMembers, teamState } from '../../shared/teams/rules.js';
import { assertWork334Setting, work334Settings } from '../../shared/teams/settings.js';
import { ApiError } from '../../shared/core/errors.js';

/** The Chinese message of the refusal `fn` throws (each refusal carries an English one too), or null. */
function refusal(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    expect(e.messageEn.length).toBeGreaterThan(0);
    return e.messageZh;
  }
}

describe('a milestone node', () => {
  it('due today is still open, due yesterday is missed', () => {
    expect(nodeState('2026-06-30', null, '2026-06-30')).toBe('open');
    expect(nodeState('2026-06-29', null, '2026-06-30')).toBe('missed');
  });
  it('done on its due day is done, a day after is late, whatever today is', () => {
    expect(nodeState('2026-06-30', '2026-06-30', '2026-12-01')).toBe('done');
    expect(nodeState('2026-06-30', '2026-07-01', '2026-12-01')).toBe('late');
  });
  it('belongs to a quarter or month of its goal year and is due in that year', () => {
    expect(refusal(() => assertNode(2026, '2026-Q2', '2026-06-30', 'nodes.0'))).toBeNull();
    expect(refusal(() => assertNode(2026, '2026-H1', '2026-06-30', 'nodes.0'))).toMatch(/季度或月份/);
    expect(refusal(() => assertNode(2026, '2025-12', '2026-01-10', 'nodes.0'))).toMatch(/2026年的某个季度或月份/);
    expect(refusal(() => assertNode(2026, '2026-12', '2027-01-05', 'nodes.0'))).toMatch(/2026年内/);
  });
  it('is completed on a past day with evidence', () => {
    expect(refusal(() => assertCompletion('2026-06-02', '验收单', '2026-06-01'))).toMatch(/不能晚于今天/);
    expect(refusal(() => assertCompletion('2026-06-01', '  ', '2026-06-01'))).toMatch(/佐证/);
    expect(refusal(() => assertCompletion('2026-06-01', '验收单', '2026-06-01'))).toBeNull();
  });
});

describe('the milestone light', () => {
  const n = (dueOn: string, doneOn: string | null = null) => ({ dueOn, doneOn });
  it('is red once a node is missed and counts the misses', () => {
    expect(milestoneLight([n('2026-06-29'), n('2026-06-10'), n('2026-07-31')], '2026-06-01', '2026-06-30', 7)).toEqual({ colour: 'red', missed: 2 });
  });
  it('judges a past month as it stood: done after the month is still missed then', () => {
    expect(milestoneLight([n('2026-06-20', '2026-07-03')], '2026-06-01', '2026-06-30', 7).colour).toBe('red');
    expect(milestoneLight([n('2026-06-20', '2026-07-03')], '2026-07-01', '2026-07-31', 7).colour).toBe('yellow');
    expect(milestoneLight([n('2026-06-20', '2026-07-03')], '2026-08-01', '2026-08-31', 7).colour).toBe('green');
  });
  it('is yellow for an open node due within the warning days, green beyond', () => {
    expect(milestoneLight([n('2026-06-07')], '2026-06-01', '2026-05-31', 7).colour).toBe('yellow');
    expect(milestoneLight([n('2026-06-08')], '2026-05-01', '2026-05-31', 7).colour).toBe('green');
    expect(milestoneLight([n('2026-06-08')], '2026-05-01', '2026-05-31', 8).colour).toBe('yellow');
  });
  it('has no light without nodes', () => expect(milestoneLight([], '2026-06-01', '2026-06-30', 7).colour).toBe('none'));
});

describe('teams and pledges', () => {
  it('runs from its first to its last day', () => {
    expect(teamState('2026-03-01', '2026-03-31', '2026-02-28')).toBe('upcoming');
    expect(teamState('2026-03-01', '2026-03-31', '2026-03-31')).toBe('active');
    expect(teamState('2026-03-01', '2026-03-31', '2026-04-01')).toBe('ended');
    expect(teamState('2026-03-01', null, '2030-01-01')).toBe('active');
  });
  it('needs its members, once each, with the leader among them', () => {
    expect(refusal(() => assertTeamMembers([], null, 1))).toMatch(/至少需要 1 名/);
    expect(refusal(() => assertTeamMembers(['a', 'a'], null, 1))).toMatch(/重复/);
    expect(refusal(() => assertTeamMembers(['a'], 'b', 1))).toMatch(/负责人/);
    expect(refusal(() => assertTeamMembers(['a', 'b'], 'b', 2))).toBeNull();
  });
  it('reviews a pledge from the review day of its year, with evidence for a kept one', () => {
    expect(refusal(() => assertPledgeReview(2026, 'kept', '全年零投诉', '2026-11-30', '12-01'))).toMatch(/2026-12-01/);
    expect(refusal(() => assertPledgeReview(2026, 'kept', '全年零投诉', '2026-12-01', '12-01'))).toBeNull();
    expect(refusal(() => assertPledgeReview(2026, 'kept', null, '2026-12-01', '12-01'))).toMatch(/佐证/);
    expect(refusal(() => assertPledgeReview(2026, 'not_kept', null, '2027-01-10', '12-01'))).toBeNull();
  });
  it('takes its numbers from reference data and refuses a malformed one', () => {
    expect(work334Settings({ 'milestones.warnDays': 3, 'teams.pledgeReviewFrom': '13-01' })).toMatchObject({ warnDays: 3, pledgeReviewFrom: '12-01' });
    expect(refusal(() => assertWork334Setting('milestones.warnDays', -1))).toMatch(/取值格式不正确/);
    expect(refusal(() => assertWork334Setting('teams.colour', 1))).toMatch(/未知的设置项/);
  });
});
