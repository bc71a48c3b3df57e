// The warning board (红黄绿灯) for a scope and month: every row of DOMAIN.md's warnings table the
// data supports, per Party organisation, outlet, grid and county, each light with its causes.
// The dual-track composite comes from the scorecard of the month's quarter (dualTrackLights.ts).
import { sql } from 'kysely';
import { assessmentSettings, type AssessmentSettings } from '../../shared/assessment/thresholds.js';
import type { Board, BoardLight, ColourCounts, HeatRow, TrendPoint } from '../../shared/assessment/types.js';
import { escalates } from '../../shared/assessment/lights.js';
import { scopeEnd } from '../../shared/core/scope.js';
import { probationerDueOn } from '../../shared/orglife/due.js';
import { addDays, addMonths, parsePeriodKey, type Period } from '../../shared/orglife/periods.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import type { Db } from '../context.js';
import { probationers } from '../orglife/due.js';
import { settingsFor } from '../orglife/settings.js';
import { readSettings } from '../system/settings.js';
import { duties, meetings } from './cadence.js';
import { dualTrackLights } from './dualTrackLights.js';
import { milestoneLights } from '../milestones/light.js';
import { standingLights } from '../dues/light.js';
import { loadAttendance, loadContacted, loadInstructorUnits, loadOpenItems, loadScopeFacts } from './facts.js';
import { LightSet, type Subject } from './lightSet.js';
import { keptLights } from './lightsMemo.js';
import { attendance, coverage, memberGap, overdueItems, probation, type Subjects } from './measure.js';
import { dataQuality } from './quality.js';
import { loadQuality } from './qualityFacts.js';

export interface BoardSettings { a: AssessmentSettings; o: OrgLifeSettings }

export async function boardSettings(db: Db, scope: string): Promise<BoardSettings> {
  return { a: assessmentSettings(await readSettings(db, scope)), o: await settingsFor(db, scope) };
}

export function monthOf(key: string): Period {
  const p = parsePeriodKey(key);
  if (!p || p.unit !== 'month') throw new Error(`not a month: ${key}`);
  return p;
}

/** The lights of one month, as of its last day (or today while it runs); the same ones again while the store is unchanged. */
export function computeLights(db: Db, scope: string, st: BoardSettings, month: Period, today: string): Promise<readonly BoardLight[]> {
  return keptLights(db, JSON.stringify([scope, month.key, today, st]), () => lightsOf(db, scope, st, month, today));
}

async function lightsOf(db: Db, scope: string, st: BoardSettings, month: Period, today: string): Promise<BoardLight[]> {
  const asOf = month.end < today ? month.end : today;
  const facts = await loadScopeFacts(db, scope, asOf);
  const { units, outlets, orgs, members } = facts;
  const [quality, items, instructorUnits] = [await loadQuality(db, scope, st.a.requiredFields), await loadOpenItems(db, scope, asOf), await loadInstructorUnits(db, scope)];
  const unitSubject = (u: { id: string; name: string; level: string; path: string }): Subject => {
    const p = units.placeOf(u.path);
    return { kind: u.level === 'county' ? 'county' : 'grid', id: u.id, name: u.name, countyId: p.countyId, gridId: u.level === 'grid' ? u.id : null };
  };
  const subj: Subjects = {
    orgs: new Map(orgs.map((o) => [o.id, { kind: 'org', id: o.id, name: o.name, ...units.placeOf(o.scopePath) }])),
    outlets: new Map(outlets.map((o) => [o.id, { kind: 'outlet', id: o.id, name: o.name, countyId: o.countyId, gridId: o.gridId }])),
    units: units.subjects.map(unitSubject),
  };
  const set = new LightSet();
  const contacted = await loadContacted(db, scope, addDays(asOf, -st.a.windows.contactDays), asOf);
  coverage(set, subj, outlets, members, st.a, contacted);
  // A past month's meetings are judged the day after it ends: on its last day they are still open.
  const ruleDay = month.end < today ? addDays(month.end, 1) : today;
  await meetings(db, set, subj, scope, st.o, month, ruleDay);
  const att = await loadAttendance(db, scope, month.start, asOf);
  attendance(set, subj, att.counts, att.absent, st.a);
  memberGap(set, subj, orgs, members, st.a, asOf, facts.recordsFrom);
  const pro = (await probationers(db, scope)).map((p) => ({ ...p, dueOn: probationerDueOn(p, st.o, asOf) })).filter((p) => p.dueOn <= asOf);
  probation(set, subj, pro, st.a, asOf);
  await duties(db, set, subj, scope, st.o, month, ruleDay, (id) => {
    const path = instructorUnits.get(id);
    return path ? units.placeOf(path) : null;
  });
  overdueItems(set, subj, items, st.a, asOf, units.placeOf);
  dataQuality(set, subj, quality, st.a, units.placeOf);
  await dualTrackLights(db, set, subj, scope, month, today, st.a, facts);
  await milestoneLights(db, set, subj, scope, month, today);
  await standingLights(db, set, subj, scope, month, today, members, facts.recordsFrom);
  return [...set.lights.values()];
}

