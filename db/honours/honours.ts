// Honours: propose one for an organisation, outlet or person on a period's assessment, decide it
// (someone other than the proposer), list a scope's. Accountability records: 约谈提醒 and 限期整改
// with deadline and outcome, read only by county organisers and HQ administrators (negative outcomes are sensitive).
import { sql } from 'kysely';
import type { z } from 'zod';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope, scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';
import {
  assertAccountDates, assertDecider, assertHonourSubject, assertNoRedLight, honourKinds, maySeeAccountability,
  type AccountKind, type AccountOutcome, type HonourStatus,
} from '../../shared/honours/rules.js';
import type { accountOutcome, accountSave, honourDecide, honourList, honourPropose } from '../../shared/honours/schemas.js';
import type { AccountRow, HonourRow } from '../../shared/honours/types.js';
import { daysBetween, monthKeysOf, parsePeriodKey } from '../../shared/orglife/periods.js';
import type { Db, Session } from '../context.js';
import { readSettings } from '../system/settings.js';
import { assertOrganiser } from '../teams/checks.js';

const NAME = sql`CASE x.subject_kind WHEN 'org' THEN (SELECT name FROM party_orgs WHERE id = x.subject_id) WHEN 'outlet' THEN (SELECT name FROM outlets WHERE id = x.subject_id)
  WHEN 'person' THEN (SELECT name FROM people WHERE id = x.subject_id) END`;

export async function kindsFor(db: Db, scope: string) {
  return honourKinds((await readSettings(db, scope))['honours.kinds']);
}

async function subjectScope(db: Db, s: Session, kind: 'org' | 'outlet' | 'person', id: string): Promise<string> {
  const table = kind === 'org' ? 'party_orgs' : kind === 'outlet' ? 'outlets' : 'people';
  const row = await db.selectFrom(table).select('scope_path').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!row) throw new ApiError('validation', '所选对象不存在或已删除', 'The chosen subject does not exist', [{ path: 'subjectId', message: '所选对象不存在或已删除', messageEn: 'The chosen subject does not exist' }]);
  assertInScope(row.scope_path, s.scopePath);
  return row.scope_path;
}

type HRaw = { id: string; kind: string; subject_kind: string; subject_id: string; subject_name: string | null; basis_period: string; basis: string; status: string; proposed_by: string; proposed_on: string; decided_by: string | null; decided_on: string | null; note: string | null; scope_path: string };

