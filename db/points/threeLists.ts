// The lowest of a published or approved quarter get the three lists (seed 004 三单): one
// rectification item per flagged member, owned by the branch secretary (else the county
// organiser's role, as an escalation is); who the member is and how they scored is readable only by
// the owner and organisers. The item's id is derived from the publication and the
// member, so publishing, approving, re-approving after a reopen, or the same act on a second
// device all land on the same row; an item once made (even if later deleted) is never made again.
// A member no longer flagged at approval keeps the item opened at publication: closing it is the
// organiser's act, never a silent one.
import { pointsItemTitle } from '../../shared/assessment/itemPrivacy.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { addDays } from '../../shared/orglife/periods.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import { GRADES, type TallyRow } from '../../shared/points/tally.js';
import { nowIso, type ApiContext } from '../context.js';
import { derivedId } from './ids.js';
import type { Branch } from './store.js';

export const pointsItemId = (publicationId: string, personId: string): string => derivedId('points-item', publicationId, personId);

/** Opens the missing items for the flagged rows of a frozen table; returns how many were opened. */
export async function openThreeListItems(ctx: ApiContext, branch: Branch, publicationId: string, quarter: string, rows: readonly TallyRow[], s: PointsSettings): Promise<number> {
  const flagged = rows.filter((r) => r.lowest);
  if (!flagged.length) return 0;
  const ids = new Map(flagged.map((r) => [pointsItemId(publicationId, r.personId), r]));
  const existing = new Set((await ctx.db.selectFrom('rectification_items').select('id').where('id', 'in', [...ids.keys()]).execute()).map((r) => r.id));
  const todo = [...ids].filter(([id]) => !existing.has(id));
  if (!todo.length) return 0;
  const secretary = (await ctx.db.selectFrom('party_orgs').select('secretary_person_id').where('id', '=', branch.id).executeTakeFirst())?.secretary_person_id ?? null;
  const scopes = new Map((await ctx.db.selectFrom('people').select(['id', 'scope_path']).where('id', 'in', todo.map(([, r]) => r.personId)).execute()).map((p) => [p.id, p.scope_path]));
  const now = nowIso(ctx);
  const due = addDays(todayInBeijing(ctx.now()), s.rectifyDays);
  for (const [id, r] of todo) {
    await ctx.db.insertInto('rectification_items').values({
      // The member, grade and rank are a negative outcome: kept in the private columns (shared/assessment/itemPrivacy.ts).
      id, kind: 'rectification', title: pointsItemTitle(quarter), detail: null, private_title: `整改：${r.name}（${quarter} 党员积分列入三单）`,
      private_detail: `来自党员积分：${branch.name} ${quarter} 季度得分 ${r.total}（${GRADES[r.grade].zh}），支部内排名第 ${r.rank} / ${rows.length} 名`,
      subject_kind: 'person', subject_id: r.personId, owner_person_id: secretary, owner_user: null, owner_role: secretary ? null : 'county_organiser',
      due_on: due, evidence: null, status: 'open', source: 'points', source_ref: `points|${publicationId}|${r.personId}`,
      scope_path: scopes.get(r.personId) ?? branch.scopePath, created_by: ctx.session.userName, created_at: now, updated_at: now,
      done_by: null, done_on: null, verified_by: null, verified_on: null,
    }).execute();
  }
  return todo.length;
}
