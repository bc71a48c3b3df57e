// The three lists (三单): responsibility, problem and rectification items. Status moves
// open → in_progress → done → verified; verification is by someone other than the owner and
// the one who marked it done. Overdue is computed from the due date, never stored.
import { ApiError } from '../core/errors.js';
import { daysBetween } from '../orglife/periods.js';

export const ITEM_KINDS = ['responsibility', 'problem', 'rectification'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_STATUSES = ['open', 'in_progress', 'done', 'verified'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_SOURCES = ['manual', 'warning', 'points', 'review'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

export const ITEM_KIND_LABELS: Record<ItemKind, { zh: string; en: string }> = {
  responsibility: { zh: '责任单', en: 'Responsibility' },
  problem: { zh: '问题单', en: 'Problem' },
  rectification: { zh: '整改单', en: 'Rectification' },
};
export const ITEM_STATUS_LABELS: Record<ItemStatus, { zh: string; en: string }> = {
  open: { zh: '待办理', en: 'Open' },
  in_progress: { zh: '办理中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  verified: { zh: '已验收', en: 'Verified' },
};

/** The one step forward from each status (and back from done, when the verifier sends it back). */
const NEXT: Record<ItemStatus, ItemStatus[]> = { open: ['in_progress'], in_progress: ['done'], done: ['verified', 'in_progress'], verified: [] };

export function canMove(from: ItemStatus, to: ItemStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertMove(from: ItemStatus, to: ItemStatus): void {
  if (canMove(from, to)) return;
  const f = ITEM_STATUS_LABELS[from];
  const t = ITEM_STATUS_LABELS[to];
  throw new ApiError('conflict', `事项当前为“${f.zh}”，不能改为“${t.zh}”`, `An item that is "${f.en}" cannot become "${t.en}"`);
}

/** Who an item is for: a person of the registry, a named user, or the organiser role of its county. */
export interface ItemOwner {
  personName: string | null;
  userName: string | null;
}

const same = (a: string | null | undefined, b: string) => !!a && a.trim() === b.trim();

/** True when this user is the owner (by user name, or the owner person's name as the device user). */
export function isOwner(owner: ItemOwner, userName: string): boolean {
  return same(owner.userName, userName) || same(owner.personName, userName);
}

/** Verification needs a second pair of eyes: not the owner, not who marked it done. */
export function assertVerifier(owner: ItemOwner, doneBy: string | null, userName: string): void {
  if (isOwner(owner, userName) || same(doneBy, userName))
    throw new ApiError('forbidden', '验收须由责任人和完成人以外的人员进行', 'Verification must be by someone other than the owner and whoever completed it');
}

/** Days past the due date while the item is not done; 0 when on time, finished or without a due date. */
export function overdueDays(due: string | null, status: ItemStatus, today: string): number {
  if (!due || status === 'done' || status === 'verified') return 0;
  return Math.max(0, daysBetween(due, today));
}
