// 2026_11_23_registry on a store that already holds people: the search index is filled for them.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../db/open.js';
import { fixtures } from '../db/migrationFixtures.js';

it('indexes the people already registered, with pinyin, when the migration runs', async () => {
  const raw = new Database(':memory:');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, '2026_11_22_sync');
  fixtures['2026_11_21_core']!(raw);
  await migrate(db, '2026_11_23_registry');
  const rows = raw.prepare('SELECT name, py_full, py_initials, py_given FROM people_search ORDER BY name').all();
  expect(rows).toEqual([
    { name: '张三', py_full: 'zhangsan', py_initials: 'zs', py_given: 'san' },
    { name: '李四', py_full: 'lisi', py_initials: 'ls', py_given: 'si' },
  ]);
  const hits = raw.prepare(`SELECT s.name FROM people_fts f JOIN people_search s ON s.rowid = f.rowid WHERE people_fts MATCH '"骊山路营业厅"'`).all();
  expect(hits).toEqual([{ name: '张三' }, { name: '李四' }]);
  expect((raw.prepare('SELECT count(*) AS n FROM pinyin_chars').get() as { n: number }).n).toBeGreaterThan(20_000);
  fixtures['2026_11_23_registry']!(raw);
  expect(raw.prepare(`SELECT py_full FROM people_search WHERE name = '单雄信'`).get()).toEqual({ py_full: 'shanxiongxin' });
  await db.destroy();
});
