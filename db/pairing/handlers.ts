// The functions behind shared/pairing/contract.ts: 结对共建 agreements and their joint meetings.
import type { pairingContract } from '../../shared/pairing/contract.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { nowIso, type ApiContext } from '../context.js';
import type { HandlerMap } from '../api/types.js';
import { scopeFor } from '../scope.js';
import { exportPairings } from './export.js';
import { getPairing, linkMeeting, listPairings, savePairing } from './pairings.js';

const today = (ctx: ApiContext) => todayInBeijing(ctx.now());

export const pairingHandlers: HandlerMap<keyof typeof pairingContract> = {
  'pairings.list': async (ctx, f) => listPairings(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, f.unitId), f, today(ctx)),
  'pairings.get': async (ctx, { id }) => getPairing(ctx.db, ctx.session, id, today(ctx)),
  'pairings.save': async (ctx, input) => getPairing(ctx.db, ctx.session, await savePairing(ctx.db, ctx.session, input, today(ctx), nowIso(ctx)), today(ctx)),
  'pairings.meeting': async (ctx, input) => {
    await linkMeeting(ctx.db, ctx.session, input, today(ctx), nowIso(ctx));
    return getPairing(ctx.db, ctx.session, input.pairingId, today(ctx));
  },
  'pairings.export': async (ctx, input) => exportPairings(ctx, input),
};
