// The yearly table of a branch and one member's ledger for a year, with what each entry counted.
import { todayInBeijing } from '../../shared/core/dates.js';
import { notFound } from '../../shared/core/errors.js';
import { assertInScope, scopeEnd } from '../../shared/core/scope.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import { countedPoints, ledgerOrder, quarterEnd, yearlyScore, type CapUse } from '../../shared/points/tally.js';
import type { BranchOption, PersonLedger, YearTable } from '../../shared/points/types.js';
import type { ApiContext, Db } from '../context.js';
import { effectiveQuarter, loadYear, lockedSets, withoutWithdrawn } from './compute.js';
import { entries, publications, type Branch } from './store.js';

export async function yearTable(ctx: ApiContext, branch: Branch, year: number, s: PointsSettings): Promise<YearTable> {
  const today = todayInBeijing(ctx.now());
  const quarters = await loadYear(ctx.db, branch.id, year, s);
  // A quarter counts once it is over or published; before the first one ends, the current one stands alone.
  let counted = quarters.filter((q) => q.publication || quarterEnd(q.quarter) < today);
  if (!counted.length) counted = quarters.filter((q) => q.quarter.slice(0, 4) === today.slice(0, 4) && q.quarter <= `${today.slice(0, 4)}-Q${Math.floor((+today.slice(5, 7) - 1) / 3) + 1}`).slice(-1);
  const people = new Map<string, YearTable['rows'][number]>();
  for (const q of quarters) for (const r of q.live) people.set(r.personId, people.get(r.personId) ?? { personId: r.personId, name: r.name, probationary: r.probationary, quarters: {}, score: null, grade: null });
  for (const q of counted) {
    const rows = q.publication?.status === 'approved' && q.publication.approved ? q.publication.approved.rows : q.live;
    for (const r of rows) people.get(r.personId)!.quarters[q.quarter] = r.total;
  }
  for (const p of people.values()) {
    const y = yearlyScore(Object.values(p.quarters).filter((v): v is number => v !== null), s.grades);
    p.score = y?.score ?? null;
    p.grade = y?.grade ?? null;
  }
  const rows = [...people.values()].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, 'zh-CN'));
  return { orgId: branch.id, year, counted: counted.map((q) => q.quarter), rows };
}

export async function personLedger(ctx: ApiContext, personId: string, year: number, s: PointsSettings): Promise<PersonLedger> {
  const p = await ctx.db.selectFrom('people').select(['id', 'name', 'political_status', 'scope_path']).where('id', '=', personId).where('deleted', '=', 0).executeTakeFirst();
  if (!p) throw notFound('人员', 'Person');
  assertInScope(p.scope_path, ctx.session.scopePath, 'person');
  const all = withoutWithdrawn(await entries(ctx.db, { personId }, `${year - 1}-Q4`, `${year}-Q4`));
  const orgs = [...new Set(all.map((e) => e.orgId))];
  const locked = new Map<string, Set<string>>();
  for (const o of orgs) for (const [q, set] of lockedSets(await publications(ctx.db, o, `${year - 1}-Q4`, `${year}-Q4`))) locked.set(`${o}|${q}`, set);
  const placed = all
    .map((e) => {
      const own = new Map([...locked].filter(([k]) => k.startsWith(`${e.orgId}|`)).map(([k, v]) => [k.slice(e.orgId.length + 1), v]));
      const q = effectiveQuarter(e, own);
      return { ...e, quarter: q, movedFrom: e.movedFrom ?? (q === e.quarter ? null : e.quarter) };
    })
    .filter((e) => e.quarter.startsWith(`${year}-`))
    .sort(ledgerOrder);
  const used: CapUse = {};
  const counted = countedPoints(placed, s.items, used);
  const items = new Map(s.items.map((i) => [i.key, i]));
  return {
    personId, name: p.name, probationary: p.political_status === 'probationary', year,
    rows: placed.map((e) => ({
      id: e.id, quarter: e.quarter, occurredOn: e.occurredOn, itemKey: e.itemKey, itemZh: items.get(e.itemKey)?.zh ?? e.itemKey, itemEn: items.get(e.itemKey)?.en ?? e.itemKey,
      kind: items.get(e.itemKey)?.kind ?? 'optional', points: e.points, counted: counted.get(e.id) ?? 0, source: e.source, sourceRef: e.sourceRef, reason: e.reason,
      evidence: e.evidence, createdBy: e.createdBy, createdAt: e.createdAt, movedFrom: e.movedFrom,
    })),
  };
}

/** Branches (党支部 and the like) in a scope, for the branch picker. */
export async function branchOptions(db: Db, scope: string): Promise<BranchOption[]> {
  const rows = await db.selectFrom('party_orgs as o').innerJoin('org_units as u', 'u.id', 'o.unit_id').select(['o.id', 'o.name', 'u.name as unit_name'])
    .where('o.deleted', '=', 0).where('o.org_type', 'in', ['branch', 'joint_branch', 'temp_branch', 'general_branch'])
    .where('o.scope_path', '>=', scope).where('o.scope_path', '<', scopeEnd(scope)).orderBy('u.name').orderBy('o.name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, unitName: r.unit_name }));
}

export type { Branch };
