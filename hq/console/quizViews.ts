// What the console's quiz pages show, read from HQ's copy of the quiz rows (hq/quiz/rows.ts): the bank
// with each question's reports, the rewards with their pending requests, the redemption requests of a
// scope with the person's name, and the questions players reported as wrong with every report.
import { isUnder } from '../../shared/core/scope.js';
import type { QuestionReports, QuestionRow, RedemptionRow, RewardRow } from '../../shared/console/quiz.js';
import type { Cell } from '../rowset.js';
import { hqCategories } from '../quiz/bank.js';
import { int, rowsOf, str } from '../quiz/rows.js';
import type { HqStore } from '../store.js';

const nullable = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function options(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** The bank, each question with the reports made within `scope` (another county's are not the organiser's to count). */
export async function listQuestions(store: HqStore, scope = '/'): Promise<QuestionRow[]> {
  const reports = new Map<string, number>();
  for (const r of await rowsOf(store, 'quiz_reports')) if (isUnder(r.scope, scope)) reports.set(str(r.c.question_id), (reports.get(str(r.c.question_id)) ?? 0) + 1);
  const labels = new Map((await hqCategories(store)).map((c) => [c.key, { zh: c.zh, en: c.en }]));
  return (await rowsOf(store, 'quiz_questions')).map((q): QuestionRow => ({
    id: q.id, kind: str(q.c.kind) as QuestionRow['kind'], stem: str(q.c.stem), options: options(str(q.c.options_json)), answer: str(q.c.answer),
    explanation: str(q.c.explanation), category: str(q.c.category), categoryLabel: labels.get(str(q.c.category)) ?? { zh: str(q.c.category), en: str(q.c.category) }, difficulty: int(q.c.difficulty), level: int(q.c.level),
    retiredOn: nullable(q.c.retired_on), batch: nullable(q.c.batch), createdAt: str(q.c.created_at), reports: reports.get(q.id) ?? 0,
  })).sort((a, b) => a.level - b.level || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export async function listRewards(store: HqStore): Promise<RewardRow[]> {
  const pending = new Map<string, number>();
  for (const d of await rowsOf(store, 'quiz_redemptions')) if (d.c.status === 'requested') pending.set(str(d.c.reward_id), (pending.get(str(d.c.reward_id)) ?? 0) + 1);
  return (await rowsOf(store, 'quiz_rewards')).map((w): RewardRow => ({
    id: w.id, name: str(w.c.name), nameEn: str(w.c.name_en), description: str(w.c.description), price: int(w.c.price), stock: int(w.c.stock),
    active: w.c.active !== 0, pending: pending.get(w.id) ?? 0,
  })).sort((a, b) => Number(b.active) - Number(a.active) || a.price - b.price || a.name.localeCompare(b.name));
}

/** The names of people rows HQ holds (a redemption names its person by id). */
async function personNames(store: HqStore, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom('hq_rows').select(['row_id', 'cells']).where('tbl', '=', 'people').where('row_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) {
      const name = (JSON.parse(r.cells) as Record<string, Cell | undefined>).name?.[0];
      if (typeof name === 'string') out.set(r.row_id, name);
    }
  }
  return out;
}

export async function listRedemptionRows(store: HqStore, scope: string, status?: string): Promise<RedemptionRow[]> {
  const rewards = new Map((await rowsOf(store, 'quiz_rewards')).map((w) => [w.id, { zh: str(w.c.name), en: str(w.c.name_en) || str(w.c.name) }]));
  const rows = (await rowsOf(store, 'quiz_redemptions')).filter((d) => isUnder(d.scope, scope) && (!status || d.c.status === status));
  const names = await personNames(store, [...new Set(rows.map((d) => str(d.c.person_id)))]);
  return rows.map((d): RedemptionRow => ({
    id: d.id, personName: names.get(str(d.c.person_id)) ?? null, rewardName: rewards.get(str(d.c.reward_id)) ?? { zh: '', en: '' }, price: int(d.c.price),
    status: str(d.c.status) as RedemptionRow['status'], requestedBy: str(d.c.requested_by), requestedAt: str(d.c.requested_at),
    decidedBy: nullable(d.c.decided_by), decidedAt: nullable(d.c.decided_at), reason: nullable(d.c.reason), scopePath: d.scope,
  // Pending first (earliest request first: the order stock is given in), then the decided, newest first.
  })).sort((a, b) => (a.status === 'requested') !== (b.status === 'requested') ? (a.status === 'requested' ? -1 : 1)
    : a.status === 'requested' ? a.requestedAt.localeCompare(b.requestedAt) : b.requestedAt.localeCompare(a.requestedAt));
}

/** Questions reported as wrong from within `scope`, most reported first, each with its reports (newest first). */
export async function reportedQuestions(store: HqStore, scope: string): Promise<QuestionReports[]> {
  const questions = new Map((await rowsOf(store, 'quiz_questions')).map((q) => [q.id, q]));
  const by = new Map<string, QuestionReports>();
  for (const r of await rowsOf(store, 'quiz_reports')) {
    if (!isUnder(r.scope, scope)) continue;
    const qid = str(r.c.question_id);
    const q = questions.get(qid);
    const entry = by.get(qid) ?? { questionId: qid, stem: q ? str(q.c.stem) : '', retiredOn: q ? nullable(q.c.retired_on) : null, reports: [] };
    entry.reports.push({ id: r.id, text: str(r.c.text), reportedBy: str(r.c.reported_by), scopePath: r.scope, at: str(r.c.created_at) });
    by.set(qid, entry);
  }
  const out = [...by.values()];
  for (const e of out) e.reports.sort((a, b) => b.at.localeCompare(a.at));
  return out.sort((a, b) => b.reports.length - a.reports.length || (b.reports[0]?.at ?? '').localeCompare(a.reports[0]?.at ?? ''));
}