export async function listHonours(db: Db, scope: string, f: z.output<typeof honourList>): Promise<Page<HonourRow>> {
  const kinds = await kindsFor(db, scope);
  const where = sql`x.deleted = 0 AND x.scope_path >= ${scope} AND x.scope_path < ${scopeEnd(scope)} ${f.year ? sql`AND substr(x.basis_period, 1, 4) = ${String(f.year)}` : sql``}`;
  const total = (await sql<{ n: number }>`SELECT count(*) AS n FROM honours x WHERE ${where}`.execute(db)).rows[0]!.n;
  const rows = (await sql<HRaw>`SELECT x.*, ${NAME} AS subject_name FROM honours x WHERE ${where} ORDER BY x.proposed_on DESC, x.id LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db)).rows;
  return { total, rows: rows.map((r) => toHonour(r, kinds)) };
}

function toHonour(r: HRaw, kinds: Record<string, { zh: string; en: string }>): HonourRow {
  return {
    id: r.id, kind: r.kind, kindLabel: kinds[r.kind] ? { zh: kinds[r.kind]!.zh, en: kinds[r.kind]!.en } : { zh: r.kind, en: r.kind }, subjectKind: r.subject_kind as HonourRow['subjectKind'],
    subjectId: r.subject_id, subjectName: r.subject_name, basisPeriod: r.basis_period, basis: r.basis, status: r.status as HonourStatus, proposedBy: r.proposed_by,
    proposedOn: r.proposed_on, decidedBy: r.decided_by, decidedOn: r.decided_on, note: r.note,
  };
}

export async function getHonour(db: Db, s: Session, id: string): Promise<HonourRow> {
  const r = (await sql<HRaw>`SELECT x.*, ${NAME} AS subject_name FROM honours x WHERE x.id = ${id} AND x.deleted = 0`.execute(db)).rows[0];
  if (!r) throw notFound('荣誉', 'Honour');
  assertInScope(r.scope_path, s.scopePath);
  return toHonour(r, await kindsFor(db, s.scopePath));
}

export async function proposeHonour(db: Db, s: Session, input: z.output<typeof honourPropose>, today: string, now: string): Promise<string> {
  assertOrganiser(s);
  assertHonourSubject(await kindsFor(db, s.scopePath), input.kind, input.subjectKind);
  const scope = await subjectScope(db, s, input.subjectKind, input.subjectId);
  const months = monthKeysOf(parsePeriodKey(input.basisPeriod)!);
  // Organisations and outlets carry board lights; a person is judged by the basis the organiser cites.
  const reds = (await db.selectFrom('light_history').select('period').distinct().where('subject_id', '=', input.subjectId).where('colour', '=', 'red')
    .where('deleted', '=', 0).where('period', 'in', months).orderBy('period').execute()).map((r) => r.period);
  assertNoRedLight(reds, input.basisPeriod);
  const id = uuidv7();
  await db.insertInto('honours').values({
    id, kind: input.kind, subject_kind: input.subjectKind, subject_id: input.subjectId, basis_period: input.basisPeriod, basis: input.basis, status: 'proposed',
    proposed_by: s.userName, proposed_on: today, decided_by: null, decided_on: null, note: null, scope_path: scope, created_at: now, updated_at: now,
  }).execute();
  return id;
}

export async function decideHonour(db: Db, s: Session, input: z.output<typeof honourDecide>, today: string, now: string): Promise<void> {
  const h = await getHonour(db, s, input.id);
  assertDecider(h.proposedBy, s.userName, s.role);
  if (h.status !== 'proposed') throw new ApiError('conflict', '该提名已审批', 'This proposal has been decided');
  await db.updateTable('honours').set({ status: input.approve ? 'approved' : 'refused', decided_by: s.userName, decided_on: today, note: input.note, updated_at: now }).where('id', '=', input.id).execute();
}

type ARaw = { id: string; kind: string; subject_kind: string; subject_id: string; subject_name: string | null; reason: string; held_on: string; deadline: string | null; outcome: string; outcome_on: string | null; outcome_note: string | null; created_by: string; scope_path: string };

function toAccount(r: ARaw, today: string): AccountRow {
  const overdue = r.outcome === 'pending' && r.deadline && r.deadline < today ? daysBetween(r.deadline, today) : 0;
  return {
    id: r.id, kind: r.kind as AccountKind, subjectKind: r.subject_kind as AccountRow['subjectKind'], subjectId: r.subject_id, subjectName: r.subject_name, reason: r.reason,
    heldOn: r.held_on, deadline: r.deadline, overdueDays: overdue, outcome: r.outcome as AccountOutcome, outcomeOn: r.outcome_on, outcomeNote: r.outcome_note, createdBy: r.created_by,
  };
}

function assertMaySee(s: Session): void {
  if (!maySeeAccountability(s.role)) throw new ApiError('forbidden', '约谈和限期整改记录仅县级组织员和省公司管理员可查看', 'Talks and deadline rectifications are seen by county organisers and HQ administrators only');
}

export async function listAccounts(db: Db, s: Session, scope: string, f: { limit: number; offset: number }, today: string): Promise<Page<AccountRow>> {
  assertMaySee(s);
  const where = sql`x.deleted = 0 AND x.scope_path >= ${scope} AND x.scope_path < ${scopeEnd(scope)}`;
  const total = (await sql<{ n: number }>`SELECT count(*) AS n FROM accountability x WHERE ${where}`.execute(db)).rows[0]!.n;
  const rows = (await sql<ARaw>`SELECT x.*, ${NAME} AS subject_name FROM accountability x WHERE ${where} ORDER BY x.held_on DESC, x.id LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db)).rows;
  return { total, rows: rows.map((r) => toAccount(r, today)) };
}

export async function getAccount(db: Db, s: Session, id: string, today: string): Promise<AccountRow> {
  assertMaySee(s);
  const r = (await sql<ARaw>`SELECT x.*, ${NAME} AS subject_name FROM accountability x WHERE x.id = ${id} AND x.deleted = 0`.execute(db)).rows[0];
  if (!r) throw notFound('约谈/整改记录', 'Record');
  assertInScope(r.scope_path, s.scopePath);
  return toAccount(r, today);
}

export async function saveAccount(db: Db, s: Session, input: z.output<typeof accountSave>, today: string, now: string): Promise<string> {
  assertOrganiser(s);
  assertAccountDates(input.kind, input.heldOn, input.deadline, today);
  const scope = await subjectScope(db, s, input.subjectKind, input.subjectId);
  const id = uuidv7();
  await db.insertInto('accountability').values({
    id, kind: input.kind, subject_kind: input.subjectKind, subject_id: input.subjectId, reason: input.reason, held_on: input.heldOn, deadline: input.deadline,
    outcome: 'pending', outcome_on: null, outcome_note: null, created_by: s.userName, scope_path: scope, created_at: now, updated_at: now,
  }).execute();
  return id;
}

export async function recordOutcome(db: Db, s: Session, input: z.output<typeof accountOutcome>, today: string, now: string): Promise<void> {
  assertOrganiser(s);
  const a = await getAccount(db, s, input.id, today);
  if (a.outcome !== 'pending') throw new ApiError('conflict', '该记录已有结果', 'This record already has its outcome');
  await db.updateTable('accountability').set({ outcome: input.outcome, outcome_on: today, outcome_note: input.note, updated_at: now }).where('id', '=', input.id).execute();
}
