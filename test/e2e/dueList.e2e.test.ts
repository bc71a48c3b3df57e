// 待办 end to end in Chromium through browser mode, on a synthetic county (field trial: hundreds of
// items in one scroll, unexplained 99+ badges, no way for an instructor to see their own). The
// county organiser sees the list grouped by kind and organisation, folded, with counts in words;
// filters it to overdue visits and settles one, dated in its month; the keys to the lights of
// 合规情况 and 履职情况; an instructor sees only their own by default. Screenshots in both languages.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { openProfile, setIdentity } from '../../db/profile.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { addMonths, periodOf } from '../../shared/orglife/periods.js';
import { generateProvince } from '../synthetic/generate.js';
import { chooseIn, saveDialog } from './support/antd.js';
import { E2E_UNLOCK, startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, SCREENSHOTS, shot } from './support/browser.js';

const OUTLET = '骊山脚下乡村网点';
// What is due depends on "today" in Beijing: a run must not straddle a change of month (see
// orglife.e2e.test.ts), so one starting in a month's last minutes waits for the next.
const MONTH_GUARD_MS = 10 * 60_000;
const BEIJING_MS = 8 * 3_600_000;
function msToNextBeijingMonth(now = Date.now()): number {
  const b = new Date(now + BEIJING_MS);
  return Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 1) - BEIJING_MS - now;
}

let app: RunningApp;
let browser: Browser;
let page: Page;
let dir: string;
let lastMonth: { key: string; start: string; end: string };
let instructor: { id: string; name: string };

