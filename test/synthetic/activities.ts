// Organisation life in the `g.years` × 12 months before `today` (one year by default): monthly theme
// days, committee and group meetings, quarterly general meetings and lectures, the yearly org-life
// meeting and review, each held 90% of the time; attendance per member; monthly instructor visits on
// time 85% of the time. With one year the random draws are exactly those the tests' figures rest on.
import { emit, quota, synced, type CountyModel, type Gen, type MemberRec, type OrgRec, type OutletRec } from './model.js';
import { COMMITTEE_TOPICS, EXCUSE_REASONS, GENERAL_TOPICS, LECTURE_TOPICS, OUTBOUND_REASON, THEME_TOPICS, VISIT_TOPICS } from './names.js';
import { addDays, addMonths, addYears, randomDay, type IdMaker, type Rng } from './prng.js';

const HELD = 0.9;
const VISIT_ON_TIME = 0.85;

interface Held {
  org: OrgRec | null;
  scope: string;
  type: string;
  title: string;
  date: string;
  time: string;
  minutes: [number, number];
  topic: string;
  place: string;
  host: string | null;
  recorder?: string | null;
  lecturer?: string | null;
  recordedBy: string;
  attendees?: MemberRec[];
  outlet?: OutletRec;
  reach?: number;
  groupId?: string;
  instructorId?: string;
}

export const day = (month: string, d: number) => `${month.slice(0, 8)}${String(Math.min(28, Math.max(1, d))).padStart(2, '0')}`;

/** The random stream and ids a record draws from: the county's by default, or a stream of its own. */
export interface Draw {
  rng: Rng;
  ids: IdMaker;
}

export function hold(g: Gen, m: CountyModel, h: Held, draw: Draw = { rng: m.rng, ids: g.ids }): void {
  const { rng, ids } = draw;
  const id = ids.next();
  const stamp = `${h.date}T${h.time}:00.000Z`;
  let present = 0;
  const marks = (h.attendees ?? []).filter((x) => x.joinDate <= h.date && !(x.gap && h.date >= x.gap.from && h.date < x.gap.to));
  const attendance = marks.map((x) => {
    let status = 'present';
    let reason: string | null = null;
    if (x.outbound) {
      if (!rng.chance(0.3)) {
        status = 'excused';
        reason = OUTBOUND_REASON;
      }
    } else {
      const r = rng.next();
      if (r > 0.97) status = 'absent';
      else if (r > 0.92) {
        status = 'excused';
        reason = rng.pick(EXCUSE_REASONS);
      }
    }
    if (status === 'present') present++;
    return { id: ids.next(), activity_id: id, person_id: x.person.id, status, reason, ...synced(h.scope, stamp) };
  });
  emit(m, 'activities', {
    id, org_id: h.org?.id ?? null, type: h.type, title: h.title, held_on: h.date, start_time: h.time,
    duration_min: rng.int(h.minutes[0], h.minutes[1]), place: h.place, host_person_id: h.host, recorder_person_id: h.recorder ?? null,
    lecturer_person_id: h.lecturer ?? null, topic: h.topic, agenda: null,
    minutes: h.attendees ? `应到${marks.length}人，实到${present}人。围绕“${h.topic}”开展学习讨论，形成会议记录。` : `围绕“${h.topic}”开展工作。`,
    resolutions_json: null, reach_count: h.reach ?? null, details_json: null, recorded_by: h.recordedBy, device_id: m.deviceId,
    status: 'held', group_id: h.groupId ?? null, instructor_id: h.instructorId ?? null,
    ...synced(h.scope, stamp),
  });
  for (const a of attendance) emit(m, 'attendance', a);
  if (h.outlet) emit(m, 'activity_outlets', { id: ids.next(), activity_id: id, outlet_id: h.outlet.id, ...synced(h.scope, stamp) });
}

