// HQ's hot statements are prepared once per PostgreSQL connection (hq/pgNamed.ts). What must hold:
// a key lookup is prepared and answers as before, run after run; a range read over versions, a
// `select *`, a statement with many parameters and DDL go unnamed; and a column added by another
// process under a running one breaks nothing.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pgLib from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameStatements, statementName } from '../../hq/pgNamed.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase } from '../sync/support.js';

let pg: RunningPg;
let url: string;
/** One connection, so that what it has prepared can be asked of it. */
let db: Kysely<Record<string, Record<string, unknown>>>;

beforeAll(async () => {
  pg = await startPostgres();
  url = await createPgDatabase(pg.url);
  const pool = new pgLib.Pool({ connectionString: url, max: 1 });
  // A connection still closing when the server stops at the end gets "terminating connection": not a failure (a loaded CI run met it once).
  pool.on('error', () => {});
  nameStatements(pool);
  db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  await sql`CREATE TABLE t (id TEXT PRIMARY KEY, version BIGINT NOT NULL, name TEXT NOT NULL)`.execute(db);
  await sql`INSERT INTO t VALUES ('a', 1, '甲'), ('b', 2, '乙'), ('c', 3, '丙')`.execute(db);
}, 120_000);

afterAll(async () => {
  await db?.destroy();
  await pg?.stop();
});

const prepared = async () => (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(db)).rows.map((r) => r.statement);

describe('statements prepared once per connection', () => {
  it('names key lookups and small writes, not range reads, `*`, long parameter lists or DDL', () => {
    expect(statementName('select "name" from "t" where "id" = $1', ['a'])).toMatch(/^rc_[0-9a-f]{24}$/);
    expect(statementName('WITH n AS (INSERT INTO hq_nonces (device_id) VALUES ($1) RETURNING 1) SELECT count(*) AS fresh FROM n', ['d'])).toMatch(/^rc_/);
    expect(statementName('UPDATE hq_counter SET version = version WHERE id = 1 RETURNING version', [])).toMatch(/^rc_/);
    expect(statementName('select "tbl" from "hq_rows" where "version" > $1 order by "version" limit $2', [0, 10])).toBeUndefined();
    expect(statementName('SELECT * FROM hq_conflicts WHERE id = $1', ['x'])).toBeUndefined();
    expect(statementName('select "d".* from "hq_devices" as "d" where "device_id" = $1', ['x'])).toBeUndefined();
    expect(statementName(`INSERT INTO t VALUES ${Array.from({ length: 6 }, (_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(', ')}`, Array(18).fill('x'))).toBeUndefined();
    expect(statementName('CREATE INDEX t_name ON t (name)', [])).toBeUndefined();
    // One name per text: the same statement again is the same prepared one.
    expect(statementName('select "name" from "t" where "id" = $1', ['b'])).toBe(statementName('select "name" from "t" where "id" = $1', ['a']));
  });

  it('prepares a key lookup once and answers it as before, run after run', async () => {
    for (const [id, name] of [['a', '甲'], ['b', '乙'], ['c', '丙'], ['a', '甲'], ['b', '乙'], ['c', '丙'], ['a', '甲']] as const)
      expect(await db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst()).toEqual({ name });
    await db.selectFrom('t').select('id').where('version', '>', 1).orderBy('version').execute();
    const held = await prepared();
    expect(held.filter((s) => s === 'select "name" from "t" where "id" = $1')).toHaveLength(1);
    expect(held.some((s) => s.includes('"version" >'))).toBe(false);
  });

  it('keeps answering when another process adds a column under it, `select *` included', async () => {
    expect(await db.selectFrom('t').select('name').where('id', '=', 'a').executeTakeFirst()).toEqual({ name: '甲' });
    expect(await db.selectFrom('t').selectAll().where('id', '=', 'a').executeTakeFirst()).toEqual({ id: 'a', version: '1', name: '甲' });
    const other = new pgLib.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query(`ALTER TABLE t ADD COLUMN note TEXT NOT NULL DEFAULT '备注'`);
    } finally {
      await other.end();
    }
    expect(await db.selectFrom('t').select('name').where('id', '=', 'a').executeTakeFirst()).toEqual({ name: '甲' });
    expect(await db.selectFrom('t').selectAll().where('id', '=', 'a').executeTakeFirst()).toEqual({ id: 'a', version: '1', name: '甲', note: '备注' });
  });
});
