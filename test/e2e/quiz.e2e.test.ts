// 党建知识闯关赛 end to end in Chromium through browser mode: HQ imports a small bank from Excel and
// publishes a reward; an instructor's device enrols and syncs it down; a clerk plays level 1 with the
// keyboard (passed, points), fails level 2 at a wrong answer; the next day (the clock moved) that
// question is due for review; a reward is requested, HQ approves it after a sync, and the device shows
// it approved. Screenshots at 1366×768 in Chinese and English into /work/shots/quiz.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed, vi } from 'vitest';
import { putSetting } from '../../hq/admin.js';
import { importBank } from '../../hq/quiz/bank.js';
import { putReward, settlePending } from '../../hq/quiz/redeem.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { enrolDevice } from '../../db/sync/enrol.js';
import { engineFor } from '../../db/sync/engine.js';
import { enrolledDevice, type TestDevice } from '../sync/support.js';
import { call } from '../support/builders.js';
import { bankFile, type BankRow } from '../quiz/bankFile.js';
import { clickInPopup, searchPick } from './support/antd.js';
import { shot } from './support/browser.js';
import { openSession, type Session } from './support/session.js';
import { startE2eHq, type E2eHq } from './support/sync-hq.js';

const SHOTS = process.env.RC_QUIZ_SHOTS ?? '/work/shots/quiz';
const OUTLET = '临潼骊山路营业厅';
let hq: E2eHq;
let admin: TestDevice;
let s: Session;
let page: Page;

const BANK: BankRow[] = [
  ['单选', '党员一般按什么周期交纳党费？', '每月', '每季度', '每半年', '每年', '', '', 'A', '党员一般应按月交纳党费。', '党规党纪', '易', 1],
  ['判断', '网格内的渠道网点可以由网格党组织统一覆盖。', '', '', '', '', '', '', '正确', '“网格+党组织”设置模式。', '党规党纪', '易', 1],
  ['单选', '客户办理携号转网，首先应核验什么？', '套餐价格', '本人有效身份证件', '终端型号', '积分余额', '', '', 'B', '实名制要求先核验本人有效证件。', '业务知识', '中', 1],
  ['多选', '“三会一课”中的“三会”包括哪些？', '支部党员大会', '支部委员会', '党小组会', '主题党日', '', '', 'ABC', '三会：支部党员大会、支部委员会、党小组会。', '党规党纪', '中', 2],
  ['单选', '接到自称“公检法”要求转账到“安全账户”的电话，应当？', '按要求转账', '挂断并拨打 96110 核实', '提供验证码', '下载对方指定软件', '', '', 'B', '公检法不会要求转账到“安全账户”。', '反诈知识', '易', 2],
  ['判断', '预备党员的预备期为两年。', '', '', '', '', '', '', '错误', '预备期为一年。', '党规党纪', '中', 2],
];