export function countColours(lights: readonly BoardLight[]): ColourCounts {
  const c: ColourCounts = { red: 0, yellow: 0, green: 0 };
  for (const l of lights) if (!l.derived && l.colour !== 'none') c[l.colour]++;
  return c;
}

function heat(lights: readonly BoardLight[], counties: Map<string, string>): HeatRow[] {
  const by = new Map<string, HeatRow>();
  for (const l of lights) {
    if (l.derived || l.colour === 'none' || !l.countyId || l.subjectKind === 'county' || l.subjectKind === 'grid') continue;
    const row = by.get(l.countyId) ?? by.set(l.countyId, { countyId: l.countyId, countyName: counties.get(l.countyId) ?? '', red: 0, yellow: 0, green: 0 }).get(l.countyId)!;
    row[l.colour]++;
  }
  return [...by.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.countyName.localeCompare(b.countyName, 'zh-CN'));
}

export async function history(db: Db, scope: string, from: string, to: string): Promise<{ subject_id: string; indicator: string; period: string; colour: string }[]> {
  return (await sql<{ subject_id: string; indicator: string; period: string; colour: string }>`
    SELECT subject_id, indicator, period, colour FROM light_history
    WHERE deleted = 0 AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)} AND period >= ${from} AND period <= ${to}`.execute(db)).rows;
}

function trend(rows: { period: string; colour: string }[]): TrendPoint[] {
  const by = new Map<string, TrendPoint>();
  for (const r of rows) {
    if (r.colour !== 'red' && r.colour !== 'yellow' && r.colour !== 'green') continue;
    const t = by.get(r.period) ?? by.set(r.period, { period: r.period, red: 0, yellow: 0, green: 0 }).get(r.period)!;
    t[r.colour]++;
  }
  return [...by.values()].sort((a, b) => a.period.localeCompare(b.period));
}

export async function board(db: Db, scope: string, p: { period: string; today: string; trendPeriods: number; orgId?: string }): Promise<Board> {
  const month = monthOf(p.period);
  const st = await boardSettings(db, scope);
  const all = await computeLights(db, scope, st, month, p.today);
  const lights = all.filter((l) => !p.orgId || (l.subjectKind === 'org' && l.subjectId === p.orgId));
  const prev = addMonths(month.start, -1).slice(0, 7);
  const past = await history(db, scope, addMonths(month.start, -(p.trendPeriods - 1)).slice(0, 7), month.key);
  const prevRed = new Set(past.filter((h) => h.period === prev && h.colour === 'red').map((h) => `${h.subject_id}|${h.indicator}`));
  const escalations = lights
    .filter((l) => !l.derived && l.colour === 'red' && (l.subjectKind === 'org' || l.subjectKind === 'outlet') && escalates([{ period: prev, colour: prevRed.has(`${l.subjectId}|${l.indicator}`) ? 'red' : 'green' }, { period: month.key, colour: l.colour }], month.key))
    .map((l) => ({ subjectKind: l.subjectKind, subjectId: l.subjectId, indicator: l.indicator }));
  const counties = new Map(all.filter((l) => l.subjectKind === 'county').map((l) => [l.subjectId, l.subjectName]));
  return {
    period: month.key, asOf: month.end < p.today ? month.end : p.today, lights, counts: countColours(lights), heat: heat(lights, counties),
    trend: trend([...past.filter((h) => h.period !== month.key), ...lights.filter((l) => !l.derived).map((l) => ({ period: month.key, colour: l.colour }))]),
    escalations,
  };
}
