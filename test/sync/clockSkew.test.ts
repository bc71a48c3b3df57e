import { describe, it } from 'vitest';
import { clockSkewScenario } from './clockSkew.js';
import { startTestHq } from './support.js';

describe('clock safety (SQLite HQ)', () => {
  it('devices 30 days ahead or behind still sync, and a future stamp cannot win forever', async () => {
    const hq = await startTestHq();
    try {
      await clockSkewScenario(hq);
    } finally {
      await hq.close();
    }
  });
});