async function keep(name: string): Promise<void> {
  const file = await shot(page, `quiz-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}
const setLang = (lang: 'zh' | 'en') => page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);
const answerOf = (stem: string) => (s.app.backend.profile.store.raw.prepare('SELECT answer FROM quiz_questions WHERE stem = ?').get(stem) as { answer: string }).answer;
const KEY = { A: '1', B: '2', C: '3', D: '4' } as Record<string, string>;

/**
 * The device's sync, run by its own engine (what 立即同步 calls): in browser mode the 同步 screen
 * cannot reach the engine since d0073e1 (同步服务未启动, see test/e2e/console.e2e.test.ts).
 */
const syncDevice = () => engineFor(s.app.backend.profile.session)!.syncNow();

async function openQuiz(): Promise<void> {
  await page.goto(`${s.app.url}#/quiz`);
  await page.reload(); // a fresh screen: the same URL with a hash would keep the page as it was
  await page.getByLabel('答题人', { exact: true }).or(page.getByLabel('Player', { exact: true })).waitFor();
}
async function choosePlayer(label: string): Promise<void> {
  await searchPick(page, page.locator('body'), label, '李小红');
}

/** Answers the question on screen with the keyboard: right (the letters' digits, then Enter) or wrong. */
async function answer(right: boolean): Promise<void> {
  const stem = (await page.getByTestId('quiz-stem').textContent())!.trim();
  const a = answerOf(stem);
  const letters = right ? a.split('') : [a === 'A' ? 'B' : 'A'];
  for (const l of letters) await page.keyboard.press(KEY[l]!);
  await page.keyboard.press('Enter');
  await page.getByText(right ? '回答正确' : '回答错误').waitFor();
}

beforeAll(async () => {
  hq = await startE2eHq();
  admin = await enrolledDevice(hq, { user: '省公司管理员', role: 'hq_admin', scope: '/' });
  const ctx = admin.context();
  const top = await call(ctx, 'orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await call(ctx, 'orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: top.id });
  const county = await call(ctx, 'orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
  const outlet = await call(ctx, 'outlets.save', { code: 'XA-LT-0001', name: OUTLET, channelType: 'own_store', countyId: county.id, staffCount: 9 });
  const branch = await call(ctx, 'partyOrgs.save', { name: '骊山路营业厅党支部', orgType: 'branch', unitId: county.id, outletIds: [outlet.id] });
  await call(ctx, 'people.save', { name: '李小红', politicalStatus: 'masses', outletId: outlet.id });
  await call(ctx, 'people.save', { name: '王建国', citizenId: makeCitizenId('610115', '1978-03-14', 11, true), politicalStatus: 'full_member', outletId: outlet.id, member: { branchId: branch.id, joinDate: '2012-07-01' } });
  await admin.sync();
  // HQ: the bank from Excel, three questions a run, and a reward.
  await putSetting(hq.store, 'quiz.levelLength', 3);
  expect(await importBank(hq.store, await bankFile(BANK))).toMatchObject({ imported: 6 });
  await putReward(hq.store, { name: '1GB 流量包', nameEn: '1 GB data pack', description: '当月有效', price: 4, stock: 5 });
  s = await openSession();
  page = s.page;
  await enrolDevice(engineFor(s.app.backend.profile.session)!.dev, hq.url, await hq.code('孙指导', 'instructor', county.path), { deviceName: '骊山路营业厅电脑' });
}, 180_000);

afterAll(async () => {
  vi.useRealTimers();
  await s?.close();
  await admin?.cleanup();
  await hq?.close();
});

beforeEach((t) => {
  onTestFailed(async () => void (await shot(page, `quiz-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`).catch(() => undefined)));
});

it('syncs the bank down and plays level 1 to the end with the keyboard', async () => {
  await syncDevice();
  await openQuiz();
  await choosePlayer('答题人');
  await page.getByTestId('quiz-level-1').waitFor();
  await expect.poll(() => page.getByTestId('quiz-level-2').textContent()).toContain('未解锁');
  await keep('01-levels-zh');
  await page.getByTestId('quiz-level-1').click();
  await page.getByTestId('quiz-stem').waitFor();
  await keep('02-question-zh');
  await answer(true);
  await keep('03-right-zh');
  await page.keyboard.press('Enter');
  await answer(true);
  await page.keyboard.press('Enter');
  await answer(true);
  await page.getByRole('button', { name: '查看结果' }).click();
  await page.getByText('恭喜通关！').waitFor();
  await expect.poll(() => page.getByText('答对 3 / 3 题，本轮获得 5 分').isVisible()).toBe(true);
  await keep('04-passed-zh');
  await page.getByRole('button', { name: '返回关卡' }).click();
  await expect.poll(() => page.getByTestId('quiz-level-2').textContent()).toContain('可挑战');
  await expect.poll(() => page.locator('.ant-statistic', { hasText: '积分余额' }).textContent()).toContain('5');
});

it('ends level 2 at a wrong answer; the question is not due the same day', async () => {
  await page.getByTestId('quiz-level-2').click();
  await page.getByTestId('quiz-stem').waitFor();
  await answer(false);
  await keep('05-wrong-zh');
  await page.keyboard.press('Enter');
  await page.getByText('本轮结束').waitFor();
  await page.getByRole('button', { name: '返回关卡' }).click();
  await expect.poll(() => page.locator('.ant-statistic', { hasText: '错题复习' }).textContent()).toContain('暂无需要复习的错题');
});

it('brings the wrong question back for review the next day', async () => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(Date.now() + 26 * 3_600_000);
  await openQuiz();
  await choosePlayer('答题人');
  await expect.poll(() => page.locator('.ant-statistic', { hasText: '错题复习' }).textContent()).toContain('今日待复习 1 题');
  await expect.poll(() => page.locator('.ant-statistic', { hasText: '今日积分' }).textContent()).toContain('0 / 6');
  await page.getByRole('button', { name: '开始复习' }).click();
  await page.getByTestId('quiz-stem').waitFor();
  await keep('06-review-zh');
  await answer(true);
  await page.keyboard.press('Enter');
  await page.getByText('今天的错题复习完了').waitFor();
});

