// Relay by file end to end in Chromium through browser mode. 张 works at a rural outlet with no
// network: the outlet they register waits on their device. They export a sync bundle on the 同步
// screen; their colleague 李, whose device reaches HQ, forwards it from their own 同步 screen and
// saves the answer; back on 张's device the answer is imported — 张's outlet is at HQ, 张 has 李's
// outlet, and importing the same answer again changes nothing. Screenshots at 1366×768 in
// test-output/screenshots.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { enrolledDevice, type TestDevice } from '../sync/support.js';
import { call } from '../support/builders.js';
import { pick, saveDialog } from './support/antd.js';
import { startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';
import { startE2eHq, type E2eHq, type Line } from './support/sync-hq.js';
import { syncNow } from './support/sync-ui.js';

const SCOPE = '/hq/xa/xa-lintong/';

let hq: E2eHq;
let zhangLine: Line;
let admin: TestDevice;
let countyId: string;
let apps: RunningApp[] = [];
let browser: Browser;
let pages: Page[] = [];
let files: string;
const bundlePath = () => join(files, 'bundle.rcsync');
const answerPath = () => join(files, 'answer.rcreply');

const api = async (app: RunningApp, name: string, input: unknown) => {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as { id: string };
};

beforeAll(async () => {
  hq = await startE2eHq();
  admin = await enrolledDevice(hq, { user: '省公司管理员', role: 'hq_admin', scope: '/' });
  const ctx = admin.context();
  const top = await call(ctx, 'orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await call(ctx, 'orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: top.id });
  countyId = (await call(ctx, 'orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id })).id;
  await admin.sync();
  apps = [await startApp(), await startApp()];
  // 张's device reaches HQ over its own line (an address of the same HQ that the test can cut).
  zhangLine = await hq.line();
  await api(apps[0]!, 'sync.enrol', { hqUrl: zhangLine.url, code: await hq.code('张指导员', 'county_organiser', SCOPE) });
  await api(apps[1]!, 'sync.enrol', { hqUrl: hq.url, code: await hq.code('李组织员', 'county_organiser', SCOPE) });
  // 张 leaves for the countryside: HQ is out of reach from there on.
  zhangLine.shut();
  browser = await launchBrowser();
  pages = [await newPage(browser), await newPage(browser)];
  files = mkdtempSync(join(tmpdir(), 'rc-e2e-usb-'));
});

beforeEach((t) => {
  onTestFailed(async () => {
    for (const [i, p] of pages.entries()) await shot(p, `relay-failed-${i}-${t.task.name.slice(0, 20).replace(/\W+/g, '-')}`);
  });
});

afterAll(async () => {
  await browser?.close();
  for (const a of apps) await a.stop();
  await admin?.cleanup();
  await hq?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

const nav = (p: Page, name: string) => p.getByRole('menuitem', { name }).click();
const card = (p: Page, title: string) => p.getByTestId(`sync-card-${title}`);
const result = (p: Page) => p.getByTestId('relay-result');

it('exports a sync bundle on the device with no network', async () => {
  const p = pages[0]!;
  await p.goto(`${apps[0]!.url}#/outlets`);
  await p.getByRole('button', { name: /新建网点/ }).click();
  const form = p.getByRole('dialog');
  await form.getByLabel('编码', { exact: true }).fill('XA-LT-0101');
  await form.getByLabel('网点名称', { exact: true }).fill('张家村乡村服务点');
  await pick(p, form, '所属县（区）', '临潼区分公司');
  await saveDialog(p, form);
  await expect.poll(() => p.getByRole('cell', { name: '张家村乡村服务点' }).isVisible()).toBe(true);

  await nav(p, '同步');
  await syncNow(p);
  await expect.poll(() => card(p, '连接状态').textContent(), { timeout: 20_000 }).toContain('离线');
  await expect.poll(() => card(p, '待发送的修改').textContent()).toContain('1');
  await expect.poll(() => p.getByRole('button', { name: /转交他人的同步包/ }).isDisabled()).toBe(true);
  await shot(p, 'relay-01-offline-with-waiting-change');

  const download = p.waitForEvent('download');
  await p.getByRole('button', { name: /导出同步包/ }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^同步包-张指导员-.{6}-\d{8}-\d{4}\.rcsync$/);
  await d.saveAs(bundlePath());
  await expect.poll(() => result(p).textContent()).toContain('同步包已导出（1 条修改）');
  expect(readFileSync(bundlePath()).includes(Buffer.from('张家村'))).toBe(false);
  await shot(p, 'relay-02-bundle-exported');
});

it('forwards the bundle from a colleague\u2019s online device and saves the answer', async () => {
  await api(apps[1]!, 'outlets.save', { code: 'XA-LT-0202', name: '李家村乡村服务点', channelType: 'own_store', countyId });
  await api(apps[1]!, 'sync.now', {});
  const p = pages[1]!;
  await p.goto(`${apps[1]!.url}#/sync`);
  await expect.poll(() => card(p, '连接状态').textContent(), { timeout: 20_000 }).toContain('已连接总部');
  await shot(p, 'relay-03-colleague-sync-screen');

  const download = p.waitForEvent('download');
  await p.getByTestId('relay-bundle-file').setInputFiles(bundlePath());
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^回执-张指导员-.{6}-\d{8}-\d{4}\.rcreply$/);
  await d.saveAs(answerPath());
  await expect.poll(() => result(p).textContent()).toContain('已为 张指导员 转交：上传 1 条，下载 1 条，冲突 0 条');
  await shot(p, 'relay-04-forwarded');
});

it('imports the answer on the offline device, once', async () => {
  const p = pages[0]!;
  // The wrong file first: the bundle itself. Nothing changes and the reason is plain.
  await p.getByTestId('relay-answer-file').setInputFiles(bundlePath());
  await expect.poll(() => result(p).textContent()).toContain('这是同步包，不是回执');
  await expect.poll(() => card(p, '待发送的修改').textContent()).toContain('1');
  await shot(p, 'relay-05-wrong-file');

  await p.getByTestId('relay-answer-file').setInputFiles(answerPath());
  await expect.poll(() => result(p).textContent()).toContain('回执已导入：上传 1 条，下载 1 条，冲突 0 条');
  await expect.poll(() => card(p, '待发送的修改').textContent()).toContain('0');
  await shot(p, 'relay-06-answer-imported');

  await p.getByTestId('relay-answer-file').setInputFiles(answerPath());
  await expect.poll(() => result(p).textContent()).toContain('该回执已导入，未做任何更改');
  await shot(p, 'relay-07-imported-again');

  await nav(p, '渠道网点');
  await expect.poll(() => p.getByText('李家村乡村服务点').isVisible()).toBe(true);
  const q = pages[1]!;
  await syncNow(q);
  await nav(q, '渠道网点');
  await expect.poll(() => q.getByText('张家村乡村服务点').isVisible()).toBe(true);
  await shot(q, 'relay-08-colleague-sees-relayed-outlet');
});
