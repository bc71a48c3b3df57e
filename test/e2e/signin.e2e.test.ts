// Sign-in on a shared PC through browser mode in Chromium: the page carries no secret, the API
// refuses a caller without the session cookie, a wrong passphrase is refused in both languages, and
// after a whole run nothing personal is readable in the profile folder or in what the run left in tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { profileGate, type Gate } from '../../electron/browser/gate.js';
import { startBrowserServer, type BrowserServer } from '../../electron/browser/server.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { findPlain } from '../vault/scan.js';
import { RENDERER_DIST } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';
import { poll } from './support/session.js';

const PASS = '临潼-共用电脑-2026';
const SHOTS = '/work/shots/signin';
let dir: string;
let gate: Gate;
let srv: BrowserServer;
let browser: Browser;
let page: Page;
const started = Date.now();
// Made up for this run: no other test or profile holds them. The name is put together at run time
// because the test runner may leave this file's transformed source in tmp, which the scan reads.
const GIVEN = '测密锁钥守护';
const person = { name: `欧阳${GIVEN[started % 6]}${GIVEN[Math.floor(started / 6) % 6]}`, citizenId: makeCitizenId('610115', '1971-09-23', 700 + (started % 200), true), phone: `139${String(started).slice(-8)}` };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-e2e-signin-'));
  gate = profileGate(join(dir, 'profile'), { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
  srv = await startBrowserServer(gate, { staticDir: RENDERER_DIST });
  browser = await launchBrowser();
  page = await newPage(browser, { signIn: false });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await srv?.close();
  await gate?.close();
  rmSync(dir, { recursive: true, force: true });
});

const save = async (p: string) => {
  const file = await shot(page, p);
  const { copyFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${p}.png`));
};

it('serves a page without any secret, and the API refuses a caller without a session', async () => {
  const res = await fetch(srv.url);
  const html = await res.text();
  expect(html).not.toMatch(/rc-api-token|x-rc-token/);
  expect(res.headers.get('set-cookie')).toBeNull();
  const api = await fetch(`${srv.url}api/people.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(api.status).toBe(401);
  expect(((await api.json()) as { error: { message: string } }).error.message).toBe('请先登录');
});

it('sets the passphrase on first use, then shows the app', async () => {
  await page.goto(srv.url);
  await poll(() => page.getByTestId('signin').isVisible()).toBe(true);
  expect(await page.getByText('设置本机数据口令').isVisible()).toBe(true);
  await save('signin-01-first-run-zh');
  await page.getByTestId('signin-passphrase').fill(PASS);
  await page.getByTestId('signin-confirm').fill(`${PASS}x`);
  await page.getByTestId('signin-submit').click();
  await poll(() => page.getByText('两次输入的口令不一致').isVisible()).toBe(true);
  await page.getByTestId('signin-confirm').fill(PASS);
  await page.getByTestId('signin-submit').click();
  await poll(() => page.getByText('工作台').first().isVisible()).toBe(true);
  const cookies = await page.context().cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(await page.evaluate('document.cookie')).toBe(''); // the page's scripts cannot read it
  expect(await page.content()).not.toContain(cookies[0]!.value);
});

it('enters a person through the app; a new browser must sign in again and a wrong passphrase is refused in both languages', async () => {
  const r = await page.evaluate(async (p) => {
    const call = async (name: string, input: unknown) => (await (await fetch(`api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })).json()) as { ok: boolean; data: { id: string }; error?: { message: string } };
    const hq = await call('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
    const city = await call('orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: hq.data.id });
    const county = await call('orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.data.id });
    const outlet = await call('outlets.save', { code: 'LT01', name: '骊山营业厅', channelType: 'own_store', countyId: county.data.id });
    const branch = await call('partyOrgs.save', { name: '骊山营业厅党支部', orgType: 'branch', unitId: county.data.id });
    return call('people.save', {
      name: p.name, citizenId: p.citizenId, phone: p.phone, politicalStatus: 'full_member', outletId: outlet.data.id,
      member: { branchId: branch.data.id, joinDate: '2001-07-01', fullDate: '2002-07-01' },
    });
  }, person);
  expect(r.ok, r.error?.message).toBe(true);

  const other = await newPage(browser, { signIn: false });
  try {
    await other.goto(`${srv.url}#/people`);
    await poll(() => other.getByTestId('signin').isVisible()).toBe(true);
    expect(await other.getByText('登录红色渠道').isVisible()).toBe(true);
    await other.getByTestId('signin-passphrase').fill('不是这个口令');
    await other.getByTestId('signin-submit').click();
    await poll(() => other.getByTestId('signin-error').textContent()).toContain('口令不正确');
    page = other;
    await save('signin-02-wrong-zh');
    await other.getByRole('button', { name: 'English' }).click();
    await other.getByTestId('signin-passphrase').fill('still not it');
    await other.getByTestId('signin-submit').click();
    await poll(() => other.getByTestId('signin-error').textContent()).toContain('Wrong passphrase');
    await save('signin-03-wrong-en');
    await other.getByTestId('signin-passphrase').fill(PASS);
    await other.getByTestId('signin-submit').click();
    await poll(() => other.getByTestId('signin').count()).toBe(0);
    await save('signin-04-after-en');
    await poll(() => other.getByText(person.name).first().isVisible()).toBe(true);
  } finally {
    await other.context().close();
  }
});

it('leaves no id, phone or name readable in the profile folder, nor in what the run wrote to tmp', async () => {
  await srv.close();
  await gate.close();
  const since = started - 1000;
  const { statSync } = await import('node:fs');
  const hits = findPlain([join(dir, 'profile'), tmpdir()], [person.citizenId, person.phone, person.name], (p) => {
    try {
      return statSync(p).mtimeMs < since; // older files are not this run's
    } catch {
      return true;
    }
  });
  expect(hits).toEqual([]);
}, 120_000);
