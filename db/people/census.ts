// The census of one outlet (党员底数摸排): who is registered there so far, and the counts the
// census form shows while an instructor goes through the staff one by one.
import { assertInScope } from '../../shared/core/scope.js';
import { sql } from 'kysely';
import type { ChannelType } from '../../shared/domain/enums.js';
import { notFound } from '../../shared/core/errors.js';
import type { CensusOutlet } from '../../shared/people/types.js';
import type { Db } from '../context.js';
import { rowsByIds } from './peoplePage.js';

const LIST_CAP = 500;

export async function censusOutlet(db: Db, scope: string, outletId: string): Promise<CensusOutlet> {
  const o = await db
    .selectFrom('outlets as o')
    .leftJoin('org_units as c', 'c.id', 'o.county_id')
    .leftJoin('party_orgs as po', (j) => j.onRef('po.id', '=', 'o.coverage_org_id').on('po.deleted', '=', 0))
    .leftJoin('instructors as i', (j) => j.onRef('i.id', '=', 'o.instructor_id').on('i.deleted', '=', 0))
    .select(['o.id', 'o.name', 'o.code', 'o.channel_type', 'o.staff_count', 'o.scope_path', 'c.name as county_name', 'po.id as org_id', 'po.name as org_name', 'i.name as instructor_name'])
    .where('o.id', '=', outletId)
    .where('o.deleted', '=', 0)
    .executeTakeFirst();
  if (!o) throw notFound('网点', 'Outlet');
  assertInScope(o.scope_path, scope, 'outlet');
  const counts = await sql<{ registered: number; members: number; probationary: number; missing_consent: number }>`
    SELECT count(*) AS registered,
      sum(political_status IN ('full_member', 'probationary')) AS members,
      sum(political_status = 'probationary') AS probationary,
      sum(employment = 'partner_staff' AND consent_on IS NULL) AS missing_consent
    FROM people WHERE outlet_id = ${outletId} AND deleted = 0`.execute(db);
  const c = counts.rows[0]!;
  // Newest first: the census form shows what was just entered at the top.
  const ids = await db
    .selectFrom('people')
    .select('id')
    .where('outlet_id', '=', outletId)
    .where('deleted', '=', 0)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LIST_CAP)
    .execute();
  return {
    id: o.id, name: o.name, code: o.code, channelType: o.channel_type as ChannelType, countyName: o.county_name, staffCount: o.staff_count,
    coverageOrgId: o.org_id, coverageOrgName: o.org_name, instructorName: o.instructor_name,
    registered: Number(c.registered), members: Number(c.members ?? 0), probationary: Number(c.probationary ?? 0),
    missingConsent: Number(c.missing_consent ?? 0),
    people: await rowsByIds(db, ids.map((r) => r.id)),
  };
}
