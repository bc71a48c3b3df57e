// A probationary member's points for the conversion view (seed 004: probationary members are
// scored but flagged; their average feeds the conversion). The average is the mean of the quarters
// they were scored in since admission (shared/points/tally.ts yearlyScore), each quarter as its
// branch's table stands: the approved snapshot once locked, else the live tally; a quarter counts
// once it is over or published, like the yearly table.
import { quarterEnd, yearlyScore, type Grade } from '../../shared/points/tally.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import type { ApiContext } from '../context.js';
import { loadYear, type QuarterResult } from './compute.js';
import { pointsSettingsFor } from './settings.js';

export interface ProbationPoints { score: number; grade: Grade; quarters: number }

/** The average for each probationary person given (admitted on `since`), where their branch is known. */
export async function probationPoints(ctx: ApiContext, people: readonly { personId: string; since: string | null }[], today: string): Promise<Map<string, ProbationPoints>> {
  const out = new Map<string, ProbationPoints>();
  if (!people.length) return out;
  const branches = new Map((await ctx.db.selectFrom('members as m').innerJoin('party_orgs as o', 'o.id', 'm.branch_id').select(['m.person_id', 'm.branch_id', 'o.scope_path'])
    .where('m.person_id', 'in', people.map((p) => p.personId)).where('m.deleted', '=', 0).execute()).map((r) => [r.person_id, r]));
  const years = new Map<string, QuarterResult[]>();
  const rules = new Map<string, PointsSettings>();
  for (const p of people) {
    const b = branches.get(p.personId);
    if (!b || !b.branch_id || !p.since) continue;
    const s = rules.get(b.scope_path) ?? rules.set(b.scope_path, (await pointsSettingsFor(ctx.db, b.scope_path)).settings).get(b.scope_path)!;
    const totals: number[] = [];
    for (let y = +p.since.slice(0, 4); y <= +today.slice(0, 4); y++) {
      const key = `${b.branch_id}|${y}`;
      const year = years.get(key) ?? years.set(key, await loadYear(ctx.db, b.branch_id, y, s)).get(key)!;
      for (const q of year) {
        if (quarterEnd(q.quarter) < p.since || !(q.publication || quarterEnd(q.quarter) < today)) continue;
        const rows = q.publication?.status === 'approved' && q.publication.approved ? q.publication.approved.rows : q.live;
        const row = rows.find((r) => r.personId === p.personId);
        if (row) totals.push(row.total);
      }
    }
    const avg = yearlyScore(totals, s.grades);
    if (avg) out.set(p.personId, { ...avg, quarters: totals.length });
  }
  return out;
}
