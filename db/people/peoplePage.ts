// The people list when a search term is given: the page is chosen on the search index
// (db/registry/search.ts) and only its rows are read in full. Filters the index does not hold
// (branch, standing, mobility, channel type) fall back to listPeople with the same FTS predicate.
import { assertInScope } from '../../shared/core/scope.js';
import { maskCitizenId, maskPhone } from '../../shared/domain/citizenId.js';
import type { PoliticalStatus } from '../../shared/domain/enums.js';
import type { Db } from '../context.js';
import { getOrgUnit } from '../org/orgUnits.js';
import { listPeople, type PeopleFilter } from './people.js';
import { searchIds } from './search.js';
import type { PersonRow } from '../../shared/people/personTypes.js';
import type { Page } from '../../shared/contract/define.js';

export async function rowsByIds(db: Db, ids: string[]): Promise<PersonRow[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('people as p')
    .leftJoin('members as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.deleted', '=', 0))
    .leftJoin('outlets as o', 'o.id', 'p.outlet_id')
    .leftJoin('party_orgs as b', 'b.id', 'm.branch_id')
    .select([
      'p.id', 'p.name', 'p.gender', 'p.birth_date', 'p.citizen_id', 'p.phone', 'p.outlet_id', 'o.name as outlet_name', 'p.post',
      'p.political_status', 'b.name as branch_name', 'm.standing', 'm.mobility', 'p.synthetic',
    ])
    .where('p.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{
      id: r.id, name: r.name, gender: r.gender, birthDate: r.birth_date,
      citizenId: maskCitizenId(r.citizen_id), phone: maskPhone(r.phone),
      outletId: r.outlet_id, outletName: r.outlet_name, post: r.post, politicalStatus: r.political_status as PoliticalStatus,
      branchName: r.branch_name, standing: r.standing, mobility: r.mobility, synthetic: r.synthetic === 1,
    }];
  });
}

/** people.list with the role's search rights: the fast path when the index holds every filter. */
export async function listPeopleSearched(db: Db, scope: string, f: PeopleFilter, fullIds: boolean): Promise<Page<PersonRow>> {
  const onIndex = !f.branchId && !f.standing?.length && !f.mobility?.length && !f.channelTypes?.length;
  if (!f.q?.trim() || !onIndex) return listPeople(db, scope, { ...f, fullIdSearch: fullIds });
  let path = scope;
  if (f.unitId) {
    const unit = await getOrgUnit(db, f.unitId);
    assertInScope(unit.path, scope);
    path = unit.path;
  }
  const { ids, total } = await searchIds(
    db,
    { q: f.q, path, politicalStatus: f.politicalStatus, outletId: f.outletId, limit: f.limit, offset: f.offset },
    { fullIds },
  );
  return { total, rows: await rowsByIds(db, ids) };
}
