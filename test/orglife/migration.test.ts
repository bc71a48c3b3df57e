// 2026_11_24_orglife moves a populated store forward: existing activities become "held", the new
// columns and the attachments table take rows, and nothing is lost.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { migrate } from '../../db/open.js';
import { fixtures } from '../db/migrationFixtures.js';
import { orglifeFixture } from './migrationFixture.js';

it('moves a populated database to 2026_11_24_orglife', async () => {
  const names = Object.keys(migrations).sort();
  const mine = names.indexOf('2026_11_24_orglife');
  expect(mine).toBeGreaterThan(0);
  const raw = new Database(':memory:');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, names[mine - 1]);
  for (const n of names.slice(0, mine)) fixtures[n]?.(raw);
  const before = raw.prepare(`SELECT id, title FROM activities ORDER BY id`).all();
  await migrate(db, '2026_11_24_orglife');
  expect(raw.prepare(`SELECT id, title FROM activities ORDER BY id`).all()).toEqual(before);
  expect(raw.prepare(`SELECT DISTINCT status FROM activities`).all()).toEqual([{ status: 'held' }]);
  orglifeFixture(raw);
  expect((raw.prepare(`SELECT count(*) AS n FROM attachments`).get() as { n: number }).n).toBe(1);
  expect(() => raw.exec(`UPDATE activities SET status = 'cancelled'`)).toThrow(/CHECK/);
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  await db.destroy();
});
