// Reading the points tables: a branch's members, its ledger, its publications and objections.
import { ApiError, notFound } from '../../shared/core/errors.js';
import { assertInScope } from '../../shared/core/scope.js';
import type { LedgerEntry, ScoredMember, TallyRow, CapUse } from '../../shared/points/tally.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import type { Objection, Publication, ReopenRecord } from '../../shared/points/types.js';
import type { Db } from '../context.js';

export interface Branch { id: string; name: string; scopePath: string }

/** A Party organisation inside the user's scope. */
export async function branchIn(db: Db, orgId: string, scope: string): Promise<Branch> {
  const o = await db.selectFrom('party_orgs').select(['id', 'name', 'scope_path']).where('id', '=', orgId).where('deleted', '=', 0).executeTakeFirst();
  if (!o) throw notFound('党组织', 'Party organisation');
  assertInScope(o.scope_path, scope);
  return { id: o.id, name: o.name, scopePath: o.scope_path };
}

export interface BranchMember extends ScoredMember { joinDate: string }

/** Members in good standing of a branch, probationary ones included (scored, flagged). */
export async function branchMembers(db: Db, orgId: string): Promise<BranchMember[]> {
  const rows = await db
    .selectFrom('members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.name', 'p.political_status', 'm.join_date'])
    .where('m.branch_id', '=', orgId).where('m.deleted', '=', 0).where('p.deleted', '=', 0).where('m.standing', '=', 'normal')
    .execute();
  return rows
    .map((r) => ({ personId: r.id, name: r.name, probationary: r.political_status === 'probationary', joinDate: r.join_date }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export interface EntryRow extends LedgerEntry {
  orgId: string;
  source: 'auto' | 'manual';
  sourceRef: string | null;
  reason: string;
  evidence: string | null;
  createdBy: string;
  movedFrom: string | null;
}

type Filter = { orgId: string } | { personId: string };

/** Ledger entries of a branch (or a person) whose quarter lies in [from, to]. */
export async function entries(db: Db, f: Filter, from: string, to: string): Promise<EntryRow[]> {
  let q = db.selectFrom('points_entries').selectAll().where('deleted', '=', 0).where('quarter', '>=', from).where('quarter', '<=', to);
  q = 'orgId' in f ? q.where('org_id', '=', f.orgId) : q.where('person_id', '=', f.personId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id, personId: r.person_id, orgId: r.org_id, quarter: r.quarter, occurredOn: r.occurred_on, itemKey: r.item_key, points: r.points,
    createdAt: r.created_at, source: r.source, sourceRef: r.source_ref, reason: r.reason, evidence: r.evidence, createdBy: r.created_by, movedFrom: r.moved_from,
  }));
}

/** A table frozen at publication or approval: enough to recompute it from the ledger alone. */
export interface Snapshot {
  entryIds: string[];
  members: ScoredMember[];
  capUseBefore: CapUse;
  capUseAfter: CapUse;
  rows: TallyRow[];
}

export interface PublicationRow extends Publication {
  scopePath: string;
  rules: Pick<PointsSettings, 'items' | 'base' | 'grades' | 'lowest'>;
  published: Snapshot;
  approved: Snapshot | null;
}

type PubRecord = { id: string; org_id: string; quarter: string; status: 'published' | 'approved'; published_at: string; published_by: string; window_ends: string;
  approved_by: string | null; approved_at: string | null; rules_json: string; published_json: string; approved_json: string | null; reopened_json: string; scope_path: string };

function toPublication(r: PubRecord): PublicationRow {
  return {
    id: r.id, orgId: r.org_id, quarter: r.quarter, status: r.status, publishedAt: r.published_at, publishedBy: r.published_by, windowEnds: r.window_ends,
    approvedBy: r.approved_by, approvedAt: r.approved_at, reopened: JSON.parse(r.reopened_json) as ReopenRecord[], scopePath: r.scope_path,
    rules: JSON.parse(r.rules_json) as PublicationRow['rules'], published: JSON.parse(r.published_json) as Snapshot,
    approved: r.approved_json ? (JSON.parse(r.approved_json) as Snapshot) : null,
  };
}

export async function publications(db: Db, orgId: string, from: string, to: string): Promise<Map<string, PublicationRow>> {
  const rows = await db.selectFrom('points_publications').selectAll().where('org_id', '=', orgId).where('deleted', '=', 0)
    .where('quarter', '>=', from).where('quarter', '<=', to).execute();
  return new Map(rows.map((r) => [r.quarter, toPublication(r)]));
}

export async function publicationIn(db: Db, id: string, scope: string): Promise<PublicationRow> {
  const r = await db.selectFrom('points_publications').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!r) throw new ApiError('not_found', '该季度尚未公示', 'This quarter has not been published');
  assertInScope(r.scope_path, scope);
  return toPublication(r);
}

export async function objectionsOf(db: Db, publicationId: string): Promise<Objection[]> {
  const rows = await db.selectFrom('points_objections as o').leftJoin('people as p', 'p.id', 'o.person_id')
    .select(['o.id', 'o.publication_id', 'o.person_id', 'p.name', 'o.text', 'o.raised_by', 'o.created_at', 'o.answer', 'o.answered_by', 'o.answered_at'])
    .where('o.publication_id', '=', publicationId).where('o.deleted', '=', 0).orderBy('o.created_at').orderBy('o.id').execute();
  return rows.map((r) => ({
    id: r.id, publicationId: r.publication_id, personId: r.person_id, personName: r.name ?? '（已删除人员）', text: r.text, raisedBy: r.raised_by,
    raisedAt: r.created_at, answer: r.answer, answeredBy: r.answered_by, answeredAt: r.answered_at,
  }));
}