it('requests a reward, HQ approves it after a sync, and the device shows it approved', async () => {
  await page.getByRole('button', { name: '返回关卡' }).click();
  await page.getByRole('tab', { name: '积分与兑换' }).click();
  await page.getByText('1GB 流量包').first().waitFor();
  await expect.poll(() => page.getByText('积分余额：5').or(page.locator('.ant-card-extra', { hasText: '积分余额' })).first().textContent()).toContain('5');
  await page.getByRole('button', { name: '兑 换' }).or(page.getByRole('button', { name: '兑换' })).first().click();
  // On a loaded machine the confirm dialog can appear late, and a click can land while it still moves, so:
  // wait for the dialog, then click until the request is seen to have gone (its message or its row). "No
  // dialog" is not proof: CI once counted the dialog before it had opened and went on without a request.
  const sent = page.getByText('已提交兑换申请，同步后由总部审核');
  const requested = page.getByTestId('quiz-redemptions').locator('.ant-table-row', { hasText: '1GB 流量包' });
  const ok = page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ });
  await ok.waitFor();
  await clickInPopup(ok, async () => (await sent.isVisible()) || (await requested.count()) > 0, '兑换 确定');
  await expect.poll(() => page.getByTestId('quiz-redemptions').locator('.ant-table-row', { hasText: '1GB 流量包' }).textContent()).toContain('待审核');
  await syncDevice();
  expect((await settlePending(hq.store, '总部')).map((d) => d.decision.status)).toEqual(['approved']);
  await syncDevice();
  await openQuiz();
  await choosePlayer('答题人');
  await page.getByRole('tab', { name: '积分与兑换' }).click();
  await expect.poll(() => page.getByTestId('quiz-redemptions').locator('.ant-table-row', { hasText: '1GB 流量包' }).first().textContent()).toContain('已批准');
  await expect.poll(() => page.getByText('库存 4').isVisible()).toBe(true);
  await keep('07-points-zh');
  await page.getByRole('tab', { name: '参与情况' }).click();
  await expect.poll(() => page.locator('.ant-table-row', { hasText: OUTLET }).textContent()).toContain('50%');
  await keep('08-standings-zh');
});

it('reads the same in English', async () => {
  await setLang('en');
  await openQuiz();
  await choosePlayer('Player');
  await page.getByTestId('quiz-level-1').waitFor();
  await keep('09-levels-en');
  await page.getByTestId('quiz-level-1').click();
  await page.getByTestId('quiz-stem').waitFor();
  await keep('10-question-en');
  await page.getByRole('button', { name: 'Leave' }).click();
  await page.getByRole('tab', { name: 'Points & rewards' }).click();
  await expect.poll(() => page.getByTestId('quiz-redemptions').locator('.ant-table-row', { hasText: '1GB 流量包' }).first().textContent()).toContain('Approved');
  await keep('11-points-en');
  await page.getByRole('tab', { name: 'Participation' }).click();
  await page.locator('.ant-table-row', { hasText: OUTLET }).waitFor();
  await keep('12-standings-en');
  await setLang('zh');
});
