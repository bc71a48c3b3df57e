// Standings per outlet, grid or branch for a period: participation (people who finished a run over
// the people at the outlets), average score of finished runs (right answers over the run's length)
// and levels passed. Players are named only when an organiser switched `quiz.publicRanking` on.
import { scopeEnd } from '../../shared/core/scope.js';
import { tally, type Earning } from '../../shared/quiz/ledger.js';
import type { QuizStandings, StandingRow } from '../../shared/quiz/types.js';
import type { ApiContext } from '../context.js';
import { quizSettingsFor } from './store.js';

const NONE = { outlet: '', grid: '（未划网格）', branch: '（未覆盖党组织）' } as const;

export async function standings(ctx: ApiContext, by: 'outlet' | 'grid' | 'branch', from: string, to: string): Promise<QuizStandings> {
  const scope = ctx.session.scopePath;
  const s = await quizSettingsFor(ctx.db, scope);
  const outlets = await ctx.db.selectFrom('outlets as o').leftJoin('org_units as g', 'g.id', 'o.grid_id').leftJoin('party_orgs as b', 'b.id', 'o.coverage_org_id')
    .select(['o.id', 'o.name', 'o.grid_id', 'g.name as gridName', 'o.coverage_org_id', 'b.name as branchName'])
    .where('o.deleted', '=', 0).where('o.scope_path', '>=', scope).where('o.scope_path', '<', scopeEnd(scope)).execute();
  const groupOf = new Map(outlets.map((o) => [o.id, by === 'outlet' ? { key: o.id, name: o.name } : by === 'grid' ? { key: o.grid_id ?? '-', name: o.gridName ?? NONE.grid } : { key: o.coverage_org_id ?? '-', name: o.branchName ?? NONE.branch }]));
  const people = await ctx.db.selectFrom('people').select(['id', 'name', 'outlet_id']).where('deleted', '=', 0).where('outlet_id', 'is not', null)
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
  const personOutlet = new Map(people.map((p) => [p.id, p.outlet_id!]));
  const runs = await ctx.db.selectFrom('quiz_runs').select(['person_id', 'level', 'length', 'status', 'correct', 'bonus', 'day', 'id'])
    .where('deleted', '=', 0).where('status', '!=', 'open').where('day', '>=', from).where('day', '<=', to)
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
  const rows = new Map<string, StandingRow & { scores: number[]; passed: Set<string>; playerSet: Set<string> }>();
  const row = (g: { key: string; name: string }) => {
    let r = rows.get(g.key);
    if (!r) rows.set(g.key, (r = { key: g.key, name: g.name, people: 0, players: 0, participation: 0, avgScore: null, levelsPassed: 0, scores: [], passed: new Set(), playerSet: new Set() }));
    return r;
  };
  for (const p of people) {
    const g = groupOf.get(p.outlet_id!);
    if (g) row(g).people++;
  }
  for (const r of runs) {
    const g = groupOf.get(personOutlet.get(r.person_id) ?? '');
    if (!g) continue;
    const x = row(g);
    x.playerSet.add(r.person_id);
    x.scores.push((100 * r.correct) / Math.max(1, r.length));
    if (r.status === 'passed') x.passed.add(`${r.person_id}|${r.level}`);
  }
  const out = [...rows.values()].map(({ scores, passed, playerSet, ...r }) => ({
    ...r, players: playerSet.size, participation: r.people ? playerSet.size / r.people : 0,
    avgScore: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null, levelsPassed: passed.size,
  }));
  out.sort((a, b) => b.participation - a.participation || a.name.localeCompare(b.name, 'zh'));
  return { rows: out, individuals: s.publicRanking ? await individuals(ctx, people, runs, from, to, s.dailyCap) : null };
}

async function individuals(ctx: ApiContext, people: { id: string; name: string; outlet_id: string | null }[], runs: { person_id: string; level: number; status: string; bonus: number; day: string; id: string }[], from: string, to: string, cap: number) {
  const outletName = new Map((await ctx.db.selectFrom('outlets').select(['id', 'name']).execute()).map((o) => [o.id, o.name]));
  const attempts = await ctx.db.selectFrom('quiz_attempts').select(['id', 'person_id', 'day', 'points', 'answered_at']).where('deleted', '=', 0).where('points', '>', 0)
    .where('day', '>=', from).where('day', '<=', to).execute();
  const earnings = new Map<string, Earning[]>();
  const add = (p: string, e: Earning) => earnings.set(p, [...(earnings.get(p) ?? []), e]);
  for (const a of attempts) add(a.person_id, { day: a.day, points: a.points, kind: 'answer', ref: a.id, at: a.answered_at });
  for (const r of runs) if (r.status === 'passed' && r.bonus) add(r.person_id, { day: r.day, points: r.bonus, kind: 'level', ref: r.id, at: r.day });
  const byPerson = new Map(people.map((p) => [p.id, p]));
  const passed = new Map<string, Set<number>>();
  for (const r of runs) if (r.status === 'passed') passed.set(r.person_id, (passed.get(r.person_id) ?? new Set()).add(r.level));
  return [...earnings.keys()].filter((id) => byPerson.has(id)).map((id) => ({
    name: byPerson.get(id)!.name, outletName: outletName.get(byPerson.get(id)!.outlet_id ?? '') ?? '', levelsPassed: passed.get(id)?.size ?? 0, earned: tally(earnings.get(id)!, [], cap).earned,
  })).sort((a, b) => b.levelsPassed - a.levelsPassed || b.earned - a.earned).slice(0, 50);
}
