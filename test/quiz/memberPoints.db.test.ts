// A Party member's quiz participation counts in member points only through the rule set: with a
// points item whose source is the quiz, deriving the quarter credits each day a member finished a
// run, once, however often it is derived; a non-member's play counts nothing; without such an item
// nothing is credited.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { POINTS_DEFAULTS } from '../../shared/points/settings.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildQuizWorld, rightAnswer, seedBank, wrongAnswer, type QuizWorld } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: QuizWorld;

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildQuizWorld(ctx);
  seedBank(p.store.raw, 2, 6);
});
afterEach(async () => p.cleanup());

async function oneRun(c: ApiContext, personId: string, right: boolean) {
  const s = await call(c, 'quiz.start', { personId, level: 1 });
  const q = s.question!;
  await call(c, 'quiz.answer', { runId: s.runId, questionId: q.id, chosen: right ? rightAnswer(p.store.raw, q.id) : wrongAnswer(p.store.raw, q.id), elapsedMs: 500 });
}

it('credits a member once per day of quiz play when the rule set has a quiz item', async () => {
  for (const [day, h] of [['2026-10-08', 0], ['2026-10-08', 2], ['2026-11-02', 0]] as const) await oneRun(at(ctx, day, h), w.member.id, false);
  await oneRun(at(ctx, '2026-10-09'), w.clerk.id, false);
  const Q4 = { orgId: w.branch.id, quarter: '2026-Q4' };
  expect(await call(at(ctx, '2026-12-01'), 'points.derive', Q4)).toMatchObject({ added: 0 });
  await call(ctx, 'settings.set', {
    key: 'points.items',
    value: [...POINTS_DEFAULTS.items, { key: 'quiz', kind: 'optional', zh: '参加党建知识闯关', en: 'Knowledge quiz', value: 1, cap: 4, auto: { from: 'quiz', types: ['quiz'] } }],
  });
  expect(await call(at(ctx, '2026-12-01'), 'points.derive', Q4)).toMatchObject({ added: 2, withdrawn: 0 });
  expect(await call(at(ctx, '2026-12-01'), 'points.derive', Q4)).toMatchObject({ added: 0, withdrawn: 0 });
  const ledger = await call(at(ctx, '2026-12-01'), 'points.ledger', { personId: w.member.id, year: 2026 });
  expect(ledger.rows.map((r) => [r.itemKey, r.points, r.source])).toEqual([['quiz', 1, 'auto'], ['quiz', 1, 'auto']]);
});
