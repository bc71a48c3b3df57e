// The board's member-standing light (党员状况): per branch with members, red when anyone is at risk
// of lapse (6 months without org life or dues), yellow for lost contact or a transfer due, green
// otherwise; grids and counties take the worst below them. A branch with nobody flagged is lit (green)
// only when it keeps its dues here: without a dues ledger only org life can be judged, and the
// member_gap light already shows that. Called from the board (db/assessment/board.ts).
import { sql } from 'kysely';
import type { Cause } from '../../shared/assessment/types.js';
import { scopeEnd } from '../../shared/core/scope.js';
import { STANDING_FLAGS } from '../../shared/people/memberRules.js';
import type { Period } from '../../shared/orglife/periods.js';
import type { Light } from '../../shared/orglife/status.js';
import type { LightSet, Subject } from '../assessment/lightSet.js';
import type { Subjects } from '../assessment/measure.js';
import type { Db } from '../context.js';
import { atHeldPaths, heldPaths } from '../orglife/heldPaths.js';
import { flaggedMembers } from './standing.js';
import { basesIn, membersIn, type DuesMember } from './store.js';

/**
 * Each member's month of last organisation life over all time, as the standing rules read it
 * (store.ts lastAttendedIn). The board already holds the last day up to `asOf` for the members it
 * counts (`known`); only what was held after it, and the members it does not count (joined later),
 * are read here: at HQ scope the full scan of attendance costs as much as the rest of this light.
 */
async function lastAttended(db: Db, scope: string, asOf: string, members: DuesMember[], known: { personId: string; lastOn: string | null }[]): Promise<Map<string, string>> {
  const end = scopeEnd(scope);
  const upTo = new Map(known.map((k) => [k.personId, k.lastOn]));
  const others = members.filter((m) => !upTo.has(m.personId)).map((m) => m.personId);
  const present = sql`a.deleted = 0 AND a.status = 'held' AND a.scope_path >= ${scope} AND a.scope_path < ${end}`;
  const after = (await sql<{ person_id: string; last: string }>`
    SELECT t.person_id, max(a.held_on) AS last FROM activities a JOIN attendance t ON t.activity_id = a.id AND t.deleted = 0 AND t.status = 'present'
    WHERE a.deleted = 0 AND a.status = 'held' AND ${atHeldPaths('a.scope_path', await heldPaths(db, scope))} AND a.held_on > ${asOf} GROUP BY t.person_id`.execute(db)).rows;
  const rest = others.length ? (await sql<{ person_id: string; last: string }>`
    SELECT t.person_id, max(a.held_on) AS last FROM attendance t JOIN activities a ON a.id = t.activity_id
    WHERE t.person_id IN (SELECT value FROM json_each(${JSON.stringify(others)})) AND t.deleted = 0 AND t.status = 'present' AND ${present}
    GROUP BY t.person_id`.execute(db)).rows : [];
  const out = new Map<string, string>();
  for (const [id, day] of upTo) if (day) out.set(id, day);
  for (const r of [...after, ...rest]) {
    const had = out.get(r.person_id);
    if (r.last && (had === undefined || r.last > had)) out.set(r.person_id, r.last);
  }
  for (const [id, day] of out) out.set(id, String(day).slice(0, 7));
  return out;
}

export async function standingLights(db: Db, set: LightSet, subj: Subjects, scope: string, month: Period, today: string, known: { personId: string; lastOn: string | null }[], recordsFrom: string | null): Promise<void> {
  const asOf = month.end < today ? month.end : today;
  const [members, bases] = [await membersIn(db, scope), await basesIn(db, scope)];
  const orgs = new Set(members.filter((m) => bases.has(m.personId)).map((m) => m.branchId));
  const byOrg = new Map<string, Awaited<ReturnType<typeof flaggedMembers>>>();
  const last = await lastAttended(db, scope, asOf, members, known);
  for (const f of await flaggedMembers(db, scope, asOf, undefined, { members, bases, last, recordsFrom })) {
    (byOrg.get(f.m.branchId) ?? byOrg.set(f.m.branchId, []).get(f.m.branchId)!).push(f);
    orgs.add(f.m.branchId);
  }
  const children: (Subject & { colour: Light; causes: Cause[] })[] = [];
  for (const orgId of orgs) {
    const sub = subj.orgs.get(orgId);
    if (!sub) continue;
    const flagged = byOrg.get(orgId) ?? [];
    const colour: Light = flagged.some((f) => f.st.flags.includes('lapse_risk')) ? 'red' : flagged.length ? 'yellow' : 'green';
    const causes: Cause[] = flagged.map(({ m, st }) => ({
      kind: 'person', id: m.personId, name: m.name,
      detail: {
        zh: `${st.flags.map((f) => STANDING_FLAGS[f].zh).join('、')}（${st.noOrgLifeMonths} 个月未参加组织生活${st.duesUnpaidRun === null ? '' : `，连续 ${st.duesUnpaidRun} 个月未缴党费`}）`,
        en: `${st.flags.map((f) => STANDING_FLAGS[f].en).join(', ')} (${st.noOrgLifeMonths} months without org life${st.duesUnpaidRun === null ? '' : `, ${st.duesUnpaidRun} months of dues unpaid`})`,
      },
    }));
    set.add(sub, 'member_standing', colour, flagged.length, causes);
    children.push({ ...sub, colour, causes });
  }
  set.rollUp('member_standing', subj.units, children);
}
