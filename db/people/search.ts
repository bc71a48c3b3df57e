// People search over the index of 2026_11_23_registry: a trigram FTS5 table (values between '|'
// sentinels) and the narrow people_search table with pinyin columns under B-tree indexes.
// A query is split into terms that must all match; each term is classified and becomes one set of
// person ids, so SQLite drives the lookup from an index, never from a scan of people.
import { sql, type RawBuilder } from 'kysely';
import { toHalfWidth } from '../../shared/domain/text.js';
import { type Db } from '../context.js';
import { scopeEnd } from '../../shared/core/scope.js';

export interface SearchOptions {
  /** The role may see full ids and phones: any 4+ consecutive digits match. Otherwise only what
   *  a masked list shows anyway (the first 6 / last 4 of an id, the last 4 of a phone) or the whole value. */
  fullIds: boolean;
}

export type TermPlan =
  | { kind: 'fts'; match: string }
  | { kind: 'namePrefix'; prefix: string }
  | { kind: 'pinyin'; prefix: string }
  | { kind: 'none' };

const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;
const col = (cols: string, s: string) => `{${cols}} : ${phrase(s)}`;
const any = (...parts: string[]) => parts.filter(Boolean).join(' OR ');

export function normalizeTerm(raw: string): string {
  return toHalfWidth(raw).replace(/["'’‘“”]/g, '').trim().toLowerCase();
}

export function splitTerms(q: string): string[] {
  return toHalfWidth(q)
    .split(/[\s,，、;；]+/)
    .map(normalizeTerm)
    .filter(Boolean)
    .slice(0, 5);
}

function digitsPlan(d: string, o: SearchOptions): TermPlan {
  if (d.length < 3) return { kind: 'none' };
  const places = col('places', d); // outlet codes carry digits too
  if (d.length < 4) return { kind: 'fts', match: places };
  if (o.fullIds) return { kind: 'fts', match: any(col('phone citizen_id', d), places) };
  const parts = [places];
  if (d.length === 18 || d.length === 11) parts.push(col('citizen_id phone', `|${d}|`));
  if (d.length <= 6) parts.push(col('citizen_id', `|${d}`));
  if (d.length === 4) parts.push(col('citizen_id phone', `${d}|`));
  return { kind: 'fts', match: any(...parts) };
}

/** What one normalised term searches; pure, so the rules are tested without a database. */
export function planTerm(term: string, o: SearchOptions): TermPlan {
  if (!term) return { kind: 'none' };
  if (/^\d+x?$/.test(term)) return digitsPlan(term, o);
  // Letters only: pinyin ("zs", "zhangsan", "jianguo" for the given name).
  if (/^[a-zü]+$/.test(term)) return { kind: 'pinyin', prefix: term.replace(/ü/g, 'v') };
  const chars = [...term];
  if (chars.length === 1) return { kind: 'namePrefix', prefix: term };
  // Two characters are below the trigram length: match them as a prefix or a suffix (a surname,
  // a given name, the start or end of an outlet or branch name).
  if (chars.length === 2) return { kind: 'fts', match: any(col('name places', `|${term}`), col('name places', `${term}|`)) };
  return { kind: 'fts', match: col('name places', term) };
}

const upTo = (p: string) => p + '\uffff';

const SEARCH_COLS = sql`person_id, name, scope_path, political_status, outlet_id`;

/** Initials, full pinyin and given-name pinyin prefixes: a UNION of three covering-index ranges
 *  (an OR would read every hit's table row). */
function pinyinRows(prefix: string): RawBuilder<unknown> {
  const end = prefix + '{'; // '{' sorts right after 'z'
  const initials = sql`SELECT ${SEARCH_COLS} FROM people_search WHERE py_initials >= ${prefix} AND py_initials < ${end}`;
  if (prefix.length === 1) return initials;
  return sql`${initials}
    UNION SELECT ${SEARCH_COLS} FROM people_search WHERE py_full >= ${prefix} AND py_full < ${end}
    UNION SELECT ${SEARCH_COLS} FROM people_search WHERE py_given >= ${prefix} AND py_given < ${end}`;
}

/** The ids of the people a term selects, as a subquery. */
function idsFor(plan: TermPlan): RawBuilder<unknown> {
  switch (plan.kind) {
    case 'none':
      return sql`SELECT NULL WHERE 0`;
    case 'namePrefix':
      return sql`SELECT person_id FROM people_search WHERE name >= ${plan.prefix} AND name < ${upTo(plan.prefix)}`;
    case 'pinyin':
      return sql`SELECT person_id FROM (${pinyinRows(plan.prefix)})`;
    case 'fts':
      return sql`SELECT s.person_id FROM people_fts f JOIN people_search s ON s.rowid = f.rowid WHERE people_fts MATCH ${plan.match}`;
  }
}

/** The people_search rows (aliased s) a term selects, as a FROM source. */
function sourceFor(plan: TermPlan): RawBuilder<unknown> {
  switch (plan.kind) {
    case 'none':
      return sql`(SELECT ${SEARCH_COLS} FROM people_search WHERE 0) s`;
    case 'namePrefix':
      return sql`(SELECT ${SEARCH_COLS} FROM people_search WHERE name >= ${plan.prefix} AND name < ${upTo(plan.prefix)}) s`;
    case 'pinyin':
      return sql`(${pinyinRows(plan.prefix)}) s`;
    case 'fts':
      return sql`people_fts f JOIN people_search s ON s.rowid = f.rowid AND people_fts MATCH ${plan.match}`;
  }
}

/**
 * A predicate on the people table under `alias` (e.g. 'p') that is true for people matching every
 * term of `q`; null when `q` holds no term (no filtering).
 */
export function searchPredicate(aliasOrId: string, q: string | undefined, o: SearchOptions): RawBuilder<boolean> | null {
  const alias = aliasOrId.replace(/\.id$/, ''); // 'p' and 'p.id' both name the people row
  const terms = splitTerms(q ?? '');
  if (!terms.length) return null;
  const parts = terms.map((t) => sql<boolean>`${sql.ref(`${alias}.id`)} IN (${idsFor(planTerm(t, o))})`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

export interface IndexedSearch {
  q: string;
  path: string;
  politicalStatus?: string[];
  outletId?: string;
  limit: number;
  offset: number;
}

const weight = (p: TermPlan) => (p.kind === 'fts' ? 10 + p.match.length : p.kind === 'none' ? 0 : 5);

/**
 * One page of the ids of people matching `q`, filtered and sorted on the narrow people_search
 * table and counted in the same pass; the wide people rows are read for the page only.
 */
export async function searchIds(db: Db, f: IndexedSearch, o: SearchOptions): Promise<{ ids: string[]; total: number }> {
  const plans = splitTerms(f.q).map((t) => planTerm(t, o));
  if (!plans.length) return { ids: [], total: 0 };
  // Drive from the term likely to be most selective; the others filter its hits.
  const [lead, ...rest] = [...plans].sort((a, b) => weight(b) - weight(a)) as [TermPlan, ...TermPlan[]];
  const conds = [sql`s.scope_path >= ${f.path}`, sql`s.scope_path < ${scopeEnd(f.path)}`];
  if (f.politicalStatus?.length) conds.push(sql`s.political_status IN (${sql.join(f.politicalStatus)})`);
  if (f.outletId) conds.push(sql`s.outlet_id = ${f.outletId}`);
  for (const p of rest) conds.push(sql`s.person_id IN (${idsFor(p)})`);
  const where = sql.join(conds, sql` AND `);
  // Count and page apart: a window count would make SQLite read and sort every hit before the page,
  // while a name-prefix page can stop early, walking the covering index in name order.
  const page = await sql<{ person_id: string }>`
    SELECT s.person_id FROM ${sourceFor(lead)} WHERE ${where}
    ORDER BY s.name, s.person_id LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db);
  const short = f.offset === 0 && page.rows.length < f.limit;
  const total = short ? page.rows.length : Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sourceFor(lead)} WHERE ${where}`.execute(db)).rows[0]?.n ?? 0);
  return { ids: page.rows.map((x) => x.person_id), total };
}
