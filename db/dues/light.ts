// The board's member-standing light (党员状况): per branch with members, red when anyone is at risk
// of lapse (6 months without org life or dues), yellow for lost contact or a transfer due, green
// otherwise; grids and counties take the worst below them. A branch with nobody flagged is lit (green)
// only when it keeps its dues here: without a dues ledger only org life can be judged, and the
// member_gap light already shows that. Called from the board (db/assessment/board.ts).
import type { Cause } from '../../shared/assessment/types.js';
import { STANDING_FLAGS } from '../../shared/people/memberRules.js';
import type { Period } from '../../shared/orglife/periods.js';
import type { Light } from '../../shared/orglife/status.js';
import type { LightSet, Subject } from '../assessment/lightSet.js';
import type { Subjects } from '../assessment/measure.js';
import type { Db } from '../context.js';
import { flaggedMembers } from './standing.js';
import { basesIn, membersIn } from './store.js';

export async function standingLights(db: Db, set: LightSet, subj: Subjects, scope: string, month: Period, today: string): Promise<void> {
  const asOf = month.end < today ? month.end : today;
  const bases = await basesIn(db, scope);
  const orgs = new Set((await membersIn(db, scope)).filter((m) => bases.has(m.personId)).map((m) => m.branchId));
  const byOrg = new Map<string, Awaited<ReturnType<typeof flaggedMembers>>>();
  for (const f of await flaggedMembers(db, scope, asOf)) {
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
