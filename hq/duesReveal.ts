// Which dues amounts a device may receive beyond what its role allows (DOMAIN.md Privacy: the
// member's branch secretary sees them). A device's user may be a person of the registry (named by
// its enrolment code, hq/auth.ts); whether that person is the secretary of a branch is read from the
// data at each pull — the organisation's `secretary_person_id`, which partyOrgs.save derives from
// the committee's secretary — never stored, so a change of secretary moves the right at the next sync.
import { sql } from 'kysely';
import { isUnder, scopeEnd } from '../shared/core/scope.js';
import type { DuesViewer } from '../shared/sync/privacy.js';
import type { Cell } from './rowset.js';
import type { HqStore } from './store.js';

type Cells = Record<string, Cell | undefined>;

/** Ids as the registry writes them (UUIDs): nothing a LIKE pattern would read as a wildcard. */
export const PERSON_ID_RE = /^[0-9A-Za-z-]{8,64}$/;

const live = (c: Cells) => c.deleted?.[0] !== 1;

/** Rows of a table in the scope whose cell `col` holds one of `values` (the JSON text narrows; parsing confirms). */
async function rowsWhere(store: HqStore, tbl: string, scope: string, col: string, values: string[]): Promise<{ id: string; c: Cells }[]> {
  const out: { id: string; c: Cells }[] = [];
  for (const v of values) {
    if (!PERSON_ID_RE.test(v)) continue;
    // the device's scope only (hq_rows is indexed on table and scope), narrowed by the cell's JSON text
    const rows = await store.db.selectFrom('hq_rows').select(['row_id', 'cells', 'scope_path']).where('tbl', '=', tbl)
      .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope))
      .where(sql<boolean>`cells LIKE ${`%"${col}":["${v}"%`}`).execute();
    for (const r of rows) {
      const c = JSON.parse(r.cells) as Cells;
      if (isUnder(r.scope_path, scope) && live(c) && c[col]?.[0] === v) out.push({ id: r.row_id, c });
    }
  }
  return out;
}

/** The person as the registry holds it within `scope` (their name), or null when unknown, deleted or outside. */
export async function personInScope(store: HqStore, personId: string, scope: string): Promise<{ name: string } | null> {
  if (!PERSON_ID_RE.test(personId)) return null;
  const r = await store.db.selectFrom('hq_rows').select(['cells', 'scope_path']).where('tbl', '=', 'people').where('row_id', '=', personId).executeTakeFirst();
  if (!r || !isUnder(r.scope_path, scope)) return null;
  const c = JSON.parse(r.cells) as Cells;
  return live(c) ? { name: String(c.name?.[0] ?? '') } : null;
}

/** The branches (within the device's scope) whose secretary the person is now. */
export async function secretaryOf(store: HqStore, personId: string, scope: string): Promise<string[]> {
  const orgs = await rowsWhere(store, 'party_orgs', scope, 'secretary_person_id', [personId]);
  return orgs.map((o) => o.id).sort();
}

/**
 * What the redaction needs to know about this device (shared/sync/privacy.ts `DuesViewer`): its role,
 * and the members whose amounts it may hold — those of the branches its person is secretary of.
 */
export async function duesViewer(store: HqStore, d: { role: DuesViewer['role']; scopePath: string; personId: string | null }): Promise<DuesViewer> {
  if (!d.personId) return { role: d.role, secretaryOf: [], duesPersons: new Set() };
  const branches = await secretaryOf(store, d.personId, d.scopePath);
  const members = await rowsWhere(store, 'members', d.scopePath, 'branch_id', branches);
  return { role: d.role, secretaryOf: branches, duesPersons: new Set(members.map((m) => String(m.c.person_id?.[0] ?? m.id))) };
}

/** A device as requests and relay bundles act for it: with what the redaction needs when its user is a person. */
export async function withDuesViewer<D extends { role: DuesViewer['role']; scopePath: string; personId: string | null }>(store: HqStore, d: D): Promise<D & Partial<DuesViewer>> {
  return d.personId ? { ...d, ...(await duesViewer(store, d)) } : d;
}