function orgLife(g: Gen, m: CountyModel, org: OrgRec, months: string[], windowStart: string): void {
  const rng = m.rng;
  const today = g.today;
  const sec = org.secretary;
  const base = {
    org, scope: org.scope, host: sec?.id ?? null, recordedBy: (sec?.row.name as string) ?? org.name,
    recorder: org.committee.find((c) => c.role === 'organisation')?.person.id ?? rng.pick(org.members).person.id,
    place: rng.chance(0.6) ? `${org.name}党员活动室` : `${rng.pick(org.outlets)?.name ?? org.name}会议室`,
  };
  const ok = (date: string) => date > windowStart && date <= today && rng.chance(HELD);
  const favourite = rng.int(5, 25);
  const committee = org.committee.map((c) => c.person.member).filter((x): x is MemberRec => !!x);
  for (const month of months) {
    const [y, mo] = [month.slice(0, 4), Number(month.slice(5, 7))];
    const theme = day(month, favourite + rng.int(-3, 3));
    if (ok(theme)) {
      const topic = rng.pick(THEME_TOPICS);
      hold(g, m, { ...base, type: 'theme_day', title: `${y}年${mo}月主题党日：${topic}`, date: theme, time: '14:30', minutes: [90, 150], topic, attendees: org.members });
    }
    const cm = day(month, favourite - rng.int(2, 6));
    if (committee.length && ok(cm)) {
      hold(g, m, { ...base, type: 'committee_meeting', title: `${mo}月支委会`, date: cm, time: '17:30', minutes: [45, 90], topic: rng.pick(COMMITTEE_TOPICS), attendees: committee });
    }
    for (const group of org.groups) {
      const gd = day(month, rng.int(1, 28));
      if (ok(gd)) {
        hold(g, m, { ...base, type: 'group_meeting', title: `${group.name}${mo}月党小组会`, date: gd, time: '18:00', minutes: [40, 60], topic: rng.pick(THEME_TOPICS), attendees: group.members, groupId: group.id });
      }
    }
  }
  // Quarters overlapping the window.
  const first = addMonths(months[0]!, -((Number(months[0]!.slice(5, 7)) - 1) % 3));
  for (let q = first; q <= today; q = addMonths(q, 3)) {
    const end = addDays(addMonths(q, 3), -1);
    const label = `${q.slice(0, 4)}年第${Math.floor((Number(q.slice(5, 7)) - 1) / 3) + 1}季度`;
    const gm = randomDay(rng, q, end);
    if (ok(gm)) hold(g, m, { ...base, type: 'general_meeting', title: `${label}党员大会`, date: gm, time: '15:00', minutes: [60, 120], topic: rng.pick(GENERAL_TOPICS), attendees: org.members });
    const lec = randomDay(rng, q, end);
    if (ok(lec)) {
      const topic = rng.pick(LECTURE_TOPICS);
      hold(g, m, { ...base, type: 'lecture', title: `${label}党课：${topic}`, date: lec, time: '15:00', minutes: [60, 90], topic, lecturer: base.host, attendees: org.members });
    }
  }
  // The yearly org-life meeting and democratic review, early in the year for the year before.
  const last = Number(today.slice(0, 4));
  for (let year = last - g.years + 1; year <= last; year++) {
    const life = randomDay(rng, `${year}-01-10`, `${year}-02-28`);
    if (ok(life)) hold(g, m, { ...base, type: 'org_life_meeting', title: `${year - 1}年度组织生活会`, date: life, time: '09:00', minutes: [120, 180], topic: '对照检查、批评与自我批评', attendees: org.members });
    const review = addDays(life, rng.int(0, 10));
    if (ok(review)) hold(g, m, { ...base, type: 'review', title: `${year - 1}年度民主评议党员`, date: review, time: '09:00', minutes: [90, 150], topic: '民主评议党员', attendees: org.members });
  }
}

