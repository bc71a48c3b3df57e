// Keeps a month's lights in light_history and escalates two reds in a row (DOMAIN.md): the county
// organiser gets an interview task (约谈) and a rectification item is opened for the subject (a Party
// organisation or an outlet; a county's or grid's own red is the organiser's to act on). Both
// are opened once per run of reds: while an escalation of that subject and indicator is not yet
// verified, another red month opens nothing new; a light turning green closes nothing.
import { sql } from 'kysely';
import { escalates } from '../../shared/assessment/lights.js';
import { INDICATOR_LABELS, type Indicator } from '../../shared/assessment/thresholds.js';
import type { BoardLight, RecordResult } from '../../shared/assessment/types.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { scopeEnd } from '../../shared/core/scope.js';
import { addDays, addMonths, periodLabel } from '../../shared/orglife/periods.js';
import type { Db } from '../context.js';
import { boardSettings, computeLights, history, monthOf } from './board.js';

interface Who { userName: string; now: string; today: string }

async function scopeOfSubject(db: Db, l: BoardLight): Promise<string | null> {
  const table = l.subjectKind === 'org' ? 'party_orgs' : l.subjectKind === 'outlet' ? 'outlets' : null;
  if (table) return (await db.selectFrom(table).select('scope_path').where('id', '=', l.subjectId).executeTakeFirst())?.scope_path ?? null;
  return (await db.selectFrom('org_units').select('path').where('id', '=', l.subjectId).executeTakeFirst())?.path ?? null;
}

async function writeHistory(db: Db, scope: string, period: string, lights: readonly BoardLight[], now: string): Promise<number> {
  const existing = new Map(
    (await sql<{ id: string; key: string; colour: string; value: number | null }>`
      SELECT id, subject_id || '|' || indicator AS key, colour, value FROM light_history
      WHERE deleted = 0 AND period = ${period} AND scope_path >= ${scope} AND scope_path < ${scopeEnd(scope)}`.execute(db)).rows.map((r) => [r.key, r]),
  );
  const paths = new Map<string, string>();
  let n = 0;
  for (const l of lights) {
    if (l.derived) continue;
    const old = existing.get(`${l.subjectId}|${l.indicator}`);
    // Unchanged rows are not rewritten: a rewrite would be a sync change for nothing.
    if (old && old.colour === l.colour && old.value === l.value) continue;
    if (old) {
      await db.updateTable('light_history').set({ colour: l.colour, value: l.value, computed_at: now, updated_at: now }).where('id', '=', old.id).execute();
    } else {
      const key = `${l.subjectKind}|${l.subjectId}`;
      const path = paths.get(key) ?? (await scopeOfSubject(db, l)) ?? scope;
      paths.set(key, path);
      await db.insertInto('light_history').values({
        id: uuidv7(), subject_kind: l.subjectKind, subject_id: l.subjectId, indicator: l.indicator, period, colour: l.colour, value: l.value,
        computed_at: now, scope_path: path, created_at: now, updated_at: now,
      }).execute();
    }
    n++;
  }
  return n;
}

/** The county path above a subject's scope (an escalation is the county organiser's). */
async function countyPath(db: Db, path: string): Promise<string> {
  const r = await sql<{ path: string }>`SELECT path FROM org_units WHERE deleted = 0 AND level = 'county' AND ${path} >= path AND ${path} < path || char(65535)`.execute(db);
  return r.rows[0]?.path ?? path;
}

async function escalate(db: Db, l: BoardLight, period: string, w: Who, dueDays: number): Promise<number> {
  const ref = `esc|${l.subjectKind}:${l.subjectId}|${l.indicator}`;
  const open = await db.selectFrom('rectification_items').select('id').where('deleted', '=', 0).where('source_ref', 'like', `${ref}|%`).where('status', '<>', 'verified').executeTakeFirst();
  if (open) return 0;
  const path = await scopeOfSubject(db, l);
  if (!path) return 0;
  const ind = INDICATOR_LABELS[l.indicator as Indicator];
  const label = periodLabel(monthOf(period));
  const prevLabel = periodLabel(monthOf(addMonths(`${period}-01`, -1).slice(0, 7)));
  const why = `${prevLabel}、${label}连续两期红灯：${ind.zh}`;
  const causes = l.causes.slice(0, 20).map((c) => `${c.name}${c.detail ? `（${c.detail.zh}）` : ''}`).join('；');
  const secretary = l.subjectKind === 'org'
    ? (await db.selectFrom('party_orgs').select('secretary_person_id').where('id', '=', l.subjectId).executeTakeFirst())?.secretary_person_id ?? null
    : null;
  const due = addDays(monthOf(period).end < w.today ? w.today : monthOf(period).end, dueDays);
  const base = {
    subject_kind: l.subjectKind === 'org' || l.subjectKind === 'outlet' ? l.subjectKind : null, subject_id: l.subjectId, due_on: due, evidence: null,
    source: 'warning', created_by: w.userName, created_at: w.now, updated_at: w.now, done_by: null, done_on: null, verified_by: null, verified_on: null,
  };
  await db.insertInto('rectification_items').values({
    ...base, id: uuidv7(), kind: 'responsibility', title: `约谈：${l.subjectName}${l.subjectKind === 'org' ? '书记' : '负责人'}（${ind.zh}连续两期红灯）`,
    detail: `${why}。${causes}`, owner_person_id: null, owner_user: null, owner_role: 'county_organiser', source_ref: `${ref}|${period}|interview`,
    scope_path: await countyPath(db, path),
  }).execute();
  await db.insertInto('rectification_items').values({
    ...base, id: uuidv7(), kind: 'rectification', title: `整改：${l.subjectName}（${ind.zh}）`, detail: `${why}。${causes}`,
    owner_person_id: secretary, owner_user: null, owner_role: secretary ? null : 'county_organiser', source_ref: `${ref}|${period}|rectify`, scope_path: path,
  }).execute();
  return 2;
}

export async function recordPeriod(db: Db, scope: string, period: string, w: Who): Promise<RecordResult> {
  const st = await boardSettings(db, scope);
  const month = monthOf(period);
  const prev = monthOf(addMonths(month.start, -1).slice(0, 7));
  const before = await history(db, scope, prev.key, prev.key);
  // Escalation needs the month before: keep it too when nobody recorded it yet.
  if (!before.length) await writeHistory(db, scope, prev.key, await computeLights(db, scope, st, prev, w.today), w.now);
  const lights = await computeLights(db, scope, st, month, w.today);
  const recorded = await writeHistory(db, scope, period, lights, w.now);
  const past = await history(db, scope, prev.key, period);
  const bySubject = new Map<string, { period: string; colour: 'red' | 'green' }[]>();
  for (const h of past) {
    const k = `${h.subject_id}|${h.indicator}`;
    (bySubject.get(k) ?? bySubject.set(k, []).get(k)!).push({ period: h.period, colour: h.colour === 'red' ? 'red' : 'green' });
  }
  let escalated = 0;
  for (const l of lights) {
    // A branch secretary or an outlet's head is interviewed; a county or grid is the organiser's own.
    if (l.derived || l.colour !== 'red' || (l.subjectKind !== 'org' && l.subjectKind !== 'outlet')) continue;
    if (escalates(bySubject.get(`${l.subjectId}|${l.indicator}`) ?? [], period)) escalated += await escalate(db, l, period, w, st.a.windows.escalationDueDays);
  }
  return { period, recorded, escalated };
}
