// Automatic entries from what is already recorded: a present mark at an activity of an item's types,
// or giving the lecture (lecturer, else host). Each entry's id derives from its source, so deriving
// again, on this device or another, adds nothing twice; a source corrected away is withdrawn by a
// void entry (the ledger stays append-only).
import { quarterEnd, quarterStart } from '../../shared/points/tally.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import type { ApiContext } from '../context.js';
import { effectiveMarks } from '../orglife/attendance.js';
import { quizParticipation } from '../quiz/participation.js';
import { derivedId } from './ids.js';
import { insertEntry, openQuarterFrom } from './entries.js';
import { branchMembers, type Branch } from './store.js';

const TITLE_LIMIT = 60;

interface Wanted { personId: string; itemKey: string; points: number; on: string; ref: string; reason: string }

export async function deriveQuarter(ctx: ApiContext, branch: Branch, quarter: string, s: PointsSettings): Promise<{ added: number; withdrawn: number }> {
  const auto = s.items.filter((i) => i.auto);
  if (!auto.length) return { added: 0, withdrawn: 0 };
  const members = new Set((await branchMembers(ctx.db, branch.id)).map((m) => m.personId));
  const types = [...new Set(auto.flatMap((i) => i.auto!.types))];
  const acts = await ctx.db.selectFrom('activities').select(['id', 'type', 'title', 'held_on', 'lecturer_person_id', 'host_person_id'])
    .where('org_id', '=', branch.id).where('deleted', '=', 0).where('status', '=', 'held').where('type', 'in', types)
    .where('held_on', '>=', quarterStart(quarter)).where('held_on', '<=', quarterEnd(quarter)).execute();
  const marks = await effectiveMarks(ctx.db, acts.map((a) => a.id));
  const wanted: Wanted[] = [];
  for (const a of acts) {
    const title = a.title.slice(0, TITLE_LIMIT);
    for (const item of auto) {
      if (item.auto!.from === 'quiz' || !item.auto!.types.includes(a.type as never)) continue;
      if (item.auto!.from === 'attendance') {
        for (const m of marks.get(a.id) ?? []) {
          if (m.status !== 'present' || !members.has(m.personId)) continue;
          const ref = `attendance:${a.id}:${m.personId}`;
          wanted.push({ personId: m.personId, itemKey: item.key, points: item.value, on: a.held_on, ref, reason: `${item.zh}：${title}（${a.held_on}）` });
        }
      } else {
        const who = a.lecturer_person_id ?? a.host_person_id;
        if (!who || !members.has(who)) continue;
        const ref = `lecturer:${a.id}`;
        wanted.push({ personId: who, itemKey: item.key, points: item.value, on: a.held_on, ref, reason: `${item.zh}：${title}（${a.held_on}）` });
      }
    }
  }
  wanted.push(...(await quizParticipation(ctx.db, auto, members, quarterStart(quarter), quarterEnd(quarter))));
  return settle(ctx, branch, quarter, wanted, new Set(auto.map((i) => i.key)));
}

/**
 * Each (item, source) has a chain of ids: the first credit's id derives from the source, a void's
 * from the credit it withdraws, the next credit's from that void; so every device walks the same
 * chain. A source that qualifies gets a credit if none is active; one that no longer does (a mark
 * corrected to absent, an activity deleted) has its active credit voided, unless its quarter is
 * approved: locked history changes only through an explicit reopen.
 */
async function settle(ctx: ApiContext, branch: Branch, quarter: string, wanted: Wanted[], autoItems: Set<string>): Promise<{ added: number; withdrawn: number }> {
  const existing = await ctx.db.selectFrom('points_entries').select(['id', 'person_id', 'item_key', 'source_ref', 'occurred_on', 'reason', 'quarter'])
    .where('org_id', '=', branch.id).where('source', '=', 'auto').where('deleted', '=', 0)
    .where('occurred_on', '>=', quarterStart(quarter)).where('occurred_on', '<=', quarterEnd(quarter)).execute();
  const byId = new Map(existing.map((e) => [e.id, e]));
  const keys = new Map<string, Wanted | null>(wanted.map((w) => [`${w.itemKey}|${w.ref}`, w]));
  for (const e of existing) if (e.source_ref && autoItems.has(e.item_key) && !e.source_ref.startsWith('void:') && !keys.has(`${e.item_key}|${e.source_ref}`)) keys.set(`${e.item_key}|${e.source_ref}`, null);
  let added = 0;
  let withdrawn = 0;
  for (const [key, w] of keys) {
    const [itemKey, ref] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
    let credit = derivedId('auto', itemKey, ref);
    for (;;) {
      const c = byId.get(credit);
      if (!c) {
        if (w) {
          await insertEntry(ctx, { personId: w.personId, orgId: branch.id, itemKey, occurredOn: w.on, points: w.points, source: 'auto', sourceRef: ref, reason: w.reason, evidence: null, scopePath: branch.scopePath }, credit);
          added++;
        }
        break;
      }
      const voidId = derivedId('void', credit);
      if (byId.has(voidId)) {
        credit = derivedId('auto', itemKey, ref, voidId);
        continue;
      }
      const stale = !w || c.person_id !== w.personId; // gone, or the lecture is now someone else's
      if (!stale || (await openQuarterFrom(ctx.db, branch.id, c.quarter)) !== c.quarter) break;
      await insertEntry(ctx, { personId: c.person_id, orgId: branch.id, itemKey, occurredOn: c.occurred_on, points: 0, source: 'auto', sourceRef: `void:${credit}`, reason: `撤销（记录已更正）：${c.reason}`.slice(0, 200), evidence: null, scopePath: branch.scopePath }, voidId);
      byId.set(voidId, { ...c, id: voidId });
      withdrawn++;
    }
  }
  return { added, withdrawn };
}
