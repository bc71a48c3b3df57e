import { assertInScope, isUnder } from '../../shared/core/scope.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import type { OrgType, SettingMode } from '../../shared/domain/enums.js';
import type { PartyGroup, PartyOrg, PartyOrgSummary } from '../../shared/org/types.js';
import type { partyGroupInput, partyOrgInput } from '../../shared/org/schemas/partyOrg.js';
import { type Db } from '../context.js';
import { getOrgUnit } from './orgUnits.js';
import { scopeEnd } from '../../shared/core/scope.js';

interface SummaryRow {
  id: string; name: string; org_type: OrgType; setting_mode: SettingMode; unit_id: string; unit_name: string;
  parent_org_id: string | null; secretary_name: string | null; term_end: string | null;
  members: number; full_members: number; outlets: number;
}

const summarySql = sql`
  SELECT po.id, po.name, po.org_type, po.setting_mode, po.unit_id, u.name AS unit_name, po.parent_org_id,
    sp.name AS secretary_name, po.term_end,
    (SELECT count(*) FROM members m WHERE m.branch_id = po.id AND m.deleted = 0 AND m.standing = 'normal') AS members,
    (SELECT count(*) FROM members m JOIN people p ON p.id = m.person_id
      WHERE m.branch_id = po.id AND m.deleted = 0 AND m.standing = 'normal' AND p.political_status = 'full_member') AS full_members,
    (SELECT count(*) FROM party_org_outlets x WHERE x.org_id = po.id AND x.deleted = 0) AS outlets
  FROM party_orgs po
  LEFT JOIN org_units u ON u.id = po.unit_id
  LEFT JOIN people sp ON sp.id = po.secretary_person_id`;

function toSummary(r: SummaryRow): PartyOrgSummary {
  return {
    id: r.id, name: r.name, orgType: r.org_type, settingMode: r.setting_mode, unitId: r.unit_id, unitName: r.unit_name ?? '',
    parentOrgId: r.parent_org_id, secretaryName: r.secretary_name, termEnd: r.term_end,
    memberCount: Number(r.members), fullMemberCount: Number(r.full_members), outletCount: Number(r.outlets),
  };
}

export async function listPartyOrgs(db: Db, scope: string, f: { unitId?: string; q?: string }): Promise<PartyOrgSummary[]> {
  let path = scope;
  if (f.unitId) {
    const unit = await getOrgUnit(db, f.unitId);
    if (isUnder(unit.path, scope)) path = unit.path;
  }
  const like = f.q?.trim() ? `%${f.q.trim()}%` : '%';
  const r = await sql<SummaryRow>`${summarySql}
    WHERE po.deleted = 0 AND po.scope_path >= ${path} AND po.scope_path < ${scopeEnd(path)} AND po.name LIKE ${like}
    ORDER BY po.scope_path, po.name LIMIT 2000`.execute(db);
  return r.rows.map(toSummary);
}

export async function getPartyOrg(db: Db, id: string): Promise<PartyOrg> {
  const row = (await sql<SummaryRow>`${summarySql} WHERE po.id = ${id} AND po.deleted = 0`.execute(db)).rows[0];
  if (!row) throw notFound('党组织', 'Party organisation');
  const extra = await db.selectFrom('party_orgs').select(['pairing_ratio', 'alliance_sector', 'secretary_person_id', 'term_start']).where('id', '=', id).executeTakeFirstOrThrow();
  const outlets = await db
    .selectFrom('party_org_outlets as x')
    .leftJoin('outlets as o', 'o.id', 'x.outlet_id')
    .select(['x.outlet_id', 'o.name'])
    .where('x.org_id', '=', id)
    .where('x.deleted', '=', 0)
    .execute();
  const committee = await db
    .selectFrom('party_org_committee as c')
    .leftJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.person_id', 'c.role', 'p.name'])
    .where('c.org_id', '=', id)
    .where('c.deleted', '=', 0)
    .execute();
  return {
    ...toSummary(row),
    pairingRatio: extra.pairing_ratio, allianceSector: extra.alliance_sector, secretaryPersonId: extra.secretary_person_id,
    termStart: extra.term_start, outletIds: outlets.map((o) => o.outlet_id),
    outlets: outlets.map((o) => ({ id: o.outlet_id, name: o.name ?? '' })),
    committee: committee.map((c) => ({ personId: c.person_id, personName: c.name ?? '', role: c.role })),
    groups: await listGroups(db, id),
  };
}

export async function listGroups(db: Db, branchId: string): Promise<PartyGroup[]> {
  const rows = await sql<{ id: string; branch_id: string; name: string; kind: string; leader_person_id: string | null; n: number }>`
    SELECT g.id, g.branch_id, g.name, g.kind, g.leader_person_id,
      (SELECT count(*) FROM members m WHERE m.group_id = g.id AND m.deleted = 0) AS n
    FROM party_groups g WHERE g.branch_id = ${branchId} AND g.deleted = 0 ORDER BY g.name`.execute(db);
  return rows.rows.map((g) => ({ id: g.id, branchId: g.branch_id, name: g.name, kind: g.kind, leaderPersonId: g.leader_person_id, memberCount: Number(g.n) }));
}

