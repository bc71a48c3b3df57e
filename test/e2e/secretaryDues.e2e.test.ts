// A branch secretary sees their branch's dues amounts, in Chromium through browser mode: the county
// organiser records bases and payments and syncs; a PC enrolled with an instructor's code naming
// 王建国 (the branch's secretary) syncs, and its 党费 list shows the amounts of that branch's members
// and only paid/unpaid for the member of another branch. Screenshots at 1366×768 in zh and en.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { createEnrolCode } from '../../hq/auth.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { addMonth } from '../../shared/dues/rules.js';
import { call } from '../support/builders.js';
import { buildWorld, type World } from '../orglife/world.js';
import { enrolledDevice, type TestDevice } from '../sync/support.js';
import { startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';
import { startE2eHq, type E2eHq } from './support/sync-hq.js';

const SHOTS = process.env.RC_SECRETARY_SHOTS ?? '/work/shots/secretary';
let hq: E2eHq;
let org: TestDevice;
let app: RunningApp;
let browser: Browser;
let page: Page;
let w: World;
const thisMonth = todayInBeijing().slice(0, 7);

async function api<T>(name: string, input: unknown): Promise<T> {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

async function snap(name: string): Promise<void> {
  const file = await shot(page, `secretary-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

const row = (name: string) => page.locator('.ant-table-row', { hasText: name }).first();
const cells = async (name: string) => (await row(name).locator('td').allTextContents()).map((x) => x.trim());

beforeAll(async () => {
  hq = await startE2eHq();
  org = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
  const ctx = org.context();
  w = await buildWorld(ctx);
  const from = addMonth(thisMonth, -2);
  for (const [p, base] of [[w.full[0]!, 4200], [w.full[1]!, 6800], [w.full[2]!, 12000], [w.stranger, 6000]] as const) {
    await call(ctx, 'dues.setBase', { personId: p.id, fromMonth: from, category: 'wage', base });
    await call(ctx, 'dues.pay', { personId: p.id, months: [from], paidOn: todayInBeijing(), collector: '李秀英', method: 'wechat' });
  }
  await org.sync();
  app = await startApp();
  const code = await createEnrolCode(hq.store, { userName: '王建国', role: 'instructor', scopePath: w.county.path, personId: w.full[0]!.id });
  await api('sync.enrol', { hqUrl: hq.url, code });
  await api('sync.now', {});
  browser = await launchBrowser();
  page = await newPage(browser);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await org?.cleanup();
  await hq?.close();
});

it('shows the secretary the amounts of their branch’s members, and paid/unpaid only for another branch', async () => {
  onTestFailed(async () => void (await shot(page, 'secretary-failed').catch(() => undefined)));
  await page.goto(`${app.url}#/dues`);
  await row('王建国').waitFor();
  expect(await page.getByTestId('dues-secretary').textContent()).toContain(`您是${w.branch.name}的书记`);
  // 4200 × 1% = 42.00; 6800 × 1.5% = 102.00; 12000 × 2% = 240.00 a month, one month owed each
  expect((await cells('王建国')).slice(6, 8)).toEqual(['42.00', '42.00']);
  expect((await cells('李秀英')).slice(6, 8)).toEqual(['102.00', '102.00']);
  expect((await cells('张伟')).slice(6, 8)).toEqual(['240.00', '240.00']);
  expect((await cells('赵外支')).slice(6, 8)).toEqual(['不可见', '不可见']);
  await snap('list-zh');
  // A secretary sees the amounts but does not record payments: the row offers 查看, not 缴费.
  expect(await row('张伟').getByRole('button', { name: '缴费' }).count()).toBe(0);
  await row('张伟').getByRole('button', { name: '查看' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByText('张伟 的党费').waitFor();
  await drawer.locator('.ant-table-row').filter({ hasText: '240.00' }).first().waitFor();
  await snap('member-zh');
  await page.locator('.ant-drawer-close').click();
});

it('shows the same in English', async () => {
  await page.evaluate(`localStorage.setItem('rc.lang', 'en')`);
  await page.reload();
  await row('王建国').waitFor();
  expect(await page.getByTestId('dues-secretary').textContent()).toContain(`You are the secretary of ${w.branch.name}`);
  expect((await cells('张伟')).slice(6, 8)).toEqual(['240.00', '240.00']);
  expect(await row('张伟').getByRole('button').textContent()).toBe('View');
  await snap('list-en');
  await page.evaluate(`localStorage.setItem('rc.lang', 'zh')`);
});
