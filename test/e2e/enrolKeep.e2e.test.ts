// Work typed before enrolment never vanishes (issue 15), in Chromium through browser mode: enrolling
// as Lintong's instructor, the 同步 screen first shows what that identity would refuse (org units and
// an outlet typed earlier), offers them as Excel, and on finishing keeps them on the device — not
// sent, not refused, not deleted — until the user deletes them. Screens in zh and en.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';
import { startE2eHq, type E2eHq } from './support/sync-hq.js';

const SHOTS = '/work/shots/signin2';
let hq: E2eHq;
let app: RunningApp;
let browser: Browser;
let page: Page;
let personId: string;

async function api<T>(name: string, input: unknown): Promise<T> {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

const save = async (name: string) => {
  const file = await shot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
};

beforeAll(async () => {
  hq = await startE2eHq();
  app = await startApp();
  const top = await api<{ id: string }>('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await api<{ id: string }>('orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: top.id });
  const county = await api<{ id: string }>('orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
  const outlet = await api<{ id: string }>('outlets.save', { code: 'XA-LT-0001', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id });
  personId = (await api<{ id: string }>('people.save', { name: '骊山保留员', citizenId: makeCitizenId('610115', '1988-06-01', 412, true), politicalStatus: 'masses', outletId: outlet.id })).id;
  browser = await launchBrowser();
  page = await newPage(browser);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await hq?.close();
});

it('shows what an instructor would be refused before the enrolment completes, and offers it as Excel', async () => {
  await page.goto(`${app.url}#/sync`);
  await page.getByLabel(/总部服务器地址/).fill(hq.url);
  await page.getByLabel(/^注册码$/).fill(await hq.code('骊山指导员', 'instructor', '/hq/xa/xa-lintong/'));
  await page.getByRole('button', { name: /注\s*册/ }).click();
  const review = page.getByTestId('enrol-review');
  await expect.poll(() => review.isVisible(), { timeout: 20_000 }).toBe(true);
  const text = await review.innerText();
  expect(text).toContain('骊山指导员（党建指导员）');
  for (const name of ['陕西省公司', '西安分公司', '临潼区分公司', '临潼骊山路营业厅']) expect(text).toContain(name);
  expect(text).toContain('党建指导员无权修改此类数据');
  expect(text).not.toContain('骊山保留员'); // the person an instructor may send
  // Nothing reached HQ yet.
  expect(await hq.store.db.selectFrom('hq_rows').select('row_id').where('row_id', '=', personId).execute()).toHaveLength(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('enrol-export').click();
  expect((await download).suggestedFilename()).toMatch(/^注册时保留的记录_\d{4}-\d{2}-\d{2}\.xlsx$/);
  await save('enrol-01-review-zh');
});

it('finishing keeps those records on the device, and sends the rest', async () => {
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await page.getByTestId('enrol-finish').click();
  await reloaded;
  await expect.poll(() => page.getByTestId('sync-card-连接状态').textContent(), { timeout: 20_000 }).toContain('已连接总部');
  await expect.poll(() => page.getByTestId('sync-card-待发送的修改').textContent()).toContain('0');
  expect(await page.getByTestId('sync-card-被拒绝的修改').textContent()).toContain('0');
  expect(await hq.store.db.selectFrom('hq_rows').select('row_id').where('row_id', '=', personId).execute()).toHaveLength(1);
  const kept = page.getByTestId('enrol-kept');
  await expect.poll(() => kept.isVisible()).toBe(true);
  expect(await kept.innerText()).toContain('临潼骊山路营业厅');
  await save('enrol-02-kept-zh');
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => kept.innerText()).toContain('Records kept on this device at enrolment');
  expect(await kept.innerText()).toContain('Instructors cannot change this kind of record');
  await save('enrol-03-kept-en');
});

it('deletes the kept records only when the user confirms', async () => {
  await page.getByTestId('kept-discard').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /OK|确\s*定/ }).click();
  await expect.poll(() => page.getByTestId('enrol-kept').count()).toBe(0);
  const left = app.backend.profile.store.raw.prepare("SELECT count(*) AS n FROM outlets WHERE code = 'XA-LT-0001'").get() as { n: number };
  expect(left.n).toBe(0);
});
