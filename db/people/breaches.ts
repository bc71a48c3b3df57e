// Organisation-structure breaches (DOMAIN.md, Rules/Organisation): units with enough full members
// for their own branch that have none; branches that need a committee, are too large, joint branches
// spread over too many units, and terms that have run out. The rules are shared/registry/rules.ts.
import { todayInBeijing } from '../../shared/core/dates.js';
import { sql } from 'kysely';
import { BREACH_KINDS, needsOwnBranch, orgBreaches, rulesFrom, type BreachKind, type RegistryRules } from '../../shared/people/rules.js';
import type { BreachRow } from '../../shared/people/types.js';
import type { ApiContext } from '../context.js';
import { readSettings } from '../system/settings.js';
import { scopeEnd } from '../../shared/core/scope.js';
import { scopeFor } from '../scope.js';

const OWN_BRANCH_TYPES = new Set(['branch', 'general_branch', 'committee']);
/** Channels the operator runs itself: their staff belong to one unit, the county company, so a
 *  company branch covering several of its stores is that unit's own branch. Partner outlets
 *  (social, rural, micro, community, outdoor) are each a unit of their own. */
const COMPANY_CHANNELS = new Set(['own_store', 'flagship', 'gov_ent', 'install_maint']);

export async function findBreaches(ctx: ApiContext, f: { unitId?: string; kind?: BreachKind }): Promise<BreachRow[]> {
  const path = await scopeFor(ctx.db, ctx.session.scopePath, f.unitId);
  const end = scopeEnd(path);
  const today = todayInBeijing(ctx.now());
  const rules = rulesFrom(await readSettings(ctx.db, ctx.session.scopePath));
  const out: BreachRow[] = [];

  if (!f.kind || f.kind === 'needs_branch') {
    // An outlet has its own branch when a branch-type organisation covers it alone (for the
    // company's own channels: any company branch covering it).
    const outlets = await sql<{ id: string; name: string; channel_type: string; unit: string | null; full_members: number; members: number; org_type: string | null; org_outlets: number | null; org_name: string | null }>`
      SELECT o.id, o.name, o.channel_type, c.name AS unit, mc.full_members, mc.members, po.org_type, po.name AS org_name,
        (SELECT count(*) FROM party_org_outlets x WHERE x.org_id = po.id AND x.deleted = 0) AS org_outlets
      FROM (SELECT p.outlet_id, count(*) AS members, sum(p.political_status = 'full_member') AS full_members
            FROM members m JOIN people p ON p.id = m.person_id AND p.deleted = 0
            WHERE m.deleted = 0 AND m.standing = 'normal' AND p.outlet_id IS NOT NULL AND m.scope_path >= ${path} AND m.scope_path < ${end}
            GROUP BY p.outlet_id HAVING sum(p.political_status = 'full_member') >= ${rules.branchMinFull}) mc
      JOIN outlets o ON o.id = mc.outlet_id AND o.deleted = 0
      LEFT JOIN org_units c ON c.id = o.county_id
      LEFT JOIN party_orgs po ON po.id = o.coverage_org_id AND po.deleted = 0`.execute(ctx.db);
    for (const o of outlets.rows) {
      const own = !!o.org_type && OWN_BRANCH_TYPES.has(o.org_type);
      const alone = own && (COMPANY_CHANNELS.has(o.channel_type) || Number(o.org_outlets ?? 0) <= 1);
      if (!needsOwnBranch(Number(o.full_members), alone, rules)) continue;
      const where = o.org_name ? `目前由“${o.org_name}”覆盖` : '目前没有党组织覆盖';
      out.push({
        kind: 'needs_branch', targetType: 'outlet', targetId: o.id, targetName: o.name, unitName: o.unit,
        detail: `有正式党员${o.full_members}名，应单独组建党支部；${where}`,
        detailEn: `${o.full_members} full members: should form its own branch`, fullMembers: Number(o.full_members), members: Number(o.members),
      });
    }
  }

  if (f.kind !== 'needs_branch') {
    const orgs = await sql<{ id: string; name: string; org_type: string; unit: string | null; term_end: string | null; members: number; full_members: number; committee: number; outlets: number }>`
      SELECT po.id, po.name, po.org_type, u.name AS unit, po.term_end,
        (SELECT count(*) FROM members m WHERE m.branch_id = po.id AND m.deleted = 0 AND m.standing = 'normal') AS members,
        (SELECT count(*) FROM members m JOIN people p ON p.id = m.person_id AND p.deleted = 0
          WHERE m.branch_id = po.id AND m.deleted = 0 AND m.standing = 'normal' AND p.political_status = 'full_member') AS full_members,
        (SELECT count(DISTINCT person_id) FROM party_org_committee k WHERE k.org_id = po.id AND k.deleted = 0) AS committee,
        (SELECT count(*) FROM party_org_outlets x WHERE x.org_id = po.id AND x.deleted = 0) AS outlets
      FROM party_orgs po LEFT JOIN org_units u ON u.id = po.unit_id
      WHERE po.deleted = 0 AND po.scope_path >= ${path} AND po.scope_path < ${end}`.execute(ctx.db);
    for (const o of orgs.rows) {
      const facts = { orgType: o.org_type, fullMembers: Number(o.full_members), members: Number(o.members), committeeSize: Number(o.committee), outletCount: Number(o.outlets), termEnd: o.term_end };
      for (const kind of orgBreaches(facts, today, rules)) {
        if (f.kind && f.kind !== kind) continue;
        const [zh, en] = describe(kind, facts, rules);
        out.push({ kind, targetType: 'party_org', targetId: o.id, targetName: o.name, unitName: o.unit, detail: zh, detailEn: en, fullMembers: facts.fullMembers, members: facts.members });
      }
    }
  }
  const order = Object.keys(BREACH_KINDS);
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.members - a.members || a.targetName.localeCompare(b.targetName));
}

function describe(kind: BreachKind, o: { fullMembers: number; members: number; committeeSize: number; outletCount: number; termEnd: string | null }, r: RegistryRules): [string, string] {
  switch (kind) {
    case 'needs_committee':
      return [`正式党员${o.fullMembers}名，应设立${r.committeeMin}—${r.committeeMax}人的支部委员会，目前${o.committeeSize}人`, `${o.fullMembers} full members, committee of ${o.committeeSize}`];
    case 'branch_too_large':
      return [`党员${o.members}名，超过${r.branchMaxMembers}名，宜分设支部或成立党总支`, `${o.members} members`];
    case 'joint_too_wide':
      return [`联合支部覆盖${o.outletCount}个单位，一般不超过${r.jointMaxUnits}个`, `covers ${o.outletCount} units`];
    case 'term_expired':
      return [`任期已于${o.termEnd}届满，应按期换届`, `term ended ${o.termEnd}`];
    default:
      return ['', ''];
  }
}
