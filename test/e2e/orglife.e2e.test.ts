// Organisation life end to end in Chromium through browser mode, as an instructor: the workbench
// lists the month's theme day as due; a theme day is recorded with attendance and a photo (a
// renamed non-image is refused in Chinese first); compliance turns from due to done, the due list
// updates, and the record book's PDF contains the meeting. Screenshots of every screen.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { openProfile, setIdentity } from '../../db/profile.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { addMonths, periodOf } from '../../shared/orglife/periods.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { pngBytes } from '../orglife/world.js';
import { chooseIn, saveDialog } from './support/antd.js';
import { E2E_UNLOCK, startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';

const OUT = join(process.cwd(), 'test-output');
const BRANCH = '骊山路营业厅党支部';
const TOPIC = '学习贯彻党的二十届四中全会精神';

// Everything here is "this month" in Beijing: what is due, compliance, the record book, the calendar.
// A run must not straddle the change of month, so one that would start in the last minutes of a
// month waits for the new one (this happens a few minutes a month at most), and "today" is taken
// once the run is under way, not when the file is loaded.
const MONTH_GUARD_MS = 10 * 60_000;
const BEIJING_MS = 8 * 3_600_000;
function msToNextBeijingMonth(now = Date.now()): number {
  const b = new Date(now + BEIJING_MS); // its UTC fields read Beijing's wall clock
  return Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 1) - BEIJING_MS - now;
}
let today: string;
let monthLabel: string;

let app: RunningApp;
let browser: Browser;
let page: Page;
let dir: string;

