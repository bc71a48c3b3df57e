// The org feature's operations (shared/org/contract.ts): units, outlets, Party organisations, instructors.
import type { orgContract } from '../../shared/org/contract.js';
import { nowIso } from '../context.js';
import { listOrgUnits, saveOrgUnit } from './orgUnits.js';
import { deleteOutlet, getOutlet, listOutlets, saveOutlet } from './outlets.js';
import { deletePartyOrg, getPartyOrg, listGroups, listPartyOrgs, saveGroup, savePartyOrg } from './partyOrgs.js';
import { listInstructors, saveInstructor } from './instructors.js';
import type { HandlerMap } from '../api/types.js';

export const orgHandlers: HandlerMap<keyof typeof orgContract> = {
  'orgUnits.list': async (ctx) => listOrgUnits(ctx.db, ctx.session.scopePath),
  'orgUnits.save': async (ctx, input) => {
    const id = await saveOrgUnit(ctx.db, input, nowIso(ctx), ctx.session.scopePath);
    const all = await listOrgUnits(ctx.db, ctx.session.scopePath);
    return all.find((u) => u.id === id)!;
  },

  'outlets.list': async (ctx, f) => listOutlets(ctx.db, ctx.session.scopePath, f),
  'outlets.get': async (ctx, { id }) => getOutlet(ctx.db, id),
  'outlets.save': async (ctx, input) => getOutlet(ctx.db, await saveOutlet(ctx.db, input, nowIso(ctx), ctx.session.scopePath)),
  'outlets.delete': async (ctx, { id }) => {
    await deleteOutlet(ctx.db, id, nowIso(ctx));
    return { id };
  },

  'partyOrgs.list': async (ctx, f) => listPartyOrgs(ctx.db, ctx.session.scopePath, f),
  'partyOrgs.get': async (ctx, { id }) => getPartyOrg(ctx.db, id),
  'partyOrgs.save': async (ctx, input) => getPartyOrg(ctx.db, await savePartyOrg(ctx.db, input, nowIso(ctx), ctx.session.scopePath)),
  'partyOrgs.delete': async (ctx, { id }) => {
    await deletePartyOrg(ctx.db, id, nowIso(ctx));
    return { id };
  },
  'partyGroups.save': async (ctx, input) => {
    const id = await saveGroup(ctx.db, input, nowIso(ctx));
    return (await listGroups(ctx.db, input.branchId)).find((g) => g.id === id)!;
  },

  'instructors.list': async (ctx, { unitId }) => listInstructors(ctx.db, ctx.session.scopePath, unitId),
  'instructors.save': async (ctx, input) => {
    const id = await saveInstructor(ctx.db, input, nowIso(ctx), ctx.session.scopePath);
    return (await listInstructors(ctx.db, ctx.session.scopePath)).find((i) => i.id === id)!;
  },
};
