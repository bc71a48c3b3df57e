// A real HQ for the console's end-to-end tests, on a SQLite file or on a PostgreSQL database (made on
// the embedded server of test/sync/pg.ts): the same console flows run against both engines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnrolCode } from '../../hq/auth.js';
import { startHq } from '../../hq/server.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import type { Role } from '../../shared/domain/enums.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase } from '../sync/support.js';

export type Engine = 'SQLite' | 'PostgreSQL';
export const ENGINES: Engine[] = ['SQLite', 'PostgreSQL'];

export interface ConsoleE2eHq {
  url: string;
  store: HqStore;
  code(userName: string, role: Role, scopePath: string): Promise<string>;
  close(): Promise<void>;
}

let pg: Promise<RunningPg> | null = null;

/** HQ on the engine named; PostgreSQL is started once per test file and stopped by stopPostgres. */
export async function startConsoleE2eHq(engine: Engine): Promise<ConsoleE2eHq> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-console-e2e-'));
  const target = engine === 'PostgreSQL' ? await createPgDatabase((await (pg ??= startPostgres())).url) : join(dir, 'hq.sqlite');
  const store = await openHqStore(target);
  const srv = await startHq({ store });
  return {
    url: srv.url,
    store,
    code: (userName, role, scopePath) => createEnrolCode(store, { userName, role, scopePath }),
    close: async () => {
      await srv.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function stopPostgres(): Promise<void> {
  const p = pg;
  pg = null;
  await (await p?.catch(() => null))?.stop();
}
