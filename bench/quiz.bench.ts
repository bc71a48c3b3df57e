// The knowledge quiz's answer-to-next-question path with a 5,000-question bank (10 levels × 500) and
// a player with a year of history (3,000 earlier answers): quiz.answer records the answer, checks it,
// updates the run and the ledger's daily cap, and draws the next question — all before the next
// question can be shown. Target from issue 14: < 50 ms. Baseline: the bare SQL draw of a question.
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { uuidv7 } from '../shared/core/ids.js';
import type { AnswerResult, RunStep } from '../shared/quiz/types.js';
import { call } from '../test/support/builders.js';
import { tempProfile } from '../test/support/store.js';
import { buildQuizWorld, seedBank } from '../test/quiz/world.js';
import { defineBench } from './harness.js';

const LEVELS = 10;
const PER_LEVEL = 500;
const HISTORY = 3000;
const ANSWERS = 300;

export default defineBench({
  name: 'quiz',
  description: `next question after an answer, ${LEVELS * PER_LEVEL}-question bank, a player with ${HISTORY} earlier answers`,
  async run(b) {
    const p = await tempProfile();
    try {
      const ctx: ApiContext = p.context();
      const w = await buildQuizWorld(ctx);
      seedBank(p.store.raw, LEVELS, PER_LEVEL);
      await call(ctx, 'settings.set', { key: 'quiz.levelLength', value: 50 });
      const raw = p.store.raw;
      const ids = (raw.prepare('SELECT id FROM quiz_questions').all() as { id: string }[]).map((r) => r.id);
      const ins = raw.prepare(`INSERT INTO quiz_attempts (id, run_id, person_id, question_id, mode, chosen, correct, points, day, answered_at, scope_path, created_at, updated_at)
        VALUES (?, NULL, ?, ?, 'level', 'A', ?, ?, ?, ?, '/', ?, ?)`);
      raw.transaction(() => {
        for (let i = 0; i < HISTORY; i++) {
          const at = new Date(Date.UTC(2025, 11, 1) + Math.floor(i / 10) * 86_400_000).toISOString();
          ins.run(uuidv7(), w.clerk.id, ids[i % ids.length], i % 4 ? 1 : 0, i % 4 ? 1 : 0, at.slice(0, 10), at, at, at);
        }
      })();
      b.figure('questions', ids.length);
      b.figure('earlier answers of the player', HISTORY);

      const draw = raw.prepare(`SELECT * FROM quiz_questions WHERE level = ? AND retired_on IS NULL AND deleted = 0 AND id NOT IN (?, ?, ?) ORDER BY random() LIMIT 1`);
      await b.measure('draw a question, bare SQL (baseline)', () => draw.get(3, ids[0], ids[1], ids[2]), { runs: 100 });

      const answer = raw.prepare('SELECT answer FROM quiz_questions WHERE id = ?');
      const samples: number[] = [];
      let step: RunStep | null = null;
      let level = 1;
      while (samples.length < ANSWERS) {
        if (!step || step.status !== 'open' || !step.question) {
          step = await call(ctx, 'quiz.start', { personId: w.clerk.id, level });
          level = Math.min(LEVELS, level + 1);
        }
        const q = step.question!;
        const chosen = (answer.get(q.id) as { answer: string }).answer;
        const t0 = performance.now();
        const r = await dispatch(ctx, 'quiz.answer', { runId: step.runId, questionId: q.id, chosen, elapsedMs: 3000 });
        samples.push(performance.now() - t0);
        if (!r.ok) throw new Error(r.error.message);
        step = (r.data as AnswerResult).step;
      }
      b.record('quiz.answer → next question shown', samples, { baseline: 'draw a question, bare SQL (baseline)', target: { stat: 'p95', ms: 50, label: 'next question < 50 ms' } });
    } finally {
      await p.cleanup();
    }
  },
});
