// The records a roster import refers to, loaded in a few set queries instead of per row:
// branches and groups in scope, the outlets the file names, and the people it may update.
import { cleanText } from '../../../shared/domain/text.js';
import { type Db } from '../../context.js';
import type { Selectable } from 'kysely';
import type { MembersTable, PeopleTable } from '../../schema.js';
import { scopeEnd } from '../../../shared/core/scope.js';

export type PersonRecord = Selectable<PeopleTable>;
export type MemberRecord = Selectable<MembersTable>;

export interface Place {
  id: string;
  name: string;
  scope_path: string;
  /** What tells namesakes apart in a list: a branch's org unit, an outlet's code. */
  hint?: string | null;
}

export interface Lookups {
  /** By cleaned name: one entry, or several when the name is ambiguous. */
  orgsByName: Map<string, Place[]>;
  /** Every Party organisation in scope, for the value mapping's choices. */
  orgs: Place[];
  groupsByBranch: Map<string, Map<string, string>>;
  outletsByCode: Map<string, Place[]>;
  outletsByName: Map<string, Place[]>;
  peopleByCitizenId: Map<string, PersonRecord>;
  membersByPerson: Map<string, MemberRecord>;
  /** name + '|' + birth date → ids of people already registered so. */
  peopleByNameBirth: Map<string, string[]>;
}

const key = (s: string) => cleanText(s);

function chunks<T>(xs: T[], n = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function group<T>(rows: T[], by: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = by(r);
    (m.get(k) ?? m.set(k, []).get(k)!).push(r);
  }
  return m;
}

export async function loadLookups(
  db: Db,
  scope: string,
  wanted: { outletCodes: string[]; outletNames: string[]; citizenIds: string[]; names: string[] },
): Promise<Lookups> {
  const end = scopeEnd(scope);
  const orgs: Place[] = await db.selectFrom('party_orgs as o').leftJoin('org_units as u', 'u.id', 'o.unit_id')
    .select(['o.id', 'o.name', 'o.scope_path', 'u.name as hint']).where('o.deleted', '=', 0)
    .where('o.scope_path', '>=', scope).where('o.scope_path', '<', end).orderBy('o.scope_path').orderBy('o.name').execute();
  const groups = await db.selectFrom('party_groups').select(['id', 'branch_id', 'name']).where('deleted', '=', 0)
    .where('scope_path', '>=', scope).where('scope_path', '<', end).execute();
  const groupsByBranch = new Map<string, Map<string, string>>();
  for (const g of groups) (groupsByBranch.get(g.branch_id) ?? groupsByBranch.set(g.branch_id, new Map()).get(g.branch_id)!).set(key(g.name), g.id);

  const outlets: Place[] = [];
  const byCode: (Place & { code: string })[] = [];
  for (const part of chunks([...new Set(wanted.outletCodes.flatMap((c) => [c, c.toUpperCase()]))])) {
    byCode.push(...(await db.selectFrom('outlets').select(['id', 'name', 'code', 'scope_path']).where('deleted', '=', 0)
      .where('code', 'in', part).where('scope_path', '>=', scope).where('scope_path', '<', end).execute()));
  }
  for (const part of chunks([...new Set(wanted.outletNames)])) {
    outlets.push(...(await db.selectFrom('outlets').select(['id', 'name', 'scope_path']).where('deleted', '=', 0)
      .where('name', 'in', part).where('scope_path', '>=', scope).where('scope_path', '<', end).execute()));
  }

  // People are looked up everywhere, not just in scope: a match outside it must be refused, not duplicated.
  const people: PersonRecord[] = [];
  for (const part of chunks([...new Set(wanted.citizenIds)])) {
    people.push(...(await db.selectFrom('people').selectAll().where('deleted', '=', 0).where('citizen_id', 'in', part).execute()));
  }
  const members: MemberRecord[] = [];
  for (const part of chunks(people.map((p) => p.id))) {
    members.push(...(await db.selectFrom('members').selectAll().where('deleted', '=', 0).where('person_id', 'in', part).execute()));
  }
  const namesakes: { id: string; name: string; birth_date: string | null }[] = [];
  for (const part of chunks([...new Set(wanted.names)])) {
    namesakes.push(...(await db.selectFrom('people').select(['id', 'name', 'birth_date']).where('deleted', '=', 0)
      .where('name', 'in', part).where('scope_path', '>=', scope).where('scope_path', '<', end).execute()));
  }
  const peopleByNameBirth = new Map<string, string[]>();
  for (const [k, rows] of group(namesakes, (r) => `${r.name}|${r.birth_date ?? ''}`)) peopleByNameBirth.set(k, rows.map((r) => r.id));

  return {
    orgsByName: group(orgs, (o) => key(o.name)),
    orgs,
    groupsByBranch,
    outletsByCode: group(byCode, (o) => key(o.code).toUpperCase()),
    outletsByName: group(outlets, (o) => key(o.name)),
    peopleByCitizenId: new Map(people.filter((p) => p.citizen_id).map((p) => [p.citizen_id!, p])),
    membersByPerson: new Map(members.map((m) => [m.person_id, m])),
    peopleByNameBirth,
  };
}

export const lookupKey = key;

/** Outlets by id (the targets of a value mapping), in scope only. */
export async function outletsById(db: Db, scope: string, ids: string[]): Promise<Map<string, Place>> {
  const out = new Map<string, Place>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('outlets').select(['id', 'name', 'scope_path', 'code as hint']).where('deleted', '=', 0)
      .where('id', 'in', part).where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/** The outlets a typed outlet name may be mapped to: all of the scope (a province has ~25k). */
export async function outletsInScope(db: Db, scope: string): Promise<Place[]> {
  return db.selectFrom('outlets').select(['id', 'name', 'scope_path', 'code as hint']).where('deleted', '=', 0)
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).orderBy('code').limit(30_000).execute();
}

export interface Unit {
  id: string;
  name: string;
  path: string;
}

/** Org units a branch created by an import may belong to: the counties and grids in scope. */
export async function unitsInScope(db: Db, scope: string): Promise<Unit[]> {
  return db.selectFrom('org_units').select(['id', 'name', 'path']).where('deleted', '=', 0).where('level', 'in', ['county', 'grid'])
    .where('path', '>=', scope).where('path', '<', scopeEnd(scope)).orderBy('path').limit(5000).execute();
}
