// 复盘复训: the data a review compares (the board's lights at the period's end and the milestone
// nodes due in it, against the period before), saving a review with its findings (three-list
// items opened once through the assessment feature), and the retraining session of a training need.
import { sql } from 'kysely';
import type { z } from 'zod';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope, scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';
import { countStates, nodeState } from '../../shared/milestones/rules.js';
import { addDays, previousPeriod, type Period } from '../../shared/orglife/periods.js';
import { reviewPeriod, type FindingKind, type LightCounts, type ReviewData, type ReviewKind } from '../../shared/reviews/rules.js';
import type { reviewPrefill, reviewRetrain, reviewSave } from '../../shared/reviews/schemas.js';
import type { FindingRow, ReviewRow } from '../../shared/reviews/types.js';
import type { Db, Session } from '../context.js';
import { board } from '../assessment/board.js';
import { saveItem } from '../assessment/items.js';
import { assertOrganiser } from '../teams/checks.js';

type Subject = { subjectKind: 'org' | 'unit'; subjectId: string };

async function subjectOf(db: Db, s: Session, x: Subject): Promise<{ scope: string; name: string }> {
  const row = x.subjectKind === 'org'
    ? await db.selectFrom('party_orgs').select(['scope_path as scope', 'name']).where('id', '=', x.subjectId).where('deleted', '=', 0).executeTakeFirst()
    : await db.selectFrom('org_units').select(['path as scope', 'name']).where('id', '=', x.subjectId).where('deleted', '=', 0).executeTakeFirst();
  if (!row) throw new ApiError('validation', '复盘对象不存在或已删除', 'The subject of the review does not exist', [{ path: 'subjectId', message: '复盘对象不存在或已删除', messageEn: 'The subject of the review does not exist' }]);
  assertInScope(row.scope, s.scopePath);
  return row;
}

async function lightsAt(db: Db, scope: string, x: Subject, p: Period, today: string) {
  const month = (p.end < today ? p.end : today).slice(0, 7);
  const b = await board(db, scope, { period: month, today, trendPeriods: 1, ...(x.subjectKind === 'org' ? { orgId: x.subjectId } : {}) });
  const reds = new Map<string, number>();
  for (const l of b.lights) if (!l.derived && l.colour === 'red') reds.set(l.indicator, (reds.get(l.indicator) ?? 0) + 1);
  return { counts: b.counts as LightCounts, reds: [...reds].map(([indicator, count]) => ({ indicator, count })).sort((a, c) => c.count - a.count) };
}

async function nodesIn(db: Db, scope: string, x: Subject, p: Period, today: string) {
  const asOf = p.end < today ? addDays(p.end, 1) : today;
  let q = db.selectFrom('milestone_nodes').select(['due_on', 'done_on']).where('deleted', '=', 0).where('due_on', '>=', p.start).where('due_on', '<=', p.end);
  q = x.subjectKind === 'org' ? q.where('org_id', '=', x.subjectId) : q.where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope));
  return countStates((await q.execute()).map((n) => nodeState(n.due_on, n.done_on !== null && n.done_on < asOf ? n.done_on : null, asOf)));
}

export async function prefill(db: Db, s: Session, x: z.output<typeof reviewPrefill>, today: string): Promise<ReviewData> {
  const p = reviewPeriod(x.periodKey, today);
  const { scope } = await subjectOf(db, s, x);
  const prev = previousPeriod(p);
  const [now, before] = [await lightsAt(db, scope, x, p, today), await lightsAt(db, scope, x, prev, today)];
  return {
    period: p.key, previous: prev.key, lights: now.counts, previousLights: before.counts, reds: now.reds,
    nodes: await nodesIn(db, scope, x, p, today), previousNodes: await nodesIn(db, scope, x, prev, today),
  };
}

type Raw = { id: string; subject_kind: string; subject_id: string; period_key: string; kind: string; data_json: string; analysis: string; cases: string; created_by: string; created_at: string; scope_path: string; subject_name: string | null };
const SELECT = sql`SELECT r.*, CASE r.subject_kind WHEN 'org' THEN (SELECT name FROM party_orgs WHERE id = r.subject_id) ELSE (SELECT name FROM org_units WHERE id = r.subject_id) END AS subject_name FROM reviews r`;

