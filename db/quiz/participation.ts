// Quiz participation as a source of member points (党员积分): a points item whose `auto.from` is
// 'quiz' credits a member once for each Beijing day on which they finished a run of the quiz. The
// item's value and yearly cap come from the points rule set; the ref makes each day count once on
// every device (db/points/derive.ts settles them like any automatic entry).
import type { PointsItem } from '../../shared/points/settings.js';
import type { Db } from '../context.js';

export interface QuizCredit { personId: string; itemKey: string; points: number; on: string; ref: string; reason: string }

export async function quizParticipation(db: Db, items: PointsItem[], members: Set<string>, from: string, to: string): Promise<QuizCredit[]> {
  const quizItems = items.filter((i) => i.auto?.from === 'quiz');
  if (!quizItems.length || !members.size) return [];
  const days = await db.selectFrom('quiz_runs').select(['person_id', 'day']).distinct()
    .where('deleted', '=', 0).where('status', '!=', 'open').where('day', '>=', from).where('day', '<=', to)
    .where('person_id', 'in', [...members]).orderBy('day').execute();
  return quizItems.flatMap((item) => days.map((d) => ({
    personId: d.person_id, itemKey: item.key, points: item.value, on: d.day, ref: `quiz:${d.person_id}:${d.day}`, reason: `${item.zh}（${d.day}）`,
  })));
}
