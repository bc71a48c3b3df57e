// Several users of one shared outlet PC, through browser mode in Chromium: the owner adds two users
// with PINs (re-typing their own passphrase), each signs in with their own PIN, the header and
// session.info show who is signed in, and wrong PINs make every user wait. Screens in zh and en.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { profileGate, type Gate } from '../../electron/browser/gate.js';
import { startBrowserServer, type BrowserServer } from '../../electron/browser/server.js';
import { RENDERER_DIST } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';
import { poll } from './support/session.js';

const PASS = '临潼县公司-组织员-2026';
const SHOTS = '/work/shots/signin2';
let dir: string;
let gate: Gate;
let srv: BrowserServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-e2e-users-'));
  gate = profileGate(join(dir, 'profile'), { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
  srv = await startBrowserServer(gate, { staticDir: RENDERER_DIST });
  browser = await launchBrowser();
  page = await newPage(browser, { signIn: false });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await srv?.close();
  await gate?.close();
  rmSync(dir, { recursive: true, force: true });
});

const save = async (name: string) => {
  const file = await shot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
};

async function pickUser(name: string) {
  await page.getByTestId('signin-user').click();
  await page.locator('.ant-select-item-option', { hasText: name }).click();
}

async function signInAs(name: string, pin: string) {
  await pickUser(name);
  await page.getByTestId('signin-passphrase').fill(pin);
  await page.getByTestId('signin-submit').click();
}

async function signOut() {
  await page.getByTestId('account-menu').click();
  await page.getByTestId('account-signout').click();
  await poll(() => page.getByTestId('signin').isVisible()).toBe(true);
}

const sessionUser = () =>
  page.evaluate(async () => {
    const r = await fetch('api/session.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return ((await r.json()) as { data?: { signedInUser?: { name: string } } }).data?.signedInUser?.name ?? null;
  });

it('the owner names themself at first run and adds two users with PINs', async () => {
  await page.goto(srv.url);
  await poll(() => page.getByTestId('signin').isVisible()).toBe(true);
  await page.getByTestId('signin-owner-name').fill('赵组织员');
  await page.getByTestId('signin-passphrase').fill(PASS);
  await page.getByTestId('signin-confirm').fill(PASS);
  await page.getByTestId('signin-submit').click();
  await poll(() => page.getByTestId('account-menu').innerText()).toContain('赵组织员');
  await page.getByTestId('account-menu').click();
  await page.getByTestId('account-users').click();
  for (const [name, pin, organiser] of [['李营业员', '582046', false], ['王店长', '739105', true]] as const) {
    await page.getByTestId('users-name').fill(name);
    if (organiser) {
      await page.getByTestId('users-role').click();
      await page.locator('.ant-select-item-option', { hasText: '县级组织员' }).click();
    }
    await page.getByTestId('users-secret').fill(pin);
    await page.getByTestId('users-confirm').fill(pin);
    await page.getByTestId('users-mine').fill(PASS);
    await page.getByTestId('users-add').click();
    await poll(() => page.getByTestId('users-table').innerText()).toContain(name);
  }
  // A PIN of five digits is refused with nothing added.
  await page.getByTestId('users-name').fill('短PIN');
  await page.getByTestId('users-secret').fill('12345');
  await page.getByTestId('users-confirm').fill('12345');
  await page.getByTestId('users-mine').fill(PASS);
  await page.getByTestId('users-add').click();
  await poll(() => page.getByTestId('users-error').innerText()).toContain('PIN 须为至少 6 位数字');
  expect(await page.getByTestId('users-table').innerText()).not.toContain('短PIN');
  await save('users-01-manage-zh');
  await page.keyboard.press('Escape');
  await signOut();
});

it('each user signs in with their own PIN and the session shows who is signed in', async () => {
  await poll(() => page.getByTestId('signin-user').isVisible()).toBe(true);
  await pickUser('李营业员');
  await save('users-02-picker-zh');
  await page.getByTestId('signin-passphrase').fill('739105'); // Wang's PIN is not Li's
  await page.getByTestId('signin-submit').click();
  await poll(() => page.getByTestId('signin-error').innerText()).toContain('口令不正确');
  await signInAs('李营业员', '582046');
  await poll(() => page.getByTestId('account-menu').innerText()).toContain('李营业员');
  expect(await sessionUser()).toBe('李营业员');
  // Staff do not manage users.
  await page.getByTestId('account-menu').click();
  await poll(() => page.getByTestId('account-signout').isVisible()).toBe(true);
  expect(await page.getByTestId('account-users').count()).toBe(0);
  await page.keyboard.press('Escape');
  await save('users-03-signed-in-li-zh');
  await signOut();
  await signInAs('王店长', '739105');
  await poll(() => page.getByTestId('account-menu').innerText()).toContain('王店长');
  expect(await sessionUser()).toBe('王店长');
  await signOut();
});

it('wrong PINs make the next try wait, for every user, in both languages', async () => {
  for (let i = 1; i <= 4; i++) {
    await signInAs(i % 2 ? '王店长' : '李营业员', '000000');
    await poll(() => page.getByTestId('signin-error').innerText()).toContain(`再错 ${10 - i} 次`);
  }
  await signInAs('王店长', '000000');
  await poll(() => page.getByTestId('signin-error').innerText()).toContain('再错 5 次');
  // The sixth try waits, even with Li's right PIN.
  await signInAs('李营业员', '582046');
  await poll(() => page.getByTestId('signin-error').innerText()).toMatch(/口令错误次数过多，请 \d+ 秒后再试/);
  expect(await page.getByTestId('account-menu').count()).toBe(0);
  await save('users-04-wait-zh');
  await page.getByRole('button', { name: 'English' }).click();
  await signInAs('王店长', '739105');
  await poll(() => page.getByTestId('signin-error').innerText()).toMatch(/Too many wrong passphrases; try again in \d+ s/);
  await save('users-05-wait-en');
});

it('English: the picker and the users dialog', async () => {
  // The wait is kept beside the wrapped key (it survives a restart); move its clock past the 30 s.
  const { readWrap, writeWrap } = await import('../../db/vault/keywrap.js');
  const w = readWrap(join(dir, 'profile'))!;
  writeWrap(join(dir, 'profile'), { ...w, lastFailedAt: new Date(Date.now() - 60_000).toISOString() });
  await page.reload();
  await poll(() => page.getByTestId('signin-user').isVisible()).toBe(true);
  if (await page.getByRole('button', { name: 'English' }).isVisible()) await page.getByRole('button', { name: 'English' }).click();
  await pickUser('赵组织员');
  await save('users-06-picker-en');
  await page.getByTestId('signin-passphrase').fill(PASS);
  await page.getByTestId('signin-submit').click();
  await poll(() => page.getByTestId('account-menu').innerText()).toContain('赵组织员');
  await page.getByTestId('account-menu').click();
  await page.getByTestId('account-users').click();
  await poll(() => page.getByTestId('users-table').innerText()).toContain('Outlet staff');
  await save('users-07-manage-en');
});
