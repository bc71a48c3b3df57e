// The console's code dialog in Chromium: Lintong's county organiser issues an instructor's code,
// finds 王建国 (secretary of 骊山路党支部) among the county's people and names him as its user; HQ
// keeps the person on the code. Screenshots at 1366×768 in zh and en.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { createUser } from '../../hq/console/accounts.js';
import { putRows } from '../console/support.js';
import { launchBrowser, newPage, shot } from './support/browser.js';
import { startConsoleE2eHq, type ConsoleE2eHq } from './consoleHq.js';

const SHOTS = process.env.RC_SECRETARY_SHOTS ?? '/work/shots/secretary';
const LINTONG = '/hq/xa/xa-lintong/';
const PASSWORD = 'Huaqing-Pool-2026!';
let hq: ConsoleE2eHq;
let browser: Browser;
let page: Page;
let wang: string;

async function keep(name: string): Promise<void> {
  const file = await shot(page, `secretary-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

beforeAll(async () => {
  hq = await startConsoleE2eHq('SQLite');
  await createUser(hq.store.db, { userName: 'lintong', displayName: '临潼组织员', role: 'county_organiser', scopePath: LINTONG, password: PASSWORD }, null);
  const [w, li] = await putRows(hq.store, [
    { t: 'people', scope: LINTONG, c: { name: '王建国', political_status: 'full_member' } },
    { t: 'people', scope: LINTONG, c: { name: '李秀英', political_status: 'full_member' } },
  ]);
  wang = w!;
  const [branch] = await putRows(hq.store, [{ t: 'party_orgs', scope: LINTONG, c: { name: '骊山路党支部', org_type: 'branch', secretary_person_id: wang } }]);
  await putRows(hq.store, [wang, li!].map((p) => ({ t: 'members', scope: LINTONG, c: { person_id: p, branch_id: branch!, join_date: '2012-07-01', standing: 'normal' } })));
  browser = await launchBrowser();
  page = await newPage(browser, { signIn: false });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hq?.close();
});

async function issue(zh: boolean): Promise<void> {
  await page.getByRole('menuitem', { name: zh ? /设备管理/ : /Devices/ }).click();
  await page.getByRole('button', { name: zh ? '签发注册码' : 'Issue an enrolment code' }).click();
  const dlg = page.getByRole('dialog').first();
  await dlg.getByLabel(zh ? '使用人姓名' : /User's name/).fill('王建国');
  await dlg.locator('.ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible').getByText(zh ? '党建指导员' : 'Instructor', { exact: true }).click();
  await dlg.getByLabel(zh ? '范围（组织路径）' : /Scope/).fill(LINTONG);
  await dlg.getByRole('button', zh ? { name: /签\s*发/ } : { name: 'Issue', exact: true }).click();
  await page.getByTestId('enrol-code').waitFor();
}

/**
 * Types into the person search and picks the one person HQ answers with. The list is replaced as
 * answers arrive, and on a loaded machine the dialog may still be settling (its list then closes
 * under the pointer): the pick is checked in the field and tried again, at most three times.
 */
async function choose(picker: Locator, typed: string, option: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await picker.locator('.ant-select').click();
      await page.keyboard.press('ControlOrMeta+A'); // what an earlier attempt typed is replaced
      await page.keyboard.type(typed);
      const listed = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await expect.poll(() => listed.allTextContents()).toEqual([option]);
      await listed.first().click({ timeout: 4_000 });
      // picked: the field shows the person and the button naming them is enabled
      await expect.poll(() => picker.locator('.ant-select').textContent(), { timeout: 4_000 }).toContain(option);
      await expect.poll(() => picker.locator('.ant-space-compact button.ant-btn-primary').isEnabled(), { timeout: 4_000 }).toBe(true);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await picker.locator('.ant-typography').first().click({ timeout: 1_000 }).catch(() => undefined); // away from the field, closing its list
    }
  }
}

it('names the branch secretary as the user of a fresh code', async () => {
  onTestFailed(async () => void (await shot(page, 'secretary-code-failed').catch(() => undefined)));
  await page.goto(`${hq.url}/console/`);
  await page.getByLabel('用户名').fill('lintong');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await issue(true);
  const picker = page.getByTestId('code-person');
  await choose(picker, '王', '王建国 · 骊山路党支部书记');
  await picker.getByRole('button', { name: '指定为使用人' }).click();
  await expect.poll(() => page.getByTestId('code-person-named').textContent()).toContain('已指定使用人：王建国（骊山路党支部书记');
  await keep('code-person-zh');
  const codes = await hq.store.db.selectFrom('hq_enrol_codes').select(['person_id', 'used_at']).execute();
  expect(codes).toEqual([{ person_id: wang, used_at: null }]);
});

it('shows the same dialog in English', async () => {
  await page.keyboard.press('Escape');
  await page.evaluate(`localStorage.setItem('rc.lang', 'en')`);
  await page.reload();
  await issue(false);
  const picker = page.getByTestId('code-person');
  await choose(picker, '李', '李秀英 · 骊山路党支部');
  await picker.getByRole('button', { name: 'Name as the user' }).click();
  await expect.poll(() => page.getByTestId('code-person-named').textContent()).toContain('User named: 李秀英');
  await keep('code-person-en');
  await page.evaluate(`localStorage.setItem('rc.lang', 'zh')`);
});
