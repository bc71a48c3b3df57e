// The functions behind shared/milestones/contract.ts: goals, nodes, 节点对账 and rectification.
import type { milestonesContract } from '../../shared/milestones/contract.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { nowIso, type ApiContext } from '../context.js';
import type { HandlerMap } from '../api/types.js';
import { scopeFor } from '../scope.js';
import { work334SettingsFor } from '../teams/settings.js';
import { exportMilestones } from './export.js';
import { completeNode, getGoal, getNode, listNodes, saveGoal } from './nodes.js';
import { rectifyNode } from './rectify.js';

const today = (ctx: ApiContext) => todayInBeijing(ctx.now());

export const milestonesHandlers: HandlerMap<keyof typeof milestonesContract> = {
  'milestones.list': async (ctx, f) => listNodes(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, f.unitId), f, today(ctx)),
  'milestones.saveGoal': async (ctx, input) => getGoal(ctx.db, ctx.session, await saveGoal(ctx.db, ctx.session, input, nowIso(ctx)), today(ctx)),
  'milestones.complete': async (ctx, input) => {
    await completeNode(ctx.db, ctx.session, input, today(ctx), nowIso(ctx));
    return getNode(ctx.db, ctx.session, input.id, today(ctx));
  },
  'milestones.rectify': async (ctx, { id }) => {
    const { rectifyDueDays } = await work334SettingsFor(ctx.db, ctx.session.scopePath);
    await rectifyNode(ctx.db, ctx.session, id, rectifyDueDays, today(ctx), nowIso(ctx));
    return getNode(ctx.db, ctx.session, id, today(ctx));
  },
  'milestones.export': async (ctx, input) => exportMilestones(ctx, input),
};
