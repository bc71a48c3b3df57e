// HQ on SQLite checkpoints its WAL on a thread of its own (hq/walCheckpointer.ts). What must hold:
// once the WAL has grown, committed pages reach the database file without the writer checkpointing;
// the writer is never refused or blocked while the thread works; stopping it loses nothing; a store
// that writes little starts no thread; and HQ's store uses it, committing with synchronous = FULL.
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAFETY_BYTES, walCheckpointer } from '../../hq/walCheckpointer.js';
import { openHqStore } from '../../hq/store.js';

let dir: string;
const fresh = () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-hq-wal-'));
  const file = join(dir, 'hq.sqlite');
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
  return { raw, file };
};
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BODY = 'x'.repeat(2000);
/** ~`mb` MB in transactions of 200 rows, yielding between them as a server's pushes do. */
async function write(raw: Database.Database, mb: number, from = 0): Promise<number> {
  const insert = raw.prepare('INSERT INTO t (id, body) VALUES (?, ?)');
  const batch = raw.transaction((start: number) => {
    for (let i = 0; i < 200; i++) insert.run(start + i, BODY);
  });
  const rows = Math.ceil((mb * 1e6) / BODY.length / 200) * 200;
  for (let i = 0; i < rows; i += 200) {
    batch(from + i);
    await sleep(2);
  }
  return rows;
}

describe('the WAL checkpoint thread', () => {
  it('copies committed pages into the database file while the writer goes on, and stops without losing a row', async () => {
    const { raw, file } = fresh();
    const cp = walCheckpointer(raw, file, { startBytes: 1024 * 1024, every: 20 });
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_BYTES / 4096); // this file's pages are SQLite's default 4 KiB
    const before = statSync(file).size;
    const rows = await write(raw, 8);
    // 8 MB is ~2,000 pages, far below the writer's own threshold: only the thread can have copied them.
    for (let i = 0; i < 100 && statSync(file).size < 6e6; i++) await sleep(20);
    expect(cp.running).toBe(true);
    expect(before).toBeLessThan(1e5);
    expect(statSync(file).size).toBeGreaterThan(6e6);
    const more = await write(raw, 2, rows); // the writer is neither refused nor blocked while it runs
    await cp.stop();
    raw.close();
    const again = new Database(file, { readonly: true });
    expect((again.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(rows + more);
    again.close();
  });

  it('is not started for a store that writes little, and the writer keeps its own threshold then', async () => {
    const { raw, file } = fresh();
    const cp = walCheckpointer(raw, file, { every: 20 });
    await write(raw, 1);
    await sleep(100);
    expect(cp.running).toBe(false);
    expect(statSync(file).size).toBeLessThan(1e5); // nothing checkpointed yet: ~1 MB sits in the WAL
    await cp.stop();
    raw.close();
  });

  it('runs under HQ’s store on SQLite, which closes cleanly with it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rc-hq-wal-'));
    const store = await openHqStore(join(dir, 'hq.sqlite'));
    const { rows } = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(store.db);
    expect(rows[0]!.wal_autocheckpoint).toBe(SAFETY_BYTES / 16384); // a new HQ file has 16 KiB pages
    // An answered push must survive a power cut, not only a crash of HQ (WAL with NORMAL would not).
    const sync = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(store.db);
    expect(sync.rows[0]!.synchronous).toBe(2);
    await store.close();
    const memory = await openHqStore(':memory:');
    await memory.close();
  });

  it('opens an HQ file made with 4 KiB pages as it is: its rows kept, its WAL bounded at the same size', async () => {
    const { raw, file } = fresh(); // SQLite's default pages, as HQ files made before 16 KiB have
    raw.exec(`INSERT INTO t (id, body) VALUES (1, 'kept')`);
    raw.close();
    const store = await openHqStore(file);
    const pages = await sql<{ page_size: number }>`PRAGMA page_size`.execute(store.db);
    expect(pages.rows[0]!.page_size).toBe(4096);
    const { rows } = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(store.db);
    expect(rows[0]!.wal_autocheckpoint).toBe(SAFETY_BYTES / 4096);
    const kept = await sql<{ body: string }>`SELECT body FROM t WHERE id = 1`.execute(store.db);
    expect(kept.rows[0]!.body).toBe('kept');
    expect(store.migrated.length).toBeGreaterThan(0); // HQ's own tables were added beside it
    await store.close();
  });
});
