// A county's typed roster imported in Chromium with value mapping: a branch written by its
// nickname is mapped once to the real branch, another is created, free-text job titles are read,
// a gender that contradicts the id is corrected with a warning, the total and signature lines are
// listed as ignored, a member with no branch is the one row left out. The next import (in
// English) finds the mapping remembered.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInBeijing } from '../../shared/core/dates.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { addMonths } from '../../shared/people/rules.js';
import { workbook } from '../fixtures/rosters/build.js';
import type { RunningApp } from './support/app.js';
import { searchPick } from './support/antd.js';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, poll, type Session } from './support/session.js';

let s: Session;
let app: RunningApp;
let page: Page;
const api = <T,>(name: string, input: unknown) => s.api<T>(name, input);
let folder: string;
let file: string;

/** What a county office sends: a title, a 序号 column, nicknames, job titles as people say them, a total and signatures. */
async function countyRoster(): Promise<Buffer> {
  const id = (birth: string, seq: number, male: boolean) => makeCitizenId('610115', birth, seq, male);
  const header = ['序号', '姓名', '性别', '身份证号', '政治面貌', '入党时间', '转正时间', '所在党支部', '岗位', '网点编码', '备注'];
  return workbook([{
    name: '党员花名册',
    merges: [[1, 1, 1, header.length]],
    rows: [
      ['临潼区分公司渠道党员花名册（2026年12月）'],
      header,
      [1, '张建国', '男', id('1978-03-12', 11, true), '中共党员', '2008-07-01', '2009-07-01', '营业部支部', '营业厅经理', 'XA-LT-0001', null],
      [2, '李秀梅', '男', id('1986-09-23', 22, false), '中共党员', '2012-06-18', '2013-06-18', '营业部支部', '店长', 'XA-LT-0001', null],
      [3, '王志强', '男', id('1995-01-30', 33, true), '中共党员', addMonths(todayInBeijing(), -7), null, '社会渠道党支部', '装维师傅', 'XA-LT-0002', '预备党员'],
      [4, '赵丽', '女', id('1998-05-06', 44, false), '群众', null, null, null, '综合岗', 'XA-LT-0002', null],
      [5, '刘洋', '男', id('1983-11-02', 55, true), '中共党员', '2015-07-01', '2016-07-01', null, '客户经理', 'XA-LT-0001', null],
      ['合计', null, null, null, '党员4人'],
      ['填表人：陈组织员', null, null, null, '审核人：周书记', null, null, '（盖章）'],
    ],
  }]);
}

beforeAll(async () => {
  s = await openSession();
  ({ app, page } = s);
  const { county } = await lintongCounty(api);
  await api('outlets.save', { code: 'XA-LT-0001', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id });
  await api('outlets.save', { code: 'XA-LT-0002', name: '临潼华清路营业厅', channelType: 'social_partner', countyId: county.id });
  await api('partyOrgs.save', { name: '临潼营业部党支部', orgType: 'branch', unitId: county.id });
  await api('partyOrgs.save', { name: '临潼社会渠道联合党支部', orgType: 'joint_branch', unitId: county.id });
  folder = mkdtempSync(join(tmpdir(), 'rc-roster-'));
  file = join(folder, '临潼区渠道党员花名册.xlsx');
  writeFileSync(file, await countyRoster());
});

