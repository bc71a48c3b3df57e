// Loads the counts of the half-year and year-end statistics for a scope, from the records as they
// stand: stock counts (organisations, members, outlets) are today's; flows (admissions,
// conversions, transfers, lost contact) and org life are those dated inside the period.
import { sql, type RawBuilder } from 'kysely';
import { CHANNEL_TYPES, GROUP_KINDS, ORG_TYPES, SETTING_MODES, keysOf, type ChannelType } from '../../shared/domain/enums.js';
import { scopeEnd } from '../../shared/core/scope.js';
import { asOfFor, classifyTransfers, fillCounts, leadershipOf, MEMBER_STATUS_KEYS, ORG_LIFE_TYPES, orgLifeStats, periodRange } from '../../shared/statistics/rules.js';
import type { StatisticsQuery } from '../../shared/statistics/schemas.js';
import type { CountRow, CoverageStat, StatisticsReport } from '../../shared/statistics/types.js';
import type { Db } from '../context.js';
import { complianceRows } from '../orglife/compliance.js';
import { settingsFor } from '../orglife/settings.js';

const inScope = (col: string, path: string): RawBuilder<unknown> => sql`${sql.ref(col)} >= ${path} AND ${sql.ref(col)} < ${scopeEnd(path)}`;

async function counts(db: Db, q: RawBuilder<unknown>): Promise<CountRow[]> {
  const r = await (q as RawBuilder<{ key: string; n: number }>).execute(db);
  return r.rows.map((x) => ({ key: x.key, n: Number(x.n) }));
}

async function one(db: Db, q: RawBuilder<unknown>): Promise<Record<string, number>> {
  const r = await (q as RawBuilder<Record<string, number | null>>).execute(db);
  const row = r.rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v ?? 0)]));
}

async function leadership(db: Db, path: string): Promise<StatisticsReport['leadership']> {
  const r = await sql<{ seats: number; secretary: number }>`
    SELECT (SELECT count(*) FROM party_org_committee c WHERE c.org_id = po.id AND c.deleted = 0 AND c.role <> 'secretary') AS seats,
      (po.secretary_person_id IS NOT NULL OR EXISTS (SELECT 1 FROM party_org_committee c WHERE c.org_id = po.id AND c.deleted = 0 AND c.role = 'secretary')) AS secretary
    FROM party_orgs po WHERE po.deleted = 0 AND ${inScope('po.scope_path', path)}`.execute(db);
  const out = { committee: 0, secretaryOnly: 0, noSecretary: 0 };
  for (const o of r.rows) out[leadershipOf({ committeeSeats: Number(o.seats), hasSecretary: Number(o.secretary) > 0 })]++;
  return out;
}

async function members(db: Db, path: string) {
  const status = await counts(db, sql`
    SELECT p.political_status AS key, count(*) AS n FROM members m JOIN people p ON p.id = m.person_id AND p.deleted = 0
    WHERE m.deleted = 0 AND m.standing = 'normal' AND ${inScope('m.scope_path', path)} GROUP BY p.political_status`);
  const recruits = await counts(db, sql`
    SELECT r.stage AS key, count(*) AS n FROM recruits r JOIN people p ON p.id = r.person_id AND p.deleted = 0
    WHERE r.deleted = 0 AND r.stage IN ('applicant', 'activist', 'candidate') AND ${inScope('r.scope_path', path)} GROUP BY r.stage`);
  const standing = await one(db, sql`
    SELECT sum(m.lost_contact = 1) AS lost, sum(m.mobility = 'outbound') AS outbound, sum(m.mobility = 'inbound') AS inbound
    FROM members m JOIN people p ON p.id = m.person_id AND p.deleted = 0
    WHERE m.deleted = 0 AND m.standing = 'normal' AND ${inScope('m.scope_path', path)}`);
  return {
    members: fillCounts(MEMBER_STATUS_KEYS, [...status, ...recruits]),
    standing: { lostContact: standing.lost ?? 0, outbound: standing.outbound ?? 0, inbound: standing.inbound ?? 0 },
  };
}

