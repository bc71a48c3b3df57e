// 待办 as a county organiser reads it (field trial: hundreds of items in one scroll): filtered by
// kind, urgency and "mine", grouped by kind and then by organisation (meetings, conversions) or
// instructor (visits, duties), the most urgent groups first, with the counts of each level.
import type { DueItem, DueLevel } from '../../../../shared/orglife/due.js';

export type DueKind = DueItem['kind'];
export const DUE_KINDS: DueKind[] = ['rectification', 'meeting', 'visit', 'duty', 'conversion', 'standing'];
export const DUE_LEVELS: DueLevel[] = ['overdue', 'warning', 'due'];

export type LevelCounts = Record<DueLevel, number>;

export interface DueFilter {
  kind?: DueKind;
  level?: DueLevel;
  /** Only the items owned by these instructor records (null: everyone's). */
  mine: string[] | null;
}

export interface DueGroup {
  key: string;
  kind: DueKind;
  /** The organisation or instructor's name; null when the item has none. */
  title: string | null;
  items: DueItem[];
  counts: LevelCounts;
}

export interface DueSection {
  kind: DueKind;
  counts: LevelCounts;
  total: number;
  groups: DueGroup[];
}

export function countLevels(items: DueItem[]): LevelCounts {
  const c: LevelCounts = { overdue: 0, warning: 0, due: 0 };
  for (const i of items) c[i.level]++;
  return c;
}

export function countKinds(items: DueItem[]): Record<DueKind, number> {
  const c: Record<DueKind, number> = { meeting: 0, visit: 0, duty: 0, conversion: 0, standing: 0, rectification: 0 };
  for (const i of items) c[i.kind]++;
  return c;
}

/** A three-list item is the user's by its owner; the rest by the instructor records they hold. */
export function isMine(item: DueItem, mine: string[]): boolean {
  return !!item.item?.mine || item.owners.some((o) => mine.includes(o));
}

export function filterDue(items: DueItem[], f: DueFilter): DueItem[] {
  return items.filter((i) => (!f.kind || i.kind === f.kind) && (!f.level || i.level === f.level) && (!f.mine || isMine(i, f.mine)));
}

/** Visits and duties are an instructor's; meetings and conversions an organisation's. */
function groupOf(i: DueItem): { key: string; title: string | null } {
  // A three-list item is its owner's.
  if (i.item) return { key: `${i.kind}|p|${i.item.ownerName ?? ''}`, title: i.item.ownerName };
  if (i.kind === 'visit' || i.kind === 'duty') {
    // A visit's or duty's one owner is its instructor: namesakes stay apart.
    return { key: `${i.kind}|i|${i.owners[0] ?? i.instructorName ?? ''}`, title: i.instructorName };
  }
  return { key: `${i.kind}|o|${i.orgId ?? ''}`, title: i.orgName };
}

const urgency = (c: LevelCounts) => [c.overdue, c.warning, c.due];

/** Most overdue first, then most due soon, then most items, then by name as on a paper list. */
function compareGroups(a: DueGroup, b: DueGroup): number {
  const ua = urgency(a.counts);
  const ub = urgency(b.counts);
  for (let i = 0; i < 3; i++) if (ua[i] !== ub[i]) return ub[i]! - ua[i]!;
  return (a.title ?? '\uffff').localeCompare(b.title ?? '\uffff', 'zh-CN');
}

export function groupDue(items: DueItem[]): DueSection[] {
  const byKey = new Map<string, DueGroup>();
  for (const i of items) {
    const { key, title } = groupOf(i);
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { key, kind: i.kind, title, items: [], counts: { overdue: 0, warning: 0, due: 0 } }));
    g.items.push(i);
    g.counts[i.level]++;
  }
  const groups = [...byKey.values()].sort(compareGroups);
  return DUE_KINDS.map((kind) => {
    const mine = groups.filter((g) => g.kind === kind);
    const all = mine.flatMap((g) => g.items);
    return { kind, counts: countLevels(all), total: all.length, groups: mine };
  }).filter((s) => s.total > 0);
}
