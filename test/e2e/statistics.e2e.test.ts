// 党内统计 and the printed documents of issue 13, end to end in Chromium through browser mode, on a
// two-county synthetic province seen by an HQ administrator: the year-end statistics show their
// five tables with the backend's counts, download as Excel (read back with exceljs: one sheet per
// table, title row with scope and period) and print alone to PDF; the democratic review summary
// and a pairing agreement print alone to A4 PDF too. Each print is recorded first (headless
// Chromium shows no dialog), then page.pdf() runs separately, never overlapping it.
// Screenshots at 1366×768 in Chinese and English under /work/shots/statistics.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { openProfile, setIdentity } from '../../db/profile.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import type { StatisticsReport } from '../../shared/statistics/types.js';
import { generateProvince } from '../synthetic/generate.js';
import { pick } from './support/antd.js';
import { startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';

const SHOTS = '/work/shots/statistics';
const YEAR = Number(todayInBeijing().slice(0, 4));
let app: RunningApp;
let browser: Browser;
let page: Page;

async function api<T>(name: string, input: unknown): Promise<T> {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

async function keep(name: string) {
  const file = await shot(page, `statistics-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

/** Records the page's print for `click`, then prints the page to PDF and returns its text. */
async function printedText(click: () => Promise<void>, expectedTitle: string, name: string): Promise<string> {
  await page.evaluate(`(() => { const w = window; w.__rcPrints = []; w.__rcPrint = w.print; w.print = function () { w.__rcPrints.push(document.title); }; })()`);
  try {
    await click();
    await expect.poll(() => page.evaluate('window.__rcPrints')).toEqual([expectedTitle]);
  } finally {
    await page.evaluate('window.print = window.__rcPrint');
  }
  const pdf = join(scratch('rc-e2e-st-pdf-'), `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(pdf, join(SHOTS, `${name}.pdf`));
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-e2e-statistics-'));
  const profile = await openProfile(dir);
  await generateProvince(profile.store.raw, { counties: 2, seed: 2, today: todayInBeijing() });
  await setIdentity(profile.store, { role: 'hq_admin', scopePath: '/', userName: '省公司管理员（合成）' });
  await profile.store.close();
  app = await startApp(dir);
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.goto(app.url);
}, 240_000);

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `statistics-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

/** A temp folder for a download or a print, removed after the tests. */
const scratchDirs: string[] = [];
const scratch = (prefix: string) => scratchDirs[scratchDirs.push(mkdtempSync(join(tmpdir(), prefix))) - 1]!;

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});

// The screen's copy: the print copy of the same tables sits outside the page, under <body>.
const cellsOf = (testId: string) => page.getByTestId('st-page').getByTestId(testId).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')));

it('shows the year-end statistics with the backend’s counts, downloads them as Excel and prints them alone', async () => {
  await page.getByRole('menuitem', { name: '党内统计' }).click({ timeout: 30_000 });
  const root = page.getByTestId('st-page');
  await pick(page, root, '统计期', '年度（1月1日至12月31日）');
  const r = await api<StatisticsReport>('statistics.report', { year: YEAR, period: 'year' });
  expect(r.scopeName).toBeNull();
  const title = `全省党内统计（${YEAR}年度）`;
  await expect.poll(() => page.getByTestId('st-title').textContent(), { timeout: 30_000 }).toBe(title);
  await expect.poll(() => page.getByTestId('st-note').textContent()).toContain('按记录现状统计');
  const members = await cellsOf('st-table-members');
  expect(members[0]).toEqual(['中共党员', String(r.members[0]!.n)]);
  expect(r.members[0]!.n).toBeGreaterThan(0);
  const theme = r.orgLife.find((o) => o.type === 'theme_day')!;
  const orglife = await cellsOf('st-table-orglife');
  expect(orglife.find((x) => x[0] === '主题党日')).toEqual(['主题党日', '其他', String(theme.held), String(theme.obliged), String(theme.required), String(theme.met), `${((theme.met / theme.required) * 100).toFixed(1)}%`]);
  expect(orglife.find((x) => x[0] === '党员大会')?.[1]).toBe('三会一课');
  await keep('01-year-end-zh');
  await page.getByTestId('st-page').getByTestId('st-table-orglife').scrollIntoViewIfNeeded();
  await keep('02-org-life-coverage-zh');

  const download = page.waitForEvent('download');
  await page.getByTestId('st-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`党内统计_全省_${YEAR}年度_${todayInBeijing()}.xlsx`);
  const path = join(scratch('rc-e2e-st-'), file.suggestedFilename());
  await file.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['表一 党组织', '表二 党员队伍', '表三 党员变动', '表四 组织生活', '表五 网点覆盖']);
  for (const ws of wb.worksheets) expect(String(ws.getCell(1, 1).value)).toContain(title);
  expect([wb.worksheets[1]!.getCell(3, 1).value, wb.worksheets[1]!.getCell(3, 2).value]).toEqual(['中共党员', r.members[0]!.n]);
  const total = r.coverage.reduce((a, c) => a + c.outlets, 0);
  const covRows = wb.worksheets[4]!.getSheetValues() as unknown[][];
  expect(covRows.find((x) => x?.[1] === '合计')?.[2]).toBe(total);

  const text = await printedText(() => page.getByTestId('st-print').click(), title, 'statistics-year-end');
  expect(text).toContain(title);
  expect(text).toContain('表四 组织生活开展情况');
  expect(text).toContain('表五 渠道网点党组织覆盖情况');
  expect(text).toMatch(new RegExp(`主题党日\\s+其他\\s+${theme.held}\\s+${theme.obliged}\\s+${theme.required}\\s+${theme.met}`));
  // The print stylesheet leaves the app (menu, buttons) out.
  expect(text).not.toContain('工作台');
  expect(text).not.toContain('导出 Excel');
});

it('goes back to an earlier year’s half-year report', async () => {
  const root = page.getByTestId('st-page');
  await root.getByLabel('年份').fill(String(YEAR - 1));
  await root.getByLabel('年份').blur();
  await pick(page, root, '统计期', '半年（1月1日至6月30日）');
  const r = await api<StatisticsReport>('statistics.report', { year: YEAR - 1, period: 'h1' });
  expect(r).toMatchObject({ from: `${YEAR - 1}-01-01`, to: `${YEAR - 1}-06-30`, asOf: `${YEAR - 1}-06-30` });
  await expect.poll(() => page.getByTestId('st-title').textContent(), { timeout: 30_000 }).toBe(`全省党内统计（${YEAR - 1}年上半年）`);
  const theme = r.orgLife.find((o) => o.type === 'theme_day')!;
  expect(theme.required).toBe(theme.obliged * 6);
  expect((await cellsOf('st-table-orglife')).find((x) => x[0] === '主题党日')?.slice(2, 6)).toEqual([theme.held, theme.obliged, theme.required, theme.met].map(String));
  await keep('04-previous-half-year-zh');
});

it('reads the same statistics in English', async () => {
  await page.evaluate(`localStorage.setItem('rc.lang', 'en')`);
  await page.reload();
  const root = page.getByTestId('st-page');
  await pick(page, root, 'Period', 'Year end (1 Jan to 31 Dec)');
  await expect.poll(() => page.getByTestId('st-title').textContent(), { timeout: 30_000 }).toBe(`Province Party statistics (year ${YEAR})`);
  await expect.poll(() => page.getByTestId('st-note').textContent()).toContain('Computed from the records as they stand');
  expect((await cellsOf('st-table-members'))[0]?.[0]).toBe('CPC member');
  await keep('03-year-end-en');
  await page.evaluate(`localStorage.setItem('rc.lang', 'zh')`);
  await page.reload();
});

it('prints a pairing agreement alone to A4', async () => {
  await page.getByRole('menuitem', { name: '岗区队·里程碑' }).click({ timeout: 30_000 });
  await page.getByRole('tab', { name: '结对共建' }).click();
  const rows = page.getByTestId('w3-pairings').locator('tbody tr.ant-table-row');
  await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  const name = (await rows.first().locator('td').first().textContent()) ?? '';
  await rows.first().getByRole('button', { name: /^查\s*看$/ }).click();
  const drawer = page.getByTestId('w3-pairing');
  await expect.poll(() => drawer.getByTestId('w3-pairing-print').isVisible(), { timeout: 30_000 }).toBe(true);
  const title = (await page.getByTestId('pairing-agreement-print').locator('h2').textContent()) ?? '';
  expect(name).toContain(title);
  await keep('05-pairing-drawer-zh');
  const text = await printedText(() => drawer.getByTestId('w3-pairing-print').click(), title, 'pairing-agreement');
  expect(text).toContain(title);
  expect(text).toContain('协议内容');
  expect(text).toContain('牵头党组织（盖章）');
  expect(text).not.toContain('岗区队·里程碑');
  expect(text).not.toContain('关联联席会议');
  await drawer.locator('.ant-drawer-close').click();
});

it('prints the democratic review summary alone to A4', async () => {
  const branches = await api<{ id: string; name: string }[]>('points.branches', {});
  const summary = '全体党员参加，逐一评议，结果已在支部公示。';
  await api('evaluation.save', { orgId: branches[0]!.id, year: YEAR, activityId: null, summary, grades: [] });
  await page.getByRole('menuitem', { name: '党费与评议' }).click({ timeout: 30_000 });
  await page.getByRole('tab', { name: '民主评议' }).click();
  await page.getByRole('button', { name: '评议汇总报告' }).click({ timeout: 30_000 });
  const title = `${branches[0]!.name} ${YEAR} 年度民主评议党员情况汇总`;
  await page.getByTestId('review-report').getByText(title).waitFor();
  // The dialog zooms in: the screenshot waits until it stands still.
  await expect.poll(() => page.evaluate(`(() => { const s = getComputedStyle(document.querySelector('.ant-modal')); return s.opacity + s.transform; })()`)).toMatch(/^1(none|matrix\(1, 0, 0, 1, 0, 0\))$/);
  await keep('06-review-summary-zh');
  const text = await printedText(() => page.getByTestId('review-report-print-button').click(), title, 'review-summary');
  expect(text).toContain(title);
  expect(text).toContain(summary);
  expect(text).not.toContain('党费与评议');
  expect(text).not.toContain('保存评议');
});
