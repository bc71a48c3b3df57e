// The recruit pipeline (applicant → activist → candidate → probationary → full) with what is due
// next, and the stage changes: each one checked against the rules (a year of cultivation, a year of
// probation) and recorded as history. Admission creates the membership; conversion completes it.
import { todayInBeijing } from '../../shared/core/dates.js';
import { assertInScope } from '../../shared/core/scope.js';
import { sql } from 'kysely';
import { ApiError, notFound, RULE_MESSAGES } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { nextStep, rulesFrom, stepProblem, type RegistryRules } from '../../shared/people/rules.js';
import type { PipelineRow } from '../../shared/people/types.js';
import { nowIso, type ApiContext } from '../context.js';
import { readSettings } from '../system/settings.js';
import { recordHistory } from './history.js';
import { scopeEnd } from '../../shared/core/scope.js';
import { scopeFor } from '../scope.js';
import { probationPoints } from '../points/probation.js';
import type { Page } from '../../shared/contract/define.js';

interface Raw {
  person_id: string;
  name: string;
  outlet: string | null;
  stage: string;
  applied_on: string | null;
  activist_on: string | null;
  candidate_on: string | null;
  probationary_on: string | null;
}

const STAGE_DATE: Record<string, 'activist_on' | 'candidate_on' | 'probationary_on' | 'full_on' | 'cancelled_on'> = {
  activist: 'activist_on', candidate: 'candidate_on', probationary: 'probationary_on', full: 'full_on', cancelled: 'cancelled_on',
};

function toRow(r: Raw, today: string, rules: RegistryRules): PipelineRow {
  const n = nextStep({ stage: r.stage, appliedOn: r.applied_on, activistOn: r.activist_on, candidateOn: r.candidate_on, probationaryOn: r.probationary_on }, today, rules);
  return {
    personId: r.person_id, name: r.name, outletName: r.outlet, stage: r.stage, appliedOn: r.applied_on, activistOn: r.activist_on,
    candidateOn: r.candidate_on, probationaryOn: r.probationary_on, next: n?.next ?? null, dueOn: n?.dueOn ?? null, state: n?.state ?? null,
    overdueDays: n?.overdueDays ?? 0, band: n?.band ?? null,
  };
}

// Probationary members registered without a recruit row (imports, older records) are in the
// pipeline too: their admission date is the join date.
const PIPELINE_SQL = (path: string) => sql<Raw>`
  SELECT r.person_id, p.name, o.name AS outlet, r.stage, r.applied_on, r.activist_on, r.candidate_on, r.probationary_on
  FROM recruits r JOIN people p ON p.id = r.person_id AND p.deleted = 0 LEFT JOIN outlets o ON o.id = p.outlet_id
  WHERE r.deleted = 0 AND r.stage NOT IN ('full', 'cancelled') AND p.scope_path >= ${path} AND p.scope_path < ${scopeEnd(path)}
  UNION ALL
  SELECT p.id, p.name, o.name, 'probationary', NULL, NULL, NULL, m.join_date
  FROM people p JOIN members m ON m.person_id = p.id AND m.deleted = 0 LEFT JOIN outlets o ON o.id = p.outlet_id
  WHERE p.deleted = 0 AND p.political_status = 'probationary' AND p.scope_path >= ${path} AND p.scope_path < ${scopeEnd(path)}
    AND NOT EXISTS (SELECT 1 FROM recruits r WHERE r.person_id = p.id AND r.deleted = 0 AND r.stage NOT IN ('full', 'cancelled'))`;

const URGENCY = { red: 0, yellow: 1, green: 2 } as const;

export async function pipeline(ctx: ApiContext, f: { unitId?: string; stages?: string[]; dueOnly?: boolean; limit: number; offset: number }): Promise<Page<PipelineRow>> {
  const path = await scopeFor(ctx.db, ctx.session.scopePath, f.unitId);
  const today = todayInBeijing(ctx.now());
  const rules = rulesFrom(await readSettings(ctx.db, ctx.session.scopePath));
  let rows = (await PIPELINE_SQL(path).execute(ctx.db)).rows.map((r) => toRow(r, today, rules));
  if (f.stages?.length) rows = rows.filter((r) => f.stages!.includes(r.stage));
  if (f.dueOnly) rows = rows.filter((r) => r.state === 'due' || r.state === 'overdue');
  // Overdue conversions first (red, then yellow), then by the day the next step falls due.
  rows.sort((a, b) => (URGENCY[a.band ?? 'green'] - URGENCY[b.band ?? 'green']) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.name.localeCompare(b.name));
  const page = rows.slice(f.offset, f.offset + f.limit);
  const probation = page.filter((r) => r.stage === 'probationary');
  const points = await probationPoints(ctx, probation.map((r) => ({ personId: r.personId, since: r.probationaryOn })), today);
  for (const r of probation) r.points = points.get(r.personId) ?? null;
  return { total: rows.length, rows: page };
}

