// The three lists (三单): create by hand or from a red light, move through the statuses, verify by
// someone else; listed for a scope or for whoever owns them (待办).
import { sql } from 'kysely';
import type { z } from 'zod';
import { assertMove, assertVerifier, isOwner, overdueDays, type ItemKind, type ItemSource, type ItemStatus } from '../../shared/assessment/items.js';
import type { itemList, itemMove, itemSave } from '../../shared/assessment/schemas.js';
import { isPrivateItem, maskedTitle, seesPrivateItem } from '../../shared/assessment/itemPrivacy.js';
import type { ItemRow } from '../../shared/assessment/types.js';
import { INDICATOR_LABELS, type Indicator } from '../../shared/assessment/thresholds.js';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope, scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';
import type { Db, Session } from '../context.js';

interface Raw {
  id: string; kind: string; title: string; detail: string | null; subject_kind: string | null; subject_id: string | null; subject_name: string | null;
  owner_person_id: string | null; owner_name: string | null; owner_user: string | null; owner_role: string | null; due_on: string | null;
  evidence: string | null; status: string; done_by: string | null; verified_by: string | null; source: string; source_ref: string | null;
  created_at: string; scope_path: string; private_title: string | null; private_detail: string | null;
}

const SELECT = sql`
  SELECT i.id, i.kind, i.title, i.detail, i.subject_kind, i.subject_id, i.owner_person_id, i.owner_user, i.owner_role, i.due_on, i.evidence,
    i.status, i.done_by, i.verified_by, i.source, i.source_ref, i.created_at, i.scope_path, i.private_title, i.private_detail, op.name AS owner_name,
    CASE i.subject_kind WHEN 'org' THEN (SELECT name FROM party_orgs WHERE id = i.subject_id) WHEN 'outlet' THEN (SELECT name FROM outlets WHERE id = i.subject_id)
      WHEN 'person' THEN (SELECT name FROM people WHERE id = i.subject_id) END AS subject_name
  FROM rectification_items i LEFT JOIN people op ON op.id = i.owner_person_id`;

function toRow(r: Raw, s: Session, today: string): ItemRow {
  const owner = { personName: r.owner_name, userName: r.owner_user };
  const source = r.source as ItemSource;
  const mine = isOwner(owner, s.userName) || (!r.owner_person_id && !r.owner_user && r.owner_role === s.role);
  const row: ItemRow = {
    id: r.id, kind: r.kind as ItemKind, title: r.private_title ?? r.title, detail: [r.detail, r.private_detail].filter(Boolean).join('\n') || null,
    subjectKind: r.subject_kind as ItemRow['subjectKind'], subjectId: r.subject_id, subjectName: r.subject_name, ownerPersonId: r.owner_person_id, ownerName: r.owner_name,
    ownerUser: r.owner_user, ownerRole: r.owner_role, dueOn: r.due_on, evidence: r.evidence, status: r.status as ItemStatus, doneBy: r.done_by, verifiedBy: r.verified_by,
    source, sourceRef: r.source_ref, overdueDays: overdueDays(r.due_on, r.status as ItemStatus, today), createdAt: r.created_at, mine, masked: false,
  };
  if (!isPrivateItem({ source, privateTitle: r.private_title, privateDetail: r.private_detail }) || seesPrivateItem(s.role, mine)) return row;
  // Withheld whole, never cut out of the text: the member is in the subject, the source reference and the evidence too.
  return { ...row, title: maskedTitle(source).zh, detail: null, subjectKind: null, subjectId: null, subjectName: null, evidence: null, sourceRef: null, masked: true };
}

export async function getItem(db: Db, s: Session, id: string, today: string): Promise<ItemRow> {
  const r = (await sql<Raw>`${SELECT} WHERE i.id = ${id} AND i.deleted = 0`.execute(db)).rows[0];
  if (!r) throw notFound('事项', 'Item');
  assertInScope(r.scope_path, s.scopePath);
  return toRow(r, s, today);
}

export async function listItems(db: Db, s: Session, scope: string, f: z.output<typeof itemList>, today: string): Promise<Page<ItemRow>> {
  const rows = (await sql<Raw>`${SELECT}
    WHERE i.deleted = 0 AND i.scope_path >= ${scope} AND i.scope_path < ${scopeEnd(scope)}
      ${f.status ? sql`AND i.status = ${f.status}` : sql``} ${f.kind ? sql`AND i.kind = ${f.kind}` : sql``}
    ORDER BY CASE i.status WHEN 'verified' THEN 1 ELSE 0 END, coalesce(i.due_on, '9999'), i.created_at`.execute(db)).rows.map((r) => toRow(r, s, today));
  const kept = rows.filter((r) => (!f.mine || r.mine) && (!f.overdueOnly || r.overdueDays > 0));
  return { total: kept.length, rows: kept.slice(f.offset, f.offset + f.limit) };
}

/** Where an item belongs: its subject's scope (checked against the user's), else the user's own. */
async function subjectScope(db: Db, s: Session, kind: string | null | undefined, id: string | null | undefined): Promise<string> {
  if (!kind || !id) return s.scopePath;
  const table = kind === 'org' ? 'party_orgs' : kind === 'outlet' ? 'outlets' : 'people';
  const row = await db.selectFrom(table).select('scope_path').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!row) throw new ApiError('validation', '所选对象不存在或已删除', 'The chosen subject does not exist', [{ path: 'subjectId', message: '所选对象不存在或已删除', messageEn: 'The chosen subject does not exist' }]);
  assertInScope(row.scope_path, s.scopePath);
  return row.scope_path;
}

/** A private item edited by someone who reads it: what they typed stays in the private columns and
 * the public ones keep their neutral text; nobody else may save it (their form held the masked item). */
