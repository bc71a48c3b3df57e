// An HQ for end-to-end sync tests that can be taken down and brought back on the same address,
// so devices really go offline and come back. The address is a gate the test holds from start to
// end (test/support/gate.ts): HQ itself listens on a new system-chosen port each time it comes up,
// so no port is ever released and taken again, and two runs on one machine cannot collide.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnrolCode } from '../../../hq/auth.js';
import { startHq } from '../../../hq/server.js';
import { openHqStore, type HqStore } from '../../../hq/store.js';
import type { Role } from '../../../shared/domain/enums.js';
import { openGate, type Gate } from '../../support/gate.js';

/** One device's own way to HQ (its network): shut, HQ is out of reach from that device only. */
export interface Line {
  url: string;
  shut(): void;
  open(): void;
}

export interface E2eHq {
  url: string;
  store: HqStore;
  code(userName: string, role: Role, scopePath: string): Promise<string>;
  /** Another address of the same HQ, for a device whose network can fail on its own. */
  line(): Promise<Line>;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const portOf = (url: string) => Number(new URL(url).port);

export async function startE2eHq(): Promise<E2eHq> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-e2e-hq-'));
  const store = await openHqStore(join(dir, 'hq.sqlite'));
  let srv: Awaited<ReturnType<typeof startHq>> | null = await startHq({ store });
  const main = await openGate(portOf(srv.url));
  const gates: Gate[] = [main];
  return {
    url: main.url,
    store,
    code: (userName, role, scopePath) => createEnrolCode(store, { userName, role, scopePath }),
    line: async () => {
      const g = await openGate(srv ? portOf(srv.url) : null);
      gates.push(g);
      return { url: g.url, shut: () => g.shut(), open: () => g.open() };
    },
    down: async () => {
      for (const g of gates) g.forwardTo(null);
      if (srv) await srv.close();
      srv = null;
    },
    up: async () => {
      srv ??= await startHq({ store });
      for (const g of gates) g.forwardTo(portOf(srv.url));
    },
    close: async () => {
      for (const g of gates) await g.close();
      if (srv) await srv.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
