// Test rig: a real HQ (Fastify over HTTP on 127.0.0.1, port 0) on SQLite or PostgreSQL, and real
// device stores enrolled with it through the real protocol.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Role } from '../../shared/domain/enums.js';
import { createEnrolCode } from '../../hq/auth.js';
import { startHq } from '../../hq/server.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { enrolDevice } from '../../db/sync/enrol.js';
import { syncOnce, type SessionOptions } from '../../db/sync/session.js';
import { tempProfile } from '../support/store.js';
import type { Profile } from '../../db/profile.js';

export interface TestHq {
  url: string;
  /** The database HQ runs on (a file path or a postgres:// URL), for more HQ processes on it. */
  target: string;
  store: HqStore;
  code(userName: string, role: Role, scopePath: string): Promise<string>;
  close(): Promise<void>;
}

/** HQ on a fresh SQLite file, or on a fresh database of the PostgreSQL server at `pgBase`; `serve` may wrap the store the server uses. */
export async function startTestHq(pgBase?: string, serve: (s: HqStore) => HqStore = (s) => s): Promise<TestHq> {
  let target: string;
  let cleanup = async () => {};
  if (pgBase) target = await createPgDatabase(pgBase);
  else {
    const dir = mkdtempSync(join(tmpdir(), 'rc-hq-'));
    target = join(dir, 'hq.sqlite');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const store = await openHqStore(target);
  const srv = await startHq({ store: serve(store) });
  return {
    url: srv.url,
    target,
    store,
    code: (userName, role, scopePath) => createEnrolCode(store, { userName, role, scopePath }),
    close: async () => {
      await srv.close();
      await store.close();
      await cleanup();
    },
  };
}

/** A fresh database on the PostgreSQL server of `pgBase`; returns its URL. */
export async function createPgDatabase(pgBase: string): Promise<string> {
  const name = `hq_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openHqStoreAdmin(pgBase);
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin.db);
  await admin.close();
  return pgBase.replace(/\/[^/]*$/, `/${name}`);
}

/** Drops a database `createPgDatabase` made (its HQ closed first). */
export async function dropPgDatabase(pgBase: string, url: string): Promise<void> {
  const admin = await openHqStoreAdmin(pgBase);
  await sql.raw(`DROP DATABASE ${new URL(url).pathname.slice(1)}`).execute(admin.db);
  await admin.close();
}

async function openHqStoreAdmin(pgBase: string) {
  const { Kysely, PostgresDialect } = await import('kysely');
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: pgBase, max: 1 });
  pool.on('error', () => {}); // the test server shutting down at the end is not a failure
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}

export type TestDevice = Profile & {
  dev: { raw: Profile['store']['raw']; session: Profile['session'] };
  sync(opts?: SessionOptions): ReturnType<typeof syncOnce>;
  cleanup(): Promise<void>;
};

export async function enrolledDevice(hq: { url: string; code: TestHq['code'] }, who: { user: string; role: Role; scope: string }): Promise<TestDevice> {
  const p = await tempProfile();
  const dev = { raw: p.store.raw, session: p.session };
  await enrolDevice(dev, hq.url, await hq.code(who.user, who.role, who.scope));
  return Object.assign(p, { dev, sync: (opts?: SessionOptions) => syncOnce(dev, opts) });
}

/** Every synced table's rows (all columns), for comparing stores. */
export function snapshot(raw: Profile['store']['raw'], tables: string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = raw.prepare(`SELECT * FROM "${t}" ORDER BY id`).all();
  return out;
}
