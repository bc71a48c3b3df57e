import { assertInScope, isUnder } from '../../shared/core/scope.js';
import { sql } from 'kysely';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { maskCitizenId, maskPhone } from '../../shared/domain/citizenId.js';
import type { ChannelType, PoliticalStatus } from '../../shared/domain/enums.js';
import type { PersonParsed } from '../../shared/people/schemas/person.js';
import { type Db } from '../context.js';
import { getOrgUnit } from '../org/orgUnits.js';
import { searchPredicate } from './search.js';
import type { PersonDetail, PersonRow } from '../../shared/people/personTypes.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';

export interface PeopleFilter {
  q?: string;
  unitId?: string;
  outletId?: string;
  branchId?: string;
  politicalStatus?: PoliticalStatus[];
  standing?: string[];
  mobility?: string[];
  channelTypes?: ChannelType[];
  /** Digits match anywhere in ids and phones only for roles that may see them in full. */
  fullIdSearch?: boolean;
  limit: number;
  offset: number;
}

/**
 * How listPeople finds a page: with at most `walkAbove` matches it sorts them; with more it walks
 * the name index in order and stops once the page is full (cheap when matches are dense).
 */
export const peopleListTuning = { walkAbove: 5_000 };

export async function listPeople(db: Db, scope: string, f: PeopleFilter): Promise<Page<PersonRow>> {
  let path = scope;
  if (f.unitId) {
    const unit = await getOrgUnit(db, f.unitId);
    if (isUnder(unit.path, scope)) path = unit.path;
  }
  // Every filter is a condition on people alone (members and outlets only inside subqueries), so the
  // count and the page of ids run on the indexes of 2026_11_25_people_indexes; the joins run for
  // the page's rows only. Joining first and sorting the joined rows cost ~240 ms per page at 100k
  // people (bench/memberList.bench.ts).
  const filtered = (walk: boolean) => {
    // A unary + keeps SQLite off the scope and status indexes, so that it walks the name index.
    const col = (c: 'p.scope_path' | 'p.political_status') => (walk ? sql<string>`+${sql.ref(c)}` : sql.ref<string>(c));
    let q = db
      .selectFrom('people as p')
      .where('p.deleted', '=', 0)
      .where(col('p.scope_path'), '>=', path)
      .where(col('p.scope_path'), '<', scopeEnd(path));
    if (f.outletId) q = q.where('p.outlet_id', '=', f.outletId);
    if (f.politicalStatus?.length) q = q.where(col('p.political_status'), 'in', f.politicalStatus);
    if (f.branchId || f.standing?.length || f.mobility?.length) {
      q = q.where((eb) => {
        let m = eb.selectFrom('members as m').select('m.id').whereRef('m.person_id', '=', 'p.id').where('m.deleted', '=', 0);
        if (f.branchId) m = m.where('m.branch_id', '=', f.branchId);
        if (f.standing?.length) m = m.where('m.standing', 'in', f.standing);
        if (f.mobility?.length) m = m.where('m.mobility', 'in', f.mobility);
        return eb.exists(m);
      });
    }
    if (f.channelTypes?.length) {
      const types = f.channelTypes;
      q = q.where('p.outlet_id', 'in', (eb) => eb.selectFrom('outlets as o').select('o.id').where('o.channel_type', 'in', types));
    }
    // Full-text search (db/registry/search.ts): name, pinyin, initials, phone, id, outlet and branch.
    const match = searchPredicate('p', f.q, { fullIds: f.fullIdSearch ?? false });
    if (match) q = q.where(match);
    return q;
  };
  const { n } = await filtered(false).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const walk = Number(n) > peopleListTuning.walkAbove;
  const page = filtered(walk).select(['p.id', 'p.name']).orderBy('p.name').orderBy('p.id').limit(f.limit).offset(f.offset);
  // Ordering by the page's own columns keeps SQLite driving from the page's rows (an order it could
  // read off people_list_name would tempt it into scanning all people instead).
  const rows = await db
    .selectFrom(page.as('pg'))
    .innerJoin('people as p', 'p.id', 'pg.id')
    .leftJoin('members as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.deleted', '=', 0))
    .leftJoin('outlets as o', 'o.id', 'p.outlet_id')
    .leftJoin('party_orgs as b', 'b.id', 'm.branch_id')
    .select([
      'p.id', 'p.name', 'p.gender', 'p.birth_date', 'p.citizen_id', 'p.phone', 'p.outlet_id', 'o.name as outlet_name', 'p.post',
      'p.political_status', 'b.name as branch_name', 'm.standing', 'm.mobility', 'p.synthetic',
    ])
    .orderBy('pg.name')
    .orderBy('pg.id')
    .execute();
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      id: r.id, name: r.name, gender: r.gender, birthDate: r.birth_date,
      citizenId: maskCitizenId(r.citizen_id), phone: maskPhone(r.phone),
      outletId: r.outlet_id, outletName: r.outlet_name, post: r.post, politicalStatus: r.political_status as PoliticalStatus,
      branchName: r.branch_name, standing: r.standing, mobility: r.mobility, synthetic: r.synthetic === 1,
    })),
  };
}

