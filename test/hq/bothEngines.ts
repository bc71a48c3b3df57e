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

/** The stores, and a new empty database on either engine (a file path, a postgres:// URL) for a test that opens its own. */
export function bothEngines(prefix: string): Record<Engine, HqStore> & { fresh(engine: Engine): Promise<string> } {
  let n = 0;
  const stores = {
    fresh: async (engine: Engine) => (engine === 'pg' ? createPgDatabase(pg!.url) : join(dir, `fresh-${++n}.sqlite`)),
  } as Record<Engine, HqStore> & { fresh(engine: Engine): Promise<string> };
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let pg: RunningPg | undefined;
  beforeAll(async () => {
    pg = await startPostgres();
    stores.sqlite = await openHqStore(join(dir, 'hq.sqlite'));
    stores.pg = await openHqStore(await createPgDatabase(pg.url));
  }, 120_000);
  afterAll(async () => {
    for (const e of ['sqlite', 'pg'] as const) await stores[e]?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return stores;
}
