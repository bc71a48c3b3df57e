// 岗区队·里程碑 end to end in Chromium through browser mode: a county organiser creates a commando
// team, gives it a yearly goal with a node already past its due date, sees the node missed in 节点对账
// and its light red on the warning board, then opens a rectification item from it. Screenshots at
// 1366×768 in both languages under /work/shots/work334.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { openProfile, setIdentity } from '../../db/profile.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { addDays } from '../../shared/orglife/periods.js';
import { pick, searchPick, typeDate } from './support/antd.js';
import { E2E_UNLOCK, startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';

const SHOTS = '/work/shots/work334';
const BRANCH = '骊山营业部党支部';
const TEAM = '千兆宽带攻坚突击队';
const NODE = '完成首批小区装机';
const TODAY = todayInBeijing();
// The node fell due two days ago (this month when possible, so the board month shows it red).
const DUE = TODAY.slice(8) >= '03' ? addDays(TODAY, -2) : addDays(TODAY, -1);

let app: RunningApp;
let browser: Browser;
let page: Page;
let dir: string;
let branchId: string;
const memberIds: string[] = [];

async function api<T>(name: string, input: unknown): Promise<T> {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

async function keep(name: string) {
  const file = await shot(page, `work334-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-e2e-w334-'));
  app = await startApp(dir);
  const hq = await api<{ id: string }>('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await api<{ id: string }>('orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: hq.id });
  const county = await api<{ id: string; path: string }>('orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
  const outlet = await api<{ id: string }>('outlets.save', { code: 'LT-E2E-01', name: '骊山路营业厅', channelType: 'own_store', countyId: county.id });
  const branch = await api<{ id: string }>('partyOrgs.save', { name: BRANCH, orgType: 'branch', unitId: county.id, outletIds: [outlet.id] });
  branchId = branch.id;
  for (const [i, name] of ['王建国', '李秀英', '张伟'].entries()) {
    memberIds[i] = (await api<{ id: string }>('people.save', {
      name, citizenId: makeCitizenId('610115', `198${i}-03-0${i + 1}`, 11 + i, i !== 1), gender: i !== 1 ? 'male' : 'female', politicalStatus: 'full_member', outletId: outlet.id,
      member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' },
    })).id;
  }
  await app.stop({ keep: true });
  const profile = await openProfile(dir, E2E_UNLOCK);
  await setIdentity(profile.store, { role: 'county_organiser', userName: '刘组织员', scopePath: county.path });
  await profile.store.close();
  app = await startApp(dir);
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.goto(app.url);
}, 180_000);

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `work334-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Adds `name` to a multiple select: types it, clicks its option, and sees its tag. */
async function addTag(scope: ReturnType<Page['getByTestId']>, label: string, name: string) {
  const input = scope.getByLabel(label, { exact: true });
  await expect.poll(async () => {
    await input.click();
    await input.fill(name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click({ timeout: 3_000 }).catch(() => undefined);
    return scope.locator('.ant-select-selection-item', { hasText: name }).count();
  }, { timeout: 20_000 }).toBeGreaterThan(0);
  await scope.locator('.ant-modal-title').click();
}

const ok = (dialog: ReturnType<Page['getByTestId']>) => dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
const openWork = () => page.getByRole('menuitem', { name: /岗区队·里程碑|Teams & goals/ }).click();

it('creates a commando team with a milestone whose node is missed, and sees it red on the board', async () => {
  await openWork();
  await page.getByRole('button', { name: '新建岗区队' }).click();
  const form = page.getByTestId('w3-team-form');
  await pick(page, form, '党组织', BRANCH);
  await form.getByLabel('名称', { exact: true }).fill(TEAM);
  await form.getByLabel('目标', { exact: true }).fill('本季度新增千兆宽带用户 300 户');
  await typeDate(form, '开始日期', `${TODAY.slice(0, 4)}-01-01`);
  await addTag(form, '队员', '王建国');
  await addTag(form, '队员', '李秀英');
  await searchPick(page, form, '负责人', '王建国');
  await keep('01-team-form-zh');
  await ok(form);
  await expect.poll(() => form.isVisible()).toBe(false);
  const teams = page.getByTestId('w3-teams');
  await expect.poll(() => teams.getByText(TEAM).isVisible()).toBe(true);
  await expect.poll(() => teams.getByText('进行中').isVisible()).toBe(true);

  await page.getByRole('tab', { name: '里程碑' }).click();
  await page.getByRole('button', { name: '新建年度目标' }).click();
  const goal = page.getByTestId('w3-goal-form');
  await pick(page, goal, '党组织', BRANCH);
  await pick(page, goal, '岗区队', TEAM);
  await goal.getByLabel('年度目标', { exact: true }).fill('千兆宽带攻坚');
  const month = `${DUE.slice(0, 4)}年${+DUE.slice(5, 7)}月`;
  await searchPick(page, goal, '季度/月份', month);
  await goal.getByLabel('节点', { exact: true }).fill(NODE);
  await searchPick(page, goal, '责任人', '王建国');
  await goal.getByLabel('完成标准', { exact: true }).fill('装机工单不少于 30 张，用户签字确认');
  await typeDate(goal, '完成时限', DUE);
  await keep('02-goal-form-zh');
  await ok(goal);
  await expect.poll(() => goal.isVisible()).toBe(false);
  const nodes = page.getByTestId('w3-nodes');
  const row = nodes.locator('tr', { hasText: NODE });
  await expect.poll(() => row.getByText('逾期未完成').isVisible()).toBe(true);
  await expect.poll(() => row.getByText(/逾期 \d+ 天/).isVisible()).toBe(true);
  await keep('03-nodes-missed-zh');

  await page.getByRole('menuitem', { name: '考核预警' }).click();
  const lights = page.getByTestId('as-lights');
  await expect.poll(() => lights.getByRole('button', { name: `${BRANCH} 里程碑节点逾期未完成 red` }).isVisible(), { timeout: 20_000 }).toBe(true);
  await keep('04-board-light-zh');
  await lights.getByRole('button', { name: `${BRANCH} 里程碑节点逾期未完成 red` }).click();
  await expect.poll(() => page.getByTestId('as-drill').getByText(new RegExp(`节点“${NODE}”应于 ${DUE} 完成`)).isVisible()).toBe(true);
  await keep('05-board-drill-zh');
  await page.keyboard.press('Escape');
});

it('opens a rectification item from the missed node, once', async () => {
  await openWork();
  await page.getByRole('tab', { name: '里程碑' }).click();
  const row = page.getByTestId('w3-nodes').locator('tr', { hasText: NODE });
  await row.getByRole('button', { name: '发起整改' }).click();
  await expect.poll(() => row.getByText('已发起整改').isVisible()).toBe(true);
  expect(await row.getByRole('button', { name: '发起整改' }).count()).toBe(0);
  const items = await api<{ rows: { title: string; kind: string }[] }>('rectification.list', {});
  // (the board visit may have opened escalation items of its own lights)
  expect(items.rows.map((r) => r.title).filter((x) => x.includes(NODE))).toEqual([`整改：${BRANCH}里程碑节点“${NODE}”逾期未完成`]);
  await keep('06-rectified-zh');
});

it('records a pairing agreement with a bank branch and counts a joint meeting for it', async () => {
  await api('activities.save', {
    type: 'joint_meeting', orgId: branchId, title: '结对共建联席会议', heldOn: TODAY, place: '骊山路营业厅', topic: '结对共建', agenda: '交流党建经验，协调反诈宣传进网点',
    hostPersonId: memberIds[0], recorderPersonId: memberIds[1], minutes: '双方交流了党建工作经验，商定联合开展反诈宣传。',
    attendance: memberIds.map((personId) => ({ personId, status: 'present' })),
  });
  await openWork();
  await page.getByRole('tab', { name: '结对共建' }).click();
  await page.getByRole('button', { name: '新建结对协议' }).click();
  const form = page.getByTestId('w3-pairing-form');
  await form.getByLabel('协议名称', { exact: true }).fill('党建和创协议');
  await pick(page, form, '牵头党组织', BRANCH);
  const outside = form.getByLabel('外部结对方（输入名称后回车）', { exact: true });
  await outside.fill('浦发银行商鼎路支行党支部');
  await outside.press('Enter');
  await form.getByLabel('协议内容', { exact: true }).fill('以互联互通为基础，以互惠共赢为目标，每月召开一次结对共建联席会议');
  await keep('07-pairing-form-zh');
  await ok(form);
  await expect.poll(() => form.isVisible()).toBe(false);
  const row = page.getByTestId('w3-pairings').locator('tr', { hasText: '党建和创协议' });
  await expect.poll(() => row.getByText('浦发银行商鼎路支行党支部').isVisible()).toBe(true);
  await row.getByRole('button', { name: /查\s*看/ }).click();
  const drawer = page.getByTestId('w3-pairing');
  await pick(page, drawer, '关联联席会议', `${TODAY} 结对共建联席会议`);
  await drawer.getByRole('button', { name: '关联联席会议' }).click();
  await expect.poll(() => drawer.getByText('出席 3 人').isVisible()).toBe(true);
  await expect.poll(() => drawer.getByTestId('w3-periods').getByText(/已召开/).isVisible()).toBe(true);
  await keep('08-pairing-drawer-zh');
  await drawer.getByRole('button', { name: 'Close' }).click().catch(() => page.keyboard.press('Escape'));
});

it('refuses an outlet with red lights as 党建示范渠道, proposes a member, and lists a deadline rectification', async () => {
  await openWork();
  await page.getByRole('tab', { name: '荣誉与约谈' }).click();
  await page.getByRole('button', { name: '提名荣誉' }).click();
  const form = page.getByTestId('w3-honour-form');
  await pick(page, form, '荣誉类别', '党建示范渠道');
  await searchPick(page, form, '对象', '骊山路营业厅');
  await form.getByLabel('依据的考核结果', { exact: true }).fill('本年度双轨考核综合 91.2 分，全县第一');
  await ok(form);
  // the outlet's board kept red lights this year (no Party contact): it cannot be proposed, and the form says why
  await expect.poll(() => form.getByText(/该对象在\d{4}有红灯预警（.*），不能提名/).isVisible()).toBe(true);
  await keep('09-honour-refused-zh');
  await pick(page, form, '荣誉类别', '优秀渠道党员');
  await form.getByRole('radio', { name: '党员' }).check();
  await searchPick(page, form, '对象', '王建国');
  await ok(form);
  await expect.poll(() => form.isVisible()).toBe(false);
  await expect.poll(() => page.getByTestId('w3-honours').getByText('已提名').isVisible()).toBe(true);
  await api('accountability.save', { kind: 'deadline', subjectKind: 'org', subjectId: branchId, reason: '里程碑节点逾期未完成', heldOn: addDays(TODAY, -3), deadline: addDays(TODAY, -1) });
  await page.getByRole('tab', { name: '结对共建' }).click();
  await page.getByRole('tab', { name: '荣誉与约谈' }).click();
  await expect.poll(() => page.getByTestId('w3-talks').getByText('逾期 1 天').isVisible()).toBe(true);
  await keep('10-honours-zh');
});

it('writes a review of the branch with the comparison loaded from the board and milestones', async () => {
  await openWork();
  await page.getByRole('tab', { name: '复盘复训' }).click();
  await page.getByRole('button', { name: '新建复盘' }).click();
  const form = page.getByTestId('w3-review-form');
  await pick(page, form, '复盘对象', BRANCH);
  await form.getByLabel('复盘期间（如 2026-11、2026-Q4、2026）', { exact: true }).fill(TODAY.slice(0, 7));
  await form.getByRole('button', { name: '载入数据对比' }).click();
  await expect.poll(() => form.getByTestId('w3-compare').getByText(/里程碑节点逾期未完成 ×1/).isVisible()).toBe(true);
  await form.getByLabel('原因分析', { exact: true }).fill('里程碑节点逾期：装维人手不足，小区物业协调滞后');
  await keep('16-review-form-zh');
  await ok(form);
  await expect.poll(() => form.isVisible()).toBe(false);
  const row = page.getByTestId('w3-reviews').locator('tr', { hasText: BRANCH });
  await expect.poll(() => row.getByText('月度专项复盘').isVisible()).toBe(true);
  await row.locator('.ant-table-row-expand-icon').click();
  await expect.poll(() => page.getByTestId('w3-reviews').getByText('里程碑节点逾期：装维人手不足，小区物业协调滞后').isVisible()).toBe(true);
  await keep('17-reviews-zh');
});

it('reads the same in English', async () => {
  await page.evaluate(`localStorage.setItem('rc.lang', 'en')`);
  await page.reload();
  await openWork();
  await expect.poll(() => page.getByTestId('w3-teams').getByText(TEAM).isVisible(), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => page.getByTestId('w3-teams').getByText('Running').isVisible()).toBe(true);
  await keep('11-teams-en');
  await page.getByRole('tab', { name: 'Milestones' }).click();
  await expect.poll(() => page.getByTestId('w3-nodes').getByText('Missed', { exact: true }).isVisible()).toBe(true);
  await keep('12-nodes-en');
  await page.getByRole('tab', { name: 'Pledges' }).click();
  await expect.poll(() => page.getByTestId('w3-pledges').isVisible()).toBe(true);
  await page.getByRole('tab', { name: 'Pairing' }).click();
  await expect.poll(() => page.getByTestId('w3-pairings').getByText('浦发银行商鼎路支行党支部').isVisible()).toBe(true);
  await page.getByTestId('w3-pairings').getByRole('button', { name: 'Open' }).click();
  await expect.poll(() => page.getByTestId('w3-pairing').getByText('3 present').isVisible()).toBe(true);
  await keep('14-pairing-en');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Honours & talks' }).click();
  await expect.poll(() => page.getByTestId('w3-honours').getByText('Proposed', { exact: true }).isVisible()).toBe(true);
  await keep('15-honours-en');
  await page.getByRole('tab', { name: 'Reviews' }).click();
  await expect.poll(() => page.getByTestId('w3-reviews').getByText('Monthly review').isVisible()).toBe(true);
  await keep('18-reviews-en');
  await page.getByRole('menuitem', { name: 'Assessment' }).click();
  await expect.poll(() => page.getByTestId('as-lights').getByRole('button', { name: `${BRANCH} Missed milestone nodes red` }).isVisible(), { timeout: 20_000 }).toBe(true);
  await keep('13-board-en');
  await page.evaluate(`localStorage.setItem('rc.lang', 'zh')`);
});