export async function getPerson(db: Db, id: string, fullIds: boolean): Promise<PersonDetail> {
  const p = await db
    .selectFrom('people as p')
    .leftJoin('outlets as o', 'o.id', 'p.outlet_id')
    .selectAll('p')
    .select('o.name as outlet_name')
    .where('p.id', '=', id)
    .where('p.deleted', '=', 0)
    .executeTakeFirst();
  if (!p) throw notFound('人员', 'Person');
  const m = await db
    .selectFrom('members as m')
    .leftJoin('party_orgs as b', 'b.id', 'm.branch_id')
    .selectAll('m')
    .select('b.name as branch_name')
    .where('m.person_id', '=', id)
    .where('m.deleted', '=', 0)
    .executeTakeFirst();
  const r = await db.selectFrom('recruits').selectAll().where('person_id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  return {
    id: p.id, name: p.name, gender: p.gender, ethnicity: p.ethnicity, birthDate: p.birth_date,
    citizenId: fullIds ? p.citizen_id : maskCitizenId(p.citizen_id), citizenIdMasked: !fullIds,
    phone: fullIds ? p.phone : maskPhone(p.phone), education: p.education, outletId: p.outlet_id, outletName: p.outlet_name,
    post: p.post, employment: p.employment, politicalStatus: p.political_status as PoliticalStatus, consentOn: p.consent_on,
    notes: p.notes, synthetic: p.synthetic === 1, updatedAt: p.updated_at,
    member: m
      ? {
          id: m.id, branchId: m.branch_id, branchName: m.branch_name, groupId: m.group_id, joinDate: m.join_date, fullDate: m.full_date,
          standing: m.standing, mobility: m.mobility, mobilityDestination: m.mobility_destination, mobilitySince: m.mobility_since,
          mobilityCardNo: m.mobility_card_no, lostContact: m.lost_contact === 1, lostContactSince: m.lost_contact_since,
          lostContactReason: m.lost_contact_reason, duesBaseType: m.dues_base_type,
        }
      : null,
    recruit: r
      ? {
          stage: r.stage, appliedOn: r.applied_on, activistOn: r.activist_on, candidateOn: r.candidate_on, probationaryOn: r.probationary_on,
          fullOn: r.full_on, cancelledOn: r.cancelled_on, cultivator1Id: r.cultivator1_id, cultivator2Id: r.cultivator2_id,
          introducer1Id: r.introducer1_id, introducer2Id: r.introducer2_id, trainingHours: r.training_hours,
        }
      : null,
  };
}

