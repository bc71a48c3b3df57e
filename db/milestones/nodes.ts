// 里程碑: save a yearly goal with its nodes, list a year's nodes under a scope (节点对账: done /
// late / missed / open, computed from the dates), complete a node with evidence.
import { sql } from 'kysely';
import type { z } from 'zod';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope, scopeEnd } from '../../shared/core/scope.js';
import { assertCompletion, assertNode, countStates, nodeState } from '../../shared/milestones/rules.js';
import type { goalSave, nodeComplete, nodeList } from '../../shared/milestones/schemas.js';
import type { GoalDetail, NodeReconciliation, NodeRow } from '../../shared/milestones/types.js';
import { daysBetween } from '../../shared/orglife/periods.js';
import type { Db, Session } from '../context.js';
import { assertOrganiser, orgInScope } from '../teams/checks.js';

interface Raw {
  id: string; goal_id: string; goal_title: string; year: number; org_id: string; org_name: string | null; team_id: string | null; team_name: string | null;
  period_key: string; title: string; owner_person_id: string | null; owner_name: string | null; standard: string; due_on: string; done_on: string | null;
  done_by: string | null; evidence: string | null; item_id: string | null; scope_path: string;
}

const SELECT = sql`
  SELECT n.id, n.goal_id, g.title AS goal_title, g.year, n.org_id, o.name AS org_name, g.team_id, t.name AS team_name, n.period_key, n.title,
    n.owner_person_id, p.name AS owner_name, n.standard, n.due_on, n.done_on, n.done_by, n.evidence, n.item_id, n.scope_path
  FROM milestone_nodes n JOIN milestone_goals g ON g.id = n.goal_id LEFT JOIN party_orgs o ON o.id = n.org_id
    LEFT JOIN teams t ON t.id = g.team_id LEFT JOIN people p ON p.id = n.owner_person_id`;

function toRow(r: Raw, today: string): NodeRow {
  const state = nodeState(r.due_on, r.done_on, today);
  const lateDays = state === 'late' ? daysBetween(r.due_on, r.done_on!) : state === 'missed' ? daysBetween(r.due_on, today) : 0;
  return {
    id: r.id, goalId: r.goal_id, goalTitle: r.goal_title, year: r.year, orgId: r.org_id, orgName: r.org_name, teamId: r.team_id, teamName: r.team_name,
    periodKey: r.period_key, title: r.title, ownerPersonId: r.owner_person_id, ownerName: r.owner_name, standard: r.standard, dueOn: r.due_on,
    doneOn: r.done_on, doneBy: r.done_by, evidence: r.evidence, state, lateDays, itemId: r.item_id,
  };
}

/** A state filter in SQL, so that a page of missed nodes is a page of the index, not of the whole year. */
function stateSql(state: string | undefined, today: string) {
  switch (state) {
    case 'done': return sql`AND n.done_on IS NOT NULL AND n.done_on <= n.due_on`;
    case 'late': return sql`AND n.done_on IS NOT NULL AND n.done_on > n.due_on`;
    case 'missed': return sql`AND n.done_on IS NULL AND n.due_on < ${today}`;
    case 'open': return sql`AND n.done_on IS NULL AND n.due_on >= ${today}`;
    default: return sql``;
  }
}