async function flows(db: Db, path: string, from: string, to: string): Promise<StatisticsReport['flows']> {
  const r = await one(db, sql`
    SELECT sum(r.probationary_on BETWEEN ${from} AND ${to}) AS admitted, sum(r.full_on BETWEEN ${from} AND ${to}) AS converted
    FROM recruits r JOIN people p ON p.id = r.person_id AND p.deleted = 0 WHERE r.deleted = 0 AND ${inScope('r.scope_path', path)}`);
  const lost = await one(db, sql`
    SELECT count(*) AS n FROM members m JOIN people p ON p.id = m.person_id AND p.deleted = 0
    WHERE m.deleted = 0 AND m.standing = 'normal' AND m.lost_contact = 1 AND m.lost_contact_since BETWEEN ${from} AND ${to} AND ${inScope('m.scope_path', path)}`);
  // A member who left the scope is recorded under the new branch's scope: moves are found by the
  // organisations at either end, not by the history row's own scope.
  const orgs = await sql<{ id: string }>`SELECT id FROM party_orgs WHERE deleted = 0 AND ${inScope('scope_path', path)}`.execute(db);
  const ids = new Set(orgs.rows.map((o) => o.id));
  const moves = await sql<{ from_value: string | null; to_value: string | null; scope_path: string }>`
    SELECT from_value, to_value, scope_path FROM member_history
    WHERE deleted = 0 AND kind = 'branch' AND on_date BETWEEN ${from} AND ${to}`.execute(db);
  const touching = moves.rows.filter((m) => (m.from_value && ids.has(m.from_value)) || (m.to_value && ids.has(m.to_value)));
  return { admitted: r.admitted ?? 0, converted: r.converted ?? 0, newlyLostContact: lost.n ?? 0, ...classifyTransfers(touching.map((m) => ({ from: m.from_value, to: m.to_value })), ids) };
}

async function coverage(db: Db, path: string, asOf: string): Promise<CoverageStat[]> {
  const r = await sql<{ channel_type: ChannelType; outlets: number; with_members: number; covered: number; uncovered: number }>`
    SELECT f.channel_type, count(*) AS outlets, sum(f.members > 0) AS with_members, sum(f.covered) AS covered, sum(f.members > 0 AND NOT f.covered) AS uncovered
    FROM (
      SELECT o.channel_type, (po.id IS NOT NULL) AS covered,
        (SELECT count(*) FROM people p JOIN members m ON m.person_id = p.id AND m.deleted = 0 AND m.standing = 'normal'
         WHERE p.outlet_id = o.id AND p.deleted = 0) AS members
      FROM outlets o LEFT JOIN party_orgs po ON po.id = o.coverage_org_id AND po.deleted = 0
      WHERE o.deleted = 0 AND (o.closed_on IS NULL OR o.closed_on > ${asOf}) AND ${inScope('o.scope_path', path)}
    ) f GROUP BY f.channel_type`.execute(db);
  const by = new Map(r.rows.map((x) => [x.channel_type, x]));
  return keysOf(CHANNEL_TYPES).map((channelType) => {
    const x = by.get(channelType);
    return { channelType, outlets: Number(x?.outlets ?? 0), withMembers: Number(x?.with_members ?? 0), covered: Number(x?.covered ?? 0), uncoveredWithMembers: Number(x?.uncovered ?? 0) };
  });
}

export async function statisticsReport(db: Db, path: string, scopeName: string | null, q: StatisticsQuery, today: string): Promise<StatisticsReport> {
  const range = periodRange(q.year, q.period);
  const asOf = asOfFor(range, today);
  const orgsByType = fillCounts(keysOf(ORG_TYPES), await counts(db, sql`SELECT org_type AS key, count(*) AS n FROM party_orgs WHERE deleted = 0 AND ${inScope('scope_path', path)} GROUP BY org_type`));
  const orgsByMode = fillCounts(keysOf(SETTING_MODES), await counts(db, sql`SELECT setting_mode AS key, count(*) AS n FROM party_orgs WHERE deleted = 0 AND ${inScope('scope_path', path)} GROUP BY setting_mode`));
  const groupsByKind = fillCounts(keysOf(GROUP_KINDS), await counts(db, sql`SELECT kind AS key, count(*) AS n FROM party_groups WHERE deleted = 0 AND ${inScope('scope_path', path)} GROUP BY kind`));
  const held = await counts(db, sql`
    SELECT type AS key, count(*) AS n FROM activities
    WHERE deleted = 0 AND status = 'held' AND org_id IS NOT NULL AND held_on BETWEEN ${range.from} AND ${asOf} AND ${inScope('scope_path', path)} GROUP BY type`);
  const settings = await settingsFor(db, path);
  const rows = asOf < range.from ? [] : await complianceRows(db, path, settings, { from: range.from, to: range.to, asOf });
  return {
    scopeName, year: q.year, period: q.period, ...range, asOf,
    orgsByType, orgsByMode, groupsByKind, leadership: await leadership(db, path),
    ...(await members(db, path)),
    flows: await flows(db, path, range.from, range.to),
    orgLife: orgLifeStats(rows, held, asOf, ORG_LIFE_TYPES),
    coverage: await coverage(db, path, today),
  };
}
