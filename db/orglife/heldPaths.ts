// Reading a few days of a large scope's held activities. The partial index activities_held is in
// scope-path then day order, so a day range under a province's range of paths walks every held
// activity of every year (912k at 100 counties with five years: ~40 ms a read) to find one month's.
// Named one by one, each path is a seek straight to its days (a month's attendance 98 → 51 ms).
// The list is exact — the distinct paths of the scope's held activities, one seek each (512 paths
// in ~1 ms) — so a read through it returns the same rows as through the range.
import { sql, type RawBuilder } from 'kysely';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Db } from '../context.js';

/** The scope paths that have held activities, as a JSON array for `atHeldPaths`. */
export async function heldPaths(db: Db, scope: string): Promise<string> {
  // Its terms as literals: the partial index serves only a query that repeats them.
  const r = await sql<{ p: string }>`
    WITH RECURSIVE paths(p) AS (
      SELECT min(scope_path) FROM activities WHERE deleted = 0 AND status = 'held' AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)}
      UNION ALL
      SELECT (SELECT min(scope_path) FROM activities WHERE deleted = 0 AND status = 'held' AND scope_path > p AND scope_path < ${scopeEnd(scope)})
      FROM paths WHERE p IS NOT NULL)
    SELECT p FROM paths WHERE p IS NOT NULL`.execute(db);
  return JSON.stringify(r.rows.map((x) => x.p));
}

/** `column IN` the paths: for activities read with `deleted = 0 AND status = 'held'` written out. */
export function atHeldPaths(column: string, paths: string): RawBuilder<unknown> {
  return sql`${sql.ref(column)} IN (SELECT value FROM json_each(${paths}))`;
}
