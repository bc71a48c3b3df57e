// A branch's yearly democratic review: reading it (grades masked for roles that may not see a
// negative outcome), saving grades with 优秀 capped at a share of the full members, and closing it.
// A refusal is bilingual and, inside the dispatcher's transaction, writes nothing.
import { ApiError } from '../../shared/core/errors.js';
import { excellentCap, evaluationSettings, maskGrade, REVIEW_GRADES, seesAllGrades, type ReviewGrade } from '../../shared/evaluation/rules.js';
import type { ReviewView } from '../../shared/evaluation/types.js';
import { nowIso, type ApiContext } from '../context.js';
import { derivedId } from '../points/ids.js';
import { branchIn, branchMembers, type Branch } from '../points/store.js';
import { readSettings } from '../system/settings.js';

const reviewId = (orgId: string, year: number) => derivedId('evaluation', orgId, String(year));
const refuse = (zh: string, en: string, path = 'grades') => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

export async function reviewView(ctx: ApiContext, b: Branch, year: number): Promise<ReviewView> {
  const seesAll = seesAllGrades(ctx.session.role);
  const s = evaluationSettings(await readSettings(ctx.db, b.scopePath));
  const members = await branchMembers(ctx.db, b.id);
  const row = await ctx.db.selectFrom('evaluations').selectAll().where('id', '=', reviewId(b.id, year)).where('deleted', '=', 0).executeTakeFirst();
  const grades = row ? await ctx.db.selectFrom('evaluation_grades').selectAll().where('evaluation_id', '=', row.id).where('deleted', '=', 0).execute() : [];
  const byPerson = new Map(grades.map((g) => [g.person_id, g]));
  const eligible = members.filter((m) => !m.probationary).length;
  const counts = { excellent: 0, pass: 0, basic_pass: 0, fail: 0, hidden: 0 } as ReviewView['counts'];
  for (const g of grades) if (g.grade in REVIEW_GRADES) (counts[g.grade as ReviewGrade] as number)++;
  if (!seesAll) {
    counts.hidden = grades.length - (counts.excellent ?? 0);
    counts.pass = counts.basic_pass = counts.fail = null;
  }
  const meetings = await ctx.db.selectFrom('activities').select(['id', 'title', 'held_on', 'type']).where('org_id', '=', b.id).where('deleted', '=', 0)
    .where('held_on', '>=', `${year}-01-01`).where('held_on', '<=', `${year}-12-31`).where('type', 'in', ['review', 'general_meeting', 'org_life_meeting'])
    .orderBy('held_on', 'desc').execute();
  const act = row?.activity_id ? meetings.find((m) => m.id === row.activity_id) : undefined;
  return {
    orgId: b.id, orgName: b.name, year, status: row ? row.status : 'none',
    activity: act ? { id: act.id, title: act.title, heldOn: act.held_on } : null, summary: row?.summary ?? null, closedAt: row?.closed_at ?? null,
    members: members.map((m) => {
      const g = byPerson.get(m.personId);
      const grade = g ? (seesAll ? g.grade : maskGrade(g.grade)) : null;
      return { personId: m.personId, name: m.name, probationary: m.probationary, grade: grade as ReviewView['members'][number]['grade'], note: g && seesAll ? g.note : null };
    }),
    eligible, cap: excellentCap(eligible, s), counts,
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, heldOn: m.held_on, type: m.type })),
    mayGrade: seesAll, seesAll,
  };
}

function assertMayGrade(ctx: ApiContext): void {
  if (!seesAllGrades(ctx.session.role))
    throw new ApiError('forbidden', '评议结果属敏感信息，只有县级组织员和省公司管理员可以登记', 'Review outcomes are sensitive: only county organisers and HQ administrators record them');
}