async function findingsOf(db: Db, ids: string[]): Promise<Map<string, FindingRow[]>> {
  const out = new Map<string, FindingRow[]>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('review_findings as f').leftJoin('people as p', 'p.id', 'f.owner_person_id').leftJoin('activities as a', 'a.id', 'f.activity_id')
    .select(['f.id', 'f.review_id', 'f.kind', 'f.text', 'f.owner_person_id', 'p.name as owner_name', 'f.item_id', 'f.activity_id', 'a.title', 'a.held_on'])
    .select((eb) => eb.selectFrom('attendance as t').select(eb.fn.countAll<number>().as('n')).whereRef('t.activity_id', '=', 'f.activity_id').where('t.deleted', '=', 0).where('t.status', '=', 'present').as('present'))
    .where('f.review_id', 'in', ids).where('f.deleted', '=', 0).orderBy('f.created_at').execute();
  for (const r of rows) {
    const f: FindingRow = {
      id: r.id, kind: r.kind as FindingKind, text: r.text, ownerPersonId: r.owner_person_id, ownerName: r.owner_name, itemId: r.item_id,
      training: r.activity_id && r.title && r.held_on ? { activityId: r.activity_id, title: r.title, heldOn: r.held_on, present: Number(r.present ?? 0) } : null,
    };
    (out.get(r.review_id) ?? out.set(r.review_id, []).get(r.review_id)!).push(f);
  }
  return out;
}

const toRow = (r: Raw, f: FindingRow[]): ReviewRow => ({
  id: r.id, kind: r.kind as ReviewKind, subjectKind: r.subject_kind as 'org' | 'unit', subjectId: r.subject_id, subjectName: r.subject_name, periodKey: r.period_key,
  analysis: r.analysis, cases: r.cases, data: JSON.parse(r.data_json) as ReviewData, findings: f, createdBy: r.created_by, createdOn: r.created_at.slice(0, 10),
});

