// Settling a due item from 待办 dates the record inside the item's period, so saving clears
// exactly that item: an overdue November theme day is settled in November, and December's
// item stays on the list (field trial: the form opened dated today and cleared December instead).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import type { DueItem } from '../../shared/orglife/due.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld, themeDay, type World } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const asOf = '2026-12-03';

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const themeItems = async () =>
  (await call(ctx, 'orgLife.due', { asOf })).items.filter((i) => i.orgId === w.branch.id && i.activityType === 'theme_day');
const key = (i: DueItem) => `${i.level}:${i.periodKey}`;

describe('settling from 待办', () => {
  it('opens an overdue item dated on its period’s last day and an open one dated today; saving on that date clears exactly that item', async () => {
    const items = await themeItems();
    expect(items.map(key)).toEqual(['overdue:2026-11', 'due:2026-12']);
    const [nov, dec] = items as [DueItem, DueItem];
    expect(nov.settle).toMatchObject({ form: 'activity', type: 'theme_day', orgId: w.branch.id, period: { key: '2026-11', start: '2026-11-01', end: '2026-11-30', on: '2026-11-30' } });
    expect(dec.settle).toMatchObject({ period: { key: '2026-12', start: '2026-12-01', end: '2026-12-31', on: asOf } });

    if (nov.settle.form !== 'activity') throw new Error('activity expected');
    await call(ctx, 'activities.save', themeDay(w, nov.settle.period.on));
    expect((await themeItems()).map(key)).toEqual(['due:2026-12']);
  });

  it('dates an overdue instructor visit inside its period as well', async () => {
    await call(ctx, 'instructorAssignments.save', { instructorId: w.instructor.id, outletId: w.outlet.id, validFrom: '2026-01-01', isContactPoint: true });
    const visits = (await call(ctx, 'orgLife.due', { asOf })).items.filter((i) => i.kind === 'visit');
    const late = visits.find((i) => i.level === 'overdue');
    expect(late?.settle).toMatchObject({ form: 'visit', period: { on: late?.deadline } });
  });
});