export async function saveReview(
  ctx: ApiContext, orgId: string, year: number,
  input: { activityId: string | null; summary: string | null; grades: { personId: string; grade: ReviewGrade; note: string | null }[] },
): Promise<Branch> {
  assertMayGrade(ctx);
  const b = await branchIn(ctx.db, orgId, ctx.session.scopePath);
  const id = reviewId(b.id, year);
  const row = await ctx.db.selectFrom('evaluations').select(['status']).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (row?.status === 'closed') throw refuse(`${year}年民主评议已结束，不能再修改`, `The ${year} review is closed and cannot change`, 'year');
  const members = new Map((await branchMembers(ctx.db, b.id)).map((m) => [m.personId, m]));
  for (const g of input.grades) {
    const m = members.get(g.personId);
    if (!m) throw refuse('评议名单中有人不是本支部的党员', 'Someone graded is not a member of this branch');
    if (m.probationary) throw refuse(`预备党员${m.name}不参加民主评议定等`, `Probationary member ${m.name} is not graded`);
  }
  if (new Set(input.grades.map((g) => g.personId)).size !== input.grades.length) throw refuse('同一党员不能评定两次', 'A member is graded twice');
  if (input.activityId) {
    const a = await ctx.db.selectFrom('activities').select(['org_id']).where('id', '=', input.activityId).where('deleted', '=', 0).executeTakeFirst();
    if (!a || a.org_id !== b.id) throw refuse('所选会议不是本支部的活动', 'The meeting chosen is not one of this branch\u2019s activities', 'activityId');
  }
  const now = nowIso(ctx);
  const existing = await ctx.db.selectFrom('evaluation_grades').select(['id', 'person_id', 'grade']).where('evaluation_id', '=', id).where('deleted', '=', 0).execute();
  const final = new Map(existing.map((g) => [g.person_id, g.grade]));
  for (const g of input.grades) final.set(g.personId, g.grade);
  const eligible = [...members.values()].filter((m) => !m.probationary).length;
  const cap = excellentCap(eligible, evaluationSettings(await readSettings(ctx.db, b.scopePath)));
  const excellent = [...final.values()].filter((g) => g === 'excellent').length;
  if (excellent > cap)
    throw refuse(`“优秀”不能超过参评党员的三分之一：${eligible}名党员最多${cap}名优秀，本次为${excellent}名`, `"Excellent" is capped at a third of the members graded: at most ${cap} of ${eligible}, this would be ${excellent}`);
  const values = { activity_id: input.activityId, summary: input.summary, updated_at: now };
  if (row) await ctx.db.updateTable('evaluations').set(values).where('id', '=', id).execute();
  else await ctx.db.insertInto('evaluations').values({ id, org_id: b.id, year, status: 'open', created_by: ctx.session.userName, scope_path: b.scopePath, created_at: now, ...values }).execute();
  for (const g of input.grades) {
    const gid = derivedId('evaluation_grade', id, g.personId);
    const had = existing.find((x) => x.person_id === g.personId);
    if (had) await ctx.db.updateTable('evaluation_grades').set({ grade: g.grade, note: g.note, graded_by: ctx.session.userName, updated_at: now }).where('id', '=', had.id).execute();
    else await ctx.db.insertInto('evaluation_grades').values({ id: gid, evaluation_id: id, person_id: g.personId, grade: g.grade, note: g.note, graded_by: ctx.session.userName, scope_path: b.scopePath, created_at: now, updated_at: now }).execute();
  }
  return b;
}

export async function closeReview(ctx: ApiContext, orgId: string, year: number): Promise<Branch> {
  assertMayGrade(ctx);
  const b = await branchIn(ctx.db, orgId, ctx.session.scopePath);
  const v = await reviewView(ctx, b, year);
  if (v.status !== 'open') throw refuse('该年度的民主评议尚未开始或已结束', 'This year\u2019s review has not started or is already closed', 'year');
  const missing = v.members.filter((m) => !m.probationary && !m.grade).map((m) => m.name);
  if (missing.length) throw refuse(`还有党员未评定等次：${missing.join('、')}`, `Members not yet graded: ${missing.join(', ')}`);
  if (!v.activity) throw refuse('请选择民主评议召开的会议', 'Choose the meeting the review took place in', 'activityId');
  await ctx.db.updateTable('evaluations').set({ status: 'closed', closed_by: ctx.session.userName, closed_at: nowIso(ctx), updated_at: nowIso(ctx) })
    .where('id', '=', reviewId(b.id, year)).execute();
  return b;
}