async function api<T>(name: string, input: unknown): Promise<T> {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

/** The county, a branch with four full members and one probationary, and an instructor. */
async function seed(): Promise<string> {
  const hq = await api<{ id: string }>('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await api<{ id: string }>('orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: hq.id });
  const county = await api<{ id: string; path: string }>('orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
  const outlet = await api<{ id: string }>('outlets.save', { code: 'XA-LT-0001', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id, staffCount: 9 });
  const branch = await api<{ id: string }>('partyOrgs.save', { name: BRANCH, orgType: 'branch', unitId: county.id, outletIds: [outlet.id] });
  const people: [string, string, string][] = [['王建国', '1978-03-14', 'full_member'], ['李秀英', '1983-07-02', 'full_member'], ['张伟', '1990-11-20', 'full_member'], ['刘洋', '1992-05-08', 'full_member'], ['陈静', '1998-09-16', 'probationary']];
  const ids: string[] = [];
  for (const [i, [name, birth, status]] of people.entries()) {
    const p = await api<{ id: string }>('people.save', {
      name, citizenId: makeCitizenId('610115', birth, 11 + i, i % 2 === 0), politicalStatus: status, outletId: outlet.id,
      member: { branchId: branch.id, joinDate: status === 'probationary' ? addMonths(today, -12) : '2012-07-01' },
    });
    ids.push(p.id);
  }
  await api('partyOrgs.save', { id: branch.id, name: BRANCH, orgType: 'branch', unitId: county.id, outletIds: [outlet.id], committee: [{ personId: ids[0], role: 'secretary' }] });
  const ins = await api<{ id: string }>('instructors.save', { name: '孙志强', unitId: county.id, active: true, personId: null });
  await api('instructorAssignments.save', { instructorId: ins.id, outletId: outlet.id, validFrom: periodOf(addMonths(today, -1), 'month').start, isContactPoint: true });
  return county.path;
}

beforeAll(async () => {
  const left = msToNextBeijingMonth();
  if (left < MONTH_GUARD_MS) await new Promise((r) => setTimeout(r, left + 1_000));
  today = todayInBeijing();
  monthLabel = `${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月`;
  dir = mkdtempSync(join(tmpdir(), 'rc-e2e-orglife-'));
  app = await startApp(dir);
  const countyPath = await seed();
  await app.stop({ keep: true });
  // The device now acts as the county's instructor.
  const profile = await openProfile(dir, E2E_UNLOCK);
  await setIdentity(profile.store, { role: 'instructor', scopePath: countyPath, userName: '孙志强' });
  await profile.store.close();
  app = await startApp(dir);
  browser = await launchBrowser();
  page = await newPage(browser);
}, MONTH_GUARD_MS + 180_000);

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `orglife-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const nav = (name: string) => page.getByRole('menuitem', { name }).click();
const tab = (name: string) => page.getByRole('tab', { name }).click();
const dueItem = (text: string | RegExp) => page.getByTestId('due-item').filter({ hasText: text });
const themeDayDue = () => dueItem(`主题党日 · ${BRANCH} · ${monthLabel}`);
/** Picks in a searchable antd select by typing, as a user does; Enter takes the first match. */
async function choose(scope: Locator, label: string, text: string): Promise<void> {
  await chooseIn(page, scope.getByLabel(label, { exact: true }), {
    search: text,
    confirm: 'enter',
    option: (list) => list.locator('.ant-select-item-option', { hasText: text }),
    want: (title) => title.includes(text),
    what: `choose “${text}” in ${label}`,
  });
}
const rowOf = (scope: Locator, name: string) => scope.locator('tr', { has: page.locator('td span', { hasText: name }) });

it('shows what is due on the workbench and in compliance', async () => {
  await page.goto(app.url);
  await expect.poll(() => themeDayDue().count()).toBe(1);
  expect(await dueItem('预备党员转正 · 陈静').count()).toBe(1);
  expect(await dueItem('驻点走访 · 临潼骊山路营业厅').count()).toBe(2); // last month missed, this month due
  expect(await page.getByText('党建指导员').first().isVisible()).toBe(true);
  await shot(page, 'orglife-01-workbench-due');

  await nav('组织生活');
  await expect.poll(() => page.getByText('还没有活动记录').isVisible()).toBe(true);
  await shot(page, 'orglife-01b-activity-log-empty');
  await tab('三会一课记录本');
  await expect.poll(() => page.getByText('本期没有已举行的会议记录').first().isVisible()).toBe(true);
  await shot(page, 'orglife-01c-record-book-empty');
  await tab('合规情况');
  const theme = page.getByTestId(`status-theme_day-${today.slice(0, 7)}`);
  await expect.poll(() => theme.textContent()).toMatch(new RegExp(`${monthLabel}：待开展`));
  await shot(page, 'orglife-02-compliance-due');
});

it('records a theme day with attendance and a photo from the due list', async () => {
  await nav('工作台');
  await themeDayDue().getByRole('button', { name: '去登记' }).click();
  const form = page.getByRole('dialog');
  await expect.poll(() => rowOf(form, '陈静').count()).toBe(1);
  expect(await rowOf(form, '陈静').getByText('预备党员').isVisible()).toBe(true);
  await form.getByLabel('主题', { exact: true }).fill(TOPIC);
  await form.getByLabel('地点', { exact: true }).fill('党员活动室');
  await form.getByLabel('开始时间', { exact: true }).fill('14:30');
  await choose(form, '主持人', '王建国');
  await choose(form, '记录人', '李秀英');
  await rowOf(form, '刘洋').getByText('缺席').click();
  await form.getByLabel('刘洋 原因').fill('外出培训');
  await rowOf(form, '陈静').getByText('请假').click();
  await form.getByLabel('陈静 原因').fill('病假');
  await form.getByLabel('会议内容/记录', { exact: true }).fill('书记领学全会公报，党员逐一交流学习体会，结合营业厅服务谈落实举措。');

  // A text file renamed to .jpg is refused by its bytes, in Chinese; nothing is stored.
  const files = form.locator('input[type=file]');
  await files.setInputFiles({ name: '合影.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是照片，只是一段文字。') });
  await expect.poll(() => page.locator('.ant-message').getByText('所选文件不是有效的图片').isVisible()).toBe(true);
  await shot(page, 'orglife-03-non-image-refused');
  expect(existsSync(join(app.dir, 'files'))).toBe(false);

  await files.setInputFiles({ name: '主题党日合影.png', mimeType: 'image/png', buffer: pngBytes(320, 200, [200, 30, 40]) });
  await expect.poll(() => form.getByTestId('attachment').count()).toBe(1);
  await form.getByText('主题党日合影.png').scrollIntoViewIfNeeded();
  await shot(page, 'orglife-04-theme-day-form');
  await saveDialog(page, form);

  // The due list no longer has the theme day; the other items stay.
  await expect.poll(() => themeDayDue().count()).toBe(0);
  expect(await dueItem('预备党员转正 · 陈静').count()).toBe(1);
  await shot(page, 'orglife-05-workbench-after');

  const list = await api<{ rows: { id: string; expected: number; present: number; attachmentCount: number }[] }>('activities.list', { types: ['theme_day'] });
  expect(list.rows).toHaveLength(1);
  expect(list.rows[0]).toMatchObject({ expected: 5, present: 3, attachmentCount: 1 });
  const detail = await api<{ recordedBy: string; scopePath: string; attachments: { sha256: string; thumbSha256: string | null }[] }>('activities.get', { id: list.rows[0]!.id });
  expect(detail.recordedBy).toBe('孙志强');
  expect(detail.scopePath).toBe('/hq/xa/xa-lintong/');
  expect(detail.attachments[0]!.thumbSha256).toMatch(/^[0-9a-f]{64}$/); // the browser drew a thumbnail
  expect(readdirSync(join(app.dir, 'files'), { recursive: true }).filter((f) => String(f).length > 64)).toHaveLength(2);
});

it('turns the branch’s month from due to done, and shows it on the calendar', async () => {
  await nav('组织生活');
  await tab('合规情况');
  const theme = page.getByTestId(`status-theme_day-${today.slice(0, 7)}`);
  await expect.poll(() => theme.textContent()).toBe(`${monthLabel}：已完成`);
  await shot(page, 'orglife-06-compliance-done');

  await tab('活动记录');
  await expect.poll(() => page.locator('.ant-table').getByText(TOPIC, { exact: false }).first().isVisible()).toBe(true);
  await shot(page, 'orglife-07-activity-log');

  await tab('日历');
  await expect.poll(() => page.locator('.ant-picker-calendar').getByText('主题党日').first().isVisible()).toBe(true);
  await shot(page, 'orglife-08-calendar');
});

it('renders the record book and saves it as a PDF that contains the meeting', async () => {
  await tab('三会一课记录本');
  const entry = page.getByTestId('recordbook-entry').first();
  await expect.poll(() => entry.isVisible()).toBe(true);
  const text = await entry.textContent();
  for (const s of ['主题党日', TOPIC, '主持人王建国', '记录人李秀英', '刘洋（缺席：外出培训）', '陈静（请假：病假）', '党员活动室', '书记领学全会公报，党员逐一交流']) expect(text).toContain(s);
  const savePdf = page.getByRole('button', { name: /保存为PDF/ });
  await expect.poll(() => savePdf.isEnabled()).toBe(true);
  await shot(page, 'orglife-09-record-book');

  // In browser mode 保存为PDF hands the page to Chromium's print dialog (Save as PDF is the
  // destination), with the document titled as the file should be named. Headless Chromium shows no
  // dialog, and a real print would still be running when page.pdf() below asks for the page
  // ("Page is already being printed"): the page's print is replaced by a recorder for the click.
  const title = await page.title();
  await page.evaluate(`(() => {
    const w = window;
    w.__rcPrints = [];
    w.__rcPrint = w.print;
    w.print = function () { w.__rcPrints.push(document.title); };
  })()`);
  try {
    await savePdf.click();
    await expect.poll(() => page.evaluate('window.__rcPrints')).toEqual([`${BRANCH}三会一课记录（${monthLabel}）`]);
    expect(await page.title()).toBe(title); // the title is given back after the print
  } finally {
    await page.evaluate('window.print = window.__rcPrint');
  }

  // What that print puts on paper: Chromium prints the page to PDF (print media, no print running).
  const work = mkdtempSync(join(tmpdir(), 'rc-e2e-pdf-'));
  const pdf = join(work, 'orglife-record-book.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  expect(statSync(pdf).size).toBeGreaterThan(10_000);
  // Kept for people to look at; copied whole and renamed, so runs side by side never read half a file.
  mkdirSync(OUT, { recursive: true });
  const kept = join(OUT, `orglife-record-book.pdf.${process.pid}.tmp`);
  copyFileSync(pdf, kept);
  renameSync(kept, join(OUT, 'orglife-record-book.pdf'));
  // poppler-utils' pdftotext (apt-get install poppler-utils) reads the text back out of Chromium's PDF.
  let out: string;
  try {
    out = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`pdftotext could not read ${join(OUT, 'orglife-record-book.pdf')} (${(e as Error).message}). Install it: apt-get install -y poppler-utils`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const flat = out.replace(/\s+/g, '');
  for (const s of ['三会一课记录', BRANCH, '主题党日', TOPIC, '外出培训', '病假', '王建国']) expect(flat).toContain(s);
  // The print stylesheet leaves the app (menu, tabs) out of the PDF.
  expect(flat).not.toContain('党员信息库');
});

it('shows instructor duties and records a visit with a photo', async () => {
  await nav('指导员工作');
  await expect.poll(() => page.locator('.ant-table').getByText('孙志强').first().isVisible()).toBe(true);
  await shot(page, 'orglife-10-instructor-duties');
  await tab('驻点走访');
  await page.getByRole('button', { name: '登记走访' }).click();
  const form = page.getByRole('dialog');
  await choose(form, '党建指导员', '孙志强');
  await choose(form, '走访网点', '骊山路');
  await form.getByLabel('指导内容', { exact: true }).fill('检查三会一课记录本，指导规范填写缺席原因。');
  await form.getByLabel('发现问题', { exact: true }).fill('10月党小组会记录缺少决议。');
  await form.getByLabel('后续跟进', { exact: true }).fill('下月走访时复查。');
  await form.locator('input[type=file]').setInputFiles({ name: '走访.png', mimeType: 'image/png', buffer: pngBytes(200, 120, [20, 90, 200]) });
  await expect.poll(() => form.getByTestId('attachment').count()).toBe(1);
  await shot(page, 'orglife-11-visit-form');
  await saveDialog(page, form);
  await expect.poll(() => page.locator('.ant-table').getByText('临潼骊山路营业厅').first().isVisible()).toBe(true);
  await shot(page, 'orglife-12-visits');

  await nav('工作台');
  await expect.poll(() => dueItem('驻点走访 · 临潼骊山路营业厅').count()).toBe(1); // only last month's miss is left
  // A conversion opens the member's record.
  await dueItem('预备党员转正 · 陈静').getByRole('button', { name: '办理转正' }).click();
  await expect.poll(() => page.getByRole('dialog').getByLabel('姓名', { exact: true }).inputValue()).toBe('陈静');
  await shot(page, 'orglife-13-conversion-opens-person');
});
