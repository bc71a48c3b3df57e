// 待办's three-list items: every open or in-progress rectification, problem or responsibility item
// in scope, overdue computed from its due date, marked as the signed-in user's when they own it
// (by name, or by role when it is the county organiser's). Items done and waiting for verification
// are someone else's step, not the owner's, so they are not listed here.
import { sql } from 'kysely';
import { isPrivateItem, maskedTitle, seesPrivateItem } from '../../shared/assessment/itemPrivacy.js';
import { isOwner, overdueDays, type ItemSource } from '../../shared/assessment/items.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { DueItem } from '../../shared/orglife/due.js';
import type { Db, Session } from '../context.js';

interface Raw { id: string; title: string; due_on: string | null; status: 'open' | 'in_progress'; owner_name: string | null; owner_user: string | null; owner_role: string | null; owner_person_id: string | null; subject_name: string | null; created_at: string;
  source: ItemSource; private_title: string | null; private_detail: string | null }

export async function itemsDue(db: Db, scope: string, s: Session, asOf: string): Promise<DueItem[]> {
  const rows = (await sql<Raw>`
    SELECT i.id, i.title, i.due_on, i.source, i.private_title, i.private_detail, i.status, op.name AS owner_name, i.owner_user, i.owner_role, i.owner_person_id, i.created_at,
      CASE WHEN i.subject_kind = 'person' THEN (SELECT name FROM people WHERE id = i.subject_id) END AS subject_name
    FROM rectification_items i LEFT JOIN people op ON op.id = i.owner_person_id
    WHERE i.deleted = 0 AND i.status IN ('open', 'in_progress') AND i.scope_path >= ${scope} AND i.scope_path < ${scopeEnd(scope)}
    ORDER BY coalesce(i.due_on, '9999'), i.created_at`.execute(db)).rows;
  return rows.map((r): DueItem => {
    const late = overdueDays(r.due_on, r.status, asOf);
    const mine = isOwner({ personName: r.owner_name, userName: r.owner_user }, s.userName) || (!r.owner_person_id && !r.owner_user && r.owner_role === s.role);
    // A negative outcome about a member (shared/assessment/itemPrivacy.ts): neutral for whoever may not read it.
    const masked = isPrivateItem({ source: r.source, privateTitle: r.private_title, privateDetail: r.private_detail }) && !seesPrivateItem(s.role, mine);
    return {
      key: `r|${r.id}`, kind: 'rectification', level: late > 0 ? 'overdue' : 'due', periodKey: (r.due_on ?? r.created_at).slice(0, 7), deadline: r.due_on ?? '',
      overdueDays: late, activityType: null, orgId: null, orgName: null, groupName: null, instructorName: null, outletName: null, personName: masked ? null : r.subject_name,
      owners: [], item: { title: masked ? maskedTitle(r.source).zh : r.private_title ?? r.title, ownerName: r.owner_name ?? r.owner_user, mine, masked, source: r.source }, settle: { form: 'item', itemId: r.id },
    };
  });
}
