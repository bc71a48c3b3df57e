// The points rules as reference data: a county adjusts values and caps within HQ's bounds through
// settings.set, and the tally follows; a rule set outside the bounds, bounds set below HQ, or an
// instructor changing rules are refused in Chinese and English with nothing written.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { POINTS_DEFAULTS } from '../../shared/points/settings.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildWorld, recordQ3, totals, type World } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let hq: ApiContext;
let county: ApiContext;
let w: World;
const settingsRows = () => (p.store.raw.prepare(`SELECT count(*) AS n FROM settings WHERE key LIKE 'points.%'`).get() as { n: number }).n;
const withThemeDay = (value: number, cap: number) => POINTS_DEFAULTS.items.map((i) => (i.key === 'theme_day' ? { ...i, value, cap } : i));

beforeEach(async () => {
  p = await tempProfile();
  hq = { ...p.context(), session: { ...p.context().session, role: 'hq_admin', scopePath: '/' } };
  w = await buildWorld(hq);
  await recordQ3(hq, w);
  county = { ...at(hq, '2026-10-05'), session: { ...hq.session, role: 'county_organiser', scopePath: w.county.path } };
});
afterEach(async () => p.cleanup());

it('applies a county rule set inside the bounds to the tally', async () => {
  await call(county, 'settings.set', { key: 'points.items', value: withThemeDay(4, 16) });
  const rules = await call(county, 'points.rules', {});
  expect([rules.isLocal, rules.settings.items.find((i) => i.key === 'theme_day')]).toEqual([true, expect.objectContaining({ value: 4, cap: 16 })]);
  await call(county, 'points.derive', { orgId: w.branch.id, quarter: '2026-Q3' });
  const t = await call(county, 'points.table', { orgId: w.branch.id, quarter: '2026-Q3' });
  expect(totals(t.rows)).toEqual({ 王建国: 81, 李秀英: 78, 张伟: 78, 刘洋: 70, 陈预备: 70 });
});

it('refuses values beyond HQ\'s bounds, bounds set below HQ and rules changed by an instructor, writing nothing', async () => {
  const over = await dispatch(county, 'settings.set', { key: 'points.items', value: withThemeDay(11, 16) });
  expect(over.ok || [over.error.message, over.error.messageEn]).toEqual(['输入有误：“参加主题党日”的分值须在 0–10 之间', 'Invalid input: “Attending a theme day” must be worth 0–10 points']);
  const base = await dispatch(county, 'settings.set', { key: 'points.base', value: 85 });
  expect(base.ok || base.error.message).toBe('输入有误：基础分须在 60–80 之间');
  const bounds = await dispatch(county, 'settings.set', { key: 'points.bounds', value: { ...POINTS_DEFAULTS.bounds, maxValue: 20 } });
  expect(bounds.ok || bounds.error.message).toBe('输入有误：积分规则的允许范围只能由省公司统一设置');
  const instructor = await dispatch({ ...county, session: { ...county.session, role: 'instructor' } }, 'settings.set', { key: 'points.base', value: 75 });
  expect(instructor.ok || instructor.error.message).toBe('您的角色不能修改积分规则');
  expect(settingsRows()).toBe(0);

  // HQ widens the bounds; the same rule set is now taken.
  await call(hq, 'settings.set', { key: 'points.bounds', value: { ...POINTS_DEFAULTS.bounds, maxValue: 12 } });
  await call(county, 'settings.set', { key: 'points.items', value: withThemeDay(11, 16) });
  expect((await call(county, 'points.rules', {})).settings.items.find((i) => i.key === 'theme_day')!.value).toBe(11);
});
