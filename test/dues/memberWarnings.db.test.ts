// The member-warnings list reads a year of attendance marks only for the last months its rules look
// at, and looks up the rest by person (db/dues/standing.ts lastSeen): the months without organisation
// life it shows must not change with that. On 2026-11-10 (last complete month October, window from
// 2026-04): 王建国 was present in June (inside the window): 4 months, not flagged; 李秀英 and 张伟
// last in January (outside it): 9 months; 刘洋 never, with records since January: 10 months.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { lastAttendedIn } from '../../db/dues/store.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildWorld, themeDay, type World } from '../points/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const nov = () => at(ctx, '2026-11-10', 'county_organiser');

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
  await call(ctx, 'activities.save', themeDay(w, '2026-01-15'));
  const [wang, li, zhang, liu] = w.full;
  await call(ctx, 'activities.save', themeDay(w, '2026-06-10', {
    recorderPersonId: wang!.id,
    attendance: [
      { personId: wang!.id, status: 'present' }, ...[li!, zhang!, liu!].map((x) => ({ personId: x.id, status: 'absent' as const, reason: '出差' })),
      { personId: w.probationary.id, status: 'excused', reason: '病假' },
    ],
  }));
});
afterEach(async () => p.cleanup());

describe('member warnings over a year of marks', () => {
  it('shows the same months without org life for members last seen inside and outside the window', async () => {
    const s = await call(nov(), 'standing.list', { limit: 50 });
    const months = Object.fromEntries(s.rows.map((r) => [r.name, r.noOrgLifeMonths]));
    expect(months).toMatchObject({ 李秀英: 9, 张伟: 9, 刘洋: 10 });
    expect(months['王建国']).toBeUndefined();
    // the longest gap first
    expect(s.rows[0]!.noOrgLifeMonths).toBe(Math.max(...s.rows.map((r) => r.noOrgLifeMonths)));
    // and the same as the whole year's marks read at once
    const all = await lastAttendedIn(ctx.db, '/');
    expect([all.get(w.full[0]!.id), all.get(w.full[1]!.id), all.get(w.full[3]!.id)]).toEqual(['2026-06', '2026-01', undefined]);
  });

  it('drops a member from the list once present again', async () => {
    await call(ctx, 'activities.save', themeDay(w, '2026-10-20'));
    const s = await call(nov(), 'standing.list', { limit: 50 });
    expect(s.rows.map((r) => r.name)).not.toContain('李秀英');
    expect(s.rows.find((r) => r.name === '刘洋')!.noOrgLifeMonths).toBe(10);
  });
});
