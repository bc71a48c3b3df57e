// The board asks for the monthly and quarterly cadence only (db/assessment/cadence.ts) and reads the
// quarter's activities instead of the year's: the rows it gets must be exactly those a full report of
// the same range gives for those rules, including a quarterly meeting held before the month began.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { complianceRows } from '../../db/orglife/compliance.js';
import { settingsFor } from '../../db/orglife/settings.js';
import { tempProfile } from '../support/store.js';
import { call } from '../support/builders.js';
import { buildWorld, themeDay, type World } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

it('gives the monthly and quarterly rows of a full report, counted over whole quarters', async () => {
  await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
  await call(ctx, 'activities.save', themeDay(w, '2026-10-09', { type: 'general_meeting', title: '第四季度党员大会', agenda: '发展党员' }));
  await call(ctx, 'activities.save', themeDay(w, '2026-03-10', { type: 'org_life_meeting', title: '组织生活会', agenda: '批评与自我批评' }));
  const s = await settingsFor(ctx.db, p.session.scopePath);
  const range = { from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-20' }; // the quarter began before the range
  const full = await complianceRows(ctx.db, p.session.scopePath, s, range);
  const some = await complianceRows(ctx.db, p.session.scopePath, s, { ...range, units: ['month', 'quarter'] });
  expect(some).toEqual(full.filter((r) => r.rule.period === 'month' || r.rule.period === 'quarter'));
  const quarterly = some.find((r) => r.orgId === w.branch.id && r.type === 'general_meeting')!;
  expect(quarterly.periods.map((x) => [x.key, x.held])).toEqual([['2026-Q4', 1]]);
  expect(full.some((r) => r.type === 'org_life_meeting' && r.orgId === w.branch.id && r.periods[0]!.held === 1)).toBe(true);
  expect(some.some((r) => r.rule.period === 'year')).toBe(false);
});
