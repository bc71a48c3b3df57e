// points.rectifyDays through settings.set: a whole number of days from 1 to 365, refused otherwise
// in Chinese and English with nothing written; an instructor may not change it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
const stored = () => p.store.raw.prepare(`SELECT value_json FROM settings WHERE key = 'points.rectifyDays' AND deleted = 0`).all();

beforeEach(async () => {
  p = await tempProfile();
  ctx = { ...p.context(), session: { ...p.context().session, role: 'county_organiser' } };
});
afterEach(async () => p.cleanup());

it('refuses 0, 366, 2.5 and text with a bilingual message and stores nothing', async () => {
  for (const value of [0, 366, 2.5, '30']) {
    const r = await dispatch(ctx, 'settings.set', { key: 'points.rectifyDays', value });
    expect(r.ok || [r.error.message, r.error.messageEn]).toEqual([
      '输入有误：三单整改期限须为 1–365 之间的整数天', 'Invalid input: The three-lists rectification window must be a whole number of days from 1 to 365']);
  }
  expect(stored()).toEqual([]);
  expect((await call(ctx, 'points.rules', {})).settings.rectifyDays).toBe(30);
});

it('keeps 1 and 365, the edges, and the rules read them back', async () => {
  for (const value of [1, 365]) {
    await call(ctx, 'settings.set', { key: 'points.rectifyDays', value });
    expect((await call(ctx, 'points.rules', {})).settings.rectifyDays).toBe(value);
  }
});

it('is not the instructor\'s to change', async () => {
  const r = await dispatch({ ...ctx, session: { ...ctx.session, role: 'instructor' } }, 'settings.set', { key: 'points.rectifyDays', value: 20 });
  expect(r.ok).toBe(false);
  expect(stored()).toEqual([]);
});
