import { describe, it } from 'vitest';
import { convergenceProperty } from './convergence.js';
import { startTestHq } from './support.js';

describe('convergence (SQLite HQ)', () => {
  it('3 devices + HQ converge under random edits, partitions, lost and re-delivered messages', async () => {
    await convergenceProperty(() => startTestHq(), Number(process.env.RC_SYNC_RUNS ?? 25));
  }, 180_000);
});