export async function listReviews(db: Db, scope: string, f: { limit: number; offset: number }): Promise<Page<ReviewRow>> {
  const where = sql`r.deleted = 0 AND r.scope_path >= ${scope} AND r.scope_path < ${scopeEnd(scope)}`;
  const total = (await sql<{ n: number }>`SELECT count(*) AS n FROM reviews r WHERE ${where}`.execute(db)).rows[0]!.n;
  const rows = (await sql<Raw>`${SELECT} WHERE ${where} ORDER BY r.period_key DESC, r.created_at DESC LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db)).rows;
  const fs = await findingsOf(db, rows.map((r) => r.id));
  return { total, rows: rows.map((r) => toRow(r, fs.get(r.id) ?? [])) };
}

export async function getReview(db: Db, s: Session, id: string): Promise<ReviewRow> {
  const r = (await sql<Raw>`${SELECT} WHERE r.id = ${id} AND r.deleted = 0`.execute(db)).rows[0];
  if (!r) throw notFound('复盘', 'Review');
  assertInScope(r.scope_path, s.scopePath);
  return toRow(r, (await findingsOf(db, [id])).get(id) ?? []);
}

export async function saveReview(db: Db, s: Session, input: z.output<typeof reviewSave>, today: string, now: string): Promise<string> {
  assertOrganiser(s);
  const p = reviewPeriod(input.periodKey, today);
  const subj = await subjectOf(db, s, input);
  let id = input.id;
  if (id) {
    const old = await getReview(db, s, id);
    if (old.subjectId !== input.subjectId || old.periodKey !== p.key) throw new ApiError('conflict', '复盘的对象和期间不能修改', 'The subject and period of a review cannot change');
    await db.updateTable('reviews').set({ analysis: input.analysis, cases: input.cases, updated_at: now }).where('id', '=', id).execute();
  } else {
    id = uuidv7();
    // the comparison is kept as it stood when the review was written
    const data = await prefill(db, s, input, today);
    await db.insertInto('reviews').values({
      id, subject_kind: input.subjectKind, subject_id: input.subjectId, period_key: p.key, kind: p.kind, data_json: JSON.stringify(data), analysis: input.analysis,
      cases: input.cases, created_by: s.userName, scope_path: subj.scope, created_at: now, updated_at: now,
    }).execute();
  }
  const have = await db.selectFrom('review_findings').select(['id', 'item_id']).where('review_id', '=', id).where('deleted', '=', 0).execute();
  const keep = new Set(input.findings.map((f) => f.id).filter(Boolean));
  if (input.findings.some((f) => f.id && !have.some((h) => h.id === f.id))) throw notFound('复盘发现', 'Finding');
  const gone = have.filter((h) => !keep.has(h.id));
  if (gone.some((h) => h.item_id)) throw new ApiError('conflict', '已转入三单的发现不能删除', 'A finding already in the three lists cannot be removed');
  if (gone.length) await db.updateTable('review_findings').set({ deleted: 1, updated_at: now }).where('id', 'in', gone.map((h) => h.id)).execute();
  for (const f of input.findings) {
    if (f.kind === 'item' && !f.ownerPersonId) throw new ApiError('validation', '转三单的发现须指定责任人', 'A finding for the three lists needs an owner', [{ path: 'findings', message: '转三单的发现须指定责任人', messageEn: 'A finding for the three lists needs an owner' }]);
    const prior = f.id ? have.find((h) => h.id === f.id) : undefined;
    const itemId = f.kind === 'item' && !prior?.item_id
      ? await saveItem(db, s, {
        kind: 'problem', title: `复盘发现：${f.text}`.slice(0, 200), detail: `来自${subj.name}${p.key}复盘`, subjectKind: input.subjectKind === 'org' ? 'org' : null,
        subjectId: input.subjectKind === 'org' ? input.subjectId : null, ownerPersonId: f.ownerPersonId, ownerUser: null, dueOn: null, evidence: null, source: 'review', sourceRef: `review|${id}`,
      }, now)
      : prior?.item_id ?? null;
    const cols = { kind: f.kind, text: f.text, owner_person_id: f.ownerPersonId, item_id: itemId, updated_at: now };
    if (prior) await db.updateTable('review_findings').set(cols).where('id', '=', prior.id).execute();
    else await db.insertInto('review_findings').values({ ...cols, id: uuidv7(), review_id: id, activity_id: null, scope_path: subj.scope, created_at: now }).execute();
  }
  return id;
}

export async function retrain(db: Db, s: Session, input: z.output<typeof reviewRetrain>, now: string): Promise<string> {
  assertOrganiser(s);
  const f = await db.selectFrom('review_findings').select(['review_id', 'kind', 'scope_path']).where('id', '=', input.findingId).where('deleted', '=', 0).executeTakeFirst();
  if (!f) throw notFound('复盘发现', 'Finding');
  assertInScope(f.scope_path, s.scopePath);
  if (f.kind !== 'training') throw new ApiError('validation', '只有培训需求可以登记复训', 'Only a training need takes a retraining session', [{ path: 'findingId', message: '只有培训需求可以登记复训', messageEn: 'Only a training need takes a retraining session' }]);
  const a = await db.selectFrom('activities').select(['scope_path', 'status']).where('id', '=', input.activityId).where('deleted', '=', 0).executeTakeFirst();
  if (!a) throw notFound('活动', 'Activity');
  assertInScope(a.scope_path, s.scopePath);
  if (a.status !== 'held') throw new ApiError('validation', '复训须是已开展并记录出勤的活动', 'A retraining session is an activity held, with its attendance', [{ path: 'activityId', message: '复训须是已开展并记录出勤的活动', messageEn: 'A retraining session is an activity held, with its attendance' }]);
  await db.updateTable('review_findings').set({ activity_id: input.activityId, updated_at: now }).where('id', '=', input.findingId).execute();
  return f.review_id;
}
