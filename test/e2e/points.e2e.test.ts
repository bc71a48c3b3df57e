// Member points end to end in Chromium through browser mode, as the county organiser: a branch's
// last quarter is derived from its theme days and a micro-lecture, published, an objection is
// raised and answered, the window passes, the quarter is approved and locked; an entry for a day in
// the locked quarter then goes to the next one and says so. Screenshots in Chinese and English.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { nextQuarter, quarterOf, quarterStart } from '../../shared/points/tally.js';
import { addDays, addMonths } from '../../shared/orglife/periods.js';
import { pick, saveDialog, typeDate } from './support/antd.js';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, poll, type Session } from './support/session.js';

const BRANCH = '骊山路营业厅党支部';
const SHOTS = process.env.RC_POINTS_SHOTS ?? '/work/shots/points';
let s: Session;
let page: Page;
// The quarter being published is the last one that is over; the deeds are dated inside it.
const today = todayInBeijing();
const current = quarterOf(today);
const last = quarterOf(addDays(quarterStart(current), -1));
const inLast = (monthOffset: number, day: number) => `${addMonths(quarterStart(last), monthOffset).slice(0, 8)}${String(day).padStart(2, '0')}`;

async function snap(name: string): Promise<void> {
  const file = await shot(page, `points-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

async function seed(): Promise<void> {
  const { county } = await lintongCounty(s.api);
  const outlet = await s.api<{ id: string }>('outlets.save', { code: 'XA-LT-0001', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id, staffCount: 9 });
  const branch = await s.api<{ id: string }>('partyOrgs.save', { name: BRANCH, orgType: 'branch', unitId: county.id, outletIds: [outlet.id] });
  const people: [string, string, string][] = [['王建国', '1978-03-14', 'full_member'], ['李秀英', '1983-07-02', 'full_member'], ['张伟', '1990-11-20', 'full_member'], ['刘洋', '1992-05-08', 'full_member'], ['陈静', '1998-09-16', 'probationary']];
  const ids: string[] = [];
  for (const [i, [name, birth, status]] of people.entries()) {
    const p = await s.api<{ id: string }>('people.save', {
      name, citizenId: makeCitizenId('610115', birth, 11 + i, i % 2 === 0), politicalStatus: status, outletId: outlet.id,
      member: { branchId: branch.id, joinDate: status === 'probationary' ? addMonths(quarterStart(last), -2) : '2012-07-01' },
    });
    ids.push(p.id);
  }
  const present = (who: number[]) => ids.map((id, i) => ({ personId: id, status: who.includes(i) ? ('present' as const) : ('absent' as const), reason: who.includes(i) ? null : '外出' }));
  for (const [m, who] of [[0, [0, 1, 2, 4]], [1, [0, 1, 2]], [2, [0, 2]]] as [number, number[]][])
    await s.api('activities.save', { type: 'theme_day', orgId: branch.id, title: '主题党日', heldOn: inLast(m, 12), topic: '学习党的二十届四中全会精神', hostPersonId: ids[0], attendance: present(who) });
  await s.api('activities.save', { type: 'micro_lecture', orgId: branch.id, title: '五分钟微党课', heldOn: inLast(1, 20), topic: '讲好身边的服务故事', lecturerPersonId: ids[1], attendance: present([0, 1, 2, 3, 4]) });
  await s.api('points.addEntry', { personId: ids[0], itemKey: 'honour', occurredOn: inLast(1, 5), reason: '获评县公司服务之星', evidence: '表彰文件 临电党〔2026〕12号' });
  await s.api('points.addEntry', { personId: ids[3], itemKey: 'absence', occurredOn: inLast(2, 3), reason: '无故缺席支部党员大会' });
}

const row = (name: string) => page.locator('.ant-table-row', { hasText: name }).first();
const cellTexts = async (name: string) => (await row(name).locator('td').allTextContents()).map((x) => x.trim());
const status = () => page.getByTestId('points-status').textContent();
async function closeDrawer(): Promise<void> {
  await page.locator('.ant-drawer-close').click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' }).catch(() => page.locator('.ant-drawer-mask').waitFor({ state: 'hidden' }));
}

async function openPoints(): Promise<void> {
  await page.goto(`${s.app.url}#/assessment`);
  // 考核预警 opens on its board; member points is a tab of it.
  const tab = page.getByRole('tab', { name: /党员积分|Member points/ }).first();
  await tab.waitFor();
  await tab.click();
  await page.getByText(`${BRANCH} · ${last}`).waitFor();
}

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  await seed();
}, 120_000);

afterAll(async () => s?.close());

