// Which people's search entries a write to another table makes stale — the same people the search
// triggers of 2026_11_23_registry refresh one by one. Sync's bulk load (db/sync/bulk.ts) drops
// those triggers while it inserts many fresh rows, then marks these people pending in one
// statement per table; the deferred flush (2026_11_27_search_deferred) re-indexes them.
import type Database from 'better-sqlite3';

/** Per table, the people whose search entry depends on rows with ids in json_each(?). */
const AFFECTED: Record<string, string> = {
  people: `SELECT value AS person_id FROM json_each(?)`,
  outlets: `SELECT id AS person_id FROM people WHERE deleted = 0 AND outlet_id IN (SELECT value FROM json_each(?))`,
  members: `SELECT person_id FROM members WHERE id IN (SELECT value FROM json_each(?))`,
  party_orgs: `SELECT person_id FROM members WHERE deleted = 0 AND branch_id IN (SELECT value FROM json_each(?))`,
};

export function searchSourceTables(): string[] {
  return Object.keys(AFFECTED);
}

/** Notes every person whose search entry the given new rows of `table` affect (deferral must be on). */
export function markSearchPending(raw: Database.Database, table: string, ids: string[]): void {
  const q = AFFECTED[table];
  if (!q || !ids.length) return;
  raw.prepare(`INSERT OR IGNORE INTO people_search_pending (person_id) SELECT person_id FROM (${q}) WHERE person_id IS NOT NULL`).run(JSON.stringify(ids));
}
