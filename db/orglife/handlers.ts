// The functions behind shared/contract/orgLife.ts.
import { assertInScope } from '../../shared/core/scope.js';
import type { orgLifeContract } from '../../shared/orglife/contract.js';
import { nowIso } from '../context.js';
import { deleteActivity, getActivity, listActivities, saveActivity } from './activities.js';
import { endAssignment, getAssignment, listAssignments, saveAssignment } from './assignments.js';
import { putAttachment, readAttachment } from './attachments.js';
import { roster } from './attendance.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { scopeFor } from '../scope.js';
import { settingsFor } from './settings.js';
import { complianceRows, instructorDuties } from './compliance.js';
import { jointMeetingCompliance } from './jointMeetings.js';
import { calendarMonth, dueItems, myInstructorIds } from './due.js';
import { itemsDue } from './itemsDue.js';
import { recordBook } from './recordBook.js';
import { summariseByOrg } from '../../shared/orglife/compliance.js';
import type { HandlerMap } from '../api/types.js';

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
    if (org) assertInScope(org.scope_path, ctx.session.scopePath);
    return roster(ctx.db, orgId, opts);
  },

  'attachments.put': async (ctx, input) => putAttachment(ctx.db, input, await settingsFor(ctx.db, ctx.session.scopePath)),
  'attachments.read': async (ctx, { id, variant }) => readAttachment(ctx.db, id, variant, ctx.session.scopePath),

  'instructorAssignments.list': async (ctx, f) => listAssignments(ctx.db, ctx.session.scopePath, { ...f, today: todayInBeijing(ctx.now()) }),
  'instructorAssignments.save': async (ctx, input) => {
    const id = await saveAssignment(ctx.db, ctx.session.scopePath, input, nowIso(ctx));
    return getAssignment(ctx.db, ctx.session.scopePath, id, todayInBeijing(ctx.now()));
  },
  'instructorAssignments.end': async (ctx, { id, validTo }) => {
    await endAssignment(ctx.db, ctx.session.scopePath, id, validTo, nowIso(ctx));
    return getAssignment(ctx.db, ctx.session.scopePath, id, todayInBeijing(ctx.now()));
  },

  'orgLife.settings': async (ctx) => settingsFor(ctx.db, ctx.session.scopePath),
  'orgLife.compliance': async (ctx, { unitId, orgId, from, to, asOf }) => {
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    const s = await settingsFor(ctx.db, scope);
    const day = asOf ?? todayInBeijing(ctx.now());
    const rows = await complianceRows(ctx.db, scope, s, { from, to, asOf: day, orgId });
    // pairing agreements' joint meetings are owed only by the organisations that lead them
    rows.push(...(await jointMeetingCompliance(ctx.db, scope, s, { from, to, asOf: day, orgId })));
    return { from, to, asOf: day, orgs: summariseByOrg(rows), rows };
  },
  'orgLife.duties': async (ctx, { unitId, instructorId, from, to, asOf }) => {
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    const day = asOf ?? todayInBeijing(ctx.now());
    return { from, to, asOf: day, instructors: await instructorDuties(ctx.db, scope, await settingsFor(ctx.db, scope), { from, to, asOf: day, instructorId }) };
  },
  'orgLife.due': async (ctx, { unitId, asOf }) => {
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    const report = await dueItems(ctx.db, scope, await settingsFor(ctx.db, scope), asOf ?? todayInBeijing(ctx.now()));
    // The user's own records are looked for in their whole scope, whichever unit the list is narrowed to.
    const items = [...report.items, ...(await itemsDue(ctx.db, scope, ctx.session, report.asOf))];
    return { ...report, items, myInstructorIds: await myInstructorIds(ctx.db, ctx.session.scopePath, ctx.session.userName) };
  },
  'orgLife.calendar': async (ctx, { month, unitId, orgId }) => {
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    return calendarMonth(ctx.db, scope, await settingsFor(ctx.db, scope), month, todayInBeijing(ctx.now()), orgId);
  },
  'orgLife.recordBook': async (ctx, p) => recordBook(ctx.db, ctx.session.scopePath, await settingsFor(ctx.db, ctx.session.scopePath), p),
};
