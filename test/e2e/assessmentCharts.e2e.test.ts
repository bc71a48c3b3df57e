// 考核预警's charts and the 工作台's lights at a glance, end to end in Chromium through browser
// mode, on a two-county synthetic province seen by an HQ administrator: the heat view by county,
// the trend of lights and coverage by county are SVG charts with their legends and labels; a red
// heat cell opens that county's causes; the composite score distribution is drawn from entered
// business figures; a weight set that breaks 100% is refused and nothing stored, then saved; the
// scorecard downloads as Excel (opened with exceljs) and prints alone to PDF. Screenshots at 1366×768 in Chinese and English under /work/shots/assessment2.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { openProfile, setIdentity } from '../../db/profile.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { generateProvince } from '../synthetic/generate.js';
import { startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';

const SHOTS = '/work/shots/assessment2';
let app: RunningApp;
let browser: Browser;
let page: Page;
let dir: string;

async function api<T>(name: string, input: unknown): Promise<T> {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

async function keep(name: string) {
  const file = await shot(page, `assessment2-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

const quarter = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-e2e-charts-'));
  const profile = await openProfile(dir);
  await generateProvince(profile.store.raw, { counties: 2, seed: 1, today: todayInBeijing() });
  await setIdentity(profile.store, { role: 'hq_admin', scopePath: '/', userName: '省公司管理员（合成）' });
  await profile.store.close();
  app = await startApp(dir);
  // Business figures for some outlets with members, so the quarter has composites to distribute.
  const sc = await api<{ outlets: { outletId: string }[] }>('assessment.scorecard', { period: quarter(todayInBeijing()) });
  for (const [i, o] of sc.outlets.slice(0, 24).entries()) {
    await api('assessment.business.save', {
      outletId: o.outletId, period: quarter(todayInBeijing()),
      values: { revenue_growth: (i % 7) * 3 - 4, core_penetration: 30 + (i % 5) * 12, satisfaction: 70 + (i % 6) * 5, complaint_rate: (i % 4) * 3 },
    });
  }
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.goto(app.url);
}, 240_000);

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `assessment2-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const setLang = async (lang: 'zh' | 'en') => {
  await page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);
  await page.reload();
};
const openAssessment = () => page.getByRole('menuitem', { name: /考核预警|Assessment/ }).click({ timeout: 30_000 });
const svgText = (testId: string) => page.getByTestId(testId).locator('svg').first().textContent();

it('draws the board’s charts with their data, and a red heat cell opens its county’s causes', async () => {
  await openAssessment();
  const heat = page.getByTestId('as-heat-chart');
  await expect.poll(() => heat.locator('svg').count(), { timeout: 60_000 }).toBe(1);
  const counties = (await api<{ lights: { subjectKind: string; subjectName: string; colour: string }[] }>('assessment.board', { period: todayInBeijing().slice(0, 7) }))
    .lights.filter((l) => l.subjectKind === 'county');
  const names = [...new Set(counties.map((l) => l.subjectName))];
  expect(names).toHaveLength(2);
  for (const n of names) await expect.poll(() => svgText('as-heat-chart')).toContain(n);
  await expect.poll(() => svgText('as-trend-chart')).toMatch(/红灯.*黄灯.*绿灯/);
  await expect.poll(() => svgText('as-coverage-chart')).toContain('绿灯 98%');
  await keep('01-board-charts-zh');

  const red = heat.locator('path[fill="#f5222d"]');
  expect(await red.count()).toBe(counties.filter((l) => l.colour === 'red').length);
  await red.first().click();
  const drill = page.getByTestId('as-drill');
  await expect.poll(() => drill.isVisible()).toBe(true);
  await expect.poll(async () => { const text = await drill.textContent(); return names.some((n) => text?.includes(n)); }).toBe(true);
  await keep('02-heat-drill-zh');
  await page.keyboard.press('Escape');
});

it('shows the composite score distribution and the 工作台 glance, in Chinese and English', async () => {
  await page.getByRole('tab', { name: '双轨考核' }).click();
  await expect.poll(() => svgText('dt-dist-chart'), { timeout: 30_000 }).toMatch(/红灯|黄灯|绿灯/);
  await expect.poll(() => page.getByTestId('dt-dist').textContent()).toContain('综合得分分布');
  await keep('03-score-distribution-zh');
  await page.getByRole('menuitem', { name: /工作台/ }).click();
  await expect.poll(() => svgText('dash-lights-chart'), { timeout: 30_000 }).toContain('组织覆盖');
  await expect.poll(() => page.getByTestId('dash-lights').textContent()).toContain('本月预警一览');
  await keep('04-dashboard-glance-zh');

  await setLang('en');
  await expect.poll(() => svgText('dash-lights-chart'), { timeout: 30_000 }).toContain('Coverage');
  await expect.poll(() => svgText('dash-lights-chart')).toMatch(/Red.*Yellow.*Green/);
  await keep('05-dashboard-glance-en');
  await openAssessment();
  await expect.poll(() => svgText('as-heat-chart'), { timeout: 30_000 }).toContain('Coverage');
  await expect.poll(() => svgText('as-coverage-chart')).toContain('Green 98%');
  await expect.poll(() => page.getByTestId('as-heat').textContent()).toContain('Heat view by county');
  await keep('06-board-charts-en');
  await page.getByRole('tab', { name: 'Dual-track' }).click();
  await expect.poll(() => svgText('dt-dist-chart'), { timeout: 30_000 }).toMatch(/Red|Yellow|Green/);
  await keep('07-score-distribution-en');
  await setLang('zh');
});

it('refuses a weight set that does not make 100% and stores nothing, then saves the corrected one', async () => {
  await openAssessment();
  await page.getByRole('tab', { name: '考核参数' }).click();
  const card = page.getByTestId('as-dual-settings');
  const field = (name: string) => card.getByRole('spinbutton', { name, exact: true });
  await field('社会合作网点 渠道收入增长').fill('15');
  await field('社会合作网点 渠道收入增长').blur();
  await expect.poll(() => card.getByTestId('total-social_partner').textContent()).toBe('95%');
  await page.getByTestId('as-dual-save').click();
  await expect.poll(() => page.getByTestId('as-dual-issues').textContent()).toContain('“社会合作网点”的权重合计为 95%，须等于 100%');
  expect((await api<Record<string, unknown>>('settings.get', {}))['assessment.dual_track']).toBeUndefined();
  await keep('08-weights-refused-zh');
  await field('社会合作网点 组织生活质量').fill('10');
  await field('社会合作网点 组织生活质量').blur();
  await expect.poll(() => card.getByTestId('party-social_partner').textContent()).toBe('35%');
  await page.getByTestId('as-dual-save').click();
  await expect.poll(async () => {
    const dt = (await api<Record<string, unknown>>('settings.get', {}))['assessment.dual_track'] as { weights?: Record<string, Record<string, number>> } | undefined;
    return dt?.weights?.social_partner?.org_life;
  }).toBe(10);
  await expect.poll(() => page.getByTestId('as-dual-issues').count()).toBe(0);
  await keep('09-weights-saved-zh');
});

it('downloads the scorecard as Excel, which opens with its outlets, and prints it alone to PDF', async () => {
  await page.getByRole('tab', { name: '双轨考核' }).click();
  await expect.poll(() => svgText('dt-dist-chart'), { timeout: 30_000 }).toMatch(/红灯|黄灯|绿灯/);
  const download = page.waitForEvent('download');
  await page.getByTestId('dt-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^双轨考核_\d{4}-Q\d.*\.xlsx$/);
  const saved = mkdtempSync(join(tmpdir(), 'rc-e2e-sc-'));
  const path = join(saved, file.suggestedFilename());
  await file.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  rmSync(saved, { recursive: true, force: true }); // a scorecard is not left lying in the temp folder
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(2).values as unknown[]).map(String);
  expect(header).toContain('综合得分');
  const outlets = (await api<{ outlets: { outletName: string }[] }>('assessment.scorecard', { period: quarter(todayInBeijing()) })).outlets;
  const names = new Set<string>();
  ws.eachRow((row, n) => { if (n > 2 && row.getCell(1).value === '网点') names.add(String(row.getCell(4).value)); });
  expect(names.size).toBe(new Set(outlets.map((o) => o.outletName)).size);

  // Printing: the page's print is recorded for the click (headless Chromium shows no dialog, and a
  // print still running would collide with page.pdf() below), then Chromium prints the page to PDF.
  await page.evaluate(`(() => { const w = window; w.__rcPrints = []; w.__rcPrint = w.print; w.print = function () { w.__rcPrints.push(document.title); }; })()`);
  try {
    await page.getByTestId('dt-print-button').click();
    await expect.poll(() => page.evaluate('window.__rcPrints')).toEqual([`全部范围 · 双轨考核 · ${todayInBeijing().slice(0, 4)}年第${quarter(todayInBeijing()).slice(6)}季度`]);
  } finally {
    await page.evaluate('window.print = window.__rcPrint');
  }
  const printed = mkdtempSync(join(tmpdir(), 'rc-e2e-sc-pdf-'));
  const pdf = join(printed, 'scorecard.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', landscape: true, printBackground: true }));
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(pdf, join(SHOTS, 'scorecard.pdf'));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  rmSync(printed, { recursive: true, force: true });
  expect(text).toContain('双轨考核');
  expect(text).toContain(outlets[0]!.outletName);
  // The print stylesheet leaves the app (menu, tabs) out.
  expect(text).not.toContain('工作台');
});
