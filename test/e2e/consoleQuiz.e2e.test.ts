// The console's quiz pages and honour kinds end to end in Chromium against a real HQ (SQLite): an HQ
// administrator downloads the bank template, chooses a bank file with bad rows (every row's problem
// listed, nothing imported), imports a good one, retires a question, reads the questions players
// reported, adds rewards (a bad price refused in HQ's words), approves and refuses redemption requests,
// and edits the honour kinds (a bad code refused); a county organiser sees only their county's requests.
// Screenshots at 1366×768 in zh-CN and English under /work/shots/console6/.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { createUser } from '../../hq/console/accounts.js';
import { putRows } from '../console/support.js';
import { bankFile, goodRows } from '../quiz/bankFile.js';
import { startConsoleE2eHq, type ConsoleE2eHq } from './consoleHq.js';
import { RENDERER_DIST } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';

const SHOTS = '/work/shots/console6';
const LINTONG = '/hq/xa/xa-lintong/';
const YANTA = '/hq/xa/xa-yanta/';
const ADMIN_PW = 'Shaanxi-HQ-root-2026!';
const COUNTY_PW = 'Huaqing-Pool-2026!';
let hq: ConsoleE2eHq;
let browser: Browser;
let page: Page;
let dir = '';
let distCopy = '';

