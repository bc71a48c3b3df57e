// The board's lights are kept in memory while nothing is written (db/assessment/lightsMemo.ts): a
// look that follows a save, a sync, another connection's commit or the next day must show the change,
// never the lights from before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { boardSettings, computeLights, monthOf } from '../../db/assessment/board.js';
import { openRaw } from '../../db/open.js';
import type { BoardLight } from '../../shared/assessment/types.js';
import { tempProfile } from '../support/store.js';
import { call } from '../support/builders.js';
import { buildWorld, themeDay, type World } from '../orglife/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
let now = new Date('2026-11-20T04:00:00Z');

beforeEach(async () => {
  now = new Date('2026-11-20T04:00:00Z');
  p = await tempProfile();
  ctx = { ...p.context(), now: () => now, session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const attendance = (lights: readonly BoardLight[]) => lights.find((l) => l.subjectKind === 'org' && l.subjectId === w.branch.id && l.indicator === 'attendance');
const lightsOf = async (month: string, today: string) => computeLights(ctx.db, p.session.scopePath, await boardSettings(ctx.db, p.session.scopePath), monthOf(month), today);

describe('the board kept while nothing changes', () => {
  it('serves the lights it computed while nothing is written, and a save shows on the next look', async () => {
    const held = await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    const first = await lightsOf('2026-11', '2026-11-20');
    expect(attendance(first)).toMatchObject({ colour: 'yellow', value: 0.75 });
    expect(await lightsOf('2026-11', '2026-11-20')).toBe(first);
    // The absent member turns out to have been there.
    const input = themeDay(w, '2026-11-05');
    await call(ctx, 'activities.save', { ...input, id: held.id, attendance: input.attendance!.map((a) => (a.status === 'absent' ? { personId: a.personId, status: 'present' as const } : a)) });
    const after = await call(ctx, 'assessment.board', { period: '2026-11' });
    expect(attendance(after.lights)).toMatchObject({ colour: 'green', value: 1 });
  });

  it('shows what another connection committed', async () => {
    await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    expect(attendance((await call(ctx, 'assessment.board', { period: '2026-11' })).lights)).toMatchObject({ value: 0.75 });
    const other = openRaw(p.store.file);
    try {
      other.prepare(`UPDATE attendance SET status = 'present' WHERE status = 'absent'`).run();
    } finally {
      other.close();
    }
    expect(attendance((await call(ctx, 'assessment.board', { period: '2026-11' })).lights)).toMatchObject({ colour: 'green', value: 1 });
  });

  it('computes anew on the next day, and keeps each month apart', async () => {
    await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    const today = await lightsOf('2026-11', '2026-11-20');
    const october = await lightsOf('2026-10', '2026-11-20');
    expect(october).not.toBe(today);
    expect(attendance(october)).toBeUndefined(); // nothing was held in October
    expect(await lightsOf('2026-11', '2026-11-20')).toBe(today);
    expect(await lightsOf('2026-11', '2026-11-21')).not.toBe(today);
    now = new Date('2026-11-21T04:00:00Z');
    const board = await call(ctx, 'assessment.board', { period: '2026-11' });
    expect(board.asOf).toBe('2026-11-21');
  });

  it('hands out lights nobody can change for the next one who asks', async () => {
    await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    const lights = await lightsOf('2026-11', '2026-11-20');
    const l = attendance(lights)! as { colour: string; causes: unknown[] };
    expect(() => { l.colour = 'green'; }).toThrow(TypeError);
    expect(() => l.causes.push({})).toThrow(TypeError);
    expect(attendance(await lightsOf('2026-11', '2026-11-20'))).toMatchObject({ colour: 'yellow' });
  });
});
