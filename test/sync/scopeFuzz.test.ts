import { describe, it } from 'vitest';
import { scopeFuzz } from './scopeFuzz.js';
import { startTestHq } from './support.js';

describe('scope fuzz (SQLite HQ)', () => {
  it('rejects every write outside the writer\u2019s scope or rights; pulls return exactly the visible rows', async () => {
    const hq = await startTestHq();
    try {
      await scopeFuzz(hq, 60);
    } finally {
      await hq.close();
    }
  }, 120_000);
});
