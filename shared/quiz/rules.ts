// The rules of a run: when it ends, and which levels a person may play.

export type RunStatus = 'open' | 'passed' | 'failed';

/** A run ends at the first wrong answer (failed) or when `length` questions were all answered right (passed). */
export function runStatusAfter(correctSoFar: number, lastCorrect: boolean, length: number): RunStatus {
  if (!lastCorrect) return 'failed';
  return correctSoFar >= length ? 'passed' : 'open';
}

/**
 * The levels of the bank (ascending) with whether each is open to a person: the first always, each
 * next one once the one before it has been passed.
 */
export function unlockedLevels(levels: number[], passed: Set<number>): { level: number; unlocked: boolean; passed: boolean }[] {
  const sorted = [...new Set(levels)].sort((a, b) => a - b);
  return sorted.map((level, i) => ({ level, unlocked: i === 0 || passed.has(sorted[i - 1]!), passed: passed.has(level) }));
}

/** The length of a run at a level: the setting, or fewer when the level holds fewer questions. */
export const runLength = (levelLength: number, questionsAtLevel: number): number => Math.max(1, Math.min(levelLength, questionsAtLevel));
