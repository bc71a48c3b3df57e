// The idle lock, sign-out and "remove this device's data" in Chromium through browser mode. The
// page's clock is Playwright's (installed before the app loads), so minutes of idling pass at once;
// the idle time itself comes from settings (security.idle_lock_minutes), as an organiser would set it.
import { existsSync, mkdtempSync, readdirSync, rmSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { STORE_FILE } from '../../db/profile.js';
import { KEYWRAP_FILE } from '../../db/vault/keywrap.js';
import { profileGate, type Gate } from '../../electron/browser/gate.js';
import { SESSION_COOKIE, startBrowserServer, type BrowserServer } from '../../electron/browser/server.js';
import { RENDERER_DIST } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';
import { poll } from './support/session.js';

const PASS = '骊山-锁屏测试-2026';
const SHOTS = '/work/shots/lock';
let dir: string;
let profile: string;
let gate: Gate;
let srv: BrowserServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-e2e-lock-'));
  profile = join(dir, 'profile');
  gate = profileGate(profile, { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
  srv = await startBrowserServer(gate, { staticDir: RENDERER_DIST });
  browser = await launchBrowser();
  page = await newPage(browser, { signIn: false });
  await page.clock.install();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await srv?.close();
  await gate?.close();
  rmSync(dir, { recursive: true, force: true });
});

const save = async (name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(await shot(page, `lock-${name}`), join(SHOTS, `${name}.png`));
};

/** An API call from the page, with whatever session its cookie holds. */
const apiStatus = (name: string, input: unknown) =>
  page.evaluate(async ([n, i]) => (await fetch(`api/${n}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).status, [name, input] as const);

/** The same call from outside the browser, replaying a cookie value (as someone who copied it would). */
const replay = async (cookie: string) =>
  (await fetch(`${srv.url}api/orgUnits.list`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}_${srv.port}=${cookie}` }, body: '{}' })).status;

async function signInOnScreen() {
  await poll(() => page.getByTestId('signin').isVisible()).toBe(true);
  await page.getByTestId('signin-passphrase').fill(PASS);
  if (await page.getByTestId('signin-confirm').count()) await page.getByTestId('signin-confirm').fill(PASS);
  await page.getByTestId('signin-submit').click();
  await poll(() => page.getByTestId('signin').count()).toBe(0);
}

const sessionCookie = async () => (await page.context().cookies()).find((c) => c.name.startsWith(SESSION_COOKIE))?.value ?? '';

