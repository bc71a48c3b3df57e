// The functions behind shared/contract/orgLife.ts.
import type { orgLifeContract } from '../../shared/contract/orgLife.js';
import { nowIso } from '../context.js';
import { deleteActivity, getActivity, listActivities, saveActivity } from '../orglife/activities.js';
import { endAssignment, getAssignment, listAssignments, saveAssignment } from '../orglife/assignments.js';
import { putAttachment, readAttachment } from '../orglife/attachments.js';
import { roster } from '../orglife/attendance.js';
import { outsideScope, scopeFor, settingsFor, today } from '../orglife/common.js';
import { complianceRows, instructorDuties } from '../orglife/compliance.js';
import { calendarMonth, dueItems } from '../orglife/due.js';
import { recordBook } from '../orglife/recordBook.js';
import { summariseByOrg } from '../../shared/orglife/compliance.js';
import type { HandlerMap } from './types.js';

export const orgLifeHandlers: HandlerMap<keyof typeof orgLifeContract> = {
  'activities.list': async (ctx, { unitId, ...f }) => listActivities(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, unitId), f),
  'activities.get': async (ctx, { id }) => getActivity(ctx.db, id, ctx.session.scopePath, await settingsFor(ctx.db, ctx.session.scopePath)),
  'activities.save': async (ctx, input) => {
    const s = await settingsFor(ctx.db, ctx.session.scopePath);
    const id = await saveActivity(ctx.db, input, ctx.session, nowIso(ctx), s);
    return getActivity(ctx.db, id, ctx.session.scopePath, s);
  },
  'activities.delete': async (ctx, { id }) => {
    await deleteActivity(ctx.db, id, ctx.session.scopePath, nowIso(ctx));
    return { id };
  },
  'activities.roster': async (ctx, { orgId, ...opts }) => {
    const org = await ctx.db.selectFrom('party_orgs').select('scope_path').where('id', '=', orgId).where('deleted', '=', 0).executeTakeFirst();
    if (org && !org.scope_path.startsWith(ctx.session.scopePath)) throw outsideScope();
    return roster(ctx.db, orgId, opts);
  },

  'attachments.put': async (ctx, input) => putAttachment(ctx.db, input, await settingsFor(ctx.db, ctx.session.scopePath)),
  'attachments.read': async (ctx, { id, variant }) => readAttachment(ctx.db, id, variant, ctx.session.scopePath),

  'instructorAssignments.list': async (ctx, f) => listAssignments(ctx.db, ctx.session.scopePath, { ...f, today: today(ctx) }),
  'instructorAssignments.save': async (ctx, input) => {
    const id = await saveAssignment(ctx.db, ctx.session.scopePath, input, nowIso(ctx));
    return getAssignment(ctx.db, ctx.session.scopePath, id, today(ctx));
  },
  'instructorAssignments.end': async (ctx, { id, validTo }) => {
    await endAssignment(ctx.db, ctx.session.scopePath, id, validTo, nowIso(ctx));
    return getAssignment(ctx.db, ctx.session.scopePath, id, today(ctx));
  },

  'orgLife.settings': async (ctx) => settingsFor(ctx.db, ctx.session.scopePath),
  'orgLife.compliance': async (ctx, { unitId, orgId, from, to, asOf }) => {
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    const s = await settingsFor(ctx.db, scope);
    const day = asOf ?? today(ctx);
    const rows = await complianceRows(ctx.db, scope, s, { from, to, asOf: day, orgId });
    return { from, to, asOf: day, orgs: summariseByOrg(rows), rows };
  },
  'orgLife.duties': async (ctx, { unitId, instructorId, from, to, asOf }) => {
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    const day = asOf ?? today(ctx);
    return { from, to, asOf: day, instructors: await instructorDuties(ctx.db, scope, await settingsFor(ctx.db, scope), { from, to, asOf: day, instructorId }) };
  },
  'orgLife.due': async (ctx, { unitId, asOf }) => {
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    return dueItems(ctx.db, scope, await settingsFor(ctx.db, scope), asOf ?? today(ctx));
  },
  'orgLife.calendar': async (ctx, { month, unitId, orgId }) => {
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    return calendarMonth(ctx.db, scope, await settingsFor(ctx.db, scope), month, today(ctx), orgId);
  },
  'orgLife.recordBook': async (ctx, p) => recordBook(ctx.db, ctx.session.scopePath, await settingsFor(ctx.db, ctx.session.scopePath), p),
};