async function scopeForPerson(db: Db, p: PersonParsed, fallback: string): Promise<string> {
  if (p.outletId) {
    const o = await db.selectFrom('outlets').select('scope_path').where('id', '=', p.outletId).where('deleted', '=', 0).executeTakeFirst();
    if (!o) throw notFound('所在网点', 'Outlet');
    return o.scope_path;
  }
  if (p.member) {
    const b = await db.selectFrom('party_orgs').select('scope_path').where('id', '=', p.member.branchId).where('deleted', '=', 0).executeTakeFirst();
    if (b) return b.scope_path;
  }
  return fallback;
}

/** Saves a person with membership and recruitment in one go; the caller wraps it in a transaction. */
export async function savePerson(db: Db, p: PersonParsed, now: string, scope: string): Promise<string> {
  const scopePath = await scopeForPerson(db, p, scope);
  assertInScope(scopePath, scope);
  const id = p.id ?? uuidv7();
  const existing = p.id ? await db.selectFrom('people').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst() : undefined;
  if (p.id && !existing) throw notFound('人员', 'Person');
  if (p.citizenId) {
    const twin = await db
      .selectFrom('people as p')
      .leftJoin('outlets as o', 'o.id', 'p.outlet_id')
      .select(['p.id', 'p.name', 'o.name as outlet'])
      .where('p.citizen_id', '=', p.citizenId)
      .where('p.deleted', '=', 0)
      .where('p.id', '!=', id)
      .executeTakeFirst();
    if (twin) {
      const msg = `身份证号已登记：${twin.name}${twin.outlet ? `（${twin.outlet}）` : ''}`;
      throw new ApiError('conflict', msg, 'This citizen ID is already registered', [{ path: 'citizenId', message: msg, messageEn: 'Already registered' }]);
    }
  }
  if (p.member) {
    const branch = await db.selectFrom('party_orgs').select('org_type').where('id', '=', p.member.branchId).where('deleted', '=', 0).executeTakeFirst();
    if (!branch) throw notFound('所在党支部', 'Branch');
    if (p.member.groupId) {
      const g = await db.selectFrom('party_groups').select('branch_id').where('id', '=', p.member.groupId).where('deleted', '=', 0).executeTakeFirst();
      if (!g || g.branch_id !== p.member.branchId) throw new ApiError('validation', '所选党小组不属于该支部', 'That group is not in this branch');
    }
  }
  const values = {
    name: p.name, gender: p.gender, ethnicity: p.ethnicity, birth_date: p.birthDate,
    // A masked role edits without seeing the id: leaving it out keeps the stored value.
    ...(p.citizenId !== undefined ? { citizen_id: p.citizenId } : {}),
    ...(p.phone !== undefined ? { phone: p.phone } : {}),
    education: p.education, outlet_id: p.outletId, post: p.post, employment: p.employment,
    political_status: p.politicalStatus, consent_on: p.consentOn, notes: p.notes, scope_path: scopePath, updated_at: now,
  };
  if (existing) await db.updateTable('people').set(values).where('id', '=', id).execute();
  else await db.insertInto('people').values({ id, ...values, created_at: now }).execute();

  const member = await db.selectFrom('members').select('id').where('person_id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (p.member) {
    const m = p.member;
    const mv = {
      person_id: id, branch_id: m.branchId, group_id: m.groupId, join_date: m.joinDate, full_date: m.fullDate, standing: m.standing,
      mobility: m.mobility, mobility_destination: m.mobilityDestination, mobility_since: m.mobilitySince, mobility_card_no: m.mobilityCardNo,
      lost_contact: m.lostContact ? 1 : 0, lost_contact_since: m.lostContactSince, lost_contact_reason: m.lostContactReason,
      dues_base_type: m.duesBaseType, scope_path: scopePath, updated_at: now,
    };
    if (member) await db.updateTable('members').set(mv).where('id', '=', member.id).execute();
    else await db.insertInto('members').values({ id: uuidv7(), ...mv, created_at: now }).execute();
  } else if (member) {
    await db.updateTable('members').set({ deleted: 1, updated_at: now }).where('id', '=', member.id).execute();
  }

  const recruit = await db.selectFrom('recruits').select('id').where('person_id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (p.recruit) {
    const r = p.recruit;
    const rv = {
      person_id: id, stage: r.stage, applied_on: r.appliedOn, activist_on: r.activistOn, candidate_on: r.candidateOn,
      probationary_on: r.probationaryOn, full_on: r.fullOn, cancelled_on: r.cancelledOn, cultivator1_id: r.cultivator1Id,
      cultivator2_id: r.cultivator2Id, introducer1_id: r.introducer1Id, introducer2_id: r.introducer2Id,
      training_hours: r.trainingHours, scope_path: scopePath, updated_at: now,
    };
    if (recruit) await db.updateTable('recruits').set(rv).where('id', '=', recruit.id).execute();
    else await db.insertInto('recruits').values({ id: uuidv7(), ...rv, created_at: now }).execute();
  } else if (recruit) {
    await db.updateTable('recruits').set({ deleted: 1, updated_at: now }).where('id', '=', recruit.id).execute();
  }
  return id;
}

