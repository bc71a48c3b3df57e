// What the data-quality light reads. A province holds ~100k people and nearly all of them are
// sound, so SQLite counts people per outlet and scope path and returns only the suspects: anyone
// with a blank required field, a citizen id that fails its checks, or a citizen id or name and
// birth date shared with someone else. The suspects are a superset: the rule (quality.ts) decides
// on them with the same checks as the registry, so SQLite's filter can only save work, never a verdict.
import { sql, type RawBuilder } from 'kysely';
import { REQUIRED_FIELD_CHOICES, type RequiredField } from '../../shared/assessment/thresholds.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Db } from '../context.js';

export interface PersonFact {
  id: string; name: string; scopePath: string; outletId: string | null;
  fields: Record<string, string | null>;
}

export interface QualityFacts {
  /** Possibly defective people, in the order the registry's scope scan meets them. */
  suspects: PersonFact[];
  /** People per outlet, in the order the same scan first meets each outlet. */
  perOutlet: { outletId: string; n: number }[];
  /** People per scope path (with or without an outlet). */
  perPath: Map<string, number>;
}

// Every character JavaScript's trim() removes: a field of only these is blank to the rule.
const JS_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 in SQL (length, digits, a real birth date in 1900–2100, check character): true only for a sound id. */
const soundId = (() => {
  const c = sql.ref('citizen_id');
  const sum = sql.join(WEIGHTS.map((w, i) => sql`(unicode(substr(${c}, ${sql.lit(i + 1)}, 1)) - 48) * ${sql.lit(w)}`), sql` + `);
  const birth = sql`substr(${c}, 7, 4) || '-' || substr(${c}, 11, 2) || '-' || substr(${c}, 13, 2)`;
  return sql`(length(${c}) = 18 AND ${c} GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9X]'
    AND substr(${c}, 7, 4) BETWEEN '1900' AND '2100' AND date(${birth}) = ${birth}
    AND substr('10X98765432', (${sum}) % 11 + 1, 1) = substr(${c}, 18, 1))`;
})();

// The same text as the partial indexes of db/migrations/2026_12_06_zz_board_speed.ts and (the blank
// one) 2026_12_07_quality_blank.ts: SQLite uses them only for a query that repeats their WHERE term
// (`name` is NOT NULL, so it has no "IS NULL"). The first character is looked up with instr(), not an
// IN list, which SQLite would build again for every row the index takes.
const CODES = [...JS_SPACE].map((c) => c.codePointAt(0)!).join(', ');
const startsBlank = (c: string) => `instr(char(${CODES}), substr(${c}, 1, 1)) > 0`;
const ANY_BLANK = sql.raw(`(${REQUIRED_FIELD_CHOICES.map((c) => `${c === 'name' ? '' : `${c} IS NULL OR `}${c} = '' OR (${startsBlank(c)} AND trim(${c}, '${JS_SPACE}') = '')`).join(' OR ')})`);

type SuspectRow = Record<string, string | null> & { id: string; name: string; scope_path: string };
type GroupRow = { outlet_id: string | null; scope_path: string; first: number; n: number };

/** The two reads, apart so a test can check SQLite plans them on the indexes above. */
export function qualityQueries(scope: string, required: RequiredField[]): { suspects: RawBuilder<SuspectRow>; groups: RawBuilder<GroupRow> } {
  const end = scopeEnd(scope);
  const inScope = sql`deleted = 0 AND scope_path >= ${scope} AND scope_path < ${end}`;
  // At or above the province nearly everyone is in scope: a walk of a covering index in its own
  // order beats the scope range and a lookup of every wide row ("+" keeps SQLite off the range).
  const wide = scope.split('/').filter(Boolean).length <= 1;
  const grouped = wide ? sql`deleted = 0 AND +scope_path >= ${scope} AND +scope_path < ${end}` : inScope;
  const known = new Set<string>(REQUIRED_FIELD_CHOICES);
  // Only a field that starts with a space can trim to nothing: the cheap test of the first character spares most trims.
  const blank = required.filter((f) => known.has(f)).map((f) => {
    const c = sql.ref(f);
    return sql`${c} IS NULL OR ${c} = '' OR (${sql.raw(startsBlank(f))} AND trim(${c}, ${JS_SPACE}) = '')`;
  });
  // Each kind of suspect from its own index; together in the order the registry's scope scan meets them.
  const kinds = [
    ...(blank.length ? [sql`SELECT rowid FROM people WHERE deleted = 0 AND ${ANY_BLANK} AND (${sql.join(blank, sql` OR `)}) AND scope_path >= ${scope} AND scope_path < ${end}`] : []),
    sql`SELECT rowid FROM people WHERE deleted = 0 AND citizen_id <> '' AND NOT ${soundId} AND scope_path >= ${scope} AND scope_path < ${end}`,
    sql`SELECT rowid FROM people WHERE ${inScope} AND citizen_id IN (SELECT citizen_id FROM people WHERE ${grouped} AND citizen_id <> '' GROUP BY citizen_id HAVING count(*) > 1)`,
    sql`SELECT rowid FROM people WHERE ${grouped} AND birth_date <> '' AND name || '|' || birth_date IN (SELECT name || '|' || birth_date FROM people WHERE ${grouped} AND birth_date <> '' GROUP BY 1 HAVING count(*) > 1)`,
  ];
  return {
    suspects: sql<SuspectRow>`
      SELECT id, name, gender, birth_date, citizen_id, phone, outlet_id, ethnicity, education, post, scope_path
      FROM people WHERE rowid IN (${sql.join(kinds, sql` UNION ALL `)}) ORDER BY scope_path, rowid`,
    // One row per outlet and path; the least (path, rowid) of an outlet is where the scope scan first meets it.
    groups: sql<GroupRow>`SELECT outlet_id, scope_path, min(rowid) AS first, count(*) AS n FROM people WHERE ${grouped} GROUP BY outlet_id, scope_path`,
  };
}

export async function loadQuality(db: Db, scope: string, required: RequiredField[]): Promise<QualityFacts> {
  const q = qualityQueries(scope, required);
  const suspects = (await q.suspects.execute(db)).rows;
  const groups = (await q.groups.execute(db)).rows;
  const perPath = new Map<string, number>();
  const outlets = new Map<string, { outletId: string; n: number; path: string; first: number }>();
  for (const g of groups) {
    perPath.set(g.scope_path, (perPath.get(g.scope_path) ?? 0) + g.n);
    if (!g.outlet_id) continue;
    const o = outlets.get(g.outlet_id);
    if (!o) outlets.set(g.outlet_id, { outletId: g.outlet_id, n: g.n, path: g.scope_path, first: g.first });
    else {
      o.n += g.n;
      if (g.scope_path < o.path || (g.scope_path === o.path && g.first < o.first)) Object.assign(o, { path: g.scope_path, first: g.first });
    }
  }
  const perOutlet = [...outlets.values()]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.first - b.first))
    .map(({ outletId, n }) => ({ outletId, n }));
  return {
    suspects: suspects.map((p) => ({ id: p.id, name: p.name, scopePath: p.scope_path, outletId: p.outlet_id ?? null, fields: p })),
    perOutlet, perPath,
  };
}