it('publishes a quarter, takes an objection and its answer, approves and locks it', async () => {
  onTestFailed(async () => void (await shot(page, 'points-failed').catch(() => undefined)));
  await openPoints();
  expect(await status()).toBe('未公示');
  await page.getByRole('button', { name: '生成自动积分' }).click();
  await poll(() => page.locator('.ant-message-notice').allTextContents()).toContainEqual(expect.stringContaining('已从出勤和党课记录生成 10 条积分'));
  // 王建国: 3 theme days (+2 each) and an honour (+5) = 81; 李秀英: 2 theme days + the micro-lecture (+3) = 77;
  // 刘洋: no theme day and a deduction (−3) = 67, the bottom 10% of five (one person) → three lists.
  await poll(() => cellTexts('王建国')).toEqual(['1', '王建国', '70', '+11', '0', '', '81', '良好', '']);
  expect(await cellTexts('李秀英')).toEqual(['2', '李秀英', '70', '+7', '0', '', '77', '合格', '']);
  expect(await cellTexts('陈静')).toEqual(['4', '陈静预备党员', '70', '+2', '0', '', '72', '合格', '']);
  expect(await cellTexts('刘洋')).toEqual(['5', '刘洋', '70', '0', '−3', '', '67', '合格', '列入三单']);
  await snap('quarter-draft-zh');

  await row('刘洋').locator('a').click();
  await page.getByText(`刘洋 的 ${last.slice(0, 4)} 年积分台账`).waitFor();
  await page.locator('.ant-drawer .ant-table-row', { hasText: '无故缺席支部党员大会' }).waitFor();
  await closeDrawer();
  await row('王建国').locator('a').click();
  await page.getByText(`王建国 的 ${last.slice(0, 4)} 年积分台账`).waitFor();
  await page.locator('.ant-drawer .ant-table-row', { hasText: '获评县公司服务之星' }).waitFor();
  expect(await page.locator('.ant-drawer .ant-table-row').count()).toBe(4);
  await snap('ledger-zh');
  await closeDrawer();

  await page.getByRole('button', { name: '公示本季度' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await poll(status).toBe('公示中');
  const windowEnds = addDays(today, 7);
  await page.getByText(`公示期至 ${windowEnds}`).first().waitFor();
  await pick(page, page.locator('body'), '提出异议的党员', '刘洋');
  await page.getByLabel('异议内容').fill('三季度主题党日我是公司派去培训，请核实');
  await page.getByRole('button', { name: '登记异议' }).click();
  await page.getByText('三季度主题党日我是公司派去培训，请核实').waitFor();
  expect(await page.getByRole('button', { name: '审定并锁定' }).isDisabled()).toBe(true);
  await page.getByText(`公示期至 ${windowEnds}，期满后方可审定`).waitFor();
  await page.getByLabel('答复内容').fill('经核实属组织安排，已按规定补记');
  await page.getByRole('button', { name: '答 复' }).or(page.getByRole('button', { name: '答复' })).click();
  await page.getByText('经核实属组织安排，已按规定补记').waitFor();
  await snap('published-objection-zh');

  // Seven days pass: the window closes (the store's clock is the machine's; the window's end is moved instead).
  s.app.backend.profile.store.raw.prepare(`UPDATE points_publications SET window_ends = ?`).run(addDays(today, -1));
  await page.reload();
  await page.getByText(`${BRANCH} · ${last}`).waitFor().catch(async () => openPoints());
  const approve = page.getByRole('button', { name: '审定并锁定' });
  await poll(() => approve.isEnabled()).toBe(true);
  await approve.click();
  await poll(status).toBe('已审定锁定');
  expect(await cellTexts('王建国')).toEqual(['1', '王建国', '70', '+11', '0', '', '81', '良好', '']);
  await snap('approved-zh');

  // A day in the locked quarter: the entry goes to the next quarter and the message says so.
  await page.getByRole('button', { name: '录入积分 / 扣分' }).click();
  const dialog = page.getByRole('dialog', { name: '录入积分 / 扣分' });
  await pick(page, dialog, '党员', '刘洋');
  await pick(page, dialog, '积分项目', '自选动作 · 志愿服务与反诈宣传（+2）');
  await typeDate(dialog, '发生日期', inLast(2, 25));
  await dialog.getByLabel('事由').fill('参加反诈进社区志愿服务');
  await snap('entry-form-zh');
  await saveDialog(page, dialog);
  await poll(() => page.locator('.ant-message-notice').allTextContents()).toContainEqual(`${last} 已审定锁定，本条已计入 ${nextQuarter(last)}`);
  expect(await cellTexts('刘洋')).toEqual(['5', '刘洋', '70', '0', '−3', '', '67', '合格', '列入三单']);
  const approved = await s.api<{ status: string; rows: { name: string; total: number }[] }>('points.table', { orgId: (await s.api<{ id: string }[]>('points.branches', {}))[0]!.id, quarter: last });
  expect(approved.status).toBe('approved');

  await page.getByText('年度得分').click();
  await page.getByText(new RegExp(`计入年度平均的季度：.*${last}`)).waitFor();
  await snap('year-zh');
  await page.getByText('积分规则').click();
  await page.getByText('优秀 ≥90，良好 80–89，合格 60–79，较差 <60').waitFor();
  await snap('rules-zh');

  // The organiser adjusts a value: beyond HQ's bounds the screen says why and will not save; inside, it is saved.
  await page.getByRole('button', { name: '调整规则' }).click();
  const themeValue = page.getByLabel('参加主题党日 分值');
  await themeValue.fill('11');
  await page.getByText('“参加主题党日”的分值须在 0–10 之间').waitFor();
  expect(await page.getByRole('button', { name: '保存规则' }).isDisabled()).toBe(true);
  await snap('rules-edit-zh');
  await themeValue.fill('4');
  await page.getByRole('button', { name: '保存规则' }).click();
  await page.getByText('本单位已调整').waitFor();
  expect(await page.locator('.ant-table-row', { hasText: '参加主题党日' }).locator('td').nth(2).textContent()).toBe('+4');
}, 180_000);

it('shows the same screens in English', async () => {
  await page.evaluate(`localStorage.setItem('rc.lang', 'en')`);
  await page.reload();
  await openPoints();
  await poll(status).toBe('Approved, locked');
  await page.getByText('Objections (1)').waitFor();
  await snap('approved-en');
  await page.getByText('Rules', { exact: true }).click();
  await page.getByText('Allowed by HQ').waitFor();
  await snap('rules-en');
  await page.evaluate(`localStorage.setItem('rc.lang', 'zh')`);
}, 60_000);