export async function listNodes(db: Db, scope: string, f: z.output<typeof nodeList>, today: string): Promise<NodeReconciliation> {
  const base = sql`n.deleted = 0 AND g.deleted = 0 AND n.scope_path >= ${scope} AND n.scope_path < ${scopeEnd(scope)} AND g.year = ${f.year}
    ${f.teamId ? sql`AND g.team_id = ${f.teamId}` : sql``}`;
  const all = (await sql<{ due_on: string; done_on: string | null }>`SELECT n.due_on, n.done_on FROM milestone_nodes n JOIN milestone_goals g ON g.id = n.goal_id WHERE ${base}`.execute(db)).rows;
  const counts = countStates(all.map((r) => nodeState(r.due_on, r.done_on, today)));
  const total = f.state ? counts[f.state] : all.length;
  const rows = (await sql<Raw>`${SELECT} WHERE ${base} ${stateSql(f.state, today)} ORDER BY n.due_on, o.name, n.title LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db)).rows;
  return { rows: rows.map((r) => toRow(r, today)), total, counts, asOf: today };
}

export async function getNode(db: Db, s: Session, id: string, today: string): Promise<NodeRow> {
  const r = (await sql<Raw>`${SELECT} WHERE n.id = ${id} AND n.deleted = 0`.execute(db)).rows[0];
  if (!r) throw notFound('里程碑节点', 'Milestone node');
  assertInScope(r.scope_path, s.scopePath);
  return toRow(r, today);
}

export async function getGoal(db: Db, s: Session, id: string, today: string): Promise<GoalDetail> {
  const g = await db.selectFrom('milestone_goals').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!g) throw notFound('里程碑目标', 'Milestone goal');
  assertInScope(g.scope_path, s.scopePath);
  const nodes = (await sql<Raw>`${SELECT} WHERE n.goal_id = ${id} AND n.deleted = 0 ORDER BY n.due_on`.execute(db)).rows.map((r) => toRow(r, today));
  return { id, orgId: g.org_id, year: g.year, title: g.title, teamId: g.team_id, ownerPersonId: g.owner_person_id, nodes };
}

const bad = (path: string, zh: string, en: string) => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

async function peopleInScope(db: Db, s: Session, ids: string[]): Promise<void> {
  const want = [...new Set(ids)];
  if (!want.length) return;
  const rows = await db.selectFrom('people').select(['id', 'scope_path']).where('id', 'in', want).where('deleted', '=', 0).execute();
  if (rows.length !== want.length) throw bad('ownerPersonId', '责任人不存在或已删除', 'An owner does not exist');
  for (const r of rows) assertInScope(r.scope_path, s.scopePath, 'person');
}

export async function saveGoal(db: Db, s: Session, input: z.output<typeof goalSave>, now: string): Promise<string> {
  assertOrganiser(s);
  input.nodes.forEach((n, i) => assertNode(input.year, n.periodKey, n.dueOn, `nodes.${i}`));
  const org = await orgInScope(db, s, input.orgId);
  if (input.teamId) {
    const t = await db.selectFrom('teams').select(['org_id', 'scope_path']).where('id', '=', input.teamId).where('deleted', '=', 0).executeTakeFirst();
    if (!t || t.org_id !== input.orgId) throw bad('teamId', '所选岗区队不存在或不属于该党组织', 'The chosen team does not exist or belongs to another organisation');
  }
  await peopleInScope(db, s, [...input.nodes.map((n) => n.ownerPersonId), ...(input.ownerPersonId ? [input.ownerPersonId] : [])]);
  const cols = { org_id: input.orgId, year: input.year, title: input.title, team_id: input.teamId, owner_person_id: input.ownerPersonId, scope_path: org.scope, updated_at: now };
  let id = input.id;
  if (id) {
    const old = await db.selectFrom('milestone_goals').select('scope_path').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
    if (!old) throw notFound('里程碑目标', 'Milestone goal');
    assertInScope(old.scope_path, s.scopePath);
    await db.updateTable('milestone_goals').set(cols).where('id', '=', id).execute();
  } else {
    id = uuidv7();
    await db.insertInto('milestone_goals').values({ ...cols, id, created_by: s.userName, created_at: now }).execute();
  }
  const have = await db.selectFrom('milestone_nodes').select('id').where('goal_id', '=', id).where('deleted', '=', 0).execute();
  const keep = new Set(input.nodes.map((n) => n.id).filter(Boolean));
  const unknown = input.nodes.find((n) => n.id && !have.some((h) => h.id === n.id));
  if (unknown) throw notFound('里程碑节点', 'Milestone node');
  const gone = have.filter((h) => !keep.has(h.id)).map((h) => h.id);
  if (gone.length) await db.updateTable('milestone_nodes').set({ deleted: 1, updated_at: now }).where('id', 'in', gone).execute();
  for (const n of input.nodes) {
    const c = { goal_id: id, org_id: input.orgId, period_key: n.periodKey, title: n.title, owner_person_id: n.ownerPersonId, standard: n.standard, due_on: n.dueOn, scope_path: org.scope, updated_at: now };
    if (n.id) await db.updateTable('milestone_nodes').set(c).where('id', '=', n.id).execute();
    else await db.insertInto('milestone_nodes').values({ ...c, id: uuidv7(), created_at: now, done_on: null, done_by: null, evidence: null, item_id: null }).execute();
  }
  return id;
}

export async function completeNode(db: Db, s: Session, input: z.output<typeof nodeComplete>, today: string, now: string): Promise<void> {
  assertOrganiser(s);
  const node = await getNode(db, s, input.id, today);
  if (node.doneOn) throw new ApiError('conflict', `该节点已于 ${node.doneOn} 完成`, `This node was completed on ${node.doneOn}`);
  const evidence = input.evidence ?? node.evidence;
  assertCompletion(input.doneOn, evidence, today);
  await db.updateTable('milestone_nodes').set({ done_on: input.doneOn, done_by: s.userName, evidence, updated_at: now }).where('id', '=', input.id).execute();
}
