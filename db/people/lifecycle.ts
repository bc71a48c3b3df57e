// Member lifecycle registers: changes of standing, mobility (outbound/inbound with destination and
// card number) and lost contact, each kept as history; and the mobility and lost-contact registers.
import { scopeFor } from '../scope.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { assertInScope } from '../../shared/core/scope.js';
import { sql } from 'kysely';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { addMonths, rulesFrom } from '../../shared/people/rules.js';
import type { LostContactRow, MobilityRow } from '../../shared/people/types.js';
import { nowIso, type ApiContext } from '../context.js';
import { readSettings } from '../system/settings.js';
import { recordHistory } from './history.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';

export type LifecycleChange =
  | { kind: 'standing'; standing: string; on: string; reason: string | null }
  | { kind: 'mobility'; mobility: string; on: string; destination: string | null; cardNo: string | null; reason: string | null }
  | { kind: 'lost_contact'; lost: boolean; on: string; reason: string | null };

const invalid = (zh: string, en: string, path = 'change') => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

export async function recordChange(ctx: ApiContext, personId: string, c: LifecycleChange): Promise<void> {
  const db = ctx.db;
  const now = nowIso(ctx);
  if (c.on > todayInBeijing(ctx.now())) throw invalid('日期不能晚于今天', 'The date cannot be in the future', 'change.on');
  const m = await db
    .selectFrom('members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.standing', 'm.mobility', 'm.mobility_destination', 'm.lost_contact', 'm.scope_path', 'p.scope_path as person_scope'])
    .where('m.person_id', '=', personId)
    .where('m.deleted', '=', 0)
    .where('p.deleted', '=', 0)
    .executeTakeFirst();
  if (!m) throw notFound('党员信息', 'Membership');
  assertInScope(m.person_scope, ctx.session.scopePath, 'person');
  const h = { personId, onDate: c.on, reason: c.reason, scopePath: m.scope_path };
  const by = ctx.session.userName;
  if (c.kind === 'standing') {
    await db.updateTable('members').set({ standing: c.standing, updated_at: now }).where('id', '=', m.id).execute();
    await recordHistory(db, { ...h, kind: 'standing', from: m.standing, to: c.standing }, by, now);
  } else if (c.kind === 'mobility') {
    if (c.mobility !== 'none' && !c.destination) throw invalid('流动党员须填写流向地（或来源地）', 'A destination is required', 'change.destination');
    const away = c.mobility !== 'none';
    await db
      .updateTable('members')
      .set({
        mobility: c.mobility, mobility_destination: away ? c.destination : null, mobility_since: away ? c.on : null,
        mobility_card_no: away ? c.cardNo : null, updated_at: now,
      })
      .where('id', '=', m.id)
      .execute();
    const label = (v: string, dest: string | null) => (v === 'none' ? 'none' : `${v}:${dest ?? ''}`);
    await recordHistory(db, { ...h, kind: 'mobility', from: label(m.mobility, m.mobility_destination), to: label(c.mobility, c.destination) }, by, now);
  } else {
    if (c.lost && !c.reason) throw invalid('登记失联须填写原因', 'A reason is required', 'change.reason');
    await db
      .updateTable('members')
      .set({ lost_contact: c.lost ? 1 : 0, lost_contact_since: c.lost ? c.on : null, lost_contact_reason: c.lost ? c.reason : null, updated_at: now })
      .where('id', '=', m.id)
      .execute();
    await recordHistory(db, { ...h, kind: 'lost_contact', from: m.lost_contact ? 'lost' : 'in_contact', to: c.lost ? 'lost' : 'in_contact' }, by, now);
  }
}

const monthsSince = (since: string | null, today: string) => {
  if (!since) return null;
  const [y1, m1, d1] = since.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = today.split('-').map(Number) as [number, number, number];
  return Math.max(0, (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0));
};

export async function mobilityRegister(ctx: ApiContext, f: { unitId?: string; direction?: 'outbound' | 'inbound'; limit: number; offset: number }): Promise<Page<MobilityRow>> {
  const path = await scopeFor(ctx.db, ctx.session.scopePath, f.unitId);
  const today = todayInBeijing(ctx.now());
  const rules = rulesFrom(await readSettings(ctx.db, ctx.session.scopePath));
  const dir = f.direction ? sql`= ${f.direction}` : sql`IN ('outbound', 'inbound')`;
  const rows = await sql<{ person_id: string; name: string; branch: string | null; mobility: 'outbound' | 'inbound'; dest: string | null; since: string | null; card: string | null; total: number }>`
    SELECT m.person_id, p.name, b.name AS branch, m.mobility, m.mobility_destination AS dest, m.mobility_since AS since,
      m.mobility_card_no AS card, count(*) OVER () AS total
    FROM members m JOIN people p ON p.id = m.person_id AND p.deleted = 0
    LEFT JOIN party_orgs b ON b.id = m.branch_id
    WHERE m.deleted = 0 AND m.standing = 'normal' AND m.mobility ${dir} AND m.scope_path >= ${path} AND m.scope_path < ${scopeEnd(path)}
    ORDER BY m.mobility_since, p.name LIMIT ${f.limit} OFFSET ${f.offset}`.execute(ctx.db);
  return {
    total: Number(rows.rows[0]?.total ?? 0),
    rows: rows.rows.map((r) => {
      const months = monthsSince(r.since, today);
      return {
        personId: r.person_id, name: r.name, branchName: r.branch, mobility: r.mobility, destination: r.dest, since: r.since, cardNo: r.card,
        monthsAway: months, shouldTransfer: r.mobility === 'outbound' && !!r.since && addMonths(r.since, rules.transferAfterMonths) <= today,
      };
    }),
  };
}

export async function lostContactRegister(ctx: ApiContext, f: { unitId?: string; limit: number; offset: number }): Promise<Page<LostContactRow>> {
  const path = await scopeFor(ctx.db, ctx.session.scopePath, f.unitId);
  const today = todayInBeijing(ctx.now());
  const rows = await sql<{ person_id: string; name: string; branch: string | null; outlet: string | null; since: string | null; reason: string | null; total: number }>`
    SELECT m.person_id, p.name, b.name AS branch, o.name AS outlet, m.lost_contact_since AS since, m.lost_contact_reason AS reason,
      count(*) OVER () AS total
    FROM members m JOIN people p ON p.id = m.person_id AND p.deleted = 0
    LEFT JOIN party_orgs b ON b.id = m.branch_id LEFT JOIN outlets o ON o.id = p.outlet_id
    WHERE m.deleted = 0 AND m.lost_contact = 1 AND m.scope_path >= ${path} AND m.scope_path < ${scopeEnd(path)}
    ORDER BY m.lost_contact_since, p.name LIMIT ${f.limit} OFFSET ${f.offset}`.execute(ctx.db);
  return {
    total: Number(rows.rows[0]?.total ?? 0),
    rows: rows.rows.map((r) => ({
      personId: r.person_id, name: r.name, branchName: r.branch, outletName: r.outlet, since: r.since, reason: r.reason, monthsLost: monthsSince(r.since, today),
    })),
  };
}