async function keep(p: Page, name: string) {
  const file = await shot(p, `console6-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

const rows = async (tbl: string) => hq.store.db.selectFrom('hq_rows').select(['row_id', 'cells']).where('tbl', '=', tbl).execute();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-console6-'));
  distCopy = join(dir, 'dist');
  cpSync(RENDERER_DIST, distCopy, { recursive: true });
  process.env.RC_CONSOLE_DIST = distCopy;
  hq = await startConsoleE2eHq('SQLite');
  await createUser(hq.store.db, { userName: 'shengzb', displayName: '省公司管理员', role: 'hq_admin', scopePath: '/', password: ADMIN_PW }, null);
  await createUser(hq.store.db, { userName: 'lintong-zzy', displayName: '临潼组织员', role: 'county_organiser', scopePath: LINTONG, password: COUNTY_PW }, null);
  writeFileSync(join(dir, '题库-有错.xlsx'), await bankFile([
    ...goodRows(1, 3),
    ['单选', '党员的党龄从何时算起？', '递交申请书之日', '预备期满转为正式党员之日', '', '', '', '', '', '', '党规党纪', '中', 1],
    ['多选', '以下哪些属于三会一课？', '支部党员大会', '支委会', '党小组会', '团日活动', '', '', 'A', '', '党规党纪', '中', 1],
    ['单选', '反诈提示用语', '甲', '乙', '', '', '', '', 'A', '', '体育常识', '中', 2],
    ['判断', { formula: 'A1', result: '公式题' }, '', '', '', '', '', '', '正确', '', '党规党纪', '中', 2],
    ['单选', '第1关题目1：哪一项正确？', '正确项', '干扰项', '', '', '', '', 'A', '', '党规党纪', '中', 1],
  ]));
  writeFileSync(join(dir, '题库.xlsx'), await bankFile(goodRows(3, 15)));
  browser = await launchBrowser();
  page = await newPage(browser, { signIn: false });
}, 180_000);

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `console6-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await hq?.close();
  delete process.env.RC_CONSOLE_DIST;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const menu = (p: Page, name: RegExp) => p.getByRole('menuitem', { name }).click();
const tab = (p: Page, name: string) => p.getByRole('tab', { name }).click();
const ok = (p: Page) => p.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();

async function signIn(p: Page, user: string, pw: string) {
  await p.goto(`${hq.url}/console/`);
  await p.getByLabel('用户名').fill(user);
  await p.getByLabel('密码').fill(pw);
  await p.getByRole('button', { name: /登\s*录/ }).click();
  await expect.poll(() => p.getByTestId('console-user').isVisible()).toBe(true);
}

it('downloads the template and refuses a bank file with bad rows, naming each row, importing nothing', async () => {
  await signIn(page, 'shengzb', ADMIN_PW);
  await menu(page, /知识闯关/);
  await expect.poll(() => page.getByText('题库中还没有题目').isVisible()).toBe(true);
  await keep(page, '01-bank-empty-zh');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quiz-template').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await dl.path())!) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['题库', '分类', '说明']);
  expect(wb.worksheets[0]!.getRow(1).getCell(2).value).toBe('题干');

  await page.locator('input[type=file]').setInputFiles(join(dir, '题库-有错.xlsx'));
  const dlg = page.getByRole('dialog');
  await expect.poll(() => dlg.getByText('有 5 处错误：整个文件不会导入').isVisible()).toBe(true);
  const issues = dlg.getByTestId('quiz-issues');
  await expect.poll(() => issues.textContent()).toContain('没有正确答案');
  expect(await issues.textContent()).toContain('多选题至少有两个正确答案');
  expect(await issues.textContent()).toContain('分类“体育常识”不存在');
  expect(await issues.textContent()).toContain('是公式');
  expect(await issues.textContent()).toContain('与第 2 行是重复的题目');
  expect(await dlg.getByTestId('quiz-import').isDisabled()).toBe(true);
  await keep(page, '02-import-refused-zh');
  await dlg.getByRole('button', { name: /取\s*消/ }).click();
  expect(await rows('quiz_questions')).toEqual([]);
});

it('imports a good file whole and retires a question', async () => {
  await page.locator('input[type=file]').setInputFiles(join(dir, '题库.xlsx'));
  const dlg = page.getByRole('dialog');
  await expect.poll(() => dlg.getByText('全部 45 题检查通过').isVisible()).toBe(true);
  await keep(page, '03-import-preview-zh');
  await dlg.getByTestId('quiz-import').click();
  await expect.poll(() => page.getByTestId('quiz-count').textContent()).toBe('共 45 题，在用 45 题');
  expect((await rows('quiz_questions')).length).toBe(45);
  const first = page.getByTestId('quiz-bank').locator('tbody tr').first();
  await first.getByRole('button', { name: /停\s*用/ }).click();
  await ok(page);
  await expect.poll(() => page.getByTestId('quiz-count').textContent()).toBe('共 45 题，在用 44 题');
  await keep(page, '04-bank-zh');
  const log = await hq.store.db.selectFrom('hq_console_audit').select(['user_name', 'action']).where('action', 'in', ['quiz.import', 'quiz.retire']).orderBy('at').execute();
  expect(log).toEqual([{ user_name: 'shengzb', action: 'quiz.import' }, { user_name: 'shengzb', action: 'quiz.retire' }]);
});

it('lists the questions players reported with each report', async () => {
  const qs = (await rows('quiz_questions')).map((r) => r.row_id).sort();
  const [lp, yp] = await putRows(hq.store, [
    { t: 'people', scope: LINTONG, c: { name: '王骊山', political_status: 'full_member' } },
    { t: 'people', scope: YANTA, c: { name: '赵雁塔', political_status: 'masses' } },
  ]);
  await putRows(hq.store, [
    { t: 'quiz_reports', scope: LINTONG, c: { question_id: qs[3]!, person_id: lp!, text: '选项二也说得通，建议修改题干', reported_by: '临潼指导员' } },
    { t: 'quiz_reports', scope: YANTA, c: { question_id: qs[3]!, person_id: yp!, text: '解析与答案不一致', reported_by: '雁塔指导员' } },
    { t: 'quiz_reports', scope: YANTA, c: { question_id: qs[7]!, person_id: yp!, text: '错别字：“党费”写成了“党废”', reported_by: '雁塔指导员' } },
    { t: 'quiz_attempts', scope: LINTONG, c: { person_id: lp!, question_id: qs[3]!, mode: 'level', chosen: 'A', correct: 1, points: 6, day: new Date().toISOString().slice(0, 10), answered_at: new Date().toISOString() } },
  ]);
  await tab(page, '错题反馈');
  await expect.poll(() => page.getByTestId('quiz-reports').textContent()).toContain('解析与答案不一致');
  expect(await page.getByTestId('quiz-reports').textContent()).toContain('2 次反馈');
  await keep(page, '05-reports-zh');
});

it('adds rewards, a bad price refused in HQ\'s words', async () => {
  await tab(page, '奖品');
  await expect.poll(() => page.getByText('还没有奖品').isVisible()).toBe(true);
  await page.getByRole('button', { name: '新增奖品' }).click();
  const dlg = page.getByRole('dialog', { name: '新增奖品' });
  await dlg.getByLabel('奖品名称').fill('1GB 省内流量包');
  await dlg.getByLabel('英文名称').fill('1 GB data pack');
  await dlg.getByLabel('兑换积分').fill('0');
  await dlg.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => dlg.getByTestId('reward-error').textContent()).toBe('输入有误：兑换积分（1–100000 的整数）');
  expect(await rows('quiz_rewards')).toEqual([]);
  await keep(page, '06-reward-refused-zh');
  await dlg.getByLabel('兑换积分').fill('5');
  await dlg.getByLabel('库存').fill('1');
  await dlg.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByRole('button', { name: '新增奖品' }).click();
  await dlg.getByLabel('奖品名称').fill('县公司党建业务培训名额');
  await dlg.getByLabel('英文名称').fill('A place on the county Party-work training');
  await dlg.getByLabel('说明').fill('每季度一期，含教材');
  await dlg.getByLabel('兑换积分').fill('30');
  await dlg.getByLabel('库存').fill('4');
  await dlg.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => page.getByTestId('quiz-rewards').locator('tbody tr').count()).toBe(2);
  await keep(page, '07-rewards-zh');
});