it('sets the passphrase, then takes the idle time from settings', async () => {
  await page.goto(srv.url);
  await signInOnScreen();
  const set = await page.evaluate(async () => {
    const call = async (name: string, input: unknown) => (await (await fetch(`api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })).json()) as { ok: boolean; error?: { message: string } };
    await call('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
    return call('settings.set', { key: 'security.idle_lock_minutes', value: 3 });
  });
  expect(set.ok, set.error?.message).toBe(true);
  await page.reload();
  await poll(() => page.getByText('工作台').first().isVisible()).toBe(true);
});

/** The idle lock counts from when the settings reached the page: on a loaded machine that can be after the clock moved. */
const armed = () => poll(() => page.getByTestId('idle-lock').getAttribute('data-idle-minutes')).toBe('3');

it('warns a minute ahead, 继续使用 keeps the session, and then locks: the old cookie gets 401 and signing in again works', async () => {
  await armed();
  await page.clock.runFor('01:50');
  expect(await page.getByTestId('idle-warning').count()).toBe(0);
  await page.clock.runFor('00:15');
  await poll(() => page.getByTestId('idle-warning').textContent()).toMatch(/5\d 秒后将锁定/);
  await save('01-warning-zh');
  await page.getByRole('button', { name: '继续使用' }).click();
  await poll(() => page.getByTestId('idle-warning').count()).toBe(0);
  await page.clock.runFor('01:50');
  expect(await page.getByTestId('idle-warning').count()).toBe(0);
  expect(await apiStatus('orgUnits.list', {})).toBe(200);

  const before = await sessionCookie();
  expect(await replay(before)).toBe(200);
  await page.clock.runFor('03:01');
  await poll(() => page.getByTestId('signin-locked').isVisible()).toBe(true);
  expect(await page.getByTestId('signin-locked').textContent()).toContain('已锁定');
  await save('02-locked-zh');
  expect(await apiStatus('orgUnits.list', {})).toBe(401);
  expect(await replay(before)).toBe(401);

  await signInOnScreen();
  await poll(() => page.getByText('工作台').first().isVisible()).toBe(true);
  expect(await apiStatus('orgUnits.list', {})).toBe(200);
  const tree = await page.evaluate(async () => (await (await fetch('api/orgUnits.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { data: unknown });
  expect(JSON.stringify(tree.data)).toContain('陕西省公司'); // the store reopened with its data
});

it('warns and locks in English too', async () => {
  await page.getByRole('button', { name: 'English' }).click();
  await poll(() => page.getByText('Dashboard').first().isVisible()).toBe(true);
  await armed();
  await page.clock.runFor('02:10');
  await poll(() => page.getByTestId('idle-warning').textContent()).toMatch(/locks in 5\d s/);
  await save('03-warning-en');
  await page.clock.runFor('01:00');
  await poll(() => page.getByTestId('signin-locked').isVisible()).toBe(true);
  expect(await page.getByTestId('signin-locked').textContent()).toContain('Locked');
  await save('04-locked-en');
  expect(await apiStatus('orgUnits.list', {})).toBe(401);
  await signInOnScreen();
  await page.getByRole('button', { name: /中\s*文/ }).click();
  await poll(() => page.getByText('工作台').first().isVisible()).toBe(true);
});

it('signs out from the header: the session ends and the sign-in screen comes back', async () => {
  const before = await sessionCookie();
  await page.getByTestId('account-menu').click();
  await page.getByTestId('account-signout').click();
  await poll(() => page.getByTestId('signin-signed-out').isVisible()).toBe(true);
  expect(await apiStatus('orgUnits.list', {})).toBe(401);
  expect(await replay(before)).toBe(401);
  await signInOnScreen();
  expect(await apiStatus('orgUnits.list', {})).toBe(200);
});

it("removes this device's data after the passphrase and the typed word, leaving no key, store or files on disk", async () => {
  const names = () => readdirSync(profile);
  expect(names()).toEqual(expect.arrayContaining([KEYWRAP_FILE, STORE_FILE]));
  await page.getByTestId('account-menu').click();
  await page.getByTestId('account-remove').click();
  await page.getByTestId('remove-passphrase').fill(PASS);
  await page.getByTestId('remove-word').fill('删除');
  await page.locator('#remove-confirm').click();
  await poll(() => page.getByText('请准确输入“删除本机数据”').count()).toBe(1);
  expect(names()).toContain(STORE_FILE); // nothing removed yet
  await page.getByTestId('remove-word').fill('删除本机数据');
  await page.getByTestId('remove-passphrase').fill('不是这个口令');
  await page.locator('#remove-confirm').click();
  await poll(() => page.getByTestId('remove-error').textContent()).toContain('口令不正确');
  expect(names()).toContain(STORE_FILE);
  await save('05-remove-zh');
  await page.getByTestId('remove-passphrase').fill(PASS);
  await page.locator('#remove-confirm').click();
  await poll(() => page.getByTestId('signin-removed').isVisible()).toBe(true);
  expect(await page.getByText('设置本机数据口令').isVisible()).toBe(true);
  await save('06-removed-zh');
  const left = existsSync(profile) ? names() : [];
  expect(left.filter((f) => f.startsWith(STORE_FILE) || f.startsWith(KEYWRAP_FILE) || f === 'files')).toEqual([]);
  expect(await apiStatus('orgUnits.list', {})).toBe(401);
});
