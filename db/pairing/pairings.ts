// 结对共建 agreements: list a scope's, read one with its cadence periods and linked joint meetings,
// save one (partners replaced as a whole), link or unlink a joint meeting of the lead organisation.
import { sql } from 'kysely';
import type { z } from 'zod';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { assertInScope, scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';
import { assertAgreementDates, assertParties, cadenceCheck, type CadenceUnit, type PairingRatio } from '../../shared/pairing/rules.js';
import type { pairingList, pairingMeeting, pairingSave } from '../../shared/pairing/schemas.js';
import type { PairingDetail, PairingRow } from '../../shared/pairing/types.js';
import type { Db, Session } from '../context.js';
import { assertOrganiser, orgInScope } from '../teams/checks.js';

type Raw = { id: string; org_id: string; org_name: string | null; title: string; ratio: string; cadence_unit: string; cadence_min: number; signed_on: string; starts_on: string; ends_on: string | null; terms: string; scope_path: string };

const SELECT = sql`SELECT p.id, p.org_id, o.name AS org_name, p.title, p.ratio, p.cadence_unit, p.cadence_min, p.signed_on, p.starts_on, p.ends_on, p.terms, p.scope_path
  FROM pairings p LEFT JOIN party_orgs o ON o.id = p.org_id`;

async function parties(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, { orgId: string | null; name: string }[]>();
  const rows = await db.selectFrom('pairing_parties as x').leftJoin('party_orgs as o', 'o.id', 'x.org_id')
    .select(['x.pairing_id', 'x.org_id', 'x.outside_name', 'o.name']).where('x.pairing_id', 'in', ids).where('x.deleted', '=', 0).orderBy('x.created_at').execute();
  const out = new Map<string, { orgId: string | null; name: string }[]>();
  for (const r of rows) (out.get(r.pairing_id) ?? out.set(r.pairing_id, []).get(r.pairing_id)!).push({ orgId: r.org_id, name: r.org_id ? (r.name ?? '') : (r.outside_name ?? '') });
  return out;
}

/** Held joint meetings linked to each agreement: their days. */
async function meetingDays(db: Db, ids: string[]) {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('pairing_meetings as m').innerJoin('activities as a', 'a.id', 'm.activity_id')
    .select(['m.pairing_id', 'a.held_on']).where('m.pairing_id', 'in', ids).where('m.deleted', '=', 0).where('a.deleted', '=', 0).where('a.status', '=', 'held').execute();
  for (const r of rows) (out.get(r.pairing_id) ?? out.set(r.pairing_id, []).get(r.pairing_id)!).push(r.held_on);
  return out;
}

function toRow(r: Raw, partners: { orgId: string | null; name: string }[], days: string[], today: string): PairingRow {
  const c = cadenceCheck(r.starts_on, r.ends_on, days, r.cadence_unit as CadenceUnit, r.cadence_min, today);
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name, title: r.title, ratio: r.ratio as PairingRatio, partners, cadenceUnit: r.cadence_unit as CadenceUnit,
    cadenceMin: r.cadence_min, signedOn: r.signed_on, startsOn: r.starts_on, endsOn: r.ends_on, terms: r.terms, meetings: days.length, kept: c.kept, missed: c.missed,
  };
}

export async function listPairings(db: Db, scope: string, f: z.output<typeof pairingList>, today: string): Promise<Page<PairingRow>> {
  const raws = (await sql<Raw>`${SELECT} WHERE p.deleted = 0 AND p.scope_path >= ${scope} AND p.scope_path < ${scopeEnd(scope)} ORDER BY p.starts_on DESC, p.title`.execute(db)).rows;
  const ids = raws.map((r) => r.id);
  const [ps, ds] = [await parties(db, ids), await meetingDays(db, ids)];
  const rows = raws.map((r) => toRow(r, ps.get(r.id) ?? [], ds.get(r.id) ?? [], today)).filter((r) => !f.notKeptOnly || !r.kept);
  return { total: rows.length, rows: rows.slice(f.offset, f.offset + f.limit) };
}

export async function getPairing(db: Db, s: Session, id: string, today: string): Promise<PairingDetail> {
  const r = (await sql<Raw>`${SELECT} WHERE p.id = ${id} AND p.deleted = 0`.execute(db)).rows[0];
  if (!r) throw notFound('结对协议', 'Pairing agreement');
  assertInScope(r.scope_path, s.scopePath);
  const days = (await meetingDays(db, [id])).get(id) ?? [];
  const row = toRow(r, (await parties(db, [id])).get(id) ?? [], days, today);
  const linked = (await sql<{ activityId: string; title: string; heldOn: string; present: number }>`
    SELECT a.id AS activityId, a.title, a.held_on AS heldOn, (SELECT count(*) FROM attendance t WHERE t.activity_id = a.id AND t.deleted = 0 AND t.status = 'present') AS present
    FROM pairing_meetings m JOIN activities a ON a.id = m.activity_id WHERE m.pairing_id = ${id} AND m.deleted = 0 AND a.deleted = 0 ORDER BY a.held_on DESC`.execute(db)).rows;
  const candidates = (await sql<{ activityId: string; title: string; heldOn: string }>`
    SELECT a.id AS activityId, a.title, a.held_on AS heldOn FROM activities a
    WHERE a.org_id = ${r.org_id} AND a.type = 'joint_meeting' AND a.deleted = 0 AND a.status = 'held' AND a.held_on >= ${r.starts_on}
      AND NOT EXISTS (SELECT 1 FROM pairing_meetings m WHERE m.activity_id = a.id AND m.pairing_id = ${id} AND m.deleted = 0)
    ORDER BY a.held_on DESC LIMIT 50`.execute(db)).rows;
  return { ...row, periods: cadenceCheck(r.starts_on, r.ends_on, days, r.cadence_unit as CadenceUnit, r.cadence_min, today).periods, linked, candidates };
}

