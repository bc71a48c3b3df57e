// Coverage and blind spots (覆盖盲区). Definitions, stated once here and in the screen's help:
// - a member is covered when the outlet they work at has a covering Party organisation (members
//   registered without an outlet belong to a branch directly and count as covered);
// - an outlet had Party contact when an activity or instructor visit was recorded there in the
//   last 90 days; the contact rate is over outlets that have members.
// Counts are taken per outlet once (one grouped pass over members) and then summed per unit.
import { todayInBeijing } from '../../shared/core/dates.js';
import { sql } from 'kysely';
import type { ChannelType } from '../../shared/domain/enums.js';
import { band, rulesFrom, type RegistryRules } from '../../shared/people/rules.js';
import type { CoverageOutletRow, CoverageSummary, RankingRow } from '../../shared/people/types.js';
import { type ApiContext, type Db } from '../context.js';
import { readSettings } from '../system/settings.js';
import { scopeEnd } from '../../shared/core/scope.js';
import { scopeFor } from '../scope.js';
import type { Page } from '../../shared/contract/define.js';

export const CONTACT_DAYS = 90;

/** Per-outlet facts under a path, as a SQL source aliased `f`. */
function outletFacts(path: string, since: string) {
  return sql`(
    SELECT o.id, o.code, o.name, o.channel_type, o.county_id, o.grid_id, o.scope_path,
      coalesce(mc.members, 0) AS members, coalesce(mc.full_members, 0) AS full_members,
      (po.id IS NOT NULL) AS covered, po.name AS org_name,
      (i.id IS NOT NULL AND i.active = 1) AS has_instructor, i.name AS instructor_name,
      EXISTS (SELECT 1 FROM activity_outlets ao JOIN activities a ON a.id = ao.activity_id AND a.deleted = 0 AND a.held_on >= ${since}
              WHERE ao.outlet_id = o.id AND ao.deleted = 0) AS contacted
    FROM outlets o
    LEFT JOIN (
      SELECT p.outlet_id, count(*) AS members, sum(p.political_status = 'full_member') AS full_members
      FROM members m JOIN people p ON p.id = m.person_id AND p.deleted = 0
      WHERE m.deleted = 0 AND m.standing = 'normal' AND m.scope_path >= ${path} AND m.scope_path < ${scopeEnd(path)} AND p.outlet_id IS NOT NULL
      GROUP BY p.outlet_id) mc ON mc.outlet_id = o.id
    LEFT JOIN party_orgs po ON po.id = o.coverage_org_id AND po.deleted = 0
    LEFT JOIN instructors i ON i.id = o.instructor_id AND i.deleted = 0
    WHERE o.deleted = 0 AND (o.closed_on IS NULL OR o.closed_on > ${since}) AND o.scope_path >= ${path} AND o.scope_path < ${scopeEnd(path)}
  ) f`;
}

const sinceOf = (ctx: ApiContext) => todayInBeijing(new Date(ctx.now().getTime() - CONTACT_DAYS * 86_400_000));
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

async function rules(ctx: ApiContext): Promise<RegistryRules> {
  return rulesFrom(await readSettings(ctx.db, ctx.session.scopePath));
}

