// A three-list item opened from a negative outcome (a member listed by points: their name, grade
// 较差 and rank) is sensitive (DOMAIN.md Privacy). Its sensitive part sits in its own columns
// (private_title, private_detail); the owner, the county organiser and HQ read it, as they read
// every grade (shared/evaluation/rules.ts seesAllGrades). Anyone else in scope — an instructor who
// is not the owner, an auditor — sees a neutral item: no member, no detail, no evidence.
import type { Role } from '../domain/enums.js';
import type { ItemSource } from './items.js';

/** Sources whose items always carry a negative outcome about a person. */
const PRIVATE_SOURCES: readonly ItemSource[] = ['points'];

export interface PrivateParts { source: ItemSource; privateTitle: string | null; privateDetail: string | null }

/** True when the item holds something only the owner and organisers may read. Items of a private
 * source made before the split (no private columns) count too: their own title names the member. */
export const isPrivateItem = (i: PrivateParts): boolean => i.privateTitle !== null || i.privateDetail !== null || PRIVATE_SOURCES.includes(i.source);

export const seesPrivateItem = (role: Role, mine: boolean): boolean => mine || role === 'county_organiser' || role === 'hq_admin';

/** What a role that may not read the item sees instead of its title, in both languages. */
export const MASKED_ITEM_TITLE = {
  points: { zh: '积分整改事项（详情仅责任人和组织员可见）', en: 'Points rectification item (details only for its owner and organisers)' },
  other: { zh: '整改事项（详情仅责任人和组织员可见）', en: 'Rectification item (details only for its owner and organisers)' },
} as const;

export const maskedTitle = (source: ItemSource): { zh: string; en: string } => (source === 'points' ? MASKED_ITEM_TITLE.points : MASKED_ITEM_TITLE.other);

/** The neutral title a points item carries in its public column (what the board's drill-down shows). */
export const pointsItemTitle = (quarter: string): string => `积分整改事项（${quarter}）`;