export async function savePairing(db: Db, s: Session, input: z.output<typeof pairingSave>, today: string, now: string): Promise<string> {
  assertOrganiser(s);
  assertParties(input.ratio, input.partnerOrgIds, input.outsideNames, input.orgId);
  assertAgreementDates(input.signedOn, input.startsOn, input.endsOn, today);
  const lead = await orgInScope(db, s, input.orgId);
  // A partner organisation may lie outside the user's scope (another county's branch): it must exist.
  const found = input.partnerOrgIds.length ? await db.selectFrom('party_orgs').select('id').where('id', 'in', input.partnerOrgIds).where('deleted', '=', 0).execute() : [];
  if (found.length !== input.partnerOrgIds.length) throw new ApiError('validation', '结对党组织不存在或已删除', 'A partner organisation does not exist', [{ path: 'partnerOrgIds', message: '结对党组织不存在或已删除', messageEn: 'A partner organisation does not exist' }]);
  const cols = {
    org_id: input.orgId, title: input.title, ratio: input.ratio, cadence_unit: input.cadenceUnit, cadence_min: input.cadenceMin, signed_on: input.signedOn,
    starts_on: input.startsOn, ends_on: input.endsOn, terms: input.terms, scope_path: lead.scope, updated_at: now,
  };
  let id = input.id;
  if (id) {
    const old = await db.selectFrom('pairings').select('scope_path').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
    if (!old) throw notFound('结对协议', 'Pairing agreement');
    assertInScope(old.scope_path, s.scopePath);
    await db.updateTable('pairings').set(cols).where('id', '=', id).execute();
    await db.updateTable('pairing_parties').set({ deleted: 1, updated_at: now }).where('pairing_id', '=', id).where('deleted', '=', 0).execute();
  } else {
    id = uuidv7();
    await db.insertInto('pairings').values({ ...cols, id, created_by: s.userName, created_at: now }).execute();
  }
  const party = (org_id: string | null, outside_name: string | null) => ({ id: uuidv7(), pairing_id: id, org_id, outside_name, scope_path: lead.scope, created_at: now, updated_at: now });
  for (const o of input.partnerOrgIds) await db.insertInto('pairing_parties').values(party(o, null)).execute();
  for (const n of input.outsideNames) await db.insertInto('pairing_parties').values(party(null, n)).execute();
  return id;
}

export async function linkMeeting(db: Db, s: Session, input: z.output<typeof pairingMeeting>, today: string, now: string): Promise<void> {
  assertOrganiser(s);
  const p = await getPairing(db, s, input.pairingId, today);
  const link = await db.selectFrom('pairing_meetings').select('id').where('pairing_id', '=', input.pairingId).where('activity_id', '=', input.activityId).where('deleted', '=', 0).executeTakeFirst();
  if (input.unlink) {
    if (!link) throw notFound('关联的联席会议', 'Linked joint meeting');
    await db.updateTable('pairing_meetings').set({ deleted: 1, updated_at: now }).where('id', '=', link.id).execute();
    return;
  }
  if (link) throw new ApiError('conflict', '该联席会议已关联本协议', 'This joint meeting is already linked to the agreement');
  const a = await db.selectFrom('activities').select(['type', 'org_id', 'scope_path', 'status']).where('id', '=', input.activityId).where('deleted', '=', 0).executeTakeFirst();
  if (!a) throw notFound('活动', 'Activity');
  assertInScope(a.scope_path, s.scopePath);
  if (a.type !== 'joint_meeting' || a.org_id !== p.orgId || a.status !== 'held')
    throw new ApiError('validation', '只能关联牵头党组织已召开的联席会议', 'Only a joint meeting the lead organisation has held can be linked', [{ path: 'activityId', message: '只能关联牵头党组织已召开的联席会议', messageEn: 'Only a joint meeting the lead organisation has held can be linked' }]);
  await db.insertInto('pairing_meetings').values({ id: uuidv7(), pairing_id: input.pairingId, activity_id: input.activityId, scope_path: a.scope_path, created_at: now, updated_at: now }).execute();
}