afterAll(async () => {
  await s?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

it('maps a nickname to a branch, creates another, imports with warnings shown, and remembers the mapping', async () => {
  await page.goto(app.url + '#/people');
  await page.getByRole('button', { name: '导入花名册' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.locator('input[type=file]').setInputFiles(file);
  await poll(() => drawer.getByText('共 5 行：新增 1，更新 0，无变化 0，有问题 4').isVisible()).toBe(true);
  const values = drawer.getByTestId('value-mapping');
  expect(await values.getByText('营业部支部', { exact: true }).isVisible()).toBe(true);
  expect(await values.getByText('综合岗', { exact: true }).isVisible()).toBe(true);
  expect(await drawer.getByText('未填写所在党支部（党员必填）').isVisible()).toBe(true);
  expect(await drawer.getByText('已忽略 2 行：合计、签字等，不是人员').isVisible()).toBe(true);
  await shot(page, 'import-mapping-01-values-to-map');

  await searchPick(page, values, '营业部支部→', '临潼营业部党支部');
  await poll(() => drawer.getByText('共 5 行：新增 3，更新 0，无变化 0，有问题 2').isVisible()).toBe(true);
  await searchPick(page, values, '社会渠道党支部→', '新建“社会渠道党支部”');
  await poll(() => drawer.getByText('共 5 行：新增 4，更新 0，无变化 0，有问题 1').isVisible()).toBe(true);
  await poll(() => values.getByLabel('社会渠道党支部：新建到').isVisible()).toBe(true);
  expect((await api<{ total: number }>('people.list', {})).total).toBe(0);
  await shot(page, 'import-mapping-02-mapped');

  // Every row: the warnings say what was changed.
  await drawer.getByText('只看有问题的行').click();
  await poll(() => drawer.getByText('性别：文件为“男”，与身份证号不一致，已按身份证号记为“女”').isVisible()).toBe(true);
  expect(await drawer.getByText('岗位：“综合岗”无法识别，可在上方“值对应”中选择（此项未导入）').isVisible()).toBe(true);
  await drawer.getByText('性别：文件为“男”').scrollIntoViewIfNeeded();
  await shot(page, 'import-mapping-03-warnings');

  await drawer.getByRole('button', { name: '跳过有问题的 1 行，导入其余 4 行' }).click();
  await poll(() => drawer.getByText('导入完成：新增 4 人，更新 0 人，无变化 0 人，跳过 1 行；新建党支部 1 个').first().isVisible()).toBe(true);
  await shot(page, 'import-mapping-04-done');
  await drawer.getByRole('button', { name: 'OK' }).click();
  // The roster lists Party members by default: the three imported members, in the branches chosen.
  await poll(() => page.getByText('共 3 条').isVisible()).toBe(true);
  const row = (name: string) => page.locator('.ant-table-row', { hasText: name }).first().textContent();
  expect(await row('王志强')).toMatch(/王志强.*中共预备党员.*临潼华清路营业厅.*装维人员.*社会渠道党支部/);
  expect(await row('张建国')).toMatch(/张建国.*临潼骊山路营业厅.*店长.*临潼营业部党支部/);
  await shot(page, 'import-mapping-05-roster-after');
  const orgs = await api<{ name: string; memberCount: number }[]>('partyOrgs.list', {});
  expect(orgs.find((o) => o.name === '社会渠道党支部')).toMatchObject({ memberCount: 1 });
  expect(orgs.find((o) => o.name === '临潼营业部党支部')).toMatchObject({ memberCount: 2 });
  const wang = (await api<{ rows: { name: string; politicalStatus: string; post: string | null }[] }>('people.list', { q: '王志强' })).rows[0]!;
  expect(wang).toMatchObject({ politicalStatus: 'probationary', post: 'installer' });

  // Next time, in English: the nickname's mapping is remembered; the created branch now matches by name.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Import roster' }).click();
  const again = page.getByRole('dialog');
  await again.locator('input[type=file]').setInputFiles(file);
  await poll(() => again.getByText('5 rows: 0 new, 0 updates, 4 unchanged, 1 with problems').isVisible()).toBe(true);
  expect(await again.getByTestId('value-mapping').getByText('As last time').isVisible()).toBe(true);
  expect(await again.getByText('No branch given (required for Party members)').isVisible()).toBe(true);
  expect(await again.getByText('2 rows ignored: totals, signatures, not people').isVisible()).toBe(true);
  await poll(() => page.locator('.ant-message-notice').count()).toBe(0); // the Chinese toast of the import before
  await shot(page, 'import-mapping-06-english-remembered');
  await again.getByText('Rows with problems only').click();
  const warning = again.getByText('Gender: Male contradicts the citizen ID; recorded as Female');
  await poll(() => warning.isVisible()).toBe(true);
  await warning.scrollIntoViewIfNeeded();
  await shot(page, 'import-mapping-07-english-warnings');
  await again.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /^中\s*文$/ }).click();
});
