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

it('2026_11_28_search_slim re-indexes everyone without the pinyin columns, and new people are indexed', async () => {
  const raw = new Database(':memory:');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, '2026_11_27_search_deferred');
  for (const n of ['2026_11_21_core', '2026_11_22_sync', '2026_11_23_registry', '2026_11_24_orglife', '2026_11_25_people_indexes', '2026_11_26_sync_outbox', '2026_11_27_search_deferred']) fixtures[n]?.(raw);
  const hit = (q: string) =>
    (raw.prepare(`SELECT s.name FROM people_fts f JOIN people_search s ON s.rowid = f.rowid WHERE people_fts MATCH ? ORDER BY s.name`).all(q) as { name: string }[]).map((r) => r.name);
  const before = { place: hit('"骊山路营业厅"'), phone: hit('phone : "2345678"'), id: hit('citizen_id : "|110105"') };
  expect(before.place.length).toBeGreaterThan(1);
  await migrate(db, '2026_11_28_search_slim');
  expect(raw.prepare(`SELECT name FROM pragma_table_info('people_fts') ORDER BY cid`).all()).toEqual([{ name: 'name' }, { name: 'phone' }, { name: 'citizen_id' }, { name: 'places' }]);
  expect({ place: hit('"骊山路营业厅"'), phone: hit('phone : "2345678"'), id: hit('citizen_id : "|110105"') }).toEqual(before);
  fixtures['2026_11_28_search_slim']!(raw);
  expect(hit('name : "欧阳明"')).toEqual(['欧阳明']);
  expect(hit('citizen_id : "198807070015|"')).toEqual(['欧阳明']);
  expect(raw.prepare(`SELECT py_full, py_initials FROM people_search WHERE name = '欧阳明'`).get()).toEqual({ py_full: 'ouyangming', py_initials: 'oym' });
  await db.destroy();
});