const invalid = (key: string, path = 'on') => {
  const m = RULE_MESSAGES[key] ?? { zh: key, en: key };
  return new ApiError('validation', m.zh, m.en, [{ path, message: m.zh, messageEn: m.en }]);
};

export async function advance(ctx: ApiContext, a: { personId: string; to: string; on: string; branchId?: string }): Promise<PipelineRow> {
  const db = ctx.db;
  const now = nowIso(ctx);
  const today = todayInBeijing(ctx.now());
  if (a.on > today) throw invalid('date.future');
  const p = await db.selectFrom('people').select(['id', 'name', 'political_status', 'scope_path']).where('id', '=', a.personId).where('deleted', '=', 0).executeTakeFirst();
  if (!p) throw notFound('人员', 'Person');
  assertInScope(p.scope_path, ctx.session.scopePath, 'person');
  let r = await db.selectFrom('recruits').selectAll().where('person_id', '=', p.id).where('deleted', '=', 0).executeTakeFirst();
  const member = await db.selectFrom('members').selectAll().where('person_id', '=', p.id).where('deleted', '=', 0).executeTakeFirst();
  if (!r && p.political_status === 'probationary' && member) {
    // A probationary member without a pipeline record: start one from the admission date.
    const id = uuidv7();
    await db.insertInto('recruits').values({ id, person_id: p.id, stage: 'probationary', probationary_on: member.join_date, scope_path: p.scope_path, created_at: now, updated_at: now, training_hours: 0 }).execute();
    r = await db.selectFrom('recruits').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
  if (!r) throw new ApiError('validation', '该人员不在发展流程中，请先在人员信息中登记入党申请', 'Not in the recruit pipeline');
  const rules = rulesFrom(await readSettings(db, ctx.session.scopePath));
  const problem = stepProblem({ stage: r.stage, appliedOn: r.applied_on, activistOn: r.activist_on, candidateOn: r.candidate_on, probationaryOn: r.probationary_on }, a.to, a.on, rules);
  if (problem) throw invalid(problem);

  const col = STAGE_DATE[a.to]!;
  await db.updateTable('recruits').set({ stage: a.to, [col]: a.on, updated_at: now }).where('id', '=', r.id).execute();
  const h = { personId: p.id, onDate: a.on, reason: null, scopePath: p.scope_path };
  await recordHistory(db, { ...h, kind: 'recruit_stage', from: r.stage, to: a.to }, ctx.session.userName, now);
  if (a.to === 'probationary') {
    if (!a.branchId) throw invalid('member.required_for_party', 'branchId');
    const branch = await db.selectFrom('party_orgs').select(['id', 'scope_path']).where('id', '=', a.branchId).where('deleted', '=', 0).executeTakeFirst();
    if (!branch) throw notFound('党支部', 'Branch');
    await db.updateTable('people').set({ political_status: 'probationary', updated_at: now }).where('id', '=', p.id).execute();
    if (member) await db.updateTable('members').set({ branch_id: branch.id, join_date: a.on, full_date: null, updated_at: now }).where('id', '=', member.id).execute();
    else
      await db
        .insertInto('members')
        .values({
          id: uuidv7(), person_id: p.id, branch_id: branch.id, join_date: a.on, standing: 'normal', mobility: 'none', lost_contact: 0,
          dues_base_type: 'wage', scope_path: p.scope_path, created_at: now, updated_at: now,
        })
        .execute();
    await recordHistory(db, { ...h, kind: 'political_status', from: p.political_status, to: 'probationary' }, ctx.session.userName, now);
  }
  if (a.to === 'full') {
    if (!member) throw notFound('党员信息', 'Membership');
    await db.updateTable('people').set({ political_status: 'full_member', updated_at: now }).where('id', '=', p.id).execute();
    await db.updateTable('members').set({ full_date: a.on, updated_at: now }).where('id', '=', member.id).execute();
    await recordHistory(db, { ...h, kind: 'political_status', from: p.political_status, to: 'full_member' }, ctx.session.userName, now);
  }
  const after = await db.selectFrom('recruits').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
  return toRow({ ...after, name: p.name, outlet: null }, today, rules);
}
