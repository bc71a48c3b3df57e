// The functions behind shared/points/contract.ts.
import { assertMayDo, permissionsOf } from '../../shared/points/roles.js';
import type { pointsContract } from '../../shared/points/contract.js';
import type { HandlerMap } from '../api/types.js';
import type { ApiContext } from '../context.js';
import { scopeFor } from '../scope.js';
import { deriveQuarter } from './derive.js';
import { addManualEntry } from './entries.js';
import { exportQuarter } from './export.js';
import { answerObjection, approve, publish, raiseObjection, reopen } from './publish.js';
import { pointsSettingsFor } from './settings.js';
import { branchIn, objectionsOf, publicationIn } from './store.js';
import { quarterTable } from './table.js';
import { branchOptions, personLedger, yearTable } from './views.js';

const rules = async (ctx: ApiContext, scope: string) => (await pointsSettingsFor(ctx.db, scope)).settings;

export const pointsHandlers: HandlerMap<keyof typeof pointsContract> = {
  'points.rules': async (ctx) => {
    const { settings, isLocal } = await pointsSettingsFor(ctx.db, ctx.session.scopePath);
    return { settings, isLocal, may: permissionsOf(ctx.session.role) };
  },
  'points.branches': async (ctx, { unitId }) => branchOptions(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, unitId)),
  'points.table': async (ctx, { orgId, quarter }) => {
    const b = await branchIn(ctx.db, orgId, ctx.session.scopePath);
    return quarterTable(ctx, b, quarter, await rules(ctx, b.scopePath));
  },
  'points.year': async (ctx, { orgId, year }) => {
    const b = await branchIn(ctx.db, orgId, ctx.session.scopePath);
    return yearTable(ctx, b, year, await rules(ctx, b.scopePath));
  },
  'points.ledger': async (ctx, { personId, year }) => personLedger(ctx, personId, year, await rules(ctx, ctx.session.scopePath)),
  'points.export': async (ctx, { orgId, quarter }) => {
    const b = await branchIn(ctx.db, orgId, ctx.session.scopePath);
    return exportQuarter(ctx, b, quarter, await rules(ctx, b.scopePath));
  },
  'points.derive': async (ctx, { orgId, quarter }) => {
    assertMayDo(ctx.session.role, 'derive');
    const b = await branchIn(ctx.db, orgId, ctx.session.scopePath);
    return { ...(await deriveQuarter(ctx, b, quarter, await rules(ctx, b.scopePath))), quarter };
  },
  'points.addEntry': async (ctx, input) => addManualEntry(ctx, input, await rules(ctx, ctx.session.scopePath)),
  'points.publish': async (ctx, { orgId, quarter }) => {
    const b = await branchIn(ctx.db, orgId, ctx.session.scopePath);
    const s = await rules(ctx, b.scopePath);
    await publish(ctx, b, quarter, s);
    return quarterTable(ctx, b, quarter, s);
  },
  'points.object': async (ctx, { publicationId, personId, text }) => {
    const id = await raiseObjection(ctx, publicationId, personId, text);
    return (await objectionsOf(ctx.db, publicationId)).find((o) => o.id === id)!;
  },
  'points.answer': async (ctx, { objectionId, answer }) => answerObjection(ctx, objectionId, answer),
  'points.approve': async (ctx, { publicationId }) => {
    const pub = await publicationIn(ctx.db, publicationId, ctx.session.scopePath);
    const b = await branchIn(ctx.db, pub.orgId, ctx.session.scopePath);
    const s = await rules(ctx, b.scopePath);
    await approve(ctx, pub, b, s);
    return quarterTable(ctx, b, pub.quarter, s);
  },
  'points.reopen': async (ctx, { publicationId, reason }) => {
    const pub = await publicationIn(ctx.db, publicationId, ctx.session.scopePath);
    const b = await branchIn(ctx.db, pub.orgId, ctx.session.scopePath);
    await reopen(ctx, pub, reason);
    return quarterTable(ctx, b, pub.quarter, await rules(ctx, b.scopePath));
  },
};
