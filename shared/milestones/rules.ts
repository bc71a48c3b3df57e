// 里程碑节点 and 节点对账 (seed 000 §4.2.1): a yearly goal broken into quarterly or monthly nodes.
// A node's state is computed from its dates, never stored: done on or before its due date is
// done, after it is late, not done once the due date has passed is missed (the due day itself
// still counts as on time). Pure rules; db/milestones feeds them rows and the tests hit each edge.
import { ApiError } from '../core/errors.js';
import type { Light } from '../orglife/status.js';
import { addDays, parsePeriodKey } from '../orglife/periods.js';

export const NODE_STATES = {
  done: { zh: '按期完成', en: 'Done' },
  late: { zh: '逾期完成', en: 'Done late' },
  missed: { zh: '逾期未完成', en: 'Missed' },
  open: { zh: '进行中', en: 'Open' },
} as const;
export type NodeState = keyof typeof NODE_STATES;
export const NODE_STATE_KEYS = Object.keys(NODE_STATES) as [NodeState, ...NodeState[]];

export function nodeState(dueOn: string, doneOn: string | null, today: string): NodeState {
  if (doneOn !== null) return doneOn <= dueOn ? 'done' : 'late';
  return today > dueOn ? 'missed' : 'open';
}

export interface NodeCounts { done: number; late: number; missed: number; open: number }

export function countStates(states: NodeState[]): NodeCounts {
  const c: NodeCounts = { done: 0, late: 0, missed: 0, open: 0 };
  for (const s of states) c[s]++;
  return c;
}

export interface NodeFacts { dueOn: string; doneOn: string | null }

/**
 * An organisation's milestone light for a month, as of `asOf` (its last day, or today while it
 * runs): red with any node missed by then; yellow with a node done late within the month or an
 * open one due within `warnDays` of asOf; green otherwise; none without nodes due by the year's end.
 */
export function milestoneLight(nodes: NodeFacts[], monthStart: string, asOf: string, warnDays: number): { colour: Light; missed: number } {
  if (!nodes.length) return { colour: 'none', missed: 0 };
  const states = nodes.map((n) => ({ n, s: nodeState(n.dueOn, n.doneOn !== null && n.doneOn <= asOf ? n.doneOn : null, asOf) }));
  const missed = states.filter((x) => x.s === 'missed').length;
  if (missed) return { colour: 'red', missed };
  const lateThisMonth = states.some((x) => x.s === 'late' && x.n.doneOn! >= monthStart);
  const dueSoon = states.some((x) => x.s === 'open' && x.n.dueOn <= addDays(asOf, warnDays));
  return { colour: lateThisMonth || dueSoon ? 'yellow' : 'green', missed: 0 };
}

const issue = (path: string, zh: string, en: string) => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

/** A node is a quarter or a month of the goal's year, due within that year. */
export function assertNode(year: number, periodKey: string, dueOn: string, path: string): void {
  const p = parsePeriodKey(periodKey);
  if (!p || (p.unit !== 'quarter' && p.unit !== 'month') || p.start.slice(0, 4) !== String(year))
    throw issue(`${path}.periodKey`, `节点须是${year}年的某个季度或月份`, `A node is a quarter or a month of ${year}`);
  if (dueOn.slice(0, 4) !== String(year)) throw issue(`${path}.dueOn`, `节点完成时限须在${year}年内`, `A node is due within ${year}`);
}

/** Completion is recorded on a real day, not in the future, with its evidence. */
export function assertCompletion(doneOn: string, evidence: string | null, today: string): void {
  if (doneOn > today) throw issue('doneOn', '完成日期不能晚于今天', 'The completion date cannot be in the future');
  if (!evidence?.trim()) throw issue('evidence', '完成节点须填写佐证材料', 'Completing a node needs its evidence');
}

/** The last day of a node's period: the due date a new node gets unless one is given. */
export function periodEnd(periodKey: string): string | null {
  return parsePeriodKey(periodKey)?.end ?? null;
}
