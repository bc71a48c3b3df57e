// The board's dual-track composite (双轨考核) of one county from HQ's copy, as that county's device
// scores it (db/assessment/scorecard.ts completeCards): the quarter of the day up to the day, only the
// outlets open on the day whose four business figures for the quarter are in, each scored by the
// shared rules (shared/assessment/dualTrackOutlet.ts) from its members' attendance and points, its
// task-force activities, its instructor's missed visits (shared/orglife/duties.ts) and its business
// figures, under the weights and curves in force at the county (`assessment.dual_track`).
import { dualTrackSettings, isBusinessKey, type ChannelType } from '../../shared/assessment/dualTrack.js';
import { businessComplete, outletComposite, partyValuesOf, missedVisits, type BusinessValues, type Marks } from '../../shared/assessment/dualTrackOutlet.js';
import { computeDuties, contactPointsOf, type VisitCount } from '../../shared/orglife/duties.js';
import { periodOf } from '../../shared/orglife/periods.js';
import { orgLifeSettings } from '../../shared/orglife/settings.js';
import type { HqStore } from '../store.js';
import { liveRows, type Source } from './facts.js';

type Db = HqStore['db'];
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const yes = (x: unknown) => x === 1 || x === true;

/** What the composite reads beyond the overview's other facts (merged into totalsCompute.ts COUNTY_COLUMNS). */
export const DUAL_TRACK_COLUMNS: Record<string, string[]> = {
  outlets: ['channel_type', 'is_contact_point'],
  points_entries: ['person_id', 'quarter', 'points'],
  business_indicators: ['outlet_id', 'period', 'indicator', 'value', 'updated_at'],
  instructors: ['name', 'active'],
  instructor_assignments: ['outlet_id', 'instructor_id', 'valid_from', 'valid_to'],
};

/** The business figures of the quarter per outlet (of two live rows for one figure, the later one; ties by id). */
async function businessOf(db: Db, d: Source, path: string, quarter: string): Promise<Map<string, BusinessValues>> {
  const out = new Map<string, BusinessValues>();
  const at = new Map<string, string>();
  for (const b of await liveRows(db, d, 'business_indicators', path, DUAL_TRACK_COLUMNS.business_indicators!)) {
    const outlet = str(b.v.outlet_id);
    const k = str(b.v.indicator);
    if (b.v.period !== quarter || !outlet || !k || !isBusinessKey(k) || typeof b.v.value !== 'number') continue;
    const key = `${outlet}|${k}`;
    // the later by (updated_at, id), as the device orders them (db/assessment/businessIndicators.ts)
    const stamp = `${str(b.v.updated_at) ?? ''}|${b.id}`;
    if ((at.get(key) ?? '') > stamp) continue;
    at.set(key, stamp);
    (out.get(outlet) ?? out.set(outlet, {}).get(outlet)!)[k] = b.v.value;
  }
  return out;
}

