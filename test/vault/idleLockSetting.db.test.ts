// The idle lock time is reference data: settings.set takes a whole number of minutes within bounds
// and refuses anything else in Chinese and English, writing nothing; the renderer reads it back.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { IDLE_LOCK_DEFAULT_MINUTES, IDLE_LOCK_SETTING_KEY, idleLockMinutes } from '../../shared/security/settings.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
const rows = () => (p.store.raw.prepare('SELECT count(*) AS n FROM settings WHERE key = ?').get(IDLE_LOCK_SETTING_KEY) as { n: number }).n;

beforeEach(async () => {
  p = await tempProfile();
});
afterEach(async () => p.cleanup());

it('refuses an idle time out of bounds or not whole minutes, and takes one within', async () => {
  for (const value of [1, 241, 7.5, '10', null]) {
    const r = await dispatch(p.context(), 'settings.set', { key: IDLE_LOCK_SETTING_KEY, value });
    expect(r.ok || [r.error.code, r.error.message, r.error.messageEn]).toEqual([
      'validation',
      '自动锁定时间须为 2–240 之间的整数分钟',
      'The idle lock time must be a whole number of minutes from 2 to 240',
    ]);
  }
  expect(rows()).toBe(0);
  const before = await dispatch(p.context(), 'settings.get', {});
  expect(before.ok && idleLockMinutes(before.data as Record<string, unknown>)).toBe(IDLE_LOCK_DEFAULT_MINUTES);

  const ok = await dispatch(p.context(), 'settings.set', { key: IDLE_LOCK_SETTING_KEY, value: 5 });
  expect(ok.ok && idleLockMinutes(ok.data as Record<string, unknown>)).toBe(5);
  expect(rows()).toBe(1);
});