it('approves one request and refuses another with a reason', async () => {
  const reward = (await rows('quiz_rewards')).find((r) => r.cells.includes('1GB'))!.row_id;
  const people = await rows('people');
  const person = (name: string) => people.find((p) => p.cells.includes(name))!.row_id;
  const at = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  await putRows(hq.store, [
    { t: 'quiz_redemptions', scope: LINTONG, c: { reward_id: reward, person_id: person('王骊山'), price: 5, status: 'requested', requested_at: at(30), requested_by: '临潼指导员' } },
    { t: 'quiz_redemptions', scope: YANTA, c: { reward_id: reward, person_id: person('赵雁塔'), price: 5, status: 'requested', requested_at: at(20), requested_by: '雁塔指导员' } },
  ]);
  await tab(page, '兑换申请');
  const table = page.getByTestId('quiz-redemptions');
  await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
  await keep(page, '08-redemptions-pending-zh');
  await table.locator('tr', { hasText: '王骊山' }).getByRole('button', { name: /批\s*准/ }).click();
  await ok(page);
  await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
  await table.locator('tr', { hasText: '赵雁塔' }).getByRole('button', { name: /拒\s*绝/ }).click();
  const dlg = page.getByRole('dialog', { name: '拒绝兑换申请' });
  await dlg.getByLabel('拒绝理由（会显示在设备上）').fill('本季度名额已满，请下季度再申请');
  await dlg.getByRole('button', { name: /拒\s*绝/ }).click();
  // HQ decides one request at a time against every device's rows: on a loaded machine that takes a while.
  await expect.poll(() => page.getByText('没有待审批的兑换申请').isVisible(), { timeout: 30_000 }).toBe(true);
  await page.getByRole('switch', { name: '只看待审批' }).click();
  await expect.poll(() => table.textContent()).toContain('本季度名额已满');
  expect(await table.textContent()).toContain('已批准');
  await keep(page, '09-redemptions-decided-zh');
  await tab(page, '修改记录');
  await expect.poll(() => page.getByTestId('quiz-history').textContent()).toContain('审批兑换');
  expect(await page.getByTestId('quiz-history').textContent()).toContain('导入题库');
  await keep(page, '09b-history-zh');
  const stock = JSON.parse((await rows('quiz_rewards')).find((r) => r.row_id === reward)!.cells) as { stock: [number] };
  expect(stock.stock[0]).toBe(0);
});

it('edits the honour kinds as rows, a bad code refused', async () => {
  await menu(page, /基础数据/);
  await page.getByTestId('edit-honours.kinds').click();
  const dlg = page.getByRole('dialog');
  await expect.poll(() => dlg.getByTestId('honour-kinds').locator('tbody tr').count()).toBe(3);
  await dlg.getByRole('button', { name: '添加荣誉类别' }).click();
  const last = dlg.getByTestId('honour-kinds').locator('tbody tr').last();
  await last.locator('input').nth(0).fill('Pioneer Post');
  await last.locator('input').nth(1).fill('党员先锋岗');
  await last.locator('input').nth(2).fill('Vanguard post');
  await dlg.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => dlg.getByTestId('ref-error').textContent()).toContain('取值格式不正确');
  await keep(page, '10-honours-refused-zh');
  await last.locator('input').nth(0).fill('demo_channel');
  await dlg.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => dlg.getByTestId('ref-error').textContent()).toBe('代码“demo_channel”重复：每个荣誉类别的代码须不同');
  await last.locator('input').nth(0).fill('pioneer_post');
  await dlg.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => page.locator('tr', { hasText: 'shengzb' }).first().textContent()).toContain('honours.kinds');
  const stored = (await rows('settings')).map((r) => JSON.parse(r.cells) as { key: [string]; value_json: [string] }).find((c) => c.key[0] === 'honours.kinds')!;
  expect(Object.keys(JSON.parse(stored.value_json[0]) as object)).toEqual(['demo_channel', 'excellent_member', 'advanced_branch', 'pioneer_post']);
  await keep(page, '11-refdata-honours-zh');
});

