// The 三会一课 record book of one organisation for a period: each meeting with the fields of the
// paper book (time, place, host, recorder, expected/present/absent with reasons, agenda, minutes,
// resolutions).
import { assertInScope } from '../../shared/core/scope.js';
import { getPartyOrg } from '../org/partyOrgs.js';
import type { RecordBook } from '../../shared/orglife/contract.js';
import type { ActivityType } from '../../shared/domain/enums.js';
import { RECORD_BOOK_TYPES } from '../../shared/orglife/activityKinds.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import type { Db } from '../context.js';
import type { ActivityDetails } from '../../shared/orglife/contract.js';
import { quorumFor, resolutionsOf } from './activities.js';
import { effectiveMarks } from './attendance.js';

export async function recordBook(db: Db, scope: string, s: OrgLifeSettings, p: { orgId: string; from: string; to: string; types?: ActivityType[] }): Promise<RecordBook> {
  const org = await getPartyOrg(db, p.orgId);
  const orgScope = await db.selectFrom('party_orgs').select('scope_path').where('id', '=', p.orgId).executeTakeFirstOrThrow();
  assertInScope(orgScope.scope_path, scope);
  const types = p.types?.length ? p.types : RECORD_BOOK_TYPES;
  const rows = await db
    .selectFrom('activities as a')
    .leftJoin('party_groups as g', 'g.id', 'a.group_id')
    .leftJoin('people as h', 'h.id', 'a.host_person_id')
    .leftJoin('people as r', 'r.id', 'a.recorder_person_id')
    .leftJoin('people as l', 'l.id', 'a.lecturer_person_id')
    .selectAll('a')
    .select(['g.name as group_name', 'h.name as host_name', 'r.name as recorder_name', 'l.name as lecturer_name'])
    .select((eb) => eb.selectFrom('attachments as t').select(eb.fn.countAll<number>().as('n')).whereRef('t.activity_id', '=', 'a.id').where('t.deleted', '=', 0).as('attachment_count'))
    .where('a.org_id', '=', p.orgId)
    .where('a.deleted', '=', 0)
    .where('a.status', '=', 'held')
    .where('a.type', 'in', types)
    .where('a.held_on', '>=', p.from)
    .where('a.held_on', '<=', p.to)
    .orderBy('a.held_on')
    .orderBy('a.start_time')
    .execute();
  const marks = await effectiveMarks(db, rows.map((r) => r.id));
  return {
    org: { id: org.id, name: org.name, unitName: org.unitName, secretaryName: org.secretaryName, memberCount: org.memberCount },
    from: p.from,
    to: p.to,
    entries: rows.map((a) => {
      const m = marks.get(a.id) ?? [];
      const type = a.type as ActivityType;
      const quorum = quorumFor(type, a.resolutions_json, m, s);
      const details = (a.details_json ? JSON.parse(a.details_json) : {}) as ActivityDetails;
      return {
        id: a.id, type, title: a.title, heldOn: a.held_on, startTime: a.start_time, durationMin: a.duration_min, place: a.place,
        hostName: a.host_name, recorderName: a.recorder_name, lecturerName: a.lecturer_name ?? details.lecturerName ?? null, groupName: a.group_name,
        topic: a.topic, agenda: a.agenda, minutes: a.minutes, resolutions: resolutionsOf(a.resolutions_json, quorum, s),
        expected: m.length, present: m.filter((x) => x.status === 'present').length,
        presentNames: m.filter((x) => x.status === 'present').map((x) => x.name),
        absent: m.filter((x) => x.status !== 'present').map((x) => ({ name: x.name, status: x.status, reason: x.reason })),
        quorum, attachmentCount: Number(a.attachment_count ?? 0),
      };
    }),
  };
}
