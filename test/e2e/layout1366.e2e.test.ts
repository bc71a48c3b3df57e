// Every list screen at a county office's 1366×768, in Chinese and in English, on a synthetic province
// (field trial: organisation names cut to one character in 组织架构, outlet names to four in 发展党员,
// a page scroll bar beside the table's own on 渠道网点, English headers broken inside a word, Chinese
// tags in the English audit log). Measured in the page as the user sees it; screenshots of each.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { openProfile, setIdentity } from '../../db/profile.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { generateProvince } from '../synthetic/generate.js';
import { startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';
import { poll } from './support/session.js';

// Longer than any generated name: what a real office calls its units and branches.
const LONG_UNIT = '雁塔区曲江新区大唐不夜城网格';
const LONG_ORG = '中国电信雁塔区曲江新区大唐不夜城营业部联合党支部';

let app: RunningApp;
let browser: Browser;
let page: Page;

async function api<T>(name: string, input: unknown): Promise<T> {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-e2e-layout-'));
  const profile = await openProfile(dir);
  await generateProvince(profile.store.raw, { counties: 2, seed: 1, today: todayInBeijing() });
  await setIdentity(profile.store, { role: 'hq_admin', scopePath: '/hq/', userName: '省公司管理员（合成）' });
  await profile.store.close();
  app = await startApp(dir);
  const units = await api<{ id: string; level: string }[]>('orgUnits.list', {});
  const county = units.find((u) => u.level === 'county')!;
  const grid = await api<{ id: string }>('orgUnits.save', { code: 'e2e-long-grid', name: LONG_UNIT, level: 'grid', parentId: county.id });
  await api('partyOrgs.save', { name: LONG_ORG, orgType: 'joint_branch', settingMode: 'grid', unitId: grid.id });
  // The audit log's three kinds of entry: an export with full values, a reveal, and a plain export.
  const person = (await api<{ rows: { id: string }[] }>('people.list', { politicalStatus: ['full_member'], limit: 1, offset: 0 })).rows[0]!;
  await api('registry.export', { list: 'roster', fullIds: true });
  await api('people.reveal', { id: person.id });
  await api('registry.export', { list: 'pipeline' });
  browser = await launchBrowser();
  page = await newPage(browser);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `layout1366-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

type Lang = 'zh' | 'en';

async function open(lang: Lang, hash: string): Promise<void> {
  await page.goto(`${app.url}#/${hash}`);
  await page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);
  await page.reload();
}

/** Waits until the tables show rows and nothing is loading any more. */
async function settled(): Promise<void> {
  await poll(() => page.locator('.ant-table-tbody .ant-table-row').first().isVisible()).toBe(true);
  await poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
}

async function tab(index: number): Promise<void> {
  await page.locator('.ant-tabs-nav').first().locator('.ant-tabs-tab').nth(index).click();
  await settled();
}

interface Layout {
  /** The page or an element that scrolls sideways. */
  sideways: string[];
  /** Scroll bars inside a scrolling page, or inside another scrolling element. */
  nested: string[];
  /** Header cells whose text does not fit (cut or spilling over). */
  spilling: string[];
  /** Header (and, in English, body) cells whose text wraps inside a word. */
  brokenWords: string[];
}

