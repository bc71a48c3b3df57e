// Automatic entries from what is already recorded: a present mark at an activity of an item's types,
// or giving the lecture (lecturer, else host). Each entry's id derives from its source, so deriving
// again, on this device or another, adds nothing twice.
import { quarterEnd, quarterStart } from '../../shared/points/tally.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import type { ApiContext } from '../context.js';
import { effectiveMarks } from '../orglife/attendance.js';
import { derivedId } from './ids.js';
import { insertEntry } from './entries.js';
import { branchMembers, type Branch } from './store.js';

const TITLE_LIMIT = 60;

export async function deriveQuarter(ctx: ApiContext, branch: Branch, quarter: string, s: PointsSettings): Promise<number> {
  const auto = s.items.filter((i) => i.auto);
  if (!auto.length) return 0;
  const members = new Set((await branchMembers(ctx.db, branch.id)).map((m) => m.personId));
  const types = [...new Set(auto.flatMap((i) => i.auto!.types))];
  const acts = await ctx.db.selectFrom('activities').select(['id', 'type', 'title', 'held_on', 'lecturer_person_id', 'host_person_id'])
    .where('org_id', '=', branch.id).where('deleted', '=', 0).where('status', '=', 'held').where('type', 'in', types)
    .where('held_on', '>=', quarterStart(quarter)).where('held_on', '<=', quarterEnd(quarter)).execute();
  const marks = await effectiveMarks(ctx.db, acts.map((a) => a.id));
  const wanted: { id: string; personId: string; itemKey: string; points: number; on: string; ref: string; reason: string }[] = [];
  for (const a of acts) {
    const title = a.title.slice(0, TITLE_LIMIT);
    for (const item of auto) {
      if (!item.auto!.types.includes(a.type as never)) continue;
      if (item.auto!.from === 'attendance') {
        for (const m of marks.get(a.id) ?? []) {
          if (m.status !== 'present' || !members.has(m.personId)) continue;
          const ref = `attendance:${a.id}:${m.personId}`;
          wanted.push({ id: derivedId('auto', item.key, ref), personId: m.personId, itemKey: item.key, points: item.value, on: a.held_on, ref, reason: `${item.zh}：${title}（${a.held_on}）` });
        }
      } else {
        const who = a.lecturer_person_id ?? a.host_person_id;
        if (!who || !members.has(who)) continue;
        const ref = `lecturer:${a.id}`;
        wanted.push({ id: derivedId('auto', item.key, ref), personId: who, itemKey: item.key, points: item.value, on: a.held_on, ref, reason: `${item.zh}：${title}（${a.held_on}）` });
      }
    }
  }
  if (!wanted.length) return 0;
  const have = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500)
    for (const r of await ctx.db.selectFrom('points_entries').select('id').where('id', 'in', wanted.slice(i, i + 500).map((w) => w.id)).execute()) have.add(r.id);
  let added = 0;
  for (const w of wanted) {
    if (have.has(w.id)) continue;
    have.add(w.id);
    await insertEntry(ctx, { personId: w.personId, orgId: branch.id, itemKey: w.itemKey, occurredOn: w.on, points: w.points, source: 'auto', sourceRef: w.ref, reason: w.reason, evidence: null, scopePath: branch.scopePath }, w.id);
    added++;
  }
  return added;
}
