// The board's milestone light (里程碑节点, seed 000 §4.2): per organisation with nodes in the
// board month's year, red once a node is missed, yellow for one done late this month or due within
// `milestones.warnDays`; grids and counties take the worst below them. Called from the board.
import { milestoneLight } from '../../shared/milestones/rules.js';
import type { Cause } from '../../shared/assessment/types.js';
import type { Light } from '../../shared/orglife/status.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Period } from '../../shared/orglife/periods.js';
import type { Db } from '../context.js';
import { work334SettingsFor } from '../teams/settings.js';
import type { LightSet, Subject } from '../assessment/lightSet.js';
import type { Subjects } from '../assessment/measure.js';

export async function milestoneLights(db: Db, set: LightSet, subj: Subjects, scope: string, month: Period, today: string): Promise<void> {
  const asOf = month.end < today ? month.end : today;
  const { warnDays } = await work334SettingsFor(db, scope);
  const rows = await db.selectFrom('milestone_nodes as n').innerJoin('milestone_goals as g', 'g.id', 'n.goal_id')
    .select(['n.id', 'n.org_id', 'n.title', 'n.due_on', 'n.done_on', 'g.title as goal'])
    .where('n.deleted', '=', 0).where('g.deleted', '=', 0).where('g.year', '=', Number(month.start.slice(0, 4)))
    .where('n.scope_path', '>=', scope).where('n.scope_path', '<', scopeEnd(scope)).execute();
  const byOrg = new Map<string, typeof rows>();
  for (const r of rows) (byOrg.get(r.org_id) ?? byOrg.set(r.org_id, []).get(r.org_id)!).push(r);
  const children: (Subject & { colour: Light; causes: Cause[] })[] = [];
  for (const [orgId, nodes] of byOrg) {
    const sub = subj.orgs.get(orgId);
    if (!sub) continue;
    const l = milestoneLight(nodes.map((n) => ({ dueOn: n.due_on, doneOn: n.done_on })), month.start, asOf, warnDays);
    if (l.colour === 'none') continue;
    const causes: Cause[] = nodes.filter((n) => n.due_on < asOf && (n.done_on === null || n.done_on > asOf)).map((n) => ({
      kind: 'org', id: orgId, name: sub.name,
      detail: { zh: `${n.goal}：节点“${n.title}”应于 ${n.due_on} 完成，未完成`, en: `${n.goal}: node "${n.title}" was due ${n.due_on} and is not done` },
    }));
    set.add(sub, 'milestones', l.colour, l.missed, causes);
    children.push({ ...sub, colour: l.colour, causes });
  }
  set.rollUp('milestones', subj.units, children);
}
