// The organisation checks for a scope (shared/org/checks.ts): facts per Party organisation, and
// people with live member rows in more than one branch (what two offline devices leave after a sync).
import { todayInBeijing } from '../../shared/core/dates.js';
import { scopeEnd } from '../../shared/core/scope.js';
import { orgIssues, termEndOf, termSettings } from '../../shared/org/checks.js';
import type { orgChecksContract, OrgChecks } from '../../shared/org/checksContract.js';
import { rulesFrom } from '../../shared/people/rules.js';
import type { HandlerMap } from '../api/types.js';
import type { ApiContext } from '../context.js';
import { scopeFor } from '../scope.js';
import { readSettings } from '../system/settings.js';

export async function orgChecks(ctx: ApiContext, scope: string): Promise<OrgChecks> {
  const today = todayInBeijing(ctx.now());
  const raw = await readSettings(ctx.db, scope);
  const [t, rules] = [termSettings(raw), rulesFrom(raw)];
  const orgs = await ctx.db.selectFrom('party_orgs').select(['id', 'name', 'org_type', 'secretary_person_id', 'term_start', 'term_end'])
    .where('deleted', '=', 0).where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
  const full = new Map((await ctx.db.selectFrom('members as m').innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.branch_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('m.deleted', '=', 0).where('p.deleted', '=', 0).where('m.standing', '=', 'normal').where('p.political_status', '=', 'full_member')
    .where('m.scope_path', '>=', scope).where('m.scope_path', '<', scopeEnd(scope)).groupBy('m.branch_id').execute()).map((r) => [r.branch_id, Number(r.n)]));
  const committee = await ctx.db.selectFrom('party_org_committee').select(['org_id', 'role']).where('deleted', '=', 0)
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
  const size = new Map<string, number>();
  const secretary = new Set<string>();
  for (const c of committee) {
    size.set(c.org_id, (size.get(c.org_id) ?? 0) + 1);
    if (c.role === 'secretary') secretary.add(c.org_id);
  }
  const rows = orgs.map((o) => {
    const facts = {
      orgType: o.org_type, fullMembers: full.get(o.id) ?? 0, committeeSize: size.get(o.id) ?? 0, hasSecretary: !!o.secretary_person_id || secretary.has(o.id),
      termStart: o.term_start, termEnd: o.term_end,
    };
    return { orgId: o.id, name: o.name, orgType: o.org_type, fullMembers: facts.fullMembers, committeeSize: facts.committeeSize, termEnd: termEndOf(facts, t), issues: orgIssues(facts, today, t, rules) };
  }).filter((r) => r.issues.length).sort((a, b) => a.name.localeCompare(b.name));
  const multi = await ctx.db.selectFrom('members as m').innerJoin('people as p', 'p.id', 'm.person_id').leftJoin('party_orgs as o', 'o.id', 'm.branch_id')
    .select(['m.person_id', 'p.name', 'm.branch_id', 'o.name as branch'])
    .where('m.deleted', '=', 0).where('p.deleted', '=', 0).where('m.scope_path', '>=', scope).where('m.scope_path', '<', scopeEnd(scope))
    .where('m.person_id', 'in', (eb) => eb.selectFrom('members').select('person_id').where('deleted', '=', 0).groupBy('person_id').having((h) => h.fn.count('branch_id').distinct(), '>', 1))
    .execute();
  const byPerson = new Map<string, OrgChecks['twoBranches'][number]>();
  for (const r of multi) {
    const e = byPerson.get(r.person_id) ?? byPerson.set(r.person_id, { personId: r.person_id, name: r.name, branches: [] }).get(r.person_id)!;
    if (!e.branches.some((b) => b.orgId === r.branch_id)) e.branches.push({ orgId: r.branch_id, name: r.branch ?? '' });
  }
  return { orgs: rows, twoBranches: [...byPerson.values()] };
}

export const orgChecksHandlers: HandlerMap<keyof typeof orgChecksContract> = {
  'orgChecks.list': async (ctx, { unitId }) => orgChecks(ctx, await scopeFor(ctx.db, ctx.session.scopePath, unitId)),
};