function visits(g: Gen, m: CountyModel, months: string[]): void {
  const rng: Rng = m.rng;
  for (const ins of m.instructors) {
    for (const { outlet, since } of ins.contactPoints) {
      const org = outlet.org;
      const visit = (date: string) =>
        hold(g, m, {
          org, scope: org?.scope ?? outlet.scope, type: 'instructor_visit', title: `驻点指导：${outlet.name}`, date, time: '10:00',
          minutes: [60, 120], topic: rng.pick(VISIT_TOPICS), place: outlet.name, host: ins.personId, recordedBy: ins.name, outlet,
          instructorId: ins.id,
        });
      for (const month of months) {
        const date = day(month, rng.int(1, 28));
        if (date < since || date > g.today) continue;
        if (rng.chance(VISIT_ON_TIME)) visit(date);
        else if (rng.chance(0.5)) {
          const late = day(addMonths(month, 1), rng.int(1, 7)); // made up early the next month
          if (late <= g.today) visit(late);
        }
      }
    }
  }
}

/**
 * An instructor's own duties (seed 000): a lecture and a round of talks each half-year at one of
 * their contact points, and a campaign (突击队攻坚) each year — each done on time 85% of the time.
 */
function instructorDuties(g: Gen, m: CountyModel, months: string[]): void {
  const rng: Rng = m.rng;
  for (const ins of m.instructors) {
    const points = ins.contactPoints.filter((c) => c.outlet.org);
    if (!points.length) continue;
    const at = () => rng.pick(points).outlet;
    const duty = (type: 'micro_lecture' | 'talk' | 'task_force', title: string, date: string, topic: string) => {
      if (date > g.today || !rng.chance(VISIT_ON_TIME)) return;
      const outlet = at();
      hold(g, m, {
        org: outlet.org, scope: outlet.org!.scope, type, title, date, time: '15:00', minutes: [30, 90], topic, place: outlet.name,
        host: ins.personId, lecturer: type === 'micro_lecture' ? ins.personId : null, recordedBy: ins.name, outlet, instructorId: ins.id,
        attendees: type === 'talk' ? outlet.org!.members.slice(0, 3) : outlet.org!.members,
      });
    };
    for (const month of months.filter((mo) => mo.slice(5, 7) === '01' || mo.slice(5, 7) === '07')) {
      const half = `${month.slice(0, 4)}年${month.slice(5, 7) === '01' ? '上' : '下'}半年`;
      duty('micro_lecture', `${half}五分钟微党课：${rng.pick(LECTURE_TOPICS)}`, day(addMonths(month, rng.int(0, 4)), rng.int(1, 28)), rng.pick(LECTURE_TOPICS));
      duty('talk', `${half}谈心谈话`, day(addMonths(month, rng.int(0, 5)), rng.int(1, 28)), '思想动态与工作困难');
    }
    for (let y = 0; y < months.length; y += 12) {
      duty('task_force', `${months[y]!.slice(0, 4)}年度党员突击队攻坚`, day(addMonths(months[y]!, rng.int(0, 10)), rng.int(1, 28)), '重点区域宽带攻坚');
    }
  }
}

export function buildActivities(g: Gen, m: CountyModel): void {
  const rng = m.rng;
  const thisMonth = `${g.today.slice(0, 7)}-01`;
  const span = 12 * g.years;
  const months = Array.from({ length: span }, (_, i) => addMonths(thisMonth, i - span + 1));
  const windowStart = addYears(g.today, -g.years);
  const meeting = m.orgs.filter((o) => o.holdsMeetings && o.members.length);
  // 2% of members go six consecutive months without organisation life, within the last year.
  const members = meeting.flatMap((o) => o.members);
  for (const mem of rng.sample(members, quota(rng, members.length, 0.02))) {
    const s = span - 12 + rng.int(0, 6);
    mem.gap = { from: months[s]!, to: addMonths(months[s]!, 6) };
    g.defects.gapMembers++;
  }
  for (const org of meeting) orgLife(g, m, org, months, windowStart);
  visits(g, m, months);
  instructorDuties(g, m, months);
}