// Page code as a string: this file is type-checked without the DOM's types.
const MEASURE = `(() => {
  const shown = (e) => e.getClientRects().length > 0;
  const name = (e) => [e, e.parentElement].map((x) => x.getAttribute('data-testid') || x.className.toString() || x.tagName).join(' in ').slice(0, 80);
  const scrolls = (e, axis) => {
    const s = getComputedStyle(e);
    return axis === 'y'
      ? /auto|scroll/.test(s.overflowY) && e.clientHeight > 0 && e.scrollHeight > e.clientHeight + 1
      : /auto|scroll/.test(s.overflowX) && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1;
  };
  const all = [...document.body.querySelectorAll('*')].filter(shown);
  const root = document.scrollingElement;
  const ys = all.filter((e) => scrolls(e, 'y'));
  const pageScrolls = root.scrollHeight > root.clientHeight + 1;
  const nested = (pageScrolls ? ys : ys.filter((e) => ys.some((o) => o !== e && o.contains(e)))).map(name);
  const sideways = [...(root.scrollWidth > root.clientWidth + 1 ? ['the page'] : []), ...all.filter((e) => scrolls(e, 'x')).map(name)];
  const chars = (cell) => {
    const out = [];
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const box = r.getClientRects()[0];
        if (box) out.push({ node: n, ch: n.data[i], top: box.top, right: box.right });
      }
    }
    return out;
  };
  // A word is broken when two letters or digits next to each other in one text sit on different lines.
  const broken = (cell) => {
    const cs = chars(cell);
    for (let i = 1; i < cs.length; i++) {
      const a = cs[i - 1], b = cs[i];
      if (a.node === b.node && /[A-Za-z0-9]/.test(a.ch) && /[A-Za-z0-9]/.test(b.ch) && b.top > a.top + 2)
        return cs.slice(Math.max(0, i - 12), i).map((c) => c.ch).join('') + '|' + cs.slice(i, i + 12).map((c) => c.ch).join('');
    }
    return null;
  };
  // Text spills when it runs past the cell's padding (cut off or over the next cell).
  const spills = (cell) => {
    const edge = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
    return chars(cell).some((c) => c.right > edge + 1);
  };
  const heads = [...document.querySelectorAll('.ant-table-thead th')].filter(shown);
  const cells = localStorage.getItem('rc.lang') === 'en'
    ? [...heads, ...[...document.querySelectorAll('.ant-table-tbody td')].filter(shown)]
    : heads;
  return {
    sideways,
    nested,
    spilling: heads.filter(spills).map((th) => th.textContent),
    brokenWords: cells.filter((c) => /[A-Za-z0-9]{2}/.test(c.textContent)).map(broken).filter((b) => b),
  };
})()`;

const measure = () => page.evaluate(MEASURE) as Promise<Layout>;

/**
 * For each cell (a table cell or a tree row's title) the selector finds: its first text, how many of
 * its characters show before the cell or anything inside it cuts them off, and the hover title around it.
 */
