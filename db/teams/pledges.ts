// 承诺践诺: a member's pledge for a year (filed under their branch), its evidence, and the
// year-end review. A reviewed pledge is closed: its text and year no longer change.
import { sql } from 'kysely';
import type { z } from 'zod';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope, scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';
import { assertPledgeDate, assertPledgeReview, reviewOpensOn, type PledgeOutcome } from '../../shared/teams/rules.js';
import type { pledgeList, pledgeReview, pledgeSave } from '../../shared/teams/schemas.js';
import type { PledgeRow } from '../../shared/teams/types.js';
import type { Db, Session } from '../context.js';
import { assertOrganiser, membersInScope } from './checks.js';

interface Raw {
  id: string; person_id: string; person_name: string | null; org_id: string; org_name: string | null; year: number; pledge: string; pledged_on: string;
  evidence: string | null; outcome: string; reviewed_on: string | null; reviewed_by: string | null; review_note: string | null; scope_path: string;
}

const SELECT = sql`
  SELECT g.id, g.person_id, p.name AS person_name, g.org_id, o.name AS org_name, g.year, g.pledge, g.pledged_on, g.evidence, g.outcome,
    g.reviewed_on, g.reviewed_by, g.review_note, g.scope_path
  FROM pledges g LEFT JOIN people p ON p.id = g.person_id LEFT JOIN party_orgs o ON o.id = g.org_id`;

const toRow = (r: Raw, reviewFrom: string): PledgeRow => ({
  id: r.id, personId: r.person_id, personName: r.person_name, orgId: r.org_id, orgName: r.org_name, year: r.year, pledge: r.pledge, pledgedOn: r.pledged_on,
  evidence: r.evidence, outcome: r.outcome as PledgeOutcome, reviewedOn: r.reviewed_on, reviewedBy: r.reviewed_by, reviewNote: r.review_note,
  reviewOpensOn: reviewOpensOn(r.year, reviewFrom),
});

export async function listPledges(db: Db, scope: string, f: z.output<typeof pledgeList>, reviewFrom: string): Promise<Page<PledgeRow>> {
  const where = sql`g.deleted = 0 AND g.scope_path >= ${scope} AND g.scope_path < ${scopeEnd(scope)} AND g.year = ${f.year}
    ${f.outcome ? sql`AND g.outcome = ${f.outcome}` : sql``}`;
  const total = (await sql<{ n: number }>`SELECT count(*) AS n FROM pledges g WHERE ${where}`.execute(db)).rows[0]!.n;
  const rows = (await sql<Raw>`${SELECT} WHERE ${where} ORDER BY g.pledged_on DESC, g.id LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db)).rows;
  return { total, rows: rows.map((r) => toRow(r, reviewFrom)) };
}

export async function getPledge(db: Db, s: Session, id: string, reviewFrom: string): Promise<PledgeRow> {
  const r = (await sql<Raw>`${SELECT} WHERE g.id = ${id} AND g.deleted = 0`.execute(db)).rows[0];
  if (!r) throw notFound('承诺', 'Pledge');
  assertInScope(r.scope_path, s.scopePath);
  return toRow(r, reviewFrom);
}

export async function savePledge(db: Db, s: Session, input: z.output<typeof pledgeSave>, today: string, now: string): Promise<string> {
  assertPledgeDate(input.year, input.pledgedOn, today);
  await membersInScope(db, s, [input.personId], 'personId');
  const m = await db.selectFrom('members as m').innerJoin('party_orgs as o', 'o.id', 'm.branch_id').select(['m.branch_id', 'o.scope_path'])
    .where('m.person_id', '=', input.personId).where('m.deleted', '=', 0).executeTakeFirst();
  if (!m) throw new ApiError('validation', '该党员没有所在支部，无法登记承诺', 'This member has no branch to file the pledge under', [{ path: 'personId', message: '该党员没有所在支部，无法登记承诺', messageEn: 'This member has no branch to file the pledge under' }]);
  const cols = { person_id: input.personId, org_id: m.branch_id, year: input.year, pledge: input.pledge, pledged_on: input.pledgedOn, evidence: input.evidence, scope_path: m.scope_path, updated_at: now };
  if (input.id) {
    const old = await db.selectFrom('pledges').select(['scope_path', 'outcome']).where('id', '=', input.id).where('deleted', '=', 0).executeTakeFirst();
    if (!old) throw notFound('承诺', 'Pledge');
    assertInScope(old.scope_path, s.scopePath);
    if (old.outcome !== 'pending') throw new ApiError('conflict', '已评议的承诺不能再修改', 'A reviewed pledge cannot be changed');
    await db.updateTable('pledges').set(cols).where('id', '=', input.id).execute();
    return input.id;
  }
  const id = uuidv7();
  await db.insertInto('pledges').values({ ...cols, id, outcome: 'pending', created_by: s.userName, created_at: now, reviewed_on: null, reviewed_by: null, review_note: null }).execute();
  return id;
}

export async function reviewPledge(db: Db, s: Session, input: z.output<typeof pledgeReview>, reviewFrom: string, today: string, now: string): Promise<void> {
  assertOrganiser(s);
  const p = await getPledge(db, s, input.id, reviewFrom);
  const evidence = input.evidence ?? p.evidence;
  assertPledgeReview(p.year, input.outcome, evidence, today, reviewFrom);
  await db.updateTable('pledges').set({ outcome: input.outcome, evidence, review_note: input.note, reviewed_on: today, reviewed_by: s.userName, updated_at: now })
    .where('id', '=', input.id).execute();
}
