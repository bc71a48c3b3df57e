// Likely duplicate registrations of one person (DOMAIN.md data quality: 0.5% in real data):
// the same citizen id; the same name and birth date; the same pinyin and phone (张三 / 章三 typed by
// two instructors). Pairs whose citizen ids are both present and differ are two people, not one.
import { sql } from 'kysely';
import { maskCitizenId, maskPhone } from '../../shared/domain/citizenId.js';
import type { PoliticalStatus } from '../../shared/domain/enums.js';
import type { DuplicateCandidate, DuplicateGroup, DuplicateReason } from '../../shared/people/types.js';
import { type Db } from '../context.js';
import { referenceColumns } from './references.js';
import { scopeEnd } from '../../shared/core/scope.js';

const MAX_GROUPS = 500;

interface Cand {
  id: string;
  name: string;
  gender: string | null;
  birth_date: string | null;
  citizen_id: string | null;
  phone: string | null;
  outlet: string | null;
  political_status: string;
  branch: string | null;
  updated_at: string;
  k: string;
}

async function candidates(db: Db, path: string, reason: DuplicateReason): Promise<Cand[]> {
  const end = scopeEnd(path);
  const inScope = sql`p.deleted = 0 AND p.scope_path >= ${path} AND p.scope_path < ${end}`;
  const keys =
    reason === 'citizen_id'
      ? sql`SELECT p.citizen_id AS k FROM people p WHERE ${inScope} AND p.citizen_id IS NOT NULL GROUP BY p.citizen_id HAVING count(*) > 1`
      : reason === 'name_birth'
        ? sql`SELECT p.name || '|' || p.birth_date AS k FROM people p WHERE ${inScope} AND p.birth_date IS NOT NULL GROUP BY p.name, p.birth_date HAVING count(*) > 1`
        : sql`SELECT s.py_full || '|' || p.phone AS k FROM people p JOIN people_search s ON s.person_id = p.id WHERE ${inScope} AND p.phone IS NOT NULL GROUP BY s.py_full, p.phone HAVING count(*) > 1`;
  const keyOf =
    reason === 'citizen_id' ? sql`p.citizen_id` : reason === 'name_birth' ? sql`p.name || '|' || p.birth_date` : sql`s.py_full || '|' || p.phone`;
  const r = await sql<Cand>`
    SELECT p.id, p.name, p.gender, p.birth_date, p.citizen_id, p.phone, o.name AS outlet, p.political_status, b.name AS branch, p.updated_at,
      ${keyOf} AS k
    FROM people p JOIN people_search s ON s.person_id = p.id
    LEFT JOIN outlets o ON o.id = p.outlet_id
    LEFT JOIN members m ON m.person_id = p.id AND m.deleted = 0 LEFT JOIN party_orgs b ON b.id = m.branch_id
    WHERE ${inScope} AND ${keyOf} IN (${keys})
    ORDER BY k, p.created_at`.execute(db);
  return r.rows;
}

/** Rows elsewhere that point at each person: the survivor of a merge is usually the one with more. */
async function referenceCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!ids.length) return counts;
  for (const { table, column } of await referenceColumns(db)) {
    const r = await sql<{ id: string; n: number }>`
      SELECT ${sql.ref(column)} AS id, count(*) AS n FROM ${sql.table(table)}
      WHERE deleted = 0 AND ${sql.ref(column)} IN (${sql.join(ids)}) GROUP BY ${sql.ref(column)}`.execute(db);
    for (const x of r.rows) counts.set(x.id, (counts.get(x.id) ?? 0) + Number(x.n));
  }
  return counts;
}

export async function findDuplicates(db: Db, path: string): Promise<DuplicateGroup[]> {
  const groups: DuplicateGroup[] = [];
  const seenPairs = new Set<string>();
  for (const reason of ['citizen_id', 'name_birth', 'pinyin_phone'] as DuplicateReason[]) {
    const byKey = new Map<string, Cand[]>();
    for (const c of await candidates(db, path, reason)) (byKey.get(c.k) ?? byKey.set(c.k, []).get(c.k)!).push(c);
    for (const [k, people] of byKey) {
      // Two different ids are two different people, whatever their names.
      const ids = new Set(people.map((p) => p.citizen_id).filter(Boolean));
      if (reason !== 'citizen_id' && ids.size > 1) continue;
      const pair = people.map((p) => p.id).sort().join(',');
      if (seenPairs.has(pair)) continue; // already listed under a stronger reason
      seenPairs.add(pair);
      groups.push({ key: `${reason}:${k}`, reason, people: people.map(toCandidate) });
      if (groups.length >= MAX_GROUPS) break;
    }
    if (groups.length >= MAX_GROUPS) break;
  }
  const refs = await referenceCounts(db, groups.flatMap((g) => g.people.map((p) => p.id)));
  for (const g of groups) for (const p of g.people) p.references = refs.get(p.id) ?? 0;
  return groups;
}

function toCandidate(c: Cand): DuplicateCandidate {
  return {
    id: c.id, name: c.name, gender: c.gender, birthDate: c.birth_date, citizenId: maskCitizenId(c.citizen_id), phone: maskPhone(c.phone),
    outletName: c.outlet, politicalStatus: c.political_status as PoliticalStatus, branchName: c.branch, updatedAt: c.updated_at, references: 0,
  };
}
