// A first sync is written as one big batch with a rollback journal instead of the write-ahead log
// (db/sync/apply.ts asBigBatch). Killing the process at any instant of it must leave, at the next
// open, either the store as it was or the whole batch — schema included, since the batch drops and
// rebuilds indexes and triggers — and the store back in WAL mode.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openProfile, STORE_FILE } from '../../db/profile.js';
import { applyChunks, CURSOR_KEY } from '../../db/sync/apply.js';
import { capturedTables } from '../../db/sync/capture.js';
import { clientFor } from '../../db/sync/session.js';
import { getMetaRaw } from '../../db/sync/state.js';
import { pullAnswer, type PullAnswer } from '../../shared/sync/protocol.js';
import { generateProvince } from '../synthetic/generate.js';
import { spawnEntry } from './spawn.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from './support.js';

const KILLS = 6;
let hq: TestHq;
let work: string;
let chunksFile: string;
let chunks: PullAnswer[];

beforeAll(async () => {
  hq = await startTestHq();
  work = mkdtempSync(join(tmpdir(), 'rc-bulk-crash-'));
  const source: TestDevice = await enrolledDevice(hq, { user: '来源', role: 'hq_admin', scope: '/' });
  const puller: TestDevice = await enrolledDevice(hq, { user: '新设备', role: 'hq_admin', scope: '/' });
  try {
    await generateProvince(source.store.raw, { counties: 2, seed: 5, suppressCapture: null });
    await source.sync({ pushBatch: 1000 });
    const c = clientFor(puller.dev);
    chunks = [];
    for (let cursor = 0; ;) {
      const chunk = await c.post('/v1/pull', { cursor, since: 0 }, pullAnswer);
      chunks.push(chunk);
      cursor = chunk.cursor;
      if (!chunk.more) break;
    }
    chunksFile = join(work, 'chunks.json');
    writeFileSync(chunksFile, JSON.stringify(chunks));
  } finally {
    await source.cleanup();
    await puller.cleanup();
  }
}, 120_000);

afterAll(async () => {
  await hq?.close();
  rmSync(work, { recursive: true, force: true });
});

/** What a user would notice of a store: every synced row, the clocks, search, schema and cursor. */
function state(raw: Database.Database) {
  const digest = createHash('sha256');
  let rows = 0;
  for (const t of capturedTables(raw))
    for (const r of raw.prepare(`SELECT * FROM "${t}" ORDER BY id`).raw().iterate()) {
      digest.update(JSON.stringify(r));
      rows++;
    }
  const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
  return {
    rows,
    digest: digest.digest('hex'),
    rowClocks: count('SELECT count(*) AS n FROM sync_row_clock'),
    cellClocks: count('SELECT count(*) AS n FROM sync_cell_clock'),
    searchable: count('SELECT count(*) AS n FROM people_search'),
    ftsHits: count(`SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH '"营业"'`),
    schema: raw.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all(),
    cursor: getMetaRaw(raw, CURSOR_KEY),
  };
}

async function freshProfile(name: string): Promise<string> {
  const dir = join(work, name);
  (await openProfile(dir)).store.close();
  return dir;
}

async function withProfile<T>(dir: string, fn: (raw: Database.Database) => T): Promise<T> {
  const p = await openProfile(dir);
  try {
    return fn(p.store.raw);
  } finally {
    await p.store.close();
  }
}

it('a process killed at any instant of a big first-sync batch leaves all of it or none of it', async () => {
  const emptyDir = await freshProfile('empty');
  const before = await withProfile(emptyDir, state);
  const fullDir = await freshProfile('full');
  let ms = 0;
  const after = await withProfile(fullDir, (raw) => {
    const t = performance.now();
    applyChunks(raw, chunks);
    ms = performance.now() - t;
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    return state(raw);
  });
  expect(existsSync(join(fullDir, `${STORE_FILE}-journal`))).toBe(false);
  expect(after.rows).toBeGreaterThan(5000);
  expect(after.schema).toEqual(before.schema);

  const outcomes: string[] = [];
  for (let i = 0; i < KILLS; i++) {
    const dir = await freshProfile(`kill${i}`);
    const child = await spawnEntry('bulkApply', ['--profile', dir, '--chunks', chunksFile]);
    await child.waitFor(/APPLYING/);
    // Spread the kills over the batch, from its first statements to its commit.
    await new Promise((r) => setTimeout(r, (ms * 1.5 * i) / (KILLS - 1)));
    await child.kill('SIGKILL');
    const hot = existsSync(join(dir, `${STORE_FILE}-journal`));
    const found = await withProfile(dir, (raw) => {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      return state(raw);
    });
    if (found.cursor === null) {
      expect(found).toEqual(before);
      outcomes.push(hot ? 'none (rolled back)' : 'none');
      // The retried sync then brings everything.
      expect(await withProfile(dir, (raw) => (applyChunks(raw, chunks), state(raw)))).toEqual(after);
    } else {
      expect(found).toEqual(after);
      outcomes.push('all');
    }
  }
  // Some kills landed inside the batch while its rollback journal protected the database file
  // (with no journal, a kill during the commit's page writes would leave a torn store).
  expect(outcomes).toContain('none (rolled back)');
  console.log(`bulk batch of ${after.rows} rows in ${ms.toFixed(0)} ms; after SIGKILL: ${outcomes.join(', ')}`);
}, 180_000);
