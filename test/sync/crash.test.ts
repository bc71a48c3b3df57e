import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { crashScenario } from './crash.js';

describe('crash safety (SQLite HQ)', () => {
  it('loses and duplicates nothing when device and HQ processes are killed mid-push and mid-pull', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-crash-hq-'));
    try {
      await crashScenario(join(dir, 'hq.sqlite'), Number(process.env.RC_CRASH_ROUNDS ?? 8));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
