// Sync end to end in Chromium through browser mode: one HQ and two county devices. Both enrol on
// the 同步 screen, then work while HQ is unreachable — each registers an outlet and both rename the
// same outlet. When HQ is back they sync; each sees the other's outlet, both converge on one name,
// and both show the conflict record with both values, who and when. The losing side re-applies its
// value with one click and it wins everywhere. Screenshots at 1366×768 in test-output/screenshots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { enrolledDevice, type TestDevice } from '../sync/support.js';
import { call } from '../support/builders.js';
import { pick, saveDialog } from './support/antd.js';
import { startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';
import { startE2eHq, type E2eHq } from './support/sync-hq.js';
import { syncNow } from './support/sync-ui.js';

const SCOPE = '/hq/xa/xa-lintong/';
const SHARED = '临潼骊山路营业厅';

let hq: E2eHq;
let admin: TestDevice;
let apps: RunningApp[] = [];
let browser: Browser;
let pages: Page[] = [];

beforeAll(async () => {
  hq = await startE2eHq();
  // HQ's administrator sets up the county and one outlet (an in-process device, through the real API).
  admin = await enrolledDevice(hq, { user: '省公司管理员', role: 'hq_admin', scope: '/' });
  const ctx = admin.context();
  const top = await call(ctx, 'orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await call(ctx, 'orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: top.id });
  const county = await call(ctx, 'orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
  await call(ctx, 'outlets.save', { code: 'XA-LT-0001', name: SHARED, channelType: 'own_store', countyId: county.id, staffCount: 9 });
  await admin.sync();
  apps = [await startApp(), await startApp()];
  browser = await launchBrowser();
  pages = [await newPage(browser), await newPage(browser)];
});

beforeEach((t) => {
  onTestFailed(async () => {
    for (const [i, p] of pages.entries()) await shot(p, `sync-failed-${i}-${t.task.name.slice(0, 20).replace(/\W+/g, '-')}`);
    // What each side holds, for telling a slow screen from a sync that did not happen.
    for (const [i, a] of apps.entries()) {
      const raw = a.backend.profile.store.raw;
      console.log(`device ${i}:`, JSON.stringify({
        meta: raw.prepare(`SELECT key, value FROM meta WHERE key IN ('sync_cursor', 'sync_last_success', 'sync_hq_url')`).all(),
        outbox: raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get(),
        conflicts: raw.prepare(`SELECT version, col, loser_value, winner_value, deleted, dismissed_at, reapplied_at FROM sync_conflicts`).all(),
      }));
    }
    console.log('HQ conflicts:', JSON.stringify(await hq.store.db.selectFrom('hq_conflicts').selectAll().execute()));
  });
});

afterAll(async () => {
  await browser?.close();
  for (const a of apps) await a.stop();
  await admin?.cleanup();
  await hq?.close();
});

const nav = (p: Page, name: string) => p.getByRole('menuitem', { name }).click();
const card = (p: Page, title: string) => p.getByTestId(`sync-card-${title}`);

it('enrols both devices from the 同步 screen', async () => {
  for (const [i, p] of pages.entries()) {
    await p.goto(`${apps[i]!.url}#/sync`);
    await expect.poll(() => p.getByText('注册本设备到总部').isVisible()).toBe(true);
    if (i === 0) await shot(p, 'sync-01-enrol-form');
    await p.getByLabel('总部服务器地址').fill(hq.url);
    await p.getByLabel('注册码').fill(await hq.code(i === 0 ? '张县组织员' : '李县组织员', 'county_organiser', SCOPE));
    // Once enrolled, the screen reloads itself (who the device acts for has changed): wait for that
    // reload, or a later click could land on the page that is going away.
    const reloaded = p.waitForEvent('load', { timeout: 30_000 });
    void reloaded.catch(() => {});
    await p.getByRole('button', { name: /注\s*册/ }).click();
    await reloaded;
    await expect.poll(() => card(p, '连接状态').textContent(), { timeout: 20_000 }).toContain('已连接总部');
  }
  await shot(pages[0]!, 'sync-02-enrolled');
  await nav(pages[1]!, '渠道网点');
  await expect.poll(() => pages[1]!.getByText(SHARED).isVisible()).toBe(true);
});

it('works offline: each device registers an outlet and renames the shared one', async () => {
  await hq.down();
  for (const [i, p] of pages.entries()) {
    const who = i === 0 ? '张' : '李';
    await nav(p, '渠道网点');
    await p.getByRole('button', { name: /新建网点/ }).click();
    const form = p.getByRole('dialog');
    await form.getByLabel('编码', { exact: true }).fill(`XA-LT-${i === 0 ? '0101' : '0202'}`);
    await form.getByLabel('网点名称', { exact: true }).fill(`${who}家村乡村服务点`);
    await pick(p, form, '所属县（区）', '临潼区分公司');
    await saveDialog(p, form);
    await expect.poll(() => p.getByRole('cell', { name: `${who}家村乡村服务点` }).isVisible()).toBe(true);

    await p.getByText(SHARED, { exact: true }).click();
    const edit = p.getByRole('dialog');
    await expect.poll(() => edit.getByLabel('网点名称', { exact: true }).inputValue()).toBe(SHARED);
    await edit.getByLabel('网点名称', { exact: true }).fill(`${SHARED}${who}改`);
    await saveDialog(p, edit);
    await expect.poll(() => p.getByRole('cell', { name: `${SHARED}${who}改` }).isVisible()).toBe(true);

    await nav(p, '同步');
    await syncNow(p); // HQ is down: the changes wait, the reason is shown in plain Chinese
    await expect.poll(() => card(p, '连接状态').textContent()).toContain('离线');
    await expect.poll(() => p.getByRole('alert').filter({ hasText: '无法连接总部服务器' }).first().isVisible()).toBe(true);
    expect(Number((await card(p, '待发送的修改').locator('.ant-statistic-content-value').textContent()) ?? 0)).toBeGreaterThan(0);
    if (i === 0) await shot(p, 'sync-03-offline-waiting');
  }
});

it('syncs when HQ is back: each sees the other\u2019s work and the conflict record', async () => {
  await hq.up();
  await syncNow(pages[0]!);
  await syncNow(pages[1]!);
  await syncNow(pages[0]!);
  for (const p of pages) {
    await expect.poll(() => card(p, '连接状态').textContent()).toContain('已连接总部');
    await expect.poll(() => card(p, '待发送的修改').textContent()).toContain('0');
  }
  // Both devices hold both new outlets and the same name for the shared one.
  const names: string[] = [];
  for (const p of pages) {
    await nav(p, '渠道网点');
    await expect.poll(() => p.getByText('张家村乡村服务点').isVisible()).toBe(true);
    await expect.poll(() => p.getByText('李家村乡村服务点').isVisible()).toBe(true);
    names.push((await p.getByText(/临潼骊山路营业厅.改/).textContent())!);
  }
  expect(names[0]).toBe(names[1]);
  await shot(pages[0]!, 'sync-04-outlets-after-sync');
  const winner = names[0]!;
  const loserName = winner.includes('张') ? `${SHARED}李改` : `${SHARED}张改`;

  for (const [i, p] of pages.entries()) {
    await nav(p, '同步');
    const rows = p.getByTestId('sync-conflicts').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    const text = (await rows.first().textContent())!;
    expect(text).toContain(winner);
    expect(text).toContain(loserName);
    expect(text).toContain('张县组织员');
    expect(text).toContain('李县组织员');
    await shot(p, `sync-05-conflict-record-device-${i + 1}`);
  }

  // The side whose value lost re-applies it with one click; after a sync it is the name everywhere.
  const loserPage = pages[winner.includes('张') ? 1 : 0]!;
  await loserPage.getByTestId('sync-conflicts').getByRole('button', { name: /重新应用/ }).click();
  await expect.poll(() => loserPage.getByText('已重新应用').isVisible()).toBe(true);
  await syncNow(loserPage);
  const other = pages.find((p) => p !== loserPage)!;
  await syncNow(other);
  await nav(other, '渠道网点');
  await expect.poll(() => other.getByText(loserName).isVisible()).toBe(true);
  await shot(other, 'sync-06-reapplied-everywhere');
});
