import type { registryContract } from '../../shared/contract/registry.js';
import { nowIso } from '../context.js';
import { listOrgUnits, saveOrgUnit } from '../queries/orgUnits.js';
import { deleteOutlet, getOutlet, listOutlets, saveOutlet } from '../queries/outlets.js';
import { deletePartyOrg, getPartyOrg, listGroups, listPartyOrgs, saveGroup, savePartyOrg } from '../queries/partyOrgs.js';
import { deletePerson } from '../queries/people.js';
import { listInstructors, saveInstructor } from '../queries/instructors.js';
import type { HandlerMap } from './types.js';

// people.list/get/save are implemented with the registry's privacy and history rules in census.ts.
export const registryHandlers: HandlerMap<Exclude<keyof typeof registryContract, 'people.list' | 'people.get' | 'people.save'>> = {
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

  'people.delete': async (ctx, { id }) => {
    await deletePerson(ctx.db, id, nowIso(ctx));
    return { id };
  },

  'instructors.list': async (ctx, { unitId }) => listInstructors(ctx.db, ctx.session.scopePath, unitId),
  'instructors.save': async (ctx, input) => {
    const id = await saveInstructor(ctx.db, input, nowIso(ctx), ctx.session.scopePath);
    return (await listInstructors(ctx.db, ctx.session.scopePath)).find((i) => i.id === id)!;
  },
};
