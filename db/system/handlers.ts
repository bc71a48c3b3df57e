import { assertAssessmentSetting } from '../../shared/assessment/thresholds.js';
import { ApiError } from '../../shared/core/errors.js';
import { isUnder } from '../../shared/core/scope.js';
import type { systemContract } from '../../shared/system/contract.js';
import { canSeeFullIds, nowIso } from '../context.js';
import { getOrgUnit } from '../org/orgUnits.js';
import { overviewCounts } from '../people/people.js';
import { readSettings, writeSetting } from './settings.js';
import { assertPointsSetting } from '../points/settings.js';
import { assertWork334Setting } from '../../shared/teams/settings.js';
import { assertHonoursSetting } from '../../shared/honours/rules.js';
import { assertSecuritySetting } from '../../shared/security/settings.js';
import { assertQuizSetting } from '../../shared/quiz/settings.js';
import { assertDuesSetting } from '../../shared/dues/settings.js';
import type { HandlerMap } from '../api/types.js';
import { signedInUser } from '../vault/signedIn.js';

export const systemHandlers: HandlerMap<keyof typeof systemContract> = {
  'session.info': async (ctx) => {
    const signedIn = signedInUser(); // the device user signed in for this call (db/vault/signedIn.ts)
    return { ...ctx.session, canSeeFullIds: canSeeFullIds(ctx.session.role), ...(signedIn ? { signedInUser: signedIn } : {}) };
  },
  'overview.stats': async (ctx, { unitId }) => {
    let scope = ctx.session.scopePath;
    if (unitId) {
      const u = await getOrgUnit(ctx.db, unitId);
      if (isUnder(u.path, scope)) scope = u.path;
    }
    const { counts: c, byType } = await overviewCounts(ctx.db, scope);
    return {
      counties: Number(c.counties), outlets: Number(c.outlets), outletsWithMembers: Number(c.outlets_with_members),
      people: Number(c.people), members: Number(c.members), probationary: Number(c.probationary), partyOrgs: Number(c.party_orgs),
      outletsWithoutCoverage: Number(c.uncovered), outletsWithoutInstructor: Number(c.no_instructor),
      byChannelType: byType.map((b) => ({ channelType: b.channel_type, outlets: Number(b.outlets), members: Number(b.members ?? 0) })),
    };
  },
  'settings.get': async (ctx) => readSettings(ctx.db, ctx.session.scopePath),
  'settings.set': async (ctx, { key, value }) => {
    if (key.startsWith('assessment.')) assertAssessmentSetting(key, value);
    if (key.startsWith('points.')) await assertPointsSetting(ctx, key, value);
    if (key.startsWith('security.')) assertSecuritySetting(key, value);
    if (key.startsWith('teams.') || key.startsWith('milestones.')) assertWork334Setting(key, value);
    if (key.startsWith('honours.')) assertHonoursSetting(key, value);
    if (key.startsWith('quiz.')) assertQuizSetting(key, value);
    if (key.startsWith('dues.')) assertDuesSetting(key, value);
    // After the features' own checks (theirs say more). HQ refuses these rows from instructors and
    // auditors on sync (shared/sync/rights.ts); refusing here too keeps an instructor's own board
    // from running on thresholds nobody else sees until the next sync.
    const role = ctx.session.role;
    if (role === 'instructor' || role === 'auditor')
      throw new ApiError('forbidden', '只有县级组织员和省公司管理员可以修改系统设置', 'Only county organisers and HQ administrators change settings');
    await writeSetting(ctx.db, key, value, ctx.session.scopePath, nowIso(ctx));
    return readSettings(ctx.db, ctx.session.scopePath);
  },
};
