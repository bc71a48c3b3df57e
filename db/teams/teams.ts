// 岗区队: list a scope's vanguard posts, responsibility areas and commando teams, read one with its
// members and outlets, and save one (its member and outlet lists replaced as a whole).
import { sql } from 'kysely';
import type { z } from 'zod';
import { nodeState } from '../../shared/milestones/rules.js';
import { notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope, scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';
import { assertTeamMembers, assertTeamPeriod, teamState, type TeamKind } from '../../shared/teams/rules.js';
import type { teamList, teamSave } from '../../shared/teams/schemas.js';
import type { TeamDetail, TeamRow } from '../../shared/teams/types.js';
import type { Db, Session } from '../context.js';
import { assertOrganiser, membersInScope, orgInScope, outletsInScope } from './checks.js';

interface Raw {
  id: string; org_id: string; org_name: string | null; kind: string; name: string; goal: string; starts_on: string; ends_on: string | null;
  leader_person_id: string | null; leader_name: string | null; results: string | null; scope_path: string; member_count: number; outlet_count: number;
}

const SELECT = sql`
  SELECT t.id, t.org_id, o.name AS org_name, t.kind, t.name, t.goal, t.starts_on, t.ends_on, t.leader_person_id, l.name AS leader_name, t.results, t.scope_path,
    (SELECT count(*) FROM team_members m WHERE m.team_id = t.id AND m.deleted = 0) AS member_count,
    (SELECT count(*) FROM team_outlets x WHERE x.team_id = t.id AND x.deleted = 0) AS outlet_count
  FROM teams t LEFT JOIN party_orgs o ON o.id = t.org_id LEFT JOIN people l ON l.id = t.leader_person_id`;

async function nodeFacts(db: Db, teamIds: string[], today: string): Promise<Map<string, { nodes: number; missed: number }>> {
  const out = new Map<string, { nodes: number; missed: number }>();
  if (!teamIds.length) return out;
  const rows = await db.selectFrom('milestone_nodes as n').innerJoin('milestone_goals as g', 'g.id', 'n.goal_id')
    .select(['g.team_id', 'n.due_on', 'n.done_on']).where('g.team_id', 'in', teamIds).where('n.deleted', '=', 0).where('g.deleted', '=', 0).execute();
  for (const r of rows) {
    const f = out.get(r.team_id!) ?? out.set(r.team_id!, { nodes: 0, missed: 0 }).get(r.team_id!)!;
    f.nodes++;
    if (nodeState(r.due_on, r.done_on, today) === 'missed') f.missed++;
  }
  return out;
}

function toRow(r: Raw, today: string, f?: { nodes: number; missed: number }): TeamRow {
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name, kind: r.kind as TeamKind, name: r.name, goal: r.goal, startsOn: r.starts_on, endsOn: r.ends_on,
    state: teamState(r.starts_on, r.ends_on, today), leaderPersonId: r.leader_person_id, leaderName: r.leader_name, memberCount: r.member_count,
    outletCount: r.outlet_count, results: r.results, nodes: f?.nodes ?? 0, missedNodes: f?.missed ?? 0,
  };
}

export async function listTeams(db: Db, scope: string, f: z.output<typeof teamList>, today: string): Promise<Page<TeamRow>> {
  const where = sql`t.deleted = 0 AND t.scope_path >= ${scope} AND t.scope_path < ${scopeEnd(scope)}
    ${f.kind ? sql`AND t.kind = ${f.kind}` : sql``}
    ${f.activeOnly ? sql`AND t.starts_on <= ${today} AND (t.ends_on IS NULL OR t.ends_on >= ${today})` : sql``}`;
  const total = (await sql<{ n: number }>`SELECT count(*) AS n FROM teams t WHERE ${where}`.execute(db)).rows[0]!.n;
  const raws = (await sql<Raw>`${SELECT} WHERE ${where} ORDER BY t.starts_on DESC, t.name LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db)).rows;
  const facts = await nodeFacts(db, raws.map((r) => r.id), today);
  return { total, rows: raws.map((r) => toRow(r, today, facts.get(r.id))) };
}

export async function getTeam(db: Db, s: Session, id: string, today: string): Promise<TeamDetail> {
  const r = (await sql<Raw>`${SELECT} WHERE t.id = ${id} AND t.deleted = 0`.execute(db)).rows[0];
  if (!r) throw notFound('岗区队', 'Team');
  assertInScope(r.scope_path, s.scopePath);
  const members = await db.selectFrom('team_members as m').innerJoin('people as p', 'p.id', 'm.person_id').select(['m.person_id as personId', 'p.name'])
    .where('m.team_id', '=', id).where('m.deleted', '=', 0).orderBy('p.name').execute();
  const outlets = await db.selectFrom('team_outlets as x').innerJoin('outlets as o', 'o.id', 'x.outlet_id').select(['x.outlet_id as outletId', 'o.name'])
    .where('x.team_id', '=', id).where('x.deleted', '=', 0).orderBy('o.name').execute();
  return { ...toRow(r, today, (await nodeFacts(db, [id], today)).get(id)), members, outlets };
}

/** Brings a child list to exactly `want`: tombstones what left, inserts what is new, keeps the rest. */
async function replaceLinks(db: Db, table: 'team_members' | 'team_outlets', col: 'person_id' | 'outlet_id', teamId: string, want: string[], scope: string, now: string): Promise<void> {
  const have = await db.selectFrom(table).select(['id', col]).where('team_id', '=', teamId).where('deleted', '=', 0).execute();
  const haveIds = new Map(have.map((h) => [(h as Record<string, string>)[col]!, h.id]));
  const gone = have.filter((h) => !want.includes((h as Record<string, string>)[col]!)).map((h) => h.id);
  if (gone.length) await db.updateTable(table).set({ deleted: 1, updated_at: now }).where('id', 'in', gone).execute();
  for (const v of want.filter((x) => !haveIds.has(x)))
    await db.insertInto(table).values({ id: uuidv7(), team_id: teamId, [col]: v, scope_path: scope, created_at: now, updated_at: now } as never).execute();
}

export async function saveTeam(db: Db, s: Session, input: z.output<typeof teamSave>, minMembers: number, now: string): Promise<string> {
  assertOrganiser(s);
  assertTeamPeriod(input.startsOn, input.endsOn);
  assertTeamMembers(input.memberIds, input.leaderPersonId, minMembers);
  const org = await orgInScope(db, s, input.orgId);
  await membersInScope(db, s, input.memberIds, 'memberIds');
  await outletsInScope(db, s, input.outletIds);
  const cols = {
    org_id: input.orgId, kind: input.kind, name: input.name, goal: input.goal, starts_on: input.startsOn, ends_on: input.endsOn,
    leader_person_id: input.leaderPersonId, results: input.results, scope_path: org.scope, updated_at: now,
  };
  let id = input.id;
  if (id) {
    const old = await db.selectFrom('teams').select('scope_path').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
    if (!old) throw notFound('岗区队', 'Team');
    assertInScope(old.scope_path, s.scopePath);
    await db.updateTable('teams').set(cols).where('id', '=', id).execute();
  } else {
    id = uuidv7();
    await db.insertInto('teams').values({ ...cols, id, created_by: s.userName, created_at: now }).execute();
  }
  await replaceLinks(db, 'team_members', 'person_id', id, input.memberIds, org.scope, now);
  await replaceLinks(db, 'team_outlets', 'outlet_id', id, input.outletIds, org.scope, now);
  return id;
}
