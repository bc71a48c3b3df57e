// `npm run hq -- repage` (hq/repage.ts) rewrites an HQ file made with SQLite's 4 KiB pages into HQ's
// 16 KiB ones. What must hold: with HQ still running on the file it refuses and changes nothing;
// stopped, it keeps every row and every history entry (the chain still verifies), HQ takes pushes on
// the file afterwards, and a second run changes nothing.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { verifyChain } from '../../hq/history/verify.js';
import { applyPush } from '../../hq/push.js';
import { repageCli } from '../../hq/repage.js';
import { HQ_PAGE_BYTES, openHqStore, type HqStore } from '../../hq/store.js';
import { Hlc } from '../../shared/sync/hlc.js';
import { countyDevice, outletWrite } from './lockQueue.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pageSize = (file: string) => {
  const raw = new Database(file, { readonly: true });
  try {
    return { page: raw.pragma('page_size', { simple: true }), mode: raw.pragma('journal_mode', { simple: true }) };
  } finally {
    raw.close();
  }
};
const counts = async (store: HqStore) =>
  (await sql<{ rows: number; history: number }>`SELECT (SELECT count(*) FROM hq_rows) AS rows, (SELECT count(*) FROM hq_history) AS history`.execute(store.db)).rows[0];
const run = (file: string) => {
  const out: string[] = [];
  const code = repageCli(['--db', file], (s) => out.push(s), (s) => out.push(s));
  return { code, out: out.join('\n') };
};

it('rewrites a 4 KiB-page HQ file with 16 KiB pages only once HQ has stopped, keeping every row and the history chain', async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-repage-'));
  const file = join(dir, 'hq.sqlite');
  const old = new Database(file); // as HQ files made before 16 KiB pages: SQLite's default
  old.pragma('page_size = 4096');
  old.pragma('journal_mode = WAL');
  old.close();
  let store = await openHqStore(file);
  const d = await countyDevice(store, '换页县');
  const now = Date.now();
  const writes = Array.from({ length: 300 }, (_, i) => outletWrite(d, i + 1, randomUUID(), `网点${i}`, now));
  await applyPush(store, new Hlc('hq'), d, writes);
  const before = await counts(store);
  expect(before).toEqual({ rows: 300, history: 300 });

  // HQ still has the file open: refused, in both languages, and nothing changed.
  const busy = run(file);
  expect(busy.code).toBe(1);
  expect(busy.out).toMatch(/请先停止所有总部进程.*文件未作任何改动/);
  expect(busy.out).toContain('Stop every HQ process first');
  await store.close();
  expect(pageSize(file)).toEqual({ page: 4096, mode: 'wal' });

  const done = run(file);
  expect(done.code).toBe(0);
  expect(done.out).toMatch(/页大小 4 KiB → 16 KiB/);
  expect(pageSize(file)).toEqual({ page: HQ_PAGE_BYTES, mode: 'wal' });

  store = await openHqStore(file);
  expect(await counts(store)).toEqual(before);
  expect((await verifyChain(store)).broken).toBeNull();
  const more = await applyPush(store, new Hlc('hq'), d, [outletWrite(d, 301, randomUUID(), '换页后', now)]);
  expect(more[0]!.res).toMatchObject({ name: 'a' });
  expect(await counts(store)).toEqual({ rows: 301, history: 301 });
  expect((await verifyChain(store)).broken).toBeNull();
  await store.close();

  const again = run(file);
  expect(again.code).toBe(0);
  expect(again.out).toContain('未作改动');
});

it('says a PostgreSQL database is not its business', () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-repage-'));
  const out: string[] = [];
  expect(repageCli(['--pg', 'postgres://u:p@127.0.0.1/db'], (s) => out.push(s), (s) => out.push(s))).toBe(2);
  expect(out.join()).toContain('repage 只用于 SQLite 文件');
});