export async function deletePerson(db: Db, id: string, now: string): Promise<void> {
  const r = await db.updateTable('people').set({ deleted: 1, updated_at: now }).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('人员', 'Person');
  await db.updateTable('members').set({ deleted: 1, updated_at: now }).where('person_id', '=', id).where('deleted', '=', 0).execute();
  await db.updateTable('recruits').set({ deleted: 1, updated_at: now }).where('person_id', '=', id).where('deleted', '=', 0).execute();
}

export async function overviewCounts(db: Db, scope: string) {
  const end = scopeEnd(scope);
  const r = await sql<Record<string, number>>`
    SELECT
      (SELECT count(*) FROM org_units WHERE deleted = 0 AND level = 'county' AND path >= ${scope} AND path < ${end}) AS counties,
      (SELECT count(*) FROM outlets WHERE deleted = 0 AND scope_path >= ${scope} AND scope_path < ${end}) AS outlets,
      (SELECT count(DISTINCT p.outlet_id) FROM members m JOIN people p ON p.id = m.person_id
        WHERE m.deleted = 0 AND p.deleted = 0 AND m.scope_path >= ${scope} AND m.scope_path < ${end}) AS outlets_with_members,
      (SELECT count(*) FROM people WHERE deleted = 0 AND scope_path >= ${scope} AND scope_path < ${end}) AS people,
      (SELECT count(*) FROM members WHERE deleted = 0 AND standing = 'normal' AND scope_path >= ${scope} AND scope_path < ${end}) AS members,
      (SELECT count(*) FROM people WHERE deleted = 0 AND political_status = 'probationary' AND scope_path >= ${scope} AND scope_path < ${end}) AS probationary,
      (SELECT count(*) FROM party_orgs WHERE deleted = 0 AND scope_path >= ${scope} AND scope_path < ${end}) AS party_orgs,
      (SELECT count(*) FROM outlets o WHERE o.deleted = 0 AND o.coverage_org_id IS NULL AND o.scope_path >= ${scope} AND o.scope_path < ${end}
        AND EXISTS (SELECT 1 FROM people p JOIN members m ON m.person_id = p.id AND m.deleted = 0 WHERE p.outlet_id = o.id AND p.deleted = 0)) AS uncovered,
      (SELECT count(*) FROM outlets WHERE deleted = 0 AND instructor_id IS NULL AND scope_path >= ${scope} AND scope_path < ${end}) AS no_instructor
  `.execute(db);
  const byType = await sql<{ channel_type: ChannelType; outlets: number; members: number }>`
    SELECT o.channel_type, count(*) AS outlets,
      sum((SELECT count(*) FROM people p JOIN members m ON m.person_id = p.id AND m.deleted = 0 WHERE p.outlet_id = o.id AND p.deleted = 0)) AS members
    FROM outlets o WHERE o.deleted = 0 AND o.scope_path >= ${scope} AND o.scope_path < ${end}
    GROUP BY o.channel_type ORDER BY outlets DESC`.execute(db);
  return { counts: r.rows[0]!, byType: byType.rows };
}
