import { beijingDayOf } from '../../shared/core/dates.js';
import { assertInScope, isUnder } from '../../shared/core/scope.js';
import { sql, type ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import type { Outlet } from '../../shared/org/types.js';
import type { ChannelType } from '../../shared/domain/enums.js';
import type { outletInput } from '../../shared/org/schemas/outlet.js';
import { type Db } from '../context.js';
import { getOrgUnit } from './orgUnits.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';

export interface OutletFilter {
  q?: string;
  channelTypes?: ChannelType[];
  unitId?: string;
  coverage?: 'covered' | 'uncovered';
  limit: number;
  offset: number;
}

function base(db: Db) {
  return db
    .selectFrom('outlets as o')
    .leftJoin('org_units as c', 'c.id', 'o.county_id')
    .leftJoin('org_units as g', 'g.id', 'o.grid_id')
    .leftJoin('party_orgs as po', 'po.id', 'o.coverage_org_id')
    .leftJoin('instructors as i', 'i.id', 'o.instructor_id')
    .where('o.deleted', '=', 0);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const columns = (eb: ExpressionBuilder<any, any>) => [
  'o.id', 'o.code', 'o.name', 'o.channel_type', 'o.county_id', 'c.name as county_name', 'o.grid_id', 'g.name as grid_name',
  'o.address', 'o.staff_count', 'o.coverage_org_id', 'po.name as coverage_org_name', 'o.instructor_id', 'i.name as instructor_name',
  'o.is_contact_point', 'o.opened_on', 'o.closed_on', 'o.lat', 'o.lng', 'o.synthetic', 'o.updated_at',
  eb
    .selectFrom('people as p')
    .innerJoin('members as m', 'm.person_id', 'p.id')
    .select(eb.fn.countAll<number>().as('n'))
    .whereRef('p.outlet_id', '=', 'o.id')
    .where('p.deleted', '=', 0)
    .where('m.deleted', '=', 0)
    .as('member_count'),
] as const;

type Row = Record<string, unknown>;
function toOutlet(r: Row): Outlet {
  return {
    id: r.id as string, code: r.code as string, name: r.name as string, channelType: r.channel_type as ChannelType,
    countyId: r.county_id as string, countyName: (r.county_name as string) ?? '', gridId: r.grid_id as string | null,
    gridName: r.grid_name as string | null, address: r.address as string | null, staffCount: Number(r.staff_count),
    coverageOrgId: r.coverage_org_id as string | null, coverageOrgName: r.coverage_org_name as string | null,
    instructorId: r.instructor_id as string | null, instructorName: r.instructor_name as string | null,
    isContactPoint: r.is_contact_point === 1, openedOn: r.opened_on as string | null, closedOn: r.closed_on as string | null,
    lat: r.lat as number | null, lng: r.lng as number | null, memberCount: Number(r.member_count ?? 0),
    synthetic: r.synthetic === 1, updatedAt: r.updated_at as string,
  };
}

export async function listOutlets(db: Db, scope: string, f: OutletFilter): Promise<Page<Outlet>> {
  let path = scope;
  if (f.unitId) {
    const unit = await getOrgUnit(db, f.unitId);
    if (isUnder(unit.path, scope)) path = unit.path;
  }
  let q = base(db).where('o.scope_path', '>=', path).where('o.scope_path', '<', scopeEnd(path));
  if (f.channelTypes?.length) q = q.where('o.channel_type', 'in', f.channelTypes);
  if (f.coverage === 'covered') q = q.where('o.coverage_org_id', 'is not', null);
  if (f.coverage === 'uncovered') q = q.where('o.coverage_org_id', 'is', null);
  if (f.q?.trim()) {
    const like = `%${f.q.trim()}%`;
    q = q.where((eb) => eb.or([eb('o.name', 'like', like), eb('o.code', 'like', like), eb('o.address', 'like', like)]));
  }
  const [{ n }] = (await q.select((eb) => eb.fn.countAll<number>().as('n')).execute()) as [{ n: number }];
  const rows = await q.select(columns).orderBy('o.code').limit(f.limit).offset(f.offset).execute();
  return { rows: rows.map((r) => toOutlet(r as Row)), total: Number(n) };
}

export async function getOutlet(db: Db, id: string): Promise<Outlet> {
  const r = await base(db).select(columns).where('o.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('网点', 'Outlet');
  return toOutlet(r as Row);
}

export async function saveOutlet(db: Db, input: z.output<typeof outletInput>, now: string, scope: string): Promise<string> {
  const county = await getOrgUnit(db, input.countyId);
  if (county.level !== 'county') throw new ApiError('validation', '所属单位须为县（区）公司', 'The unit must be a county');
  let scopePath = county.path;
  if (input.gridId) {
    const grid = await getOrgUnit(db, input.gridId);
    if (grid.parent_id !== county.id) throw new ApiError('validation', '所选网格不属于该县（区）', 'That grid is not in this county');
    scopePath = grid.path;
  }
  assertInScope(scopePath, scope);
  if (input.coverageOrgId) {
    const org = await db.selectFrom('party_orgs').select('id').where('id', '=', input.coverageOrgId).where('deleted', '=', 0).executeTakeFirst();
    if (!org) throw notFound('覆盖党组织', 'Covering organisation');
  }
  if (input.instructorId) {
    const ins = await db.selectFrom('instructors').select('id').where('id', '=', input.instructorId).where('deleted', '=', 0).executeTakeFirst();
    if (!ins) throw notFound('党建指导员', 'Instructor');
  }
  const clash = await db.selectFrom('outlets').select('id').where('code', '=', input.code).where('deleted', '=', 0).executeTakeFirst();
  if (clash && clash.id !== input.id) throw new ApiError('conflict', `网点编码“${input.code}”已存在`, `Outlet code ${input.code} already exists`, [
    { path: 'code', message: `网点编码“${input.code}”已存在`, messageEn: 'Code already exists' },
  ]);
  const values = {
    code: input.code, name: input.name, channel_type: input.channelType, county_id: input.countyId, grid_id: input.gridId,
    address: input.address, staff_count: input.staffCount, coverage_org_id: input.coverageOrgId, instructor_id: input.instructorId,
    is_contact_point: input.isContactPoint ? 1 : 0, opened_on: input.openedOn, closed_on: input.closedOn, lat: input.lat, lng: input.lng,
    scope_path: scopePath, updated_at: now,
  };
  const id = input.id ?? uuidv7();
  const existing = input.id ? await db.selectFrom('outlets').select(['id', 'instructor_id']).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst() : undefined;
  if (input.id && !existing) throw notFound('网点', 'Outlet');
  if (existing) await db.updateTable('outlets').set(values).where('id', '=', id).execute();
  else await db.insertInto('outlets').values({ id, ...values, created_at: now }).execute();
  if ((existing?.instructor_id ?? null) !== input.instructorId) await reassign(db, id, input.instructorId, scopePath, now);
  // People at the outlet follow it if it moves between grids.
  if (existing) await sql`UPDATE people SET scope_path = ${scopePath}, updated_at = ${now} WHERE outlet_id = ${id} AND scope_path <> ${scopePath}`.execute(db);
  return id;
}

/**
 * Keeps the instructor's assignment history in step with the outlet form: the open assignment
 * ends yesterday (or is withdrawn if it began today) and the new instructor's starts today, so
 * duty compliance for past months still sees who was responsible then.
 */
async function reassign(db: Db, outletId: string, instructorId: string | null, scopePath: string, now: string): Promise<void> {
  const today = beijingDayOf(now);
  const yesterday = new Date(Date.parse(today + 'T00:00:00Z') - 86_400_000).toISOString().slice(0, 10);
  const open = await db.selectFrom('instructor_assignments').select(['id', 'valid_from']).where('outlet_id', '=', outletId).where('deleted', '=', 0).where('valid_to', 'is', null).execute();
  for (const a of open) {
    if (a.valid_from >= today) await db.updateTable('instructor_assignments').set({ deleted: 1, updated_at: now }).where('id', '=', a.id).execute();
    else await db.updateTable('instructor_assignments').set({ valid_to: yesterday, updated_at: now }).where('id', '=', a.id).execute();
  }
  if (instructorId) {
    await db
      .insertInto('instructor_assignments')
      .values({ id: uuidv7(), instructor_id: instructorId, outlet_id: outletId, valid_from: today, valid_to: null, scope_path: scopePath, created_at: now, updated_at: now })
      .execute();
  }
}

export async function deleteOutlet(db: Db, id: string, now: string): Promise<void> {
  const people = await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('outlet_id', '=', id).where('deleted', '=', 0).executeTakeFirstOrThrow();
  if (Number(people.n) > 0) throw new ApiError('conflict', `该网点仍登记有${people.n}人，请先调整人员所在网点`, 'People are still registered at this outlet');
  const r = await db.updateTable('outlets').set({ deleted: 1, updated_at: now }).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('网点', 'Outlet');
}
