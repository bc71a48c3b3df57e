// A messy roster imported in Chromium: the preview lists every row's problems and writes nothing;
// the bad row is skipped on purpose; the imported people are in the roster; a re-import changes nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { messyRoster } from '../fixtures/rosters/build.js';
import type { RunningApp } from './support/app.js';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, poll, type Session } from './support/session.js';


let s: Session;
let app: RunningApp;
let page: Page;
const api = <T,>(name: string, input: unknown) => s.api<T>(name, input);
let file: string;
const folders: string[] = [];
const tempFolder = () => {
  const d = mkdtempSync(join(tmpdir(), 'rc-roster-'));
  folders.push(d);
  return d;
};

beforeAll(async () => {
  s = await openSession();
  ({ app, page } = s);
  const { county } = await lintongCounty(api);
  await api('outlets.save', { code: 'XA-LT-0001', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id });
  await api('partyOrgs.save', { name: '临潼营业部党支部', orgType: 'branch', unitId: county.id });
  file = join(tempFolder(), '临潼区党员花名册.xlsx');
  writeFileSync(file, await messyRoster('临潼营业部党支部', 'XA-LT-0001'));
});

afterAll(async () => {
  await s?.close();
  for (const d of folders) rmSync(d, { recursive: true, force: true });
});

it('previews a messy roster with every problem, imports the good rows, and re-imports without duplicating', async () => {
  await page.goto(app.url + '#/people');
  await page.getByRole('button', { name: '导入花名册' }).click();
  const drawer = page.getByRole('dialog');
  await poll(() => drawer.getByText('先预览、后导入').isVisible()).toBe(true);
  await drawer.locator('input[type=file]').setInputFiles(file);
  await poll(() => drawer.getByText('共 6 行：新增 5，更新 0，无变化 0，有问题 1').isVisible()).toBe(true);
  // Problem rows are shown first; each problem is named in Chinese.
  await poll(() => drawer.getByText('身份证号校验位错误，请核对').isVisible()).toBe(true);
  expect(await drawer.getByText('所在党支部：找不到党组织“不存在的支部”（请先建立，或核对名称）').isVisible()).toBe(true);
  expect(await drawer.getByText('手机号应为11位数字，以1开头').isVisible()).toBe(true);
  expect(await drawer.getByText('表头在第 4 行').isVisible()).toBe(true);
  expect(await drawer.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
  await shot(page, 'import-01-preview-problems');
  expect((await api<{ total: number }>('people.list', {})).total).toBe(0);

  await drawer.getByText('只看有问题的行').click();
  await poll(() => drawer.getByText('入党日期：只有年月，按当月1日记录').first().isVisible()).toBe(true);
  await shot(page, 'import-02-preview-all-rows');

  await drawer.getByRole('button', { name: '跳过有问题的 1 行，导入其余 5 行' }).click();
  await poll(() => drawer.getByText('导入完成：新增 5 人，更新 0 人，无变化 0 人，跳过 1 行').first().isVisible()).toBe(true);
  await shot(page, 'import-03-done');
  await drawer.getByRole('button', { name: 'OK' }).click();
  await poll(() => page.getByText('共 5 条').isVisible()).toBe(true);
  expect(await page.locator('.ant-table').getByText('钱七', { exact: true }).isVisible()).toBe(true);
  await shot(page, 'import-04-roster-after-import');

  // The same file again: nothing new, nothing duplicated.
  await page.getByRole('button', { name: '导入花名册' }).click();
  await page.getByRole('dialog').locator('input[type=file]').setInputFiles(file);
  await poll(() => page.getByRole('dialog').getByText('共 6 行：新增 0，更新 0，无变化 5，有问题 1').isVisible()).toBe(true);
  expect((await api<{ total: number }>('people.list', {})).total).toBe(5);
  const log = await api<{ rows: { kind: string; description: string }[] }>('registry.audit', { kind: 'import' });
  expect(log.rows[0]!.description).toContain('临潼区党员花名册.xlsx');
});

it('refuses a file that is not a workbook with a Chinese message', async () => {
  const bad = join(tempFolder(), '名单.csv');
  writeFileSync(bad, '姓名,身份证号\n张三,610115198506150011\n');
  await page.reload();
  await page.getByRole('button', { name: '导入花名册' }).click();
  await page.getByRole('dialog').locator('input[type=file]').setInputFiles(bad);
  await poll(() => page.getByRole('dialog').getByText('“名单.csv”是文本文件（如CSV），不是Excel工作簿。请在Excel中另存为 .xlsx 再导入').isVisible()).toBe(true);
  await shot(page, 'import-05-not-a-workbook');
});
