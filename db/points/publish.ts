// Publication as practised: publish a branch's quarter (its table frozen), an objection window,
// objections recorded and answered, then approval by the county organiser, which locks the quarter.
// A reopen is the approver's explicit act, logged with the table it replaces.
import { ApiError } from '../../shared/core/errors.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope } from '../../shared/core/scope.js';
import { addDays } from '../../shared/orglife/periods.js';
import { assertMayDo } from '../../shared/points/roles.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import { quarterEnd } from '../../shared/points/tally.js';
import type { Objection, ReopenRecord } from '../../shared/points/types.js';
import { nowIso, type ApiContext } from '../context.js';
import { loadYear } from './compute.js';
import { deriveQuarter } from './derive.js';
import { derivedId } from './ids.js';
import { objectionsOf, publicationIn, type Branch, type PublicationRow } from './store.js';
import { approvalVerdict } from './table.js';
import { openThreeListItems } from './threeLists.js';

const rulesOf = ({ items, base, grades, lowest }: PointsSettings) => ({ items, base, grades, lowest });

async function snapshotNow(ctx: ApiContext, branch: Branch, quarter: string, s: PointsSettings) {
  const year = await loadYear(ctx.db, branch.id, +quarter.slice(0, 4), s);
  return year.find((r) => r.quarter === quarter)!.snapshot;
}

export async function publish(ctx: ApiContext, branch: Branch, quarter: string, s: PointsSettings): Promise<void> {
  assertMayDo(ctx.session.role, 'publish');
  const today = todayInBeijing(ctx.now());
  if (today <= quarterEnd(quarter)) throw new ApiError('conflict', `${quarter} 尚未结束，季度结束后才能公示`, `${quarter} has not ended yet; publish it once it is over`);
  const id = derivedId('publication', branch.id, quarter);
  const existing = await ctx.db.selectFrom('points_publications').select('status').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (existing) throw new ApiError('conflict', '该季度已公示', 'This quarter is already published');
  await deriveQuarter(ctx, branch, quarter, s);
  const snap = await snapshotNow(ctx, branch, quarter, s);
  const now = nowIso(ctx);
  await ctx.db.insertInto('points_publications').values({
    id, org_id: branch.id, quarter, status: 'published', published_at: now, published_by: ctx.session.userName, window_ends: addDays(today, s.objectionDays),
    approved_by: null, approved_at: null, rules_json: JSON.stringify(rulesOf(s)), published_json: JSON.stringify(snap), approved_json: null,
    reopened_json: '[]', scope_path: branch.scopePath, created_at: now, updated_at: now,
  }).execute();
  await openThreeListItems(ctx, branch, id, quarter, snap.rows, s);
}

export async function raiseObjection(ctx: ApiContext, publicationId: string, personId: string, text: string): Promise<string> {
  assertMayDo(ctx.session.role, 'object');
  const pub = await publicationIn(ctx.db, publicationId, ctx.session.scopePath);
  const today = todayInBeijing(ctx.now());
  if (pub.status !== 'published' || today > pub.windowEnds)
    throw new ApiError('conflict', `公示期已结束（${pub.windowEnds}），不能再登记异议`, `The objection window closed on ${pub.windowEnds}`);
  if (!pub.published.members.some((m) => m.personId === personId))
    throw new ApiError('validation', '输入有误：该人员不在本次公示的名单中', 'Invalid input: this person is not on the published table', [{ path: 'personId', message: '该人员不在本次公示的名单中', messageEn: 'Not on the published table' }]);
  const id = uuidv7();
  const now = nowIso(ctx);
  await ctx.db.insertInto('points_objections').values({
    id, publication_id: pub.id, person_id: personId, text, raised_by: ctx.session.userName, answer: null, answered_by: null, answered_at: null,
    scope_path: pub.scopePath, created_at: now, updated_at: now,
  }).execute();
  return id;
}

export async function answerObjection(ctx: ApiContext, objectionId: string, answer: string): Promise<Objection> {
  assertMayDo(ctx.session.role, 'answer');
  const o = await ctx.db.selectFrom('points_objections').select(['publication_id', 'answer', 'scope_path']).where('id', '=', objectionId).where('deleted', '=', 0).executeTakeFirst();
  if (!o) throw new ApiError('not_found', '异议不存在或已删除', 'Objection not found');
  assertInScope(o.scope_path, ctx.session.scopePath);
  const pub = await publicationIn(ctx.db, o.publication_id, ctx.session.scopePath);
  if (pub.status === 'approved') throw new ApiError('conflict', '该季度已审定锁定，异议不能再答复', 'The quarter is approved and locked');
  if (o.answer) throw new ApiError('conflict', '该异议已答复', 'This objection has already been answered');
  const now = nowIso(ctx);
  await ctx.db.updateTable('points_objections').set({ answer, answered_by: ctx.session.userName, answered_at: now, updated_at: now }).where('id', '=', objectionId).execute();
  return (await objectionsOf(ctx.db, pub.id)).find((x) => x.id === objectionId)!;
}

export async function approve(ctx: ApiContext, pub: PublicationRow, branch: Branch, s: PointsSettings): Promise<void> {
  assertMayDo(ctx.session.role, 'approve');
  const unanswered = (await objectionsOf(ctx.db, pub.id)).filter((o) => !o.answer).length;
  const v = approvalVerdict(pub, unanswered, todayInBeijing(ctx.now()));
  if (!v.ok) throw new ApiError('conflict', `不能审定：${v.zh}`, `Cannot approve: ${v.en}`);
  // Corrections made during the window are in; the approved table is the ledger as it stands now.
  const snap = await snapshotNow(ctx, branch, pub.quarter, s);
  const now = nowIso(ctx);
  await ctx.db.updateTable('points_publications').set({
    status: 'approved', approved_by: ctx.session.userName, approved_at: now, approved_json: JSON.stringify(snap), rules_json: JSON.stringify(rulesOf(s)), updated_at: now,
  }).where('id', '=', pub.id).execute();
  await openThreeListItems(ctx, branch, pub.id, pub.quarter, snap.rows, s);
}

export async function reopen(ctx: ApiContext, pub: PublicationRow, reason: string): Promise<void> {
  assertMayDo(ctx.session.role, 'reopen');
  if (pub.status !== 'approved' || !pub.approved) throw new ApiError('conflict', '只有已审定锁定的季度才能重新开放', 'Only an approved quarter can be reopened');
  const now = nowIso(ctx);
  const log: ReopenRecord[] = [...pub.reopened, { at: now, by: ctx.session.userName, reason, previousEntryIds: pub.approved.entryIds, previousRows: pub.approved.rows }];
  await ctx.db.updateTable('points_publications').set({ status: 'published', approved_by: null, approved_at: null, approved_json: null, reopened_json: JSON.stringify(log), updated_at: now })
    .where('id', '=', pub.id).execute();
}
