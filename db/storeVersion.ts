// A stamp of everything written to the store so far, for results kept in memory while nothing changed:
// total_changes() counts every row this connection inserted, updated or deleted, triggers included
// (the app's only connection; sync applies through it too), and data_version moves when any other
// connection commits. Tests open several stores in one process, so the file is part of the stamp.
import { sql } from 'kysely';
import type { Db } from './context.js';

export async function storeVersion(db: Db): Promise<string> {
  const changes = await sql<{ c: number }>`SELECT total_changes() AS c`.execute(db);
  const version = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  const file = await sql<{ file: string }>`PRAGMA database_list`.execute(db);
  return `${file.rows[0]?.file}:${changes.rows[0]?.c}:${version.rows[0]?.data_version}`;
}
