// What a player sees first: their levels (open, passed), balance, today's points against the cap,
// reviews due; and their ledger.
import { todayInBeijing } from '../../shared/core/dates.js';
import { ledgerLines, tally } from '../../shared/quiz/ledger.js';
import { unlockedLevels } from '../../shared/quiz/rules.js';
import type { QuizLedger, QuizOverview } from '../../shared/quiz/types.js';
import type { ApiContext } from '../context.js';
import { levelCounts, passedLevels } from './play.js';
import { reviewStep } from './review.js';
import { earningsOf, playerIn, quizSettingsFor, spendingsOf } from './store.js';

export async function overview(ctx: ApiContext, personId: string): Promise<QuizOverview> {
  const p = await playerIn(ctx, personId);
  const s = await quizSettingsFor(ctx.db, p.scopePath);
  const counts = await levelCounts(ctx.db);
  const levels = unlockedLevels([...counts.keys()], await passedLevels(ctx.db, personId)).map((l) => ({ ...l, questions: counts.get(l.level)! }));
  const t = tally(await earningsOf(ctx.db, personId), await spendingsOf(ctx.db, personId), s.dailyCap);
  const { scopePath: _scope, outletId: _outlet, ...person } = p;
  return {
    person, levels, balance: t.balance, today: { counted: t.byDay.get(todayInBeijing(ctx.now()))?.counted ?? 0, cap: s.dailyCap },
    reviewDue: (await reviewStep(ctx, personId)).due, levelLength: s.levelLength, timeLimitSeconds: s.timeLimitSeconds,
  };
}

export async function ledger(ctx: ApiContext, personId: string): Promise<QuizLedger> {
  const p = await playerIn(ctx, personId);
  const s = await quizSettingsFor(ctx.db, p.scopePath);
  const spendings = await spendingsOf(ctx.db, personId);
  const t = tally(await earningsOf(ctx.db, personId), spendings, s.dailyCap);
  return { balance: t.balance, earned: t.earned, overCap: t.overCap, spent: t.spent, lines: ledgerLines(t, spendings) };
}
