// Attendance marks are append-only (sync merges them as inserts that never conflict): a changed
// mark is a new row and tombstones the one it replaces, and a person's mark is their latest live
// row (two devices changing one mark offline both leave one). Removing someone from the list
// tombstones their rows for that activity.
import { uuidv7 } from '../../shared/core/ids.js';
import type { AttendanceMark, AttendanceStatus, RosterMember } from '../../shared/orglife/contract.js';
import type { Db } from '../context.js';

export interface MarkRow {
  activityId: string;
  personId: string;
  name: string;
  status: AttendanceStatus;
  reason: string | null;
  probationary: boolean;
}

/** The current mark of each person for the given activities (latest row wins). */
export async function effectiveMarks(db: Db, activityIds: string[]): Promise<Map<string, MarkRow[]>> {
  const out = new Map<string, MarkRow[]>();
  if (!activityIds.length) return out;
  const rows: (MarkRow & { id: string; createdAt: string })[] = [];
  // Chunked: SQLite limits bound parameters.
  for (let i = 0; i < activityIds.length; i += 500) {
    const chunk = activityIds.slice(i, i + 500);
    const r = await db
      .selectFrom('attendance as a')
      .leftJoin('people as p', 'p.id', 'a.person_id')
      .select(['a.id', 'a.activity_id', 'a.person_id', 'a.status', 'a.reason', 'a.created_at', 'p.name', 'p.political_status'])
      .where('a.activity_id', 'in', chunk)
      .where('a.deleted', '=', 0)
      .execute();
    for (const x of r) {
      rows.push({
        id: x.id, createdAt: x.created_at, activityId: x.activity_id, personId: x.person_id, name: x.name ?? '（已删除人员）',
        status: x.status as AttendanceStatus, reason: x.reason, probationary: x.political_status === 'probationary',
      });
    }
  }
  rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const latest = new Map<string, MarkRow>();
  for (const r of rows) latest.set(`${r.activityId}|${r.personId}`, r);
  for (const { activityId, personId, name, status, reason, probationary } of latest.values()) {
    const list = out.get(activityId) ?? out.set(activityId, []).get(activityId)!;
    list.push({ activityId, personId, name, status, reason, probationary });
  }
  for (const list of out.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return out;
}

export const toMark = (m: MarkRow): AttendanceMark => ({ personId: m.personId, name: m.name, status: m.status, reason: m.reason, probationary: m.probationary });

/** Appends a row for each mark that changed and tombstones the people taken off the list. */
export async function writeMarks(
  db: Db,
  activityId: string,
  wanted: { personId: string; status: AttendanceStatus; reason: string | null }[],
  scopePath: string,
  now: string,
): Promise<void> {
  const current = (await effectiveMarks(db, [activityId])).get(activityId) ?? [];
  const byPerson = new Map(current.map((m) => [m.personId, m]));
  const keep = new Set(wanted.map((w) => w.personId));
  const tombstone = (personId: string) =>
    db.updateTable('attendance').set({ deleted: 1, updated_at: now }).where('activity_id', '=', activityId).where('person_id', '=', personId).where('deleted', '=', 0).execute();
  for (const m of current) if (!keep.has(m.personId)) await tombstone(m.personId);
  for (const w of wanted) {
    const c = byPerson.get(w.personId);
    if (c && c.status === w.status && (c.reason ?? null) === (w.reason ?? null)) continue;
    // The mark it replaces goes: whatever counts live rows (the board, dual track, standing, HQ's
    // console) then counts each person once, as the activity shows them.
    if (c) await tombstone(w.personId);
    await db
      .insertInto('attendance')
      .values({ id: uuidv7(), activity_id: activityId, person_id: w.personId, status: w.status, reason: w.reason, scope_path: scopePath, created_at: now, updated_at: now })
      .execute();
  }
}

/** Expected attendance: the organisation's members in good standing (a group's, or the committee). */
export async function roster(db: Db, orgId: string, opts: { type?: string; groupId?: string; on?: string } = {}): Promise<RosterMember[]> {
  let q = db
    .selectFrom('members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('outlets as o', 'o.id', 'p.outlet_id')
    .leftJoin('party_groups as g', 'g.id', 'm.group_id')
    .select(['p.id', 'p.name', 'p.political_status', 'o.name as outlet_name', 'm.group_id', 'g.name as group_name', 'm.mobility'])
    .where('m.branch_id', '=', orgId)
    .where('m.deleted', '=', 0)
    .where('p.deleted', '=', 0)
    .where('m.standing', '=', 'normal');
  if (opts.on) q = q.where('m.join_date', '<=', opts.on);
  if (opts.type === 'group_meeting' && opts.groupId) q = q.where('m.group_id', '=', opts.groupId);
  if (opts.type === 'committee_meeting') {
    q = q.where('p.id', 'in', (eb) => eb.selectFrom('party_org_committee').select('person_id').where('org_id', '=', orgId).where('deleted', '=', 0));
  }
  const rows = await q.orderBy('g.name').orderBy('p.name').execute();
  return rows.map((r) => ({
    personId: r.id, name: r.name, probationary: r.political_status === 'probationary', outletName: r.outlet_name,
    groupId: r.group_id, groupName: r.group_name, mobility: r.mobility,
  }));
}
