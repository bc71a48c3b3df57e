// Dues and the democratic review end to end in Chromium through browser mode, as the county
// organiser on a device that has never reached HQ (offline): a member four months in arrears is
// paid up from the dues list and the arrears clear, the payments wait in the outbox for HQ; a
// branch's review refuses a second 优秀 among four full members (nothing saved) and then closes with
// the meeting, and its printable summary shows. Screenshots in Chinese and English.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { addMonth } from '../../shared/dues/rules.js';
import { addDays } from '../../shared/orglife/periods.js';
import { pick } from './support/antd.js';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, poll, type Session } from './support/session.js';

const BRANCH = '骊山路营业厅党支部';
const SHOTS = process.env.RC_DUES_SHOTS ?? '/work/shots/dues';
let s: Session;
let page: Page;
const today = todayInBeijing();
const thisMonth = today.slice(0, 7);
const ids: string[] = [];
const count = (sql: string) => (s.app.backend.profile.store.raw.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;

async function snap(name: string): Promise<void> {
  const file = await shot(page, `dues-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

async function seed(): Promise<void> {
  const { county } = await lintongCounty(s.api);
  const outlet = await s.api<{ id: string }>('outlets.save', { code: 'XA-LT-0001', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id, staffCount: 9 });
  const branch = await s.api<{ id: string }>('partyOrgs.save', { name: BRANCH, orgType: 'branch', unitId: county.id, outletIds: [outlet.id] });
  const people: [string, string, string][] = [['王建国', '1978-03-14', 'full_member'], ['李秀英', '1983-07-02', 'full_member'], ['张伟', '1990-11-20', 'full_member'], ['刘洋', '1992-05-08', 'full_member'], ['陈静', '1998-09-16', 'probationary']];
  for (const [i, [name, birth, status]] of people.entries()) {
    const p = await s.api<{ id: string }>('people.save', {
      name, citizenId: makeCitizenId('610115', birth, 11 + i, i % 2 === 0), politicalStatus: status, outletId: outlet.id,
      member: { branchId: branch.id, joinDate: status === 'probationary' ? addDays(today, -60) : '2012-07-01' },
    });
    ids.push(p.id);
  }
  const from = addMonth(thisMonth, -4);
  await s.api('dues.setBase', { personId: ids[0], fromMonth: from, category: 'wage', base: 4200 });
  await s.api('dues.setBase', { personId: ids[1], fromMonth: from, category: 'wage', base: 6800 });
  await s.api('dues.setBase', { personId: ids[2], fromMonth: from, category: 'pension', base: 3100 });
  await s.api('dues.pay', { personId: ids[1], months: [0, 1, 2, 3].map((n) => addMonth(from, n)), paidOn: today, collector: '张伟', method: 'wechat' });
  // Org life recorded from seven months ago; 刘洋 has missed every meeting since (at risk of lapse).
  await s.api('activities.save', {
    type: 'theme_day', orgId: branch.id, title: '主题党日', heldOn: `${addMonth(thisMonth, -7)}-12`, topic: '学习党章', hostPersonId: ids[0],
    attendance: ids.slice(0, 4).map((id, i) => ({ personId: id, status: i === 3 ? ('absent' as const) : ('present' as const), reason: i === 3 ? '外出' : null })),
  });
  await s.api('activities.save', {
    type: 'review', orgId: branch.id, title: '年度民主评议党员大会', heldOn: today, topic: '民主评议党员', hostPersonId: ids[0],
    attendance: ids.map((id, i) => ({ personId: id, status: i === 3 ? ('absent' as const) : ('present' as const), reason: i === 3 ? '外出务工' : null })),
  });
}

const row = (name: string) => page.locator('.ant-table-row', { hasText: name }).first();
const cells = async (name: string) => (await row(name).locator('td').allTextContents()).map((x) => x.trim());
const notices = () => page.locator('.ant-message-notice').allTextContents();

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  await seed();
}, 120_000);
afterAll(async () => s?.close());

it('records a payment offline and the arrears clear', async () => {
  onTestFailed(async () => void (await shot(page, 'dues-failed').catch(() => undefined)));
  await page.goto(`${s.app.url}#/dues`);
  await row('王建国').waitFor();
  // 4200 × 1% = 42.00 a month; four past months unpaid
  expect((await cells('王建国')).slice(0, 8)).toEqual(['王建国', BRANCH, '工资收入', '未缴', '4', '0', '42.00', '168.00']);
  expect((await cells('李秀英')).slice(4, 8)).toEqual(['0', '0', '102.00', '0.00']);
  expect((await cells('刘洋')).slice(2, 3)).toEqual(['未定基数']);
  await snap('list-zh');
  await row('王建国').getByRole('button', { name: '缴费' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByText('王建国 的党费').waitFor();
  await poll(() => drawer.getByTestId('owed-months').locator('.ant-tag').count()).toBe(4);
  await drawer.getByLabel('收缴人').fill('李秀英');
  await snap('pay-form-zh');
  await drawer.getByRole('button', { name: '登记缴费' }).click();
  await poll(notices).toContainEqual('已登记 4 个月的党费');
  await poll(() => drawer.getByTestId('owed-months').textContent()).toBe('无');
  await poll(() => drawer.locator('.ant-table-row').filter({ hasText: today }).filter({ hasText: '42.00' }).count()).toBe(4);
  // Not sent anywhere yet: four ledger lines wait in the outbox for the next sync with HQ.
  expect(count(`sync_outbox WHERE tbl = 'dues_payments'`)).toBe(8);
  await snap('paid-zh');
  await page.locator('.ant-drawer-close').click();
  await poll(async () => (await cells('王建国')).slice(4, 8)).toEqual(['0', '0', '42.00', '0.00']);
});

it('caps 优秀 at a third in the democratic review and closes it with its meeting', async () => {
  onTestFailed(async () => void (await shot(page, 'review-failed').catch(() => undefined)));
  await page.getByRole('tab', { name: '民主评议' }).click();
  await page.getByText('优秀 0 名 / 上限 1 名（参评正式党员 4 名的三分之一）').waitFor();
  expect(await row('陈静').textContent()).toContain('预备党员不参加定等');
  const grade = (name: string, g: string) => pick(page, page.locator('body'), `评定等次 ${name}`, g);
  await grade('王建国', '优秀');
  await grade('李秀英', '优秀');
  await grade('张伟', '合格');
  await grade('刘洋', '基本合格');
  await page.getByTestId('excellent-cap').getByText('优秀 2 名 / 上限 1 名（参评正式党员 4 名的三分之一）').waitFor();
  await page.getByRole('button', { name: '保存评议' }).click();
  await poll(notices).toContainEqual('“优秀”不能超过参评党员的三分之一：4名党员最多1名优秀，本次为2名');
  expect(count('evaluation_grades')).toBe(0);
  await snap('review-capped-zh');
  await grade('李秀英', '合格');
  await pick(page, page.locator('body'), '召开评议的会议', `${today} 年度民主评议党员大会`);
  await page.getByLabel('评议情况总结').fill('全体党员参加，逐一评议，结果已在支部公示。');
  await page.getByRole('button', { name: '保存评议' }).click();
  await poll(notices).toContainEqual('已保存');
  expect(count('evaluation_grades')).toBe(4);
  await page.getByRole('button', { name: '结束评议' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await poll(notices).toContainEqual('评议已结束');
  await page.getByRole('button', { name: '评议汇总报告' }).click();
  const report = page.getByTestId('review-report');
  await report.getByText('参评正式党员 4 名。优秀 1 名，合格 2 名，基本合格 1 名，不合格 0 名。').waitFor();
  await snap('review-report-zh');
  await page.locator('.ant-modal-close').click();
});

it('lists the member at risk of lapse and the organisation checks', async () => {
  await page.getByRole('tab', { name: '党员状况预警' }).click();
  await row('刘洋').waitFor();
  expect(await row('刘洋').textContent()).toContain('有自行脱党风险');
  await snap('standing-zh');
  await page.getByRole('tab', { name: '组织设置检查' }).click();
  await row(BRANCH).waitFor();
  expect(await row(BRANCH).textContent()).toContain('未设支部书记');
  await snap('org-checks-zh');
});

it('shows the same screens in English', async () => {
  await page.evaluate(`localStorage.setItem('rc.lang', 'en')`);
  await page.reload();
  await row('王建国').waitFor();
  await page.getByText('Wage').first().waitFor();
  await snap('list-en');
  await page.getByRole('tab', { name: 'Democratic review' }).click();
  await page.getByText('Excellent 1 / at most 1 (a third of 4 full members)').waitFor();
  await snap('review-en');
  await page.getByRole('tab', { name: 'Member warnings' }).click();
  await page.getByText('At risk of lapse').first().waitFor();
  await snap('standing-en');
  await page.evaluate(`localStorage.setItem('rc.lang', 'zh')`);
});
