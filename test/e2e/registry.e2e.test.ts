// Foundation flow in Chinese: create an outlet and a member, reload, find them; a bad citizen id
// shows a Chinese error and writes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, type Session } from './support/session.js';
import type { RunningApp } from './support/app.js';
import { pick, searchPick, typeDate } from './support/antd.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';

let s: Session;
let app: RunningApp;
let page: Page;
const api = <T,>(name: string, input: unknown) => s.api<T>(name, input);

beforeAll(async () => {
  s = await openSession();
  ({ app, page } = s);
});

afterAll(async () => {
  await s?.close();
});

it('shows the empty workbench of a new device in Chinese', async () => {
  await page.goto(app.url);
  await expect.poll(() => page.getByText('本机还没有数据').isVisible()).toBe(true);
  expect(await page.getByRole('menuitem', { name: '党员信息库' }).isVisible()).toBe(true);
  await shot(page, 'registry-01-empty-workbench');
});

it('creates an outlet, a member, and refuses a bad citizen id', async () => {
  // The unit tree and a branch exist (organisers set them up on the 组织架构 screen).
  const { county } = await lintongCounty(api);
  await api('partyOrgs.save', { name: '临潼营业部党支部', orgType: 'branch', unitId: county.id });

  await page.reload();
  await page.getByRole('menuitem', { name: '渠道网点' }).click();
  await page.getByRole('button', { name: '新建网点' }).click();
  const modal = page.getByRole('dialog');
  await modal.getByLabel('编码', { exact: true }).fill('XA-LT-0001');
  await modal.getByLabel('网点名称', { exact: true }).fill('临潼骊山路营业厅');
  await pick(page, modal, '渠道类型', '自有营业厅');
  await pick(page, modal, '所属县（区）', '临潼区分公司');
  await modal.getByLabel('从业人数', { exact: true }).fill('9');
  await shot(page, 'registry-02-outlet-form');
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => page.getByRole('cell', { name: '临潼骊山路营业厅' }).isVisible()).toBe(true);
  await shot(page, 'registry-03-outlet-list');

  await page.getByRole('menuitem', { name: '党员信息库' }).click();
  await page.getByRole('button', { name: '登记人员' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('姓名', { exact: true }).fill('王建国');
  const good = makeCitizenId('610115', '1982-03-14', 37, true);
  const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  await drawer.getByLabel('身份证号', { exact: true }).fill(bad);
  await expect.poll(() => drawer.getByText('身份证号校验位错误，请核对').isVisible()).toBe(true);
  await drawer.getByLabel('手机号', { exact: true }).fill('13912345678');
  await pick(page, drawer, '政治面貌', '中共党员');
  await searchPick(page, drawer, '所在网点', '骊山路');
  await pick(page, drawer, '所在党支部', '临潼营业部党支部');
  await typeDate(drawer, '入党日期', '2008-07-01');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => page.locator('.ant-message').getByText('身份证号校验位错误').isVisible()).toBe(true);
  await shot(page, 'registry-04-bad-citizen-id');
  const none = await api<{ total: number }>('people.list', {});
  expect(none.total).toBe(0);

  // Fixing the id fills birth date and gender from it, and the save goes through.
  await drawer.getByLabel('身份证号', { exact: true }).fill(good);
  await expect.poll(() => drawer.getByLabel('出生日期', { exact: true }).inputValue()).toBe('1982-03-14');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => page.locator('.ant-table').getByText('王建国', { exact: true }).isVisible()).toBe(true);

  // After a reload the records are still there and can be found.
  await page.reload();
  await page.getByPlaceholder('姓名、网点、身份证号或手机号（至少4位）').fill('王建');
  await page.getByPlaceholder('姓名、网点、身份证号或手机号（至少4位）').press('Enter');
  await expect.poll(() => page.locator('.ant-table').getByText('王建国', { exact: true }).isVisible()).toBe(true);
  expect(await page.locator('.ant-table').getByText('临潼骊山路营业厅', { exact: true }).isVisible()).toBe(true);
  await shot(page, 'registry-05-member-found');
  const saved = await api<{ rows: { name: string; gender: string; birthDate: string; citizenId: string }[] }>('people.list', { q: '王建国' });
  expect(saved.rows).toHaveLength(1);
  expect(saved.rows[0]).toMatchObject({ gender: 'male', birthDate: '1982-03-14' });
  expect(saved.rows[0]!.citizenId).toBe(good.slice(0, 6) + '********' + good.slice(-4));

  await page.getByRole('menuitem', { name: '渠道网点' }).click();
  await page.getByPlaceholder(/搜索/).first().fill('XA-LT-0001');
  await page.getByPlaceholder(/搜索/).first().press('Enter');
  await expect.poll(() => page.getByRole('cell', { name: '临潼骊山路营业厅' }).isVisible()).toBe(true);
  expect(await page.getByRole('row', { name: /临潼骊山路营业厅/ }).getByRole('cell', { name: '1', exact: true }).isVisible()).toBe(true);
});
