// The people feature's operations (shared/people/contract.ts), each implemented here once:
// - people.list searches the FTS index, with digit search limited by role;
// - people.get masks id and phone for every role and checks scope (full values: people.reveal);
// - people.save records changes of standing, mobility, lost contact and political status as history.
import type { peopleContract } from '../../shared/people/contract.js';
import { canSeeFullIds, nowIso } from '../context.js';
import { scopeFor } from '../scope.js';
import { deletePerson } from './people.js';
import { listAudit } from './audit.js';
import { findBreaches } from './breaches.js';
import { censusOutlet } from './census.js';
import { coverageOutlets, coverageRanking, coverageSummary } from './coverage.js';
import { findDuplicates } from './duplicates.js';
import { exportList } from './export/lists.js';
import { personHistory } from './history.js';
import { commitRoster, previewRoster } from './import/index.js';
import { rosterTemplate } from './import/template.js';
import { lostContactRegister, mobilityRegister, recordChange } from './lifecycle.js';
import { mergePeople } from './merge.js';
import { listPeopleSearched } from './peoplePage.js';
import { advance, pipeline } from './pipeline.js';
import { getPersonMasked, revealPerson } from './privacy.js';
import { personAttended, personHosted, personRecord } from './personRecord.js';
import { extendProbation } from './probation.js';
import { personDetail, savePersonWithHistory } from './savePerson.js';
import type { HandlerMap } from '../api/types.js';

export const peopleHandlers: HandlerMap<keyof typeof peopleContract> = {
  'people.list': async (ctx, f) => listPeopleSearched(ctx.db, ctx.session.scopePath, f, canSeeFullIds(ctx.session.role)),
  'people.get': async (ctx, { id }) => personDetail(ctx, id),
  'people.save': async (ctx, input) => savePersonWithHistory(ctx, input),
  'people.delete': async (ctx, { id }) => {
    await deletePerson(ctx.db, id, nowIso(ctx));
    return { id };
  },

  'people.reveal': async (ctx, { id }) => revealPerson(ctx, id),
  'registry.audit': async (ctx, f) => listAudit(ctx.db, ctx.session.scopePath, f),
  'census.outlet': async (ctx, { outletId }) => censusOutlet(ctx.db, ctx.session.scopePath, outletId),

  'people.history': async (ctx, { personId }) => {
    await getPersonMasked(ctx.db, ctx.session.scopePath, personId); // scope check
    return personHistory(ctx.db, personId);
  },
  'people.record': async (ctx, { id }) => personRecord(ctx, id),
  'people.attended': async (ctx, { personId, ...w }) => personAttended(ctx, personId, w),
  'people.hosted': async (ctx, { personId, ...w }) => personHosted(ctx, personId, w),
  'members.recordChange': async (ctx, { personId, change }) => {
    await recordChange(ctx, personId, change);
    return personDetail(ctx, personId);
  },
  'members.extendProbation': async (ctx, input) => {
    await extendProbation(ctx, input);
    return personRecord(ctx, input.personId);
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
