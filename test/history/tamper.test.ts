// HQ's history is tamper-evident: an entry edited in the database file (or on PostgreSQL) breaks
// the chain at that entry, and `npm run hq -- history-verify` names it and exits non-zero.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { historyCommand } from '../../hq/history/cli.js';
import { historyDb } from '../../hq/history/table.js';
import { buildTree, call } from '../support/builders.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { enrolledDevice, startTestHq, type TestHq } from '../sync/support.js';

const run = promisify(execFile);

/** A few edits pushed by a device: HQ's history then holds a chain of entries. */
async function withHistory(hq: TestHq): Promise<number> {
  const d = await enrolledDevice(hq, { user: '张组织员', role: 'hq_admin', scope: '/' });
  try {
    const t = await buildTree(d.context());
    await call(d.context(), 'orgUnits.save', { id: t.grid.id, code: t.grid.code, name: '改名一', level: 'grid', parentId: t.county.id });
    await call(d.context(), 'orgUnits.save', { id: t.grid.id, code: t.grid.code, name: '改名二', level: 'grid', parentId: t.county.id });
    await d.sync();
  } finally {
    await d.cleanup();
  }
  const n = await historyDb(hq.store.db).selectFrom('hq_history').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(n.n);
}

async function verify(hq: TestHq): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await historyCommand('history-verify', hq.store, {}, (s) => (out += s), (s) => (out += s));
  return { code, out };
}

describe('history tamper detection', () => {
  let pg: RunningPg | undefined;
  afterAll(async () => pg?.stop());

  it('names the entry edited in the SQLite file; the npm command exits non-zero', async () => {
    const hq = await startTestHq();
    try {
      const n = await withHistory(hq);
      expect(n).toBeGreaterThan(4);
      expect(await verify(hq)).toMatchObject({ code: 0 });
      const target = (await historyDb(hq.store.db).selectFrom('hq_history').select('seq').where('new_value', '=', JSON.stringify('改名一')).executeTakeFirstOrThrow()).seq;
      const file = new Database(hq.target);
      file.prepare(`UPDATE hq_history SET new_value = ? WHERE seq = ?`).run(JSON.stringify('篡改'), target);
      file.close();
      const v = await verify(hq);
      expect(v.code).toBe(1);
      expect(v.out).toContain(`entry ${Number(target)} `);
      expect(v.out).toContain(`第 ${Number(target)} 条修改记录的内容已被改动`);
      // The same through the operator's command, as a separate process on the file.
      const cli = await run('npx', ['tsx', 'hq/cli.ts', 'history-verify', '--db', hq.target]).then(
        () => ({ code: 0, err: '' }),
        (e: { code: number; stderr: string }) => ({ code: e.code, err: e.stderr }),
      );
      expect(cli.code).toBe(1);
      expect(cli.err).toContain(`broken at entry ${Number(target)}`);
    } finally {
      await hq.close();
    }
  }, 60_000);

  it('names a removed entry, and a forged one put in its place (PostgreSQL)', async () => {
    pg = await startPostgres();
    const hq = await startTestHq(pg.url);
    try {
      await withHistory(hq);
      expect(await verify(hq)).toMatchObject({ code: 0 });
      await sql`DELETE FROM hq_history WHERE seq = 3`.execute(hq.store.db);
      const gone = await verify(hq);
      expect(gone.code).toBe(1);
      expect(gone.out).toContain('第 3 条修改记录缺失');
      await sql`INSERT INTO hq_history SELECT 3, tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id, hlc, at, source, prev_hash, hash FROM hq_history WHERE seq = 2`.execute(hq.store.db);
      // A forged entry put in the gap (a copy of its neighbour, with that one's hashes) is caught at its own number.
      const v = await verify(hq);
      expect(v.code).toBe(1);
      expect(v.out).toContain('entry 3 ');
    } finally {
      await hq.close();
    }
  }, 120_000);
});