async function api<T>(name: string, input: unknown): Promise<T> {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

beforeAll(async () => {
  const left = msToNextBeijingMonth();
  if (left < MONTH_GUARD_MS) await new Promise((r) => setTimeout(r, left + 1_000));
  const today = todayInBeijing();
  lastMonth = periodOf(addMonths(today, -1), 'month');
  dir = mkdtempSync(join(tmpdir(), 'rc-e2e-due-'));
  // One synthetic county, recorded up to today, seen by its county organiser.
  const profile = await openProfile(dir);
  await generateProvince(profile.store.raw, { counties: 1, seed: 1, today });
  const county = profile.store.raw.prepare(`SELECT id, path FROM org_units WHERE level = 'county' ORDER BY sort LIMIT 1`).get() as { id: string; path: string };
  await setIdentity(profile.store, { role: 'county_organiser', scopePath: county.path, userName: '县级组织员（合成）' });
  await profile.store.close();
  app = await startApp(dir);
  // A contact point given to an instructor at the start of last month and never visited: an
  // overdue visit whatever the generator's dice did.
  instructor = (await api<{ id: string; name: string }[]>('instructors.list', {}))[0]!;
  const outlet = await api<{ id: string }>('outlets.save', { code: 'E2E-DUE-0001', name: OUTLET, channelType: 'rural', countyId: county.id });
  await api('instructorAssignments.save', { instructorId: instructor.id, outletId: outlet.id, validFrom: lastMonth.start, isContactPoint: true });
  browser = await launchBrowser();
  page = await newPage(browser);
}, MONTH_GUARD_MS + 180_000);

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `due-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The language the app starts in next time the page loads (the header's button keeps it there). */
const setLang = (lang: 'zh' | 'en') => page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);
const nav = (name: string) => page.getByRole('menuitem', { name }).click();
const list = () => page.getByTestId('due-list');
const items = () => page.getByTestId('due-item');
const count = async (level: string) => Number((await page.getByTestId(`due-counts-${level}`).textContent())!.replace(/\D+/g, ''));
const showDue = () => list().scrollIntoViewIfNeeded();
/** All the items the header counts, whatever their urgency. */
const counted = async () => (await count('overdue')) + (await count('warning')) + (await count('due'));
/**
 * A screenshot with a hover tooltip open: shot() plays transitions to their end first, which
 * closes antd's tooltips, so these are taken as the page stands.
 */
async function shotWithTooltip(name: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 400)); // the tooltip's fade-in
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
/** Picks the option whose label starts with `text` (options carry their counts: 驻点走访（23）). */
const filter = (label: string, text: string) =>
  chooseIn(page, list().getByLabel(label, { exact: true }), {
    option: (l: Locator) => l.locator('.ant-select-item-option', { hasText: text }),
    want: (title) => title.startsWith(text),
    what: `filter ${label} to ${text}`,
  });

it('groups a county’s long list by kind and organisation, folded, with counts in words', async () => {
  await page.goto(app.url);
  await expect.poll(() => page.getByTestId('due-counts').isVisible(), { timeout: 20_000 }).toBe(true);
  const total = await counted();
  expect(total).toBeGreaterThan(60);
  expect(await page.getByTestId('due-counts').textContent()).toMatch(/已逾期 \d+·即将到期 \d+·本期待办 \d+/);
  expect(await page.locator('body').textContent()).not.toContain('99+');
  // Folded: kinds with their counts, a page of groups each, no item listed until a group is opened.
  expect(await items().count()).toBe(0);
  const meetings = page.getByTestId('due-section-meeting');
  expect(await meetings.textContent()).toMatch(/^组织生活共 \d+ 项/);
  const groups = page.locator('section', { has: meetings }).getByTestId('due-group');
  expect(await groups.count()).toBe(8);
  // Nothing scrolls inside the list: the page scrolls, as any other.
  // (Page code as a string: this file is type-checked without the DOM's types.)
  const innerScroll = await page.evaluate(`[...document.querySelectorAll('[data-testid="due-list"] *')]
    .filter((x) => /auto|scroll/.test(getComputedStyle(x).overflowY) && x.scrollHeight > x.clientHeight + 1).length`);
  expect(innerScroll).toBe(0);
  // The coloured counts above say what they count.
  await page.getByLabel(/有党员、但没有任何党组织覆盖的渠道网点数/).hover();
  await expect.poll(() => page.locator('.ant-tooltip').getByText(/须尽快建立或挂靠党组织/).isVisible()).toBe(true);
  await shotWithTooltip('due-00-workbench-top');
  await page.mouse.move(0, 0);
  await showDue();
  await shot(page, 'due-01-grouped');

  await groups.first().click();
  await expect.poll(() => items().count()).toBeGreaterThan(0);
  expect(await items().count()).toBeLessThanOrEqual(10);
  await shot(page, 'due-02-group-open');
  await list().getByRole('button', { name: '各项含义' }).click();
  await expect.poll(() => page.getByTestId('due-legend').isVisible()).toBe(true);
  expect(await page.getByTestId('due-legend').textContent()).toContain('即将到期：本期尚未完成且已近截止：月度事项过了20日');
  await shot(page, 'due-03-legend');
  await list().getByRole('button', { name: '各项含义' }).click();
  await expect.poll(() => page.getByTestId('due-legend').isVisible()).toBe(false);

  // Narrowed to one grid, the list and its counts are that grid's.
  const all = total;
  const grid = (await api<{ id: string; name: string; level: string }[]>('orgUnits.list', {})).find((u) => u.level === 'grid')!;
  const inGrid = (await api<{ items: unknown[] }>('orgLife.due', { unitId: grid.id })).items.length;
  expect(inGrid).toBeLessThan(all);
  // (A tree select: chooseIn reads a plain select's chosen title; the counts say whether it took.)
  const unit = list().locator('.ant-select', { hasText: '全部单位' });
  await unit.click();
  await unit.locator('input').fill(grid.name);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: grid.name }).first().click();
  await expect.poll(counted).toBe(inGrid);
  await showDue();
  await shot(page, 'due-03b-one-grid');
  await page.reload();
  await expect.poll(counted).toBe(all);
});

it('filters to overdue visits and settles one, dated in its month', async () => {
  const overdue = await count('overdue');
  await filter('全部类型', '驻点走访');
  await filter('全部紧急程度', '已逾期');
  await expect.poll(() => page.getByTestId('due-section-meeting').count()).toBe(0);
  const item = items().filter({ hasText: `驻点走访 · ${OUTLET}` });
  await expect.poll(() => item.count()).toBe(1);
  const shown = await items().count();
  for (const text of await items().allTextContents()) expect(text).toMatch(/^已逾期驻点走访/);
  expect(await list().textContent()).toContain(`显示 ${shown} 项`);
  await showDue();
  await shot(page, 'due-04-filtered');

  await item.getByRole('button', { name: '去走访' }).click();
  const form = page.getByRole('dialog');
  const [y, m] = lastMonth.key.split('-');
  await expect.poll(() => form.getByTestId('settle-period').textContent()).toContain(`补登${y}年${Number(m)}月的记录`);
  await form.getByLabel('指导内容', { exact: true }).fill('检查三会一课记录本，指导规范填写缺席原因。');
  await shot(page, 'due-05-settle-form');
  await saveDialog(page, form);

  await expect.poll(() => item.count()).toBe(0);
  await expect.poll(() => count('overdue')).toBe(overdue - 1);
  expect(await items().count()).toBe(shown - 1);
  const saved = await api<{ rows: { heldOn: string; outletNames: string[] }[] }>('activities.list', { types: ['instructor_visit'], q: '驻点指导' });
  const visit = saved.rows.find((r) => r.outletNames.includes(OUTLET))!;
  expect(visit.heldOn >= lastMonth.start && visit.heldOn <= lastMonth.end).toBe(true);
  await shot(page, 'due-06-settled');
});

const WORDS = {
  zh: { kinds: '全部类型', life: '组织生活', record: '去登记', host: '主持人', absent: '缺席', error: '主持人在出勤名单中为“缺席”，不能担任主持人', cancel: /取\s*消/ },
  en: { kinds: 'All kinds', life: 'Organisation life', record: 'Record', host: 'Host', absent: 'Absent', error: 'The host is marked absent in the attendance list', cancel: /Cancel/ },
};

it('refuses an absent member as host on the form a meeting item opens, in Chinese and English', async () => {
  for (const lang of ['zh', 'en'] as const) {
    const w = WORDS[lang];
    await setLang(lang);
    await page.reload();
    await filter(w.kinds, w.life);
    await page.getByTestId('due-group').first().click();
    // Any meeting but a talk has a host and an attendance list.
    await items().filter({ hasNotText: /谈心谈话|Talk · / }).first().getByRole('button', { name: w.record }).click();
    const form = page.getByRole('dialog');
    const row = form.locator('.ant-table-tbody tr.ant-table-row').first();
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    const name = (await row.locator('td').first().locator('span').first().textContent())!;
    await chooseIn(page, form.getByLabel(w.host, { exact: true }), {
      search: name, confirm: 'enter', option: (l) => l.locator('.ant-select-item-option', { hasText: name }), want: (t) => t.includes(name), what: `host ${name}`,
    });
    await row.getByText(w.absent, { exact: true }).click();
    const error = form.locator('.ant-form-item-explain-error', { hasText: w.error });
    await expect.poll(() => error.count()).toBe(1);
    await error.scrollIntoViewIfNeeded();
    await shot(page, `due-07-absent-host-refused-${lang}`);
    await form.getByRole('button', { name: w.cancel }).click();
  }
  await setLang('zh');
  await page.reload();
});

it('explains the lights of 合规情况 and 履职情况, in Chinese and English', async () => {
  await nav('组织生活');
  await page.getByRole('tab', { name: '合规情况' }).click();
  await expect.poll(() => page.getByTestId('compliance-legend').textContent()).toContain('临近截止未开展');
  await page.getByTestId('compliance-legend').getByText('临近截止未开展').hover();
  await expect.poll(() => page.locator('.ant-tooltip').getByText(/月度事项过了20日/).isVisible()).toBe(true);
  await shotWithTooltip('due-08-compliance-legend');
  await page.mouse.move(0, 0);
  await nav('指导员工作');
  await expect.poll(() => page.getByTestId('duty-legend').textContent()).toContain('连续漏访或未讲党课');
  await expect.poll(() => page.getByTestId('duty-reasons').first().isVisible()).toBe(true);
  await shot(page, 'due-09-duties');

  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => page.getByTestId('duty-legend').textContent()).toContain('Visits missed in a row, or no lecture');
  await shot(page, 'due-10-duties-en');
  await nav('Org life');
  await page.getByRole('tab', { name: 'Compliance' }).click();
  await expect.poll(() => page.getByTestId('compliance-legend').textContent()).toContain('Late, not yet held');
  await shot(page, 'due-11-compliance-en');
  await nav('Dashboard');
  await expect.poll(() => page.getByTestId('due-counts').textContent()).toMatch(/Overdue \d+·Due soon \d+·Due this period \d+/);
  await showDue();
  await shot(page, 'due-12-grouped-en');
  await page.getByRole('button', { name: /中\s*文/ }).click();
});

it('shows an instructor only their own items by default', async () => {
  await app.stop({ keep: true });
  const profile = await openProfile(dir, E2E_UNLOCK);
  await setIdentity(profile.store, { role: 'instructor', userName: instructor.name });
  await profile.store.close();
  app = await startApp(dir);
  await page.goto(app.url);
  await expect.poll(() => page.getByTestId('due-counts').isVisible(), { timeout: 20_000 }).toBe(true);
  expect(await page.getByTestId('due-mine').getAttribute('aria-checked')).toBe('true');
  const mine = await counted();
  // Few enough to start open: every visit and duty listed is this instructor's.
  await expect.poll(() => items().count()).toBeGreaterThan(0);
  const texts = await items().allTextContents();
  for (const text of texts) if (text.includes('指导员 ')) expect(text).toContain(`指导员 ${instructor.name}`);
  expect(await items().filter({ hasText: `驻点走访 · ${OUTLET}` }).count()).toBe(1); // this month's visit
  await showDue();
  await shot(page, 'due-13-instructor-mine');

  await page.getByTestId('due-mine').click();
  await expect.poll(counted).toBeGreaterThan(mine);
  await page.getByTestId('due-mine').click();
  await filter('全部类型', '预备党员转正');
  await expect.poll(() => list().getByText('没有符合筛选条件的待办').isVisible()).toBe(true);
  await showDue();
  await shot(page, 'due-14-filtered-empty');
  await setLang('en');
  await page.reload();
  await expect.poll(() => items().count()).toBeGreaterThan(0);
  expect(await page.getByTestId('due-mine').getAttribute('aria-checked')).toBe('true');
  await showDue();
  await shot(page, 'due-15-instructor-mine-en');
  await setLang('zh');
});

it('tells an instructor whose name matches no instructor record why nothing is listed', async () => {
  await app.stop({ keep: true });
  const profile = await openProfile(dir, E2E_UNLOCK);
  await setIdentity(profile.store, { userName: '王五' });
  await profile.store.close();
  app = await startApp(dir);
  for (const [lang, text] of [['zh', '没有与登录名“王五”同名的在岗指导员记录'], ['en', 'No active instructor is named “王五”']] as const) {
    await setLang(lang);
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('due-mine-none').textContent(), { timeout: 20_000 }).toContain(text);
    expect(await items().count()).toBe(0);
    await showDue();
    await shot(page, `due-16-mine-unknown-${lang}`);
  }
  await setLang('zh');
});
