// Wrong answers come back on a spaced schedule (ts-fsrs). The schedule is not stored: it is replayed
// from the person's append-only attempts (the first wrong answer opens a card rated Again, each later
// answer rates it Good or Again), so devices never disagree about it and it syncs without conflicts.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs';

// Whole days between reviews: a five-minute gap before a shift is no place for minute-long steps.
const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

export interface AttemptFact { questionId: string; correct: boolean; at: string }
export interface ReviewCard { questionId: string; due: Date; streak: number; lapses: number; graduated: boolean }

export function reviewCards(attempts: AttemptFact[], graduateAfter: number): Map<string, ReviewCard> {
  const cards = new Map<string, { card: Card; streak: number; lapses: number }>();
  for (const a of [...attempts].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0))) {
    const at = new Date(a.at);
    const c = cards.get(a.questionId);
    if (!c) {
      if (a.correct) continue;
      cards.set(a.questionId, { card: scheduler.next(createEmptyCard(at), at, Rating.Again).card, streak: 0, lapses: 1 });
      continue;
    }
    c.card = scheduler.next(c.card, at, a.correct ? Rating.Good : Rating.Again).card;
    c.streak = a.correct ? c.streak + 1 : 0;
    if (!a.correct) c.lapses++;
  }
  const out = new Map<string, ReviewCard>();
  for (const [q, c] of cards) out.set(q, { questionId: q, due: c.card.due, streak: c.streak, lapses: c.lapses, graduated: c.streak >= graduateAfter });
  return out;
}

/** The questions due for review at `now`, the longest overdue first. */
export function dueForReview(cards: Map<string, ReviewCard>, now: Date): ReviewCard[] {
  return [...cards.values()].filter((c) => !c.graduated && c.due.getTime() <= now.getTime()).sort((a, b) => a.due.getTime() - b.due.getTime());
}
