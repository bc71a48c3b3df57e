// The functions behind shared/honours/contract.ts: honours and accountability records.
import type { honoursContract } from '../../shared/honours/contract.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { nowIso, type ApiContext } from '../context.js';
import type { HandlerMap } from '../api/types.js';
import { scopeFor } from '../scope.js';
import { decideHonour, getAccount, getHonour, kindsFor, listAccounts, listHonours, proposeHonour, recordOutcome, saveAccount } from './honours.js';

const today = (ctx: ApiContext) => todayInBeijing(ctx.now());

export const honoursHandlers: HandlerMap<keyof typeof honoursContract> = {
  'honours.kinds': async (ctx) => ({ kinds: await kindsFor(ctx.db, ctx.session.scopePath) }),
  'honours.list': async (ctx, f) => listHonours(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, f.unitId), f),
  'honours.propose': async (ctx, input) => getHonour(ctx.db, ctx.session, await proposeHonour(ctx.db, ctx.session, input, today(ctx), nowIso(ctx))),
  'honours.decide': async (ctx, input) => {
    await decideHonour(ctx.db, ctx.session, input, today(ctx), nowIso(ctx));
    return getHonour(ctx.db, ctx.session, input.id);
  },
  'accountability.list': async (ctx, f) => listAccounts(ctx.db, ctx.session, await scopeFor(ctx.db, ctx.session.scopePath, f.unitId), f, today(ctx)),
  'accountability.save': async (ctx, input) => getAccount(ctx.db, ctx.session, await saveAccount(ctx.db, ctx.session, input, today(ctx), nowIso(ctx)), today(ctx)),
  'accountability.outcome': async (ctx, input) => {
    await recordOutcome(ctx.db, ctx.session, input, today(ctx), nowIso(ctx));
    return getAccount(ctx.db, ctx.session, input.id, today(ctx));
  },
};
