// The functions behind shared/teams/contract.ts: 岗区队 and 承诺践诺.
import type { teamsContract } from '../../shared/teams/contract.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { nowIso, type ApiContext } from '../context.js';
import type { HandlerMap } from '../api/types.js';
import { scopeFor } from '../scope.js';
import { exportTeams } from './export.js';
import { getPledge, listPledges, reviewPledge, savePledge } from './pledges.js';
import { work334SettingsFor } from './settings.js';
import { getTeam, listTeams, saveTeam } from './teams.js';

const today = (ctx: ApiContext) => todayInBeijing(ctx.now());
const settings = (ctx: ApiContext) => work334SettingsFor(ctx.db, ctx.session.scopePath);

export const teamsHandlers: HandlerMap<keyof typeof teamsContract> = {
  'teams.list': async (ctx, f) => listTeams(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, f.unitId), f, today(ctx)),
  'teams.get': async (ctx, { id }) => getTeam(ctx.db, ctx.session, id, today(ctx)),
  'teams.save': async (ctx, input) => {
    const id = await saveTeam(ctx.db, ctx.session, input, (await settings(ctx)).minMembers, nowIso(ctx));
    return getTeam(ctx.db, ctx.session, id, today(ctx));
  },
  'teams.export': async (ctx, input) => exportTeams(ctx, input),
  'pledges.list': async (ctx, f) => listPledges(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, f.unitId), f, (await settings(ctx)).pledgeReviewFrom),
  'pledges.save': async (ctx, input) => {
    const id = await savePledge(ctx.db, ctx.session, input, today(ctx), nowIso(ctx));
    return getPledge(ctx.db, ctx.session, id, (await settings(ctx)).pledgeReviewFrom);
  },
  'pledges.review': async (ctx, input) => {
    const from = (await settings(ctx)).pledgeReviewFrom;
    await reviewPledge(ctx.db, ctx.session, input, from, today(ctx), nowIso(ctx));
    return getPledge(ctx.db, ctx.session, input.id, from);
  },
};
