// A small quiz world: a county with two outlets in a grid, people at them (a member and a clerk who is
// not), and a question bank as HQ would send it down (rows written straight into the store, their
// outbox entries dropped: they arrived by sync, the device never wrote them).
import type Database from 'better-sqlite3';
import type { ApiContext } from '../../db/context.js';
import type { Role } from '../../shared/domain/enums.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { buildBranch, buildMember, buildOutlet, buildTree, call, nextSeq } from '../support/builders.js';

export async function buildQuizWorld(ctx: ApiContext) {
  const { county, grid } = await buildTree(ctx);
  const outlet = await buildOutlet(ctx, county.id, { name: '骊山路营业厅', gridId: grid.id });
  const rural = await buildOutlet(ctx, county.id, { name: '仁宗村服务点', channelType: 'rural', gridId: grid.id });
  const branch = await buildBranch(ctx, county.id, { name: `骊山路党支部${nextSeq()}`, outletIds: [outlet.id] });
  const member = await buildMember(ctx, outlet.id, branch.id, { name: '王建国' });
  const clerk = await call(ctx, 'people.save', { name: '李小红', politicalStatus: 'masses', outletId: outlet.id });
  const villager = await call(ctx, 'people.save', { name: '张村官', politicalStatus: 'masses', outletId: rural.id });
  return { county, grid, outlet, rural, branch, member, clerk, villager };
}
export type QuizWorld = Awaited<ReturnType<typeof buildQuizWorld>>;

/** `perLevel` single-choice questions on each of `levels` levels; the right answer is A for even numbers, B for odd. */
export function seedBank(raw: Database.Database, levels: number, perLevel: number): void {
  const T = new Date().toISOString();
  const ins = raw.prepare(`INSERT INTO quiz_questions (id, kind, stem, options_json, answer, explanation, category, difficulty, level, scope_path, created_at, updated_at)
    VALUES (?, 'single', ?, '["甲","乙","丙","丁"]', ?, ?, ?, 2, ?, '/', ?, ?)`);
  raw.transaction(() => {
    for (let l = 1; l <= levels; l++)
      for (let i = 0; i < perLevel; i++) ins.run(uuidv7(), `第${l}关第${i + 1}题`, i % 2 ? 'B' : 'A', `解析${l}-${i + 1}`, i % 3 ? 'business' : 'party_rules', l, T, T);
    raw.exec(`DELETE FROM sync_outbox WHERE tbl = 'quiz_questions'`);
  })();
}

export const rightAnswer = (raw: Database.Database, questionId: string): string =>
  (raw.prepare('SELECT answer FROM quiz_questions WHERE id = ?').get(questionId) as { answer: string }).answer;
export const wrongAnswer = (raw: Database.Database, questionId: string): string => (rightAnswer(raw, questionId) === 'A' ? 'C' : 'A');

/** The same store at another instant (Beijing 10:00 of `day` plus `hours`) and, optionally, as another role. */
export const at = (ctx: ApiContext, day: string, hours = 0, role?: Role): ApiContext => ({
  ...ctx, now: () => new Date(new Date(`${day}T02:00:00Z`).getTime() + hours * 3_600_000), session: { ...ctx.session, ...(role ? { role } : {}) },
});
