// Loads the pairing agreements led by organisations in a scope, with the days of the held joint
// meetings linked to each, for the compliance view (shared/orglife/jointMeetings.ts judges them).
import { sql } from 'kysely';
import { scopeEnd } from '../../shared/core/scope.js';
import type { ComplianceRow } from '../../shared/orglife/compliance.js';
import { jointMeetingRows, type AgreementCadence } from '../../shared/orglife/jointMeetings.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import type { CadenceUnit } from '../../shared/pairing/rules.js';
import type { Db } from '../context.js';

export async function loadAgreements(db: Db, scope: string, from: string, to: string, orgId?: string): Promise<AgreementCadence[]> {
  const end = scopeEnd(scope);
  const only = orgId ? sql`AND p.org_id = ${orgId}` : sql``;
  const list = (await sql<{ id: string; title: string; org_id: string; org_name: string | null; cadence_unit: string; cadence_min: number; starts_on: string; ends_on: string | null }>`
    SELECT p.id, p.title, p.org_id, o.name AS org_name, p.cadence_unit, p.cadence_min, p.starts_on, p.ends_on
    FROM pairings p LEFT JOIN party_orgs o ON o.id = p.org_id
    WHERE p.deleted = 0 AND p.scope_path >= ${scope} AND p.scope_path < ${end} AND p.starts_on <= ${to} AND (p.ends_on IS NULL OR p.ends_on >= ${from}) ${only}
    ORDER BY o.name, p.title`.execute(db)).rows;
  if (!list.length) return [];
  // a quarter's meetings count in a month's view too: read the whole year around the range
  const days = (await sql<{ pairing_id: string; held_on: string }>`
    SELECT m.pairing_id, a.held_on FROM pairing_meetings m JOIN activities a ON a.id = m.activity_id AND a.deleted = 0 AND a.status = 'held'
    WHERE m.deleted = 0 AND m.pairing_id IN (${sql.join(list.map((p) => p.id))})
      AND a.held_on >= ${`${from.slice(0, 4)}-01-01`} AND a.held_on <= ${`${to.slice(0, 4)}-12-31`}`.execute(db)).rows;
  const byId = new Map<string, string[]>();
  for (const d of days) (byId.get(d.pairing_id) ?? byId.set(d.pairing_id, []).get(d.pairing_id)!).push(d.held_on);
  return list.map((p) => ({
    id: p.id, title: p.title, orgId: p.org_id, orgName: p.org_name ?? '', unit: p.cadence_unit as CadenceUnit, min: Number(p.cadence_min),
    startsOn: p.starts_on, endsOn: p.ends_on, meetingDays: byId.get(p.id) ?? [],
  }));
}

export async function jointMeetingCompliance(db: Db, scope: string, s: OrgLifeSettings, p: { from: string; to: string; asOf: string; orgId?: string }): Promise<ComplianceRow[]> {
  return jointMeetingRows(await loadAgreements(db, scope, p.from, p.to, p.orgId), p.from, p.to, p.asOf, s);
}
