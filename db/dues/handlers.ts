// The functions behind shared/dues/contract.ts.
import { todayInBeijing } from '../../shared/core/dates.js';
import type { duesContract } from '../../shared/dues/contract.js';
import { seesDuesAmounts } from '../../shared/dues/privacy.js';
import { duesSettings, type DuesSettings } from '../../shared/dues/settings.js';
import type { HandlerMap } from '../api/types.js';
import type { ApiContext } from '../context.js';
import { scopeFor } from '../scope.js';
import { readSettings } from '../system/settings.js';
import { exportLedger } from './export.js';
import { duesList, memberDues, standingList } from './lists.js';
import { flaggedMembers } from './standing.js';
import { memberIn, pay, setBase } from './write.js';
import { amountsView, seesAnyAmount } from './visibility.js';

const settings = async (ctx: ApiContext, scope: string): Promise<DuesSettings> => duesSettings(await readSettings(ctx.db, scope));

export const duesHandlers: HandlerMap<keyof typeof duesContract> = {
  'dues.rules': async (ctx) => {
    const view = await amountsView(ctx);
    return {
      settings: await settings(ctx, ctx.session.scopePath), seesAmounts: seesAnyAmount(view), mayRecord: seesDuesAmounts(ctx.session.role),
      thisMonth: todayInBeijing(ctx.now()).slice(0, 7), secretaryOf: view.branches.map((b) => b.name),
    };
  },
  'dues.list': async (ctx, { unitId, ...f }) => {
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    return duesList(ctx, scope, await settings(ctx, scope), f);
  },
  'dues.member': async (ctx, { personId }) => {
    const m = await memberIn(ctx, personId);
    return memberDues(ctx, m, await settings(ctx, m.scopePath));
  },
  'dues.export': async (ctx, { unitId, year }) => exportLedger(ctx, await scopeFor(ctx.db, ctx.session.scopePath, unitId), year),
  'dues.setBase': async (ctx, input) => {
    await setBase(ctx, input);
    const m = await memberIn(ctx, input.personId);
    return memberDues(ctx, m, await settings(ctx, m.scopePath));
  },
  'dues.pay': async (ctx, input) => {
    const m = await memberIn(ctx, input.personId);
    const s = await settings(ctx, m.scopePath);
    await pay(ctx, s, input);
    return memberDues(ctx, m, s);
  },
  'standing.member': async (ctx, { personId }) => {
    await memberIn(ctx, personId);
    const hit = (await flaggedMembers(ctx.db, ctx.session.scopePath, todayInBeijing(ctx.now()))).find((f) => f.m.personId === personId);
    return hit ? { flags: hit.st.flags, noOrgLifeMonths: hit.st.noOrgLifeMonths, duesUnpaidRun: hit.st.duesUnpaidRun } : null;
  },
  'standing.list': async (ctx, { unitId, ...f }) => {
    const scope = await scopeFor(ctx.db, ctx.session.scopePath, unitId);
    return standingList(ctx, scope, await settings(ctx, scope), f);
  },
};