async function privateSplit(db: Db, s: Session, id: string, old: { source: string; title: string; private_title: string | null; private_detail: string | null },
  cols: { title: string; detail: string | null }): Promise<Partial<{ title: string; detail: string | null; private_title: string; private_detail: string | null }>> {
  const source = old.source as ItemSource;
  if (!isPrivateItem({ source, privateTitle: old.private_title, privateDetail: old.private_detail })) return {};
  if ((await getItem(db, s, id, '0000-00-00')).masked)
    throw new ApiError('forbidden', '此事项涉及党员的负面结果，只有责任人和组织员可以修改', 'This item concerns a negative outcome of a member: only its owner and organisers may change it');
  // The form showed public and private detail as one text: it all goes back to the private column.
  const split = old.private_title !== null || old.private_detail !== null;
  return { title: split ? old.title : maskedTitle(source).zh, detail: null, private_title: cols.title, private_detail: cols.detail };
}

export async function saveItem(db: Db, s: Session, input: z.output<typeof itemSave>, now: string): Promise<string> {
  if (!!input.subjectKind !== !!input.subjectId)
    throw new ApiError('validation', '请同时选择对象类型和对象', 'Choose both the kind of subject and the subject', [{ path: 'subjectId', message: '请同时选择对象类型和对象', messageEn: 'Choose both the kind of subject and the subject' }]);
  if (input.ownerPersonId) {
    const p = await db.selectFrom('people').select('scope_path').where('id', '=', input.ownerPersonId).where('deleted', '=', 0).executeTakeFirst();
    if (!p) throw new ApiError('validation', '责任人不存在', 'The owner does not exist', [{ path: 'ownerPersonId', message: '责任人不存在', messageEn: 'The owner does not exist' }]);
    assertInScope(p.scope_path, s.scopePath, 'person');
  }
  if (!input.ownerPersonId && !input.ownerUser?.trim())
    throw new ApiError('validation', '请指定责任人', 'Name an owner', [{ path: 'ownerPersonId', message: '请指定责任人', messageEn: 'Name an owner' }]);
  const scope = await subjectScope(db, s, input.subjectKind, input.subjectId);
  const fromLight = input.fromLight
    ? `来自预警：${INDICATOR_LABELS[input.fromLight.indicator as Indicator].zh}（${input.fromLight.period}）`
    : null;
  const detail = [fromLight, input.detail].filter(Boolean).join('\n') || null;
  const cols = {
    kind: input.kind, title: input.title, detail, subject_kind: input.subjectKind ?? null, subject_id: input.subjectId ?? null,
    owner_person_id: input.ownerPersonId ?? null, owner_user: input.ownerPersonId ? null : input.ownerUser?.trim() ?? null, owner_role: null,
    due_on: input.dueOn ?? null, evidence: input.evidence ?? null, scope_path: scope, updated_at: now,
  };
  if (input.id) {
    const old = await db.selectFrom('rectification_items').select(['scope_path', 'status', 'source', 'title', 'private_title', 'private_detail']).where('id', '=', input.id).where('deleted', '=', 0).executeTakeFirst();
    if (!old) throw notFound('事项', 'Item');
    assertInScope(old.scope_path, s.scopePath);
    if (old.status === 'verified') throw new ApiError('conflict', '已验收的事项不能再修改', 'A verified item cannot be changed');
    await db.updateTable('rectification_items').set({ ...cols, ...(await privateSplit(db, s, input.id, old, cols)) }).where('id', '=', input.id).execute();
    return input.id;
  }
  const id = uuidv7();
  const source = input.fromLight ? 'warning' : input.source;
  const ref = input.sourceRef ?? (input.fromLight && input.subjectId ? `light|${input.subjectKind}:${input.subjectId}|${input.fromLight.indicator}|${input.fromLight.period}` : null);
  await db.insertInto('rectification_items').values({
    ...cols, id, status: 'open', source, source_ref: ref, created_by: s.userName, created_at: now,
    done_by: null, done_on: null, verified_by: null, verified_on: null,
  }).execute();
  return id;
}

export async function moveItem(db: Db, s: Session, input: z.output<typeof itemMove>, now: string, today: string): Promise<void> {
  const item = await getItem(db, s, input.id, today);
  // Working on or verifying an item needs its evidence and subject, which a masked reader does not get.
  if (item.masked) throw new ApiError('forbidden', '此事项涉及党员的负面结果，只有责任人和组织员可以办理或验收', 'This item concerns a negative outcome of a member: only its owner and organisers may work on or verify it');
  assertMove(item.status, input.to);
  const owner = { personName: item.ownerName, userName: item.ownerUser };
  const mayWork = item.mine || s.role === 'county_organiser' || s.role === 'hq_admin';
  if (input.to !== 'verified' && !mayWork)
    throw new ApiError('forbidden', '只有责任人或县级组织员可以办理此事项', 'Only the owner or a county organiser may work on this item');
  if (input.to === 'verified') assertVerifier(owner, item.doneBy, s.userName);
  if (input.to === 'done' && !(input.evidence ?? item.evidence))
    throw new ApiError('validation', '完成事项须填写整改情况或佐证材料', 'Completing an item needs its evidence', [{ path: 'evidence', message: '完成事项须填写整改情况或佐证材料', messageEn: 'Completing an item needs its evidence' }]);
  await db.updateTable('rectification_items').set({
    status: input.to, updated_at: now,
    ...(input.evidence ? { evidence: input.evidence } : {}),
    ...(input.to === 'done' ? { done_by: s.userName, done_on: today } : {}),
    ...(input.to === 'in_progress' && item.status === 'done' ? { done_by: null, done_on: null } : {}),
    ...(input.to === 'verified' ? { verified_by: s.userName, verified_on: today } : {}),
  }).where('id', '=', input.id).execute();
}
