// An HQ for end-to-end sync tests that can be taken down and brought back on the same address,
// so devices really go offline and come back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnrolCode } from '../../../hq/auth.js';
import { startHq } from '../../../hq/server.js';
import { openHqStore, type HqStore } from '../../../hq/store.js';
import type { Role } from '../../../shared/domain/enums.js';

export interface E2eHq {
  url: string;
  store: HqStore;
  code(userName: string, role: Role, scopePath: string): Promise<string>;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startE2eHq(): Promise<E2eHq> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-e2e-hq-'));
  const store = await openHqStore(join(dir, 'hq.sqlite'));
  let srv = await startHq({ store });
  const port = Number(new URL(srv.url).port);
  let running = true;
  return {
    url: srv.url,
    store,
    code: (userName, role, scopePath) => createEnrolCode(store, { userName, role, scopePath }),
    down: async () => {
      if (running) await srv.close();
      running = false;
    },
    up: async () => {
      if (!running) srv = await startHq({ store, port });
      running = true;
    },
    close: async () => {
      if (running) await srv.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
