// 双轨考核 end to end in Chromium through browser mode: a county organiser opens the tab, sees the
// outlet with its composite (business values missing, weights re-normalised and said so), opens the
// scorecard, enters an out-of-range value (refused, nothing saved), then valid ones (composite
// recomputed). Screenshots at 1366×768 in Chinese and English into /work/shots/dualtrack.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { openProfile, setIdentity } from '../../db/profile.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import type { OutletCard } from '../../shared/assessment/dualTrackApi.js';
import { TEMPLATE_HEADERS } from '../../db/assessment/businessImport.js';
import { writeXlsx, type CellOut } from '../../db/people/xlsx/write.js';
import { writeFileSync } from 'node:fs';
import { E2E_UNLOCK, startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';

const SHOTS = '/work/shots/dualtrack';
const OUTLET = '骊山路营业厅';

let app: RunningApp;
let browser: Browser;
let page: Page;
let dir: string;
let outletId: string;
const today = todayInBeijing();
const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;

async function api<T>(name: string, input: unknown): Promise<T> {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

async function keep(name: string) {
  const file = await shot(page, `dualtrack-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-e2e-dual-'));
  app = await startApp(dir);
  const hq = await api<{ id: string }>('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await api<{ id: string }>('orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: hq.id });
  const county = await api<{ id: string; path: string }>('orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
  outletId = (await api<{ id: string }>('outlets.save', { code: 'LT-DT-01', name: OUTLET, channelType: 'own_store', countyId: county.id })).id;
  await api('outlets.save', { code: 'LT-DT-02', name: '华清村乡村服务点', channelType: 'rural', countyId: county.id });
  const branch = await api<{ id: string }>('partyOrgs.save', { name: '骊山营业部党支部', orgType: 'branch', unitId: county.id, outletIds: [outletId] });
  const ids: string[] = [];
  for (const [i, name] of ['王建国', '李秀英', '张伟', '刘洋'].entries()) {
    ids.push((await api<{ id: string }>('people.save', {
      name, citizenId: makeCitizenId('610115', `198${i}-03-0${i + 1}`, 11 + i, true), politicalStatus: 'full_member', outletId,
      member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' },
    })).id);
  }
  await api('activities.save', {
    type: 'theme_day', orgId: branch.id, title: '主题党日：学习四中全会精神', heldOn: today, topic: '学习党的二十届四中全会精神', hostPersonId: ids[0],
    attendance: ids.map((personId, i) => (i < 3 ? { personId, status: 'present' } : { personId, status: 'absent', reason: '未请假' })),
  });
  await api('points.addEntry', { personId: ids[0], itemKey: 'honour', occurredOn: today, reason: '获评县公司优秀党员' });
  browser = await launchBrowser();
  page = await newPage(browser);
  await app.stop({ keep: true });
  const profile = await openProfile(dir, E2E_UNLOCK);
  await setIdentity(profile.store, { role: 'county_organiser', userName: '刘组织员', scopePath: county.path });
  await profile.store.close();
  app = await startApp(dir);
  await page.goto(app.url);
}, 180_000);

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `dualtrack-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const setLang = (lang: 'zh' | 'en') => page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);
const openTab = async (tab: RegExp) => {
  await page.getByRole('menuitem', { name: /考核预警|Assessment/ }).click();
  await page.getByRole('tab', { name: tab }).click();
};

it('lists the outlets with their composite and opens a scorecard that says what is missing', async () => {
  await openTab(/双轨考核/);
  const list = page.getByTestId('dt-outlets');
  await expect.poll(() => list.getByText(OUTLET).isVisible(), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => list.getByText('华清村乡村服务点').isVisible()).toBe(true);
  await keep('01-list-zh');
  await list.locator('tr', { hasText: OUTLET }).getByRole('button', { name: '查看评分' }).click();
  const card = page.getByTestId('dt-card');
  await expect.poll(() => card.getByText('其余指标的权重按比例放大至合计 100%', { exact: false }).isVisible()).toBe(true);
  await expect.poll(() => card.getByText('4 名党员本期出席 3/4 人次（请假不计）', { exact: false }).isVisible()).toBe(true);
  await keep('02-card-zh');
});

it('refuses an out-of-range value and saves nothing, then takes valid values into the composite', async () => {
  const card = page.getByTestId('dt-card');
  const before = await api<OutletCard>('assessment.outletCard', { outletId, period: quarter });
  await card.getByRole('spinbutton', { name: '客户满意度' }).fill('120');
  await card.getByRole('spinbutton', { name: '渠道收入增长' }).fill('6');
  await card.getByRole('button', { name: '保存经营指标' }).click();
  await expect.poll(() => card.getByTestId('dt-error').textContent()).toContain('“客户满意度”应在 0 到 100（分）之间，填写的是 120');
  await keep('03-refused-zh');
  const still = await api<OutletCard>('assessment.outletCard', { outletId, period: quarter });
  expect(still.missing).toEqual(before.missing);
  await card.getByRole('spinbutton', { name: '客户满意度' }).fill('92');
  await card.getByRole('spinbutton', { name: '核心产品渗透率' }).fill('41');
  await card.getByRole('spinbutton', { name: '投诉率' }).fill('3');
  await card.getByRole('button', { name: '保存经营指标' }).click();
  await expect.poll(async () => (await api<OutletCard>('assessment.outletCard', { outletId, period: quarter })).missing).toEqual(['instructor_duty']);
  const after = await api<OutletCard>('assessment.outletCard', { outletId, period: quarter });
  await expect.poll(() => card.getByTestId('dt-composite').textContent()).toBe(after.composite!.toFixed(1));
  expect(after.composite).not.toBe(before.composite);
  await keep('04-entered-zh');
  await page.keyboard.press('Escape');
});

async function xlsx(name: string, rows: CellOut[][]): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, (await writeXlsx({ sheet: '经营指标', columns: TEMPLATE_HEADERS.map((header) => ({ header })) }, rows)).buffer);
  return file;
}

it('imports a sheet only when every row is right', async () => {
  const input = page.locator('input[type=file]');
  await input.setInputFiles(await xlsx('渠道系统导出-有误.xlsx', [['LT-DT-02', null, 3, 25, 88, 4, null], ['LT-XX-99', null, 1, 1, 1, 1, null]]));
  const modal = page.getByTestId('dt-import');
  await expect.poll(() => modal.getByText('第 3 行：网点编码“LT-XX-99”不存在').isVisible(), { timeout: 10_000 }).toBe(true);
  expect(await modal.getByRole('button', { name: /全部导入/ }).isDisabled()).toBe(true);
  await keep('05-import-refused-zh');
  await modal.getByRole('button', { name: /取\s*消/ }).click();
  await input.setInputFiles(await xlsx('渠道系统导出.xlsx', [['LT-DT-02', null, 3, 25, 88, 4, '10月报表']]));
  await expect.poll(() => modal.getByText('可导入').isVisible(), { timeout: 10_000 }).toBe(true);
  await modal.getByRole('button', { name: /全部导入/ }).click();
  const list = page.getByTestId('dt-outlets');
  await expect.poll(() => list.locator('tr', { hasText: '华清村乡村服务点' }).getByText('客户满意度').count()).toBe(0);
  await keep('06-imported-zh');
  // the board lights the outlet whose four business figures are in, from this quarter's scorecard
  await page.getByRole('tab', { name: '预警看板' }).click();
  const lights = page.getByTestId('as-lights');
  await expect.poll(() => lights.getByRole('button', { name: `${OUTLET} 双轨考核综合得分 yellow` }).isVisible(), { timeout: 20_000 }).toBe(true);
  await keep('07-board-zh');
  await page.getByRole('tab', { name: '双轨考核' }).click();
});

it('reads the same in English', async () => {
  await setLang('en');
  await page.reload();
  await openTab(/Dual-track/);
  const list = page.getByTestId('dt-outlets');
  await expect.poll(() => list.getByText(OUTLET).isVisible(), { timeout: 20_000 }).toBe(true);
  await keep('08-list-en');
  await list.locator('tr', { hasText: OUTLET }).getByRole('button', { name: 'Scorecard' }).click();
  await expect.poll(() => page.getByTestId('dt-card').getByText('Entered by hand: 刘组织员', { exact: false }).first().isVisible()).toBe(true);
  await keep('09-card-en');
  await setLang('zh');
});