/** Replaces a set of link rows (covered outlets, committee) by tombstoning what left and inserting what came. */
async function syncLinks<T extends { key: string }>(
  existing: { id: string; key: string }[],
  wanted: T[],
  insert: (w: T) => Promise<void>,
  tombstone: (id: string) => Promise<void>,
) {
  const want = new Set(wanted.map((w) => w.key));
  const have = new Set(existing.map((e) => e.key));
  for (const e of existing) if (!want.has(e.key)) await tombstone(e.id);
  for (const w of wanted) if (!have.has(w.key)) await insert(w);
}

export async function savePartyOrg(db: Db, input: z.output<typeof partyOrgInput>, now: string, scope: string): Promise<string> {
  const unit = await getOrgUnit(db, input.unitId);
  assertInScope(unit.path, scope);
  const id = input.id ?? uuidv7();
  if (input.parentOrgId) {
    if (input.parentOrgId === id) throw new ApiError('validation', '上级党组织不能是自身', 'An organisation cannot be its own parent');
    const parent = await db.selectFrom('party_orgs').select('org_type').where('id', '=', input.parentOrgId).where('deleted', '=', 0).executeTakeFirst();
    if (!parent) throw notFound('上级党组织', 'Parent organisation');
  }
  if (input.outletIds.length) {
    const found = await db.selectFrom('outlets').select('id').where('id', 'in', input.outletIds).where('deleted', '=', 0).execute();
    if (found.length !== new Set(input.outletIds).size) throw notFound('所选覆盖网点', 'A covered outlet');
  }
  const values = {
    name: input.name, org_type: input.orgType, setting_mode: input.settingMode, pairing_ratio: input.pairingRatio,
    alliance_sector: input.allianceSector, parent_org_id: input.parentOrgId, unit_id: input.unitId,
    secretary_person_id: input.secretaryPersonId ?? input.committee.find((c) => c.role === 'secretary')?.personId ?? null,
    term_start: input.termStart, term_end: input.termEnd, scope_path: unit.path, updated_at: now,
  };
  const existing = input.id ? await db.selectFrom('party_orgs').select('id').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst() : undefined;
  if (input.id && !existing) throw notFound('党组织', 'Party organisation');
  if (existing) await db.updateTable('party_orgs').set(values).where('id', '=', id).execute();
  else await db.insertInto('party_orgs').values({ id, ...values, created_at: now }).execute();

  const common = { scope_path: unit.path, created_at: now, updated_at: now };
  const outletRows = await db.selectFrom('party_org_outlets').select(['id', 'outlet_id as key']).where('org_id', '=', id).where('deleted', '=', 0).execute();
  await syncLinks(
    outletRows,
    [...new Set(input.outletIds)].map((key) => ({ key })),
    async (w) => {
      await db.insertInto('party_org_outlets').values({ id: uuidv7(), org_id: id, outlet_id: w.key, ...common }).execute();
      await db.updateTable('outlets').set({ coverage_org_id: id, updated_at: now }).where('id', '=', w.key).execute();
    },
    async (linkId) => {
      const link = await db.updateTable('party_org_outlets').set({ deleted: 1, updated_at: now }).where('id', '=', linkId).returning('outlet_id').executeTakeFirstOrThrow();
      await db.updateTable('outlets').set({ coverage_org_id: null, updated_at: now }).where('id', '=', link.outlet_id).where('coverage_org_id', '=', id).execute();
    },
  );
  const committeeRows = await db.selectFrom('party_org_committee').select(['id', sql<string>`person_id || ':' || role`.as('key')]).where('org_id', '=', id).where('deleted', '=', 0).execute();
  await syncLinks(
    committeeRows,
    input.committee.map((c) => ({ ...c, key: `${c.personId}:${c.role}` })),
    async (w) => {
      await db.insertInto('party_org_committee').values({ id: uuidv7(), org_id: id, person_id: w.personId, role: w.role, ...common }).execute();
    },
    async (cid) => {
      await db.updateTable('party_org_committee').set({ deleted: 1, updated_at: now }).where('id', '=', cid).execute();
    },
  );
  return id;
}

export async function deletePartyOrg(db: Db, id: string, now: string): Promise<void> {
  const m = await db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('branch_id', '=', id).where('deleted', '=', 0).executeTakeFirstOrThrow();
  if (Number(m.n) > 0) throw new ApiError('conflict', `该组织仍有${m.n}名党员，请先转接组织关系`, 'Members still belong to this organisation');
  const r = await db.updateTable('party_orgs').set({ deleted: 1, updated_at: now }).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('党组织', 'Party organisation');
  await db.updateTable('party_org_outlets').set({ deleted: 1, updated_at: now }).where('org_id', '=', id).where('deleted', '=', 0).execute();
  await db.updateTable('outlets').set({ coverage_org_id: null, updated_at: now }).where('coverage_org_id', '=', id).execute();
}

export async function saveGroup(db: Db, input: z.output<typeof partyGroupInput>, now: string): Promise<string> {
  const branch = await db.selectFrom('party_orgs').select(['id', 'scope_path', 'org_type']).where('id', '=', input.branchId).where('deleted', '=', 0).executeTakeFirst();
  if (!branch) throw notFound('党支部', 'Branch');
  const id = input.id ?? uuidv7();
  const values = { branch_id: input.branchId, name: input.name, kind: input.kind, leader_person_id: input.leaderPersonId, scope_path: branch.scope_path, updated_at: now };
  if (input.id) await db.updateTable('party_groups').set(values).where('id', '=', id).execute();
  else await db.insertInto('party_groups').values({ id, ...values, created_at: now }).execute();
  return id;
}