it('shows every page in English', async () => {
  await page.evaluate(`localStorage.setItem('rc.lang', 'en')`);
  await page.reload();
  await menu(page, /Quiz/);
  await expect.poll(() => page.getByTestId('quiz-count').textContent()).toBe('45 questions, 44 in use');
  await keep(page, '12-bank-en');
  await page.locator('input[type=file]').setInputFiles(join(dir, '题库-有错.xlsx'));
  await expect.poll(() => page.getByTestId('quiz-issues').textContent()).toContain('no correct answer');
  await keep(page, '13-import-refused-en');
  await page.getByRole('dialog').getByRole('button', { name: /Cancel/ }).click();
  await tab(page, 'Reported questions');
  await expect.poll(() => page.getByTestId('quiz-reports').textContent()).toContain('2 reports');
  await keep(page, '14-reports-en');
  await tab(page, 'Rewards');
  await expect.poll(() => page.getByTestId('quiz-rewards').textContent()).toContain('1 GB data pack');
  await keep(page, '15-rewards-en');
  // HQ's own reason for a refusal (the reward is out of stock) reads in English too.
  const reward = (await rows('quiz_rewards')).find((r) => r.cells.includes('1GB'))!.row_id;
  const person = (await rows('people')).find((p) => p.cells.includes('王骊山'))!.row_id;
  await putRows(hq.store, [{ t: 'quiz_redemptions', scope: LINTONG, c: { reward_id: reward, person_id: person, price: 5, status: 'requested', requested_at: new Date().toISOString(), requested_by: '临潼指导员' } }]);
  await tab(page, 'Redemptions');
  const table = page.getByTestId('quiz-redemptions');
  await expect.poll(() => table.locator('tbody tr', { hasText: '王骊山' }).count()).toBe(1);
  await table.locator('tr', { hasText: '王骊山' }).getByRole('button', { name: /Approve/ }).click();
  await ok(page);
  await expect.poll(() => page.getByText('No pending redemption requests').isVisible(), { timeout: 30_000 }).toBe(true);
  await page.getByRole('switch', { name: 'Pending only' }).click();
  await expect.poll(() => table.textContent()).toContain('Out of stock; the points are returned');
  expect(await table.textContent()).not.toContain('库存不足');
  await expect.poll(() => page.getByTestId('quiz-redemptions').textContent()).toContain('Approved');
  await keep(page, '16-redemptions-en');
  await tab(page, 'Change log');
  await expect.poll(() => page.getByTestId('quiz-history').textContent()).toContain('Bank import');
  await keep(page, '16b-history-en');
  await menu(page, /Reference data/);
  await page.getByTestId('edit-honours.kinds').click();
  await expect.poll(() => page.getByRole('dialog').getByText('Add an honour kind').isVisible()).toBe(true);
  await keep(page, '17-honours-en');
  await page.getByRole('dialog').getByRole('button', { name: /Cancel/ }).click();
  await page.evaluate(`localStorage.setItem('rc.lang', 'zh')`);
});

it('a county organiser reads the bank and decides only their county\'s requests', async () => {
  const p = await newPage(browser, { signIn: false });
  try {
    await signIn(p, 'lintong-zzy', COUNTY_PW);
    await menu(p, /知识闯关/);
    await p.getByRole('switch', { name: '只看待审批' }).click();
    const table = p.getByTestId('quiz-redemptions');
    await expect.poll(() => table.textContent()).toContain('王骊山');
    expect(await table.textContent()).not.toContain('赵雁塔');
    await tab(p, '错题反馈');
    await expect.poll(() => p.getByTestId('quiz-reports').textContent()).toContain('选项二也说得通');
    expect(await p.getByTestId('quiz-reports').textContent()).not.toContain('解析与答案不一致');
    await tab(p, '题库');
    await expect.poll(() => p.getByText('题库和奖品由省公司管理员维护').isVisible()).toBe(true);
    expect(await p.locator('input[type=file]').count()).toBe(0);
    expect(await p.getByRole('button', { name: /停\s*用/ }).count()).toBe(0);
    await keep(p, '18-county-bank-zh');
  } finally {
    await p.context().close();
  }
});
