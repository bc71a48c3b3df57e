// Attachment files through sync on HQ's default SQLite store; postgres.test.ts runs the same flows
// on PostgreSQL.
import { describe, it } from 'vitest';
import { blobFlows } from './blobs.js';
import { startTestHq } from './support.js';

describe('attachment files through sync (SQLite HQ)', () => {
  for (const [name, flow] of Object.entries(blobFlows))
    it(name, async () => {
      const hq = await startTestHq();
      try {
        await flow(hq);
      } finally {
        await hq.close();
      }
    }, 60_000);
});