/** The composites (0–100, one decimal) of the county's outlets scored on `asOf`; `liveOrgs`: its live Party organisations. */
export async function dualTrackComposites(db: Db, d: Source, path: string, raw: Record<string, unknown>, asOf: string, liveOrgs: ReadonlySet<string>): Promise<number[]> {
  const quarter = periodOf(asOf, 'quarter');
  const outlets = await liveRows(db, d, 'outlets', path, ['name', 'coverage_org_id', 'instructor_id', 'opened_on', 'closed_on', ...DUAL_TRACK_COLUMNS.outlets!]);
  const open = outlets.filter((o) => { const c = str(o.v.closed_on); const op = str(o.v.opened_on); return (c === null || c > asOf) && (op === null || op <= asOf); });
  const business = await businessOf(db, d, path, quarter.key);
  const scored = open.filter((o) => businessComplete(business.get(o.id) ?? {}));
  if (!scored.length) return [];
  const dt = dualTrackSettings(raw['assessment.dual_track']);
  const s = orgLifeSettings(raw);

  const members = (await liveRows(db, d, 'members', path, ['person_id', 'standing', 'join_date']))
    .filter((m) => m.v.standing === 'normal' && (str(m.v.join_date) ?? '9999') <= asOf && str(m.v.person_id)).map((m) => str(m.v.person_id)!);
  const people = await liveRows(db, d, 'people', path, ['outlet_id'], [...new Set(members)]);
  const outletOf = new Map(people.map((p) => [p.id, str(p.v.outlet_id)]));

  // Held activities: the quarter's up to the day (attendance, task forces), the years' visits (as the device reads them).
  const years = { start: periodOf(quarter.start, 'year').start, end: periodOf(quarter.end, 'year').end };
  const held = (await liveRows(db, d, 'activities', path, ['status', 'held_on', 'type'])).filter((a) => a.v.status === 'held' && str(a.v.held_on));
  const inQuarter = new Map(held.filter((a) => str(a.v.held_on)! >= quarter.start && str(a.v.held_on)! <= asOf).map((a) => [a.id, str(a.v.type)]));
  const visitOn = new Map(held.filter((a) => a.v.type === 'instructor_visit' && str(a.v.held_on)! >= years.start && str(a.v.held_on)! <= years.end).map((a) => [a.id, str(a.v.held_on)!.slice(0, 7)]));

  const attendance = new Map<string, Marks>();
  for (const m of await liveRows(db, d, 'attendance', path, ['activity_id', 'person_id', 'status'])) {
    const person = str(m.v.person_id);
    if (!person || !inQuarter.has(str(m.v.activity_id) ?? '')) continue;
    const c = attendance.get(person) ?? attendance.set(person, { present: 0, absent: 0 }).get(person)!;
    if (m.v.status === 'present' || m.v.status === 'absent') c[m.v.status]++;
  }
  const points = new Map<string, number>();
  for (const e of await liveRows(db, d, 'points_entries', path, DUAL_TRACK_COLUMNS.points_entries!)) {
    const person = str(e.v.person_id);
    if (person && e.v.quarter === quarter.key) points.set(person, (points.get(person) ?? 0) + Number(e.v.points ?? 0));
  }

  const contactOutlets = outlets.filter((o) => yes(o.v.is_contact_point));
  const isContact = new Set(contactOutlets.map((o) => o.id));
  const forces = new Map<string, Set<string>>();
  const visits = new Map<string, VisitCount>();
  for (const l of await liveRows(db, d, 'activity_outlets', path, ['activity_id', 'outlet_id'])) {
    const a = str(l.v.activity_id) ?? '';
    const outlet = str(l.v.outlet_id);
    if (!outlet) continue;
    if (inQuarter.get(a) === 'task_force') (forces.get(outlet) ?? forces.set(outlet, new Set()).get(outlet)!).add(a);
    const month = visitOn.get(a);
    if (month && isContact.has(outlet)) (visits.get(`${outlet}|${month}`) ?? visits.set(`${outlet}|${month}`, { outletId: outlet, month, n: 0 }).get(`${outlet}|${month}`)!).n++;
  }

  // Instructor duty: the contact points' visits only (lectures, talks and campaigns do not enter the composite).
  const instructors = (await liveRows(db, d, 'instructors', path, DUAL_TRACK_COLUMNS.instructors!)).filter((i) => yes(i.v.active))
    .map((i) => ({ id: i.id, name: str(i.v.name) ?? '' })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const assignments = (await liveRows(db, d, 'instructor_assignments', path, DUAL_TRACK_COLUMNS.instructor_assignments!))
    .filter((a) => isContact.has(str(a.v.outlet_id) ?? '') && str(a.v.instructor_id))
    .map((a) => ({ outletId: str(a.v.outlet_id)!, instructorId: str(a.v.instructor_id)!, from: str(a.v.valid_from), to: str(a.v.valid_to) }));
  const contactPoints = contactPointsOf(contactOutlets.map((o) => ({ id: o.id, name: str(o.v.name) ?? '', instructorId: str(o.v.instructor_id) })), assignments);
  const duties = computeDuties({ instructors, contactPoints, visits: [...visits.values()], activities: [], from: quarter.start, to: quarter.end, asOf, settings: s });

  const party = partyValuesOf({
    outlets: scored.map((o) => ({ id: o.id, covered: liveOrgs.has(str(o.v.coverage_org_id) ?? ''), orgName: null })),
    members: members.filter((p) => outletOf.has(p)).map((p) => ({ personId: p, outletId: outletOf.get(p) ?? null })),
    attendance, points, taskForces: new Map([...forces].map(([o, xs]) => [o, xs.size])),
    missed: missedVisits(duties, s.instructor.visit.period), taskForcePoints: dt.taskForcePoints,
  });
  return scored.map((o) => outletComposite(dt, str(o.v.channel_type) as ChannelType | null, party.get(o.id)!, business.get(o.id)!).value!);
}
