// people.save with the history the registry keeps: a change of political status, standing,
// branch, mobility or lost contact made on the person form is recorded like one made through
// members.recordChange.
import { todayInBeijing } from '../../shared/core/dates.js';
import type { PersonDetail } from '../../shared/people/personTypes.js';
import type { PersonParsed } from '../../shared/people/schemas/person.js';
import { nowIso, type ApiContext } from '../context.js';
import { recordHistory } from './history.js';
import { savePerson } from './people.js';
import { getPersonMasked } from './privacy.js';

/** The person as people.get shows it: masked for every role, scope checked. */
export async function personDetail(ctx: ApiContext, id: string): Promise<PersonDetail> {
  const { scopePath: _scope, ...p } = await getPersonMasked(ctx.db, ctx.session.scopePath, id);
  return p;
}

/** What people.save may change that the history keeps. */
async function memberState(ctx: ApiContext, personId: string) {
  const p = await ctx.db.selectFrom('people').select(['political_status']).where('id', '=', personId).where('deleted', '=', 0).executeTakeFirst();
  const m = await ctx.db
    .selectFrom('members')
    .select(['standing', 'mobility', 'mobility_destination', 'lost_contact', 'branch_id', 'scope_path'])
    .where('person_id', '=', personId)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  return { status: p?.political_status ?? null, m };
}

export async function savePersonWithHistory(ctx: ApiContext, input: PersonParsed): Promise<PersonDetail> {
  const now = nowIso(ctx);
  const before = input.id ? await memberState(ctx, input.id) : null;
  const id = await savePerson(ctx.db, input, now, ctx.session.scopePath);
  if (before) {
    const after = await memberState(ctx, id);
    const scopePath = after.m?.scope_path ?? ctx.session.scopePath;
    const h = { personId: id, onDate: todayInBeijing(ctx.now()), reason: '在人员信息中修改', scopePath };
    const by = ctx.session.userName;
    await recordHistory(ctx.db, { ...h, kind: 'political_status', from: before.status, to: after.status }, by, now);
    if (before.m && after.m) {
      await recordHistory(ctx.db, { ...h, kind: 'standing', from: before.m.standing, to: after.m.standing }, by, now);
      await recordHistory(ctx.db, { ...h, kind: 'branch', from: before.m.branch_id, to: after.m.branch_id }, by, now);
      const mob = (x: { mobility: string; mobility_destination: string | null }) => (x.mobility === 'none' ? 'none' : `${x.mobility}:${x.mobility_destination ?? ''}`);
      await recordHistory(ctx.db, { ...h, kind: 'mobility', from: mob(before.m), to: mob(after.m) }, by, now);
      const lost = (x: { lost_contact: number }) => (x.lost_contact ? 'lost' : 'in_contact');
      await recordHistory(ctx.db, { ...h, kind: 'lost_contact', from: lost(before.m), to: lost(after.m) }, by, now);
    }
  }
  return personDetail(ctx, id);
}