async function membersWithoutOutlet(db: Db, path: string): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*) AS n FROM members m JOIN people p ON p.id = m.person_id AND p.deleted = 0
    WHERE m.deleted = 0 AND m.standing = 'normal' AND p.outlet_id IS NULL AND m.scope_path >= ${path} AND m.scope_path < ${scopeEnd(path)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export async function coverageSummary(ctx: ApiContext, unitId: string | undefined, breaches: number): Promise<CoverageSummary> {
  const path = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
  const r = await sql<Record<string, number>>`
    SELECT count(*) AS outlets, sum(members > 0) AS with_members, sum(members > 0 AND NOT covered) AS uncovered,
      sum(NOT has_instructor) AS no_instructor, sum(members) AS members, sum(CASE WHEN covered THEN members ELSE 0 END) AS covered_members,
      sum(members > 0 AND contacted) AS contacted
    FROM ${outletFacts(path, sinceOf(ctx))}`.execute(ctx.db);
  const c = r.rows[0] ?? {};
  const n = (k: string) => Number(c[k] ?? 0);
  const loose = await membersWithoutOutlet(ctx.db, path);
  const ru = await rules(ctx);
  const coverage = ratio(n('covered_members') + loose, n('members') + loose);
  const contact = ratio(n('contacted'), n('with_members'));
  return {
    outlets: n('outlets'), outletsWithMembers: n('with_members'), uncoveredWithMembers: n('uncovered'), withoutInstructor: n('no_instructor'),
    members: n('members') + loose, coveredMembers: n('covered_members') + loose, coverage, coverageBand: band(coverage, ru.coverageGreen, ru.coverageYellow),
    outletsWithContact: n('contacted'), contact, contactBand: band(contact, ru.contactGreen, ru.contactYellow), breaches,
  };
}

export async function coverageOutlets(ctx: ApiContext, f: { unitId?: string; kind: 'uncovered' | 'no_instructor'; limit: number; offset: number }): Promise<Page<CoverageOutletRow>> {
  const path = await scopeFor(ctx.db, ctx.session.scopePath, f.unitId);
  const cond = f.kind === 'uncovered' ? sql`f.members > 0 AND NOT f.covered` : sql`NOT f.has_instructor`;
  const r = await sql<{ id: string; code: string; name: string; channel_type: ChannelType; county: string | null; grid: string | null; members: number; full_members: number; org_name: string | null; instructor_name: string | null; total: number }>`
    SELECT f.id, f.code, f.name, f.channel_type, c.name AS county, g.name AS grid, f.members, f.full_members, f.org_name, f.instructor_name,
      count(*) OVER () AS total
    FROM ${outletFacts(path, sinceOf(ctx))} LEFT JOIN org_units c ON c.id = f.county_id LEFT JOIN org_units g ON g.id = f.grid_id
    WHERE ${cond}
    ORDER BY f.members DESC, f.scope_path, f.name LIMIT ${f.limit} OFFSET ${f.offset}`.execute(ctx.db);
  return {
    total: Number(r.rows[0]?.total ?? 0),
    rows: r.rows.map((x) => ({
      id: x.id, code: x.code, name: x.name, channelType: x.channel_type, countyName: x.county, gridName: x.grid, members: Number(x.members),
      fullMembers: Number(x.full_members), coverageOrgName: x.org_name, instructorName: x.instructor_name,
    })),
  };
}

/** Counties (or grids) under the scope, worst coverage first. */
export async function coverageRanking(ctx: ApiContext, f: { unitId?: string; level: 'county' | 'grid' }): Promise<RankingRow[]> {
  const path = await scopeFor(ctx.db, ctx.session.scopePath, f.unitId);
  const unitCol = f.level === 'county' ? sql`f.county_id` : sql`f.grid_id`;
  const r = await sql<{ unit_id: string; unit_name: string; parent_name: string | null; outlets: number; members: number; covered: number; with_members: number; contacted: number; uncovered: number; no_instructor: number }>`
    SELECT u.id AS unit_id, u.name AS unit_name, pu.name AS parent_name, count(f.id) AS outlets, coalesce(sum(f.members), 0) AS members,
      coalesce(sum(CASE WHEN f.covered THEN f.members ELSE 0 END), 0) AS covered, coalesce(sum(f.members > 0), 0) AS with_members,
      coalesce(sum(f.members > 0 AND f.contacted), 0) AS contacted, coalesce(sum(f.members > 0 AND NOT f.covered), 0) AS uncovered,
      coalesce(sum(NOT f.has_instructor), 0) AS no_instructor
    FROM org_units u LEFT JOIN org_units pu ON pu.id = u.parent_id
    LEFT JOIN ${outletFacts(path, sinceOf(ctx))} ON ${unitCol} = u.id
    WHERE u.deleted = 0 AND u.level = ${f.level} AND u.path >= ${path} AND u.path < ${scopeEnd(path)}
    GROUP BY u.id`.execute(ctx.db);
  const ru = await rules(ctx);
  const rows = r.rows.map((x): RankingRow => {
    const coverage = ratio(Number(x.covered), Number(x.members));
    const contact = ratio(Number(x.contacted), Number(x.with_members));
    return {
      unitId: x.unit_id, unitName: x.unit_name, parentName: x.parent_name, outlets: Number(x.outlets), members: Number(x.members),
      coveredMembers: Number(x.covered), coverage, coverageBand: band(coverage, ru.coverageGreen, ru.coverageYellow),
      outletsWithContact: Number(x.contacted), contact, contactBand: band(contact, ru.contactGreen, ru.contactYellow),
      uncoveredOutlets: Number(x.uncovered), outletsWithoutInstructor: Number(x.no_instructor),
    };
  });
  // Worst first; units without members (nothing to cover) last.
  return rows.sort((a, b) => (a.coverage ?? 2) - (b.coverage ?? 2) || (a.contact ?? 2) - (b.contact ?? 2) || a.unitName.localeCompare(b.unitName));
}
