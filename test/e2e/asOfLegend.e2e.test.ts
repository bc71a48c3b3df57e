// 考核预警 for a past month says which org tree it judges: the legend beside the period names the day
// since which this device records changes (zh and en), end to end in Chromium on a two-county
// synthetic province with one recorded change. Screenshots at 1366×768 under /work/shots/asof.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openProfile, setIdentity } from '../../db/profile.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { addMonths } from '../../shared/orglife/periods.js';
import { generateProvince } from '../synthetic/generate.js';
import { startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';

const SHOTS = '/work/shots/asof';
let app: RunningApp;
let browser: Browser;
let page: Page;
const lastMonth = addMonths(`${todayInBeijing().slice(0, 7)}-01`, -1).slice(0, 7);

async function keep(name: string) {
  const file = await shot(page, `asof-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-e2e-asof-'));
  const profile = await openProfile(dir);
  await generateProvince(profile.store.raw, { counties: 2, seed: 1, today: todayInBeijing() });
  await setIdentity(profile.store, { role: 'hq_admin', scopePath: '/', userName: '省公司管理员（合成）' });
  await profile.store.close();
  app = await startApp(dir);
  // One change made here: record history begins today.
  const outlets = await app.backend.call('outlets.list', { limit: 1 });
  if (!outlets.ok) throw new Error(outlets.error.message);
  const o = (outlets.data as { rows: { id: string }[] }).rows[0]!;
  const got = await app.backend.call('outlets.get', { id: o.id });
  if (!got.ok) throw new Error(got.error.message);
  const x = got.data as { id: string; code: string; name: string; channelType: string; countyId: string; gridId: string | null };
  const saved = await app.backend.call('outlets.save', { id: x.id, code: x.code, name: `${x.name}（更名）`, channelType: x.channelType, countyId: x.countyId, gridId: x.gridId });
  if (!saved.ok) throw new Error(saved.error.message);
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.goto(app.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function pickLastMonth(label: RegExp) {
  const input = page.getByLabel(label).first();
  await input.click();
  await input.fill(lastMonth);
  await input.press('Enter');
}

it('names the tree a past month is judged on, in Chinese and English', async () => {
  await page.getByRole('menuitem', { name: /考核预警/ }).click({ timeout: 30_000 });
  await expect.poll(() => page.getByTestId('as-counts').count(), { timeout: 60_000 }).toBe(1);
  expect(await page.getByTestId('as-past-tree').count()).toBe(0); // the running month: today's tree
  await pickLastMonth(/^月份$/);
  await expect.poll(() => page.getByText(`截至 ${lastMonth}-`).count(), { timeout: 60_000 }).toBeGreaterThan(0);
  const legend = page.getByTestId('as-past-tree');
  await expect.poll(() => legend.count(), { timeout: 60_000 }).toBe(1);
  await legend.hover();
  const tip = page.getByRole('tooltip');
  await expect.poll(() => tip.textContent(), { timeout: 10_000 }).toContain(`过去期间按当时的组织架构计算（自 ${todayInBeijing()} 起有修改记录）`);
  await keep('01-past-month-legend-zh');

  await page.evaluate(`localStorage.setItem('rc.lang', 'en')`);
  await page.reload();
  await page.getByRole('menuitem', { name: /Assessment/ }).click({ timeout: 30_000 });
  await expect.poll(() => page.getByTestId('as-counts').count(), { timeout: 60_000 }).toBe(1);
  await pickLastMonth(/^Month$/);
  await expect.poll(() => page.getByText(`as of ${lastMonth}-`).count(), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect.poll(() => legend.count(), { timeout: 60_000 }).toBe(1);
  await legend.hover();
  await expect.poll(() => tip.textContent(), { timeout: 10_000 }).toContain(`changes recorded since ${todayInBeijing()}`);
  await keep('02-past-month-legend-en');
}, 240_000);
