// One HQ store on SQLite (in a temp folder) and one on a real PostgreSQL, opened before a test file's
// tests and closed after them: for the tests that hold HQ's SQL to the same behaviour on both engines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase } from '../sync/support.js';

export type Engine = 'sqlite' | 'pg';

export function bothEngines(prefix: string): Record<Engine, HqStore> {
  const stores = {} as Record<Engine, HqStore>;
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let pg: RunningPg | undefined;
  beforeAll(async () => {
    pg = await startPostgres();
    stores.sqlite = await openHqStore(join(dir, 'hq.sqlite'));
    stores.pg = await openHqStore(await createPgDatabase(pg.url));
  }, 120_000);
  afterAll(async () => {
    for (const s of Object.values(stores)) await s.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return stores;
}
