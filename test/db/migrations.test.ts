// Every migration moves a populated database from the previous version without losing rows.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { migrate } from '../../db/open.js';
import { fixtures } from './migrationFixtures.js';

const names = Object.keys(migrations).sort();

/** Rows of every real table; a virtual table's shadow tables are derived data a migration may rebuild smaller. */
function counts(raw: Database.Database): Record<string, number> {
  const virtual = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'`).all() as { name: string }[]).map((r) => r.name);
  const tables = (
    raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
      .all() as { name: string }[]
  ).filter((t) => !virtual.some((v) => t.name.startsWith(`${v}_`)));
  return Object.fromEntries(tables.map((t) => [t.name, (raw.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
}

describe('migrations', () => {
  it('each has a fixture of representative rows', () => {
    for (const n of names) expect(fixtures[n], `add a fixture for ${n} in test/db/migrationFixtures.ts`).toBeTypeOf('function');
  });

  names.forEach((name, i) => {
    it(`${name} moves a populated database from the version before it`, async () => {
      const raw = new Database(':memory:');
      const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
      if (i > 0) await migrate(db, names[i - 1]);
      for (const earlier of names.slice(0, i)) fixtures[earlier]!(raw);
      const before = counts(raw);
      await migrate(db, name);
      const after = counts(raw);
      for (const [table, n] of Object.entries(before)) expect(after[table], `${table} after ${name}`).toBeGreaterThanOrEqual(n);
      // The new version accepts its own fixture on top.
      fixtures[name]?.(raw);
      expect(raw.pragma('foreign_key_check')).toEqual([]);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      await db.destroy();
    });
  });
});
