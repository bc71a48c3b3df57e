// The console's province overview in Chromium against a real HQ (SQLite): the milestone-node,
// member-standing and dual-track columns per county, in the city roll-up and in a county's drill-down, in zh-CN and
// English. Screenshots at 1366×768 under /work/shots/overview/.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../hq/console/accounts.js';
import { LT, LW, YT, seedOverview } from '../console/overviewSeed.js';
import { startConsoleE2eHq, type ConsoleE2eHq } from './consoleHq.js';
import { RENDERER_DIST } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';

const SHOTS = '/work/shots/overview';
const PW = 'Shaanxi-HQ-root-2026!';
let hq: ConsoleE2eHq;
let browser: Browser;
let page: Page;
let dist = '';

async function keep(p: Page, name: string) {
  const file = await shot(p, `overview-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

/** Scrolls a table's body to its right end, where the milestone and standing columns sit. */
const right = (p: Page, testId: string) => p.getByTestId(testId).locator('.ant-table-content, .ant-table-body').first().evaluate((el) => { el.scrollLeft = el.scrollWidth; });

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'rc-overview-dist-'));
  cpSync(RENDERER_DIST, dist, { recursive: true });
  process.env.RC_CONSOLE_DIST = dist;
  hq = await startConsoleE2eHq('SQLite');
  await createUser(hq.store.db, { userName: 'shengzb', displayName: '省公司管理员', role: 'hq_admin', scopePath: '/', password: PW }, null);
  await seedOverview(hq.store);
  browser = await launchBrowser();
  page = await newPage(browser, { signIn: false });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hq?.close();
  delete process.env.RC_CONSOLE_DIST;
  if (dist) rmSync(dist, { recursive: true, force: true });
});

async function open(lang: 'zh' | 'en') {
  await page.goto(`${hq.url}/console/`);
  await page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);
  await page.reload();
  // Signed in already (the session cookie) or the sign-in form: wait for the page to be one of them,
  // since asking at once can find neither while the console is still loading.
  const signIn = page.getByLabel(lang === 'en' ? /User name|用户名/ : '用户名');
  await page.getByTestId('console-user').or(signIn).first().waitFor();
  if (!(await page.getByTestId('console-user').isVisible())) {
    await signIn.fill('shengzb');
    await page.getByLabel(lang === 'en' ? /Password|密码/ : '密码').fill(PW);
    await page.getByRole('button', { name: lang === 'en' ? /Sign in|登\s*录/ : /登\s*录/ }).click();
    await expect.poll(() => page.getByTestId('console-user').isVisible()).toBe(true);
  }
  await page.getByRole('menuitem', { name: lang === 'en' ? /Province/ : /全省概览/ }).click();
}

it('shows milestone nodes and member standing per county, by city, and in the drill-down (zh-CN)', async () => {
  await open('zh');
  await expect.poll(() => page.getByTestId(`ms-${LT}`).textContent()).toBe('1 未完成 · 1 逾期完成');
  expect(await page.getByTestId(`st-${LT}`).textContent()).toBe('风险 1 · 失联 0 · 应转 1');
  expect(await page.getByTestId(`ms-${YT}`).textContent()).toBe('0 未完成 · 0 逾期完成');
  expect(await page.getByTestId(`st-${YT}`).textContent()).toBe('风险 0 · 失联 1 · 应转 0');
  expect(await page.getByTestId(`ms-${LW}`).textContent()).toBe('0 未完成 · 0 逾期完成');
  expect(await page.getByTestId(`ms-/hq/xa/`).textContent()).toBe('1 未完成 · 1 逾期完成');
  expect(await page.getByTestId(`st-/hq/xa/`).textContent()).toBe('风险 1 · 失联 1 · 应转 1');
  expect(await page.getByTestId(`dt-${LT}`).textContent()).toMatch(/^\d+(\.\d)? 分 · 2 网点 · 1 红$/);
  expect(await page.getByTestId(`dt-${YT}`).textContent()).toBe('无计分网点');
  expect(await page.getByTestId(`dt-/hq/xa/`).textContent()).toBe(await page.getByTestId(`dt-${LT}`).textContent());
  await keep(page, '01-overview-top-zh');
  await right(page, 'city-table');
  await page.getByTestId('city-table').scrollIntoViewIfNeeded();
  await keep(page, '02-overview-cities-zh');
  await right(page, 'county-table');
  await page.getByTestId('county-table').scrollIntoViewIfNeeded();
  await keep(page, '03-overview-counties-zh');
  await page.getByTestId(`county-${LT}`).click();
  await expect.poll(() => page.getByTestId('county-title').textContent()).toContain('临潼区分公司');
  await expect.poll(() => page.getByTestId('county-indicators').getByTestId(`st-${LT}`).textContent()).toBe('风险 1 · 失联 0 · 应转 1');
  await right(page, 'county-indicators');
  await keep(page, '04-county-zh');
});

it('shows the same in English', async () => {
  await open('en');
  await expect.poll(() => page.getByTestId(`ms-${LT}`).textContent()).toBe('1 missed · 1 late');
  expect(await page.getByTestId(`st-${YT}`).textContent()).toBe('Risk 0 · lost 1 · transfer 0');
  expect(await page.getByTestId(`dt-${LT}`).textContent()).toMatch(/^\d+(\.\d)? · 2 outlets · 1 red$/);
  expect(await page.getByTestId(`dt-${LW}`).textContent()).toBe('No outlet scored');
  await keep(page, '05-overview-top-en');
  await right(page, 'city-table');
  await page.getByTestId('city-table').scrollIntoViewIfNeeded();
  await keep(page, '06-overview-cities-en');
  await right(page, 'county-table');
  await page.getByTestId('county-table').scrollIntoViewIfNeeded();
  await keep(page, '07-overview-counties-en');
  await page.getByTestId(`county-${LT}`).click();
  await expect.poll(() => page.getByTestId('county-indicators').getByTestId(`ms-${LT}`).textContent()).toBe('1 missed · 1 late');
  await right(page, 'county-indicators');
  await keep(page, '08-county-en');
});
