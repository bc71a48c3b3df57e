// Handlers of the registry in depth (shared/contract/census.ts), and the registry's stricter
// versions of three people operations (spread after registryHandlers in db/api/index.ts):
// - people.list searches the FTS index, with digit search limited by role;
// - people.get masks id and phone for every role and checks scope (full values: people.reveal);
// - people.save records changes of standing, mobility, lost contact and political status as history.
import type { censusContract } from '../../shared/contract/census.js';
import type { PersonDetail } from '../../shared/contract/types.js';
import { canSeeFullIds, nowIso, type ApiContext } from '../context.js';
import { savePerson } from '../queries/people.js';
import { listAudit } from '../registry/audit.js';
import { findBreaches } from '../registry/breaches.js';
import { censusOutlet } from '../registry/census.js';
import { coverageOutlets, coverageRanking, coverageSummary } from '../registry/coverage.js';
import { findDuplicates } from '../registry/duplicates.js';
import { exportList } from '../registry/export/lists.js';
import { personHistory, recordHistory } from '../registry/history.js';
import { commitRoster, previewRoster } from '../registry/import/index.js';
import { rosterTemplate } from '../registry/import/template.js';
import { lostContactRegister, mobilityRegister, recordChange, scopeFor } from '../registry/lifecycle.js';
import { mergePeople } from '../registry/merge.js';
import { listPeopleSearched } from '../registry/peoplePage.js';
import { advance, pipeline } from '../registry/pipeline.js';
import { getPersonMasked, revealPerson } from '../registry/privacy.js';
import type { HandlerMap } from './types.js';

async function detail(ctx: ApiContext, id: string): Promise<PersonDetail> {
  const { scopePath: _scope, ...p } = await getPersonMasked(ctx.db, ctx.session.scopePath, id);
  return p;
}

/** What people.save may change that the history keeps. */
async function memberState(ctx: ApiContext, personId: string) {
  const p = await ctx.db.selectFrom('people').select(['political_status']).where('id', '=', personId).where('deleted', '=', 0).executeTakeFirst();
  const m = await ctx.db
    .selectFrom('members')
    .select(['standing', 'mobility', 'mobility_destination', 'lost_contact', 'branch_id', 'scope_path'])
    .where('person_id', '=', personId)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  return { status: p?.political_status ?? null, m };
}

export const peopleOverrides: HandlerMap<'people.list' | 'people.get' | 'people.save'> = {
  'people.list': async (ctx, f) => listPeopleSearched(ctx.db, ctx.session.scopePath, f, canSeeFullIds(ctx.session.role)),
  'people.get': async (ctx, { id }) => detail(ctx, id),
  'people.save': async (ctx, input) => {
    const now = nowIso(ctx);
    const before = input.id ? await memberState(ctx, input.id) : null;
    const id = await savePerson(ctx.db, input, now, ctx.session.scopePath);
    if (before) {
      const after = await memberState(ctx, id);
      const scopePath = after.m?.scope_path ?? ctx.session.scopePath;
      const h = { personId: id, onDate: now.slice(0, 10), reason: '在人员信息中修改', scopePath };
      const by = ctx.session.userName;
      await recordHistory(ctx.db, { ...h, kind: 'political_status', from: before.status, to: after.status }, by, now);
      if (before.m && after.m) {
        await recordHistory(ctx.db, { ...h, kind: 'standing', from: before.m.standing, to: after.m.standing }, by, now);
        await recordHistory(ctx.db, { ...h, kind: 'branch', from: before.m.branch_id, to: after.m.branch_id }, by, now);
        const mob = (x: { mobility: string; mobility_destination: string | null }) => (x.mobility === 'none' ? 'none' : `${x.mobility}:${x.mobility_destination ?? ''}`);
        await recordHistory(ctx.db, { ...h, kind: 'mobility', from: mob(before.m), to: mob(after.m) }, by, now);
        const lost = (x: { lost_contact: number }) => (x.lost_contact ? 'lost' : 'in_contact');
        await recordHistory(ctx.db, { ...h, kind: 'lost_contact', from: lost(before.m), to: lost(after.m) }, by, now);
      }
    }
    return detail(ctx, id);
  },
};

export const censusHandlers: HandlerMap<keyof typeof censusContract> = {
  'people.reveal': async (ctx, { id }) => revealPerson(ctx, id),
  'registry.audit': async (ctx, f) => listAudit(ctx.db, ctx.session.scopePath, f),
  'census.outlet': async (ctx, { outletId }) => censusOutlet(ctx.db, ctx.session.scopePath, outletId),

  'people.history': async (ctx, { personId }) => {
    await getPersonMasked(ctx.db, ctx.session.scopePath, personId); // scope check
    return personHistory(ctx.db, personId);
  },
  'members.recordChange': async (ctx, { personId, change }) => {
    await recordChange(ctx, personId, change);
    return detail(ctx, personId);
  },
  'recruits.pipeline': async (ctx, f) => pipeline(ctx, f),
  'recruits.advance': async (ctx, a) => advance(ctx, a),
  'members.mobilityRegister': async (ctx, f) => mobilityRegister(ctx, f),
  'members.lostContactRegister': async (ctx, f) => lostContactRegister(ctx, f),

  'duplicates.list': async (ctx, { unitId }) => findDuplicates(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, unitId)),
  'duplicates.merge': async (ctx, a) => mergePeople(ctx, a),

  'coverage.summary': async (ctx, { unitId }) => coverageSummary(ctx, unitId, (await findBreaches(ctx, { unitId })).length),
  'coverage.outlets': async (ctx, f) => coverageOutlets(ctx, f),
  'coverage.ranking': async (ctx, f) => coverageRanking(ctx, f),
  'coverage.breaches': async (ctx, f) => findBreaches(ctx, f),

  'roster.template': async () => rosterTemplate(),
  'roster.preview': async (ctx, input) => previewRoster(ctx, input),
  'roster.commit': async (ctx, input) => commitRoster(ctx, input),
  'registry.export': async (ctx, input) => exportList(ctx, input),
};