const visibleChars = (selector: string) =>
  page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].filter((c) => c.getClientRects().length > 0).map((cell) => {
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let text = walk.nextNode();
    while (text && !text.data.trim()) text = walk.nextNode();
    if (!text) return { text: '', title: null, shown: 0 };
    let edge = Infinity;
    for (let x = text.parentElement; x; x = x === cell ? null : x.parentElement) {
      const st = getComputedStyle(x);
      if (x === cell || st.overflowX !== 'visible') edge = Math.min(edge, x.getBoundingClientRect().right - parseFloat(st.paddingRight));
    }
    let shown = 0;
    for (let i = 0; i < text.data.length; i++) {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      if (r.getBoundingClientRect().right <= edge + 0.5) shown++;
    }
    const titled = text.parentElement.closest('[title]');
    return { text: text.data.trim(), title: titled && cell.contains(titled) ? titled.getAttribute('title') : null, shown };
  })`) as Promise<{ text: string; title: string | null; shown: number }[]>;

// The cells measured, found by position as the user sees them (the tree's titles, a table's columns).
const TREE_NAMES = '.ant-tree-node-content-wrapper';
const ORG_NAMES = '[role="tabpanel"]:not([aria-hidden="true"]) .ant-table-tbody tr.ant-table-row td:nth-child(1)';
const PIPELINE_OUTLETS = '[role="tabpanel"]:not([aria-hidden="true"]) .ant-table-tbody tr.ant-table-row td:nth-child(2)';

/** The list screens: where they are, and which page-level tab. */
const SCREENS: { name: string; hash: string; tab?: number }[] = [
  { name: 'workbench', hash: 'dashboard' },
  { name: 'outlets', hash: 'outlets' },
  { name: 'roster', hash: 'people', tab: 0 },
  { name: 'duplicates', hash: 'people', tab: 2 },
  { name: 'coverage', hash: 'people', tab: 3 },
  { name: 'pipeline', hash: 'people', tab: 4 },
  { name: 'registers', hash: 'people', tab: 5 },
  { name: 'audit', hash: 'people', tab: 6 },
  { name: 'activities', hash: 'activities', tab: 0 },
  { name: 'compliance', hash: 'activities', tab: 1 },
  { name: 'duties', hash: 'instructors', tab: 0 },
  { name: 'visits', hash: 'instructors', tab: 1 },
  { name: 'assignments', hash: 'instructors', tab: 2 },
];

async function selectUnit(name: string): Promise<void> {
  await page.locator('.ant-tree-node-content-wrapper', { hasText: name }).first().click();
  await settled();
}

for (const lang of ['zh', 'en'] as const) {
  it(`组织架构 (${lang}): whole unit names in the tree, counts that say what they count, organisation names not cut to a character`, async () => {
    await open(lang, 'org');
    await poll(() => page.locator('.ant-tree-treenode').count()).toBeGreaterThan(5);
    // Every unit's name shows whole in the tree; one longer than the panel keeps most of it, whole on hover.
    const names = await visibleChars(TREE_NAMES);
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => n.title !== n.text || (n.text !== LONG_UNIT && n.shown < n.text.length))).toEqual([]);
    expect(names.find((n) => n.text === LONG_UNIT)!.shown).toBeGreaterThanOrEqual(7);
    // The counts after each unit say what they count: a key under the search box and a tooltip.
    expect(await page.getByTestId('org-counts-key').textContent()).toMatch(lang === 'zh' ? /网点数 \/ 党员数/ : /outlets \/ Party members/);
    const counts = page.locator('.ant-tree-treenode', { hasText: LONG_UNIT }).getByTestId('org-unit-counts');
    expect(await counts.textContent()).toBe('0/0');
    await page.getByTestId('org-unit-counts').first().hover();
    const tip = page.locator('.ant-tooltip:visible');
    await poll(() => tip.textContent()).toMatch(lang === 'zh' ? /共有网点 \d+ 个、党员 \d+ 名/ : /^\d+ outlets and \d+ Party members/);
    await page.waitForTimeout(300); // the tooltip's fade-in, for the picture
    await page.screenshot({ path: join(process.cwd(), 'test-output', 'screenshots', `layout1366-org-counts-${lang}.png`) });
    await page.mouse.move(0, 0);

    // The organisations of a unit: the name column keeps room for a dozen characters.
    await selectUnit(LONG_UNIT);
    const [org] = await visibleChars(ORG_NAMES);
    expect(org).toMatchObject({ text: LONG_ORG, title: LONG_ORG });
    expect(org!.shown).toBeGreaterThanOrEqual(10);
    const county = (await api<{ name: string; level: string }[]>('orgUnits.list', {})).find((u) => u.level === 'county')!;
    await selectUnit(county.name);
    const orgs = await visibleChars(ORG_NAMES);
    expect(orgs.length).toBeGreaterThan(3);
    expect(orgs.filter((o) => o.shown < Math.min(o.text.length, 10) || o.title !== o.text)).toEqual([]);
    expect(await measure()).toEqual({ sideways: [], nested: [], spilling: [], brokenWords: [] });
    await shot(page, `layout1366-org-${lang}`);
  });

  it(`every list screen (${lang}) shows its columns without scrolling sideways, one scroll bar at a time, headers whole`, async () => {
    const found: Record<string, Layout> = {};
    for (const s of SCREENS) {
      await open(lang, s.hash);
      if (s.hash === 'dashboard') await poll(() => page.getByTestId('due-counts').isVisible()).toBe(true);
      await settled();
      if (s.tab !== undefined) await tab(s.tab);
      found[s.name] = await measure();
      await shot(page, `layout1366-${s.name}-${lang}`);
    }
    const clean = { sideways: [], nested: [], spilling: [], brokenWords: [] };
    expect(found).toEqual(Object.fromEntries(SCREENS.map((s) => [s.name, clean])));
  });

  it(`发展党员 (${lang}): outlet names keep a dozen characters, whole on hover`, async () => {
    await open(lang, 'people');
    await settled();
    await tab(4);
    const outlets = await visibleChars(PIPELINE_OUTLETS);
    expect(outlets.length).toBeGreaterThan(5);
    expect(outlets.filter((o) => o.shown < Math.min(o.text.length, 10) || o.title !== o.text)).toEqual([]);
  });
}

it('the audit log in English: tags and entries in English, names of people as they are', async () => {
  await open('en', 'people');
  await settled();
  await tab(6);
  const tags = await page.getByTestId('audit-tag').allTextContents();
  expect(tags.length).toBeGreaterThanOrEqual(4);
  expect(tags.filter((t) => /[\u3400-\u9fff]/.test(t))).toEqual([]);
  expect(new Set(tags)).toEqual(new Set(['Export', 'Reveal', 'Yes']));
  const entries = await page.getByTestId('audit-what').allTextContents();
  expect(entries).toHaveLength(3);
  expect(entries[0]).toBe('Exported "Recruitment register", ' + entries[0]!.match(/\d+ rows$/)![0]);
  expect(entries[1]).toMatch(/^Revealed the full id and phone of [\u3400-\u9fff]{2,4}$/);
  expect(entries[2]).toMatch(/^Exported "Member roster", \d+ rows, with full ids and phones$/);
  const rows = await page.locator('.ant-table-tbody .ant-table-row').allTextContents();
  expect(rows.every((r) => r.includes('(HQ administrator)'))).toBe(true);
  await shot(page, 'layout1366-audit-en');
});
